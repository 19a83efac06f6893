import type { Store } from '../../src/server/store';

type AsyncMethod = {
  [K in keyof Store]: Store[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof Store];

/**
 * Holds every call of one of a running server's store methods until `release()`: its work done
 * (`'after'`: what it wrote is in, its caller not yet told) or not yet begun (`'before'`).
 * `entered` resolves once a call is held: a request made certain to be in flight at that step.
 */
export function holdStoreCalls(store: Store, method: AsyncMethod, when: 'before' | 'after') {
  const original = store[method].bind(store) as (...args: unknown[]) => Promise<unknown>;
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  let entered = () => {};
  const inside = new Promise<void>((r) => (entered = r));
  (store as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    if (when === 'before') {
      entered();
      await gate;
      return original(...args);
    }
    const answer = await original(...args);
    entered();
    await gate;
    return answer;
  };
  return { entered: inside, release: () => release() };
}
