import type { KyselyPlugin } from 'kysely';

/**
 * A Kysely plugin that holds the answer of the next query after `hold()` until `release()`: the
 * read is done, its caller not yet told (a race between a read and a write, made certain).
 */
export function heldAnswers() {
  let release = () => {};
  let held = Promise.resolve();
  let answered = () => {};
  let read = Promise.resolve();
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      const wait = held;
      held = Promise.resolve();
      answered();
      await wait;
      return args.result;
    },
  };
  return {
    plugin,
    /** Holds the next answer; `read()` resolves once it is in. */
    hold() {
      held = new Promise<void>((resolve) => (release = resolve));
      read = new Promise<void>((resolve) => (answered = resolve));
    },
    read: () => read,
    release: () => release(),
  };
}
