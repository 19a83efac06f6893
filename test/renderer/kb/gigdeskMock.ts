import { vi } from 'vitest';
import type { KbArticle, KbHit } from '../../../src/shared/contract/kb';

type Handler = (input: unknown) => unknown;

/** A `window.gigdesk` whose channels answer from `handlers` (others fail), recording calls. */
export function mockGigdesk(handlers: Record<string, Handler>) {
  const calls: { channel: string; input: unknown }[] = [];
  const api = new Proxy(
    {},
    {
      get: (_t, channel: string) => {
        if (channel === 'on') return () => () => undefined;
        return vi.fn(async (input: unknown) => {
          calls.push({ channel, input });
          const handler = handlers[channel];
          if (!handler) return { ok: false, error: { code: 'unavailable', message: channel } };
          return { ok: true, value: await handler(input) };
        });
      },
    },
  );
  Object.defineProperty(window, 'gigdesk', { value: api, configurable: true });
  return calls;
}

export function hit(id: string, title: string, more: Partial<KbHit> = {}): KbHit {
  return {
    id,
    brandId: 'acme',
    title,
    titleHighlights: [],
    snippet: `About ${title}`,
    snippetHighlights: [],
    tags: [],
    updatedAt: Date.UTC(2026, 0, 5),
    ...more,
  };
}

export function fullArticle(id: string, title: string, bodyMarkdown: string): KbArticle {
  return {
    id,
    brandId: 'acme',
    title,
    bodyMarkdown,
    tags: ['billing'],
    updatedAt: Date.UTC(2026, 0, 5),
  };
}

export const result = (hits: KbHit[], more: object = {}) => ({
  superseded: false,
  hits,
  mode: 'ranked',
  tookMs: 1,
  ...more,
});
