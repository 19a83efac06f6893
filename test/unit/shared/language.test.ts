import { describe, expect, it } from 'vitest';
import { inLanguageFirst, speaks } from '../../../src/shared/domain/language';

describe('languages', () => {
  it('matches on the primary subtag; unknown languages and unset lists always match', () => {
    expect(speaks(['es'], 'es-MX')).toBe(true);
    expect(speaks(['pt-BR'], 'pt')).toBe(true);
    expect(speaks(['es', 'en-GB'], 'de')).toBe(false);
    expect(speaks([], 'de')).toBe(true);
    expect(speaks(['es'], null)).toBe(true);
  });

  it('puts items in the language first and keeps each group in its order', () => {
    const hits = [
      { id: 'a', l: 'en' },
      { id: 'b', l: 'es' },
      { id: 'c', l: undefined },
      { id: 'd', l: 'es' },
    ];
    const order = (lang: string | null) => inLanguageFirst(hits, (h) => h.l, lang).map((h) => h.id);
    expect(order('es-ES')).toEqual(['b', 'd', 'a', 'c']);
    expect(order(null)).toEqual(['a', 'b', 'c', 'd']);
  });
});
