/**
 * Macros that match a ticket's text, scored with the knowledge base's own analyzer (kb/analyze.ts
 * words, stop words and stems, kb/query.ts `term` for a word's stems in every language), so a
 * macro and an article match a ticket by the same words. A brand has hundreds of macros, not
 * hundreds of thousands: their terms are held in memory (per brand, until a macro changes) and
 * scored by the rarity of the ticket words each holds, title words counting double.
 */
import { detectLanguage, fold, indexTerms, isNumber, isStopWord, words } from '../kb/analyze';
import { term } from '../kb/query';

export interface MacroText {
  id: string;
  title: string;
  body: string;
}

/** Per term, the macros holding it and how much: TITLE_WEIGHT in the title, else 1 in the body. */
interface Analyzed {
  macros: readonly MacroText[];
  count: number;
  postings: Map<string, Map<string, number>>;
}

/** How many of a ticket's words choose its macros (as kb/search.ts `suggest` reads 80). */
const TICKET_WORDS = 80;
const TITLE_WEIGHT = 2;

function analyze(macros: readonly MacroText[]): Analyzed {
  const postings = new Map<string, Map<string, number>>();
  const post = (t: string, id: string, weight: number) => {
    let list = postings.get(t);
    if (!list) postings.set(t, (list = new Map()));
    list.set(id, Math.max(weight, list.get(id) ?? 0));
  };
  for (const m of macros) {
    const language = detectLanguage(`${m.title}\n${m.body}`);
    for (const t of indexTerms(m.body, language)) post(t, m.id, 1);
    for (const t of indexTerms(m.title, language)) post(t, m.id, TITLE_WEIGHT);
  }
  return { macros, count: macros.length, postings };
}

/** A brand's macros, analyzed once per version of them. */
export class MacroMatcher {
  private readonly cache = new Map<string, { version: string; macros: Analyzed }>();
  /** A ticket word's stems in every language (stemming it five times is not free). */
  private readonly stems = new Map<string, string[]>();

  private variants(word: string): string[] {
    let v = this.stems.get(word);
    if (!v) {
      v = term(word, false).variants;
      if (this.stems.size > 10_000) this.stems.clear();
      this.stems.set(word, v);
    }
    return v;
  }

  /** `version` changes whenever the brand's macros do (e.g. count and newest update). */
  private analyzed(brandId: string, version: string, macros: () => readonly MacroText[]) {
    const hit = this.cache.get(brandId);
    if (hit?.version === version) return hit.macros;
    const fresh = analyze(macros());
    this.cache.set(brandId, { version, macros: fresh });
    return fresh;
  }

  /**
   * The brand's macros (as read when they last changed) and each matching one's score, the best
   * scaled to 1; macros matching nothing have no score.
   */
  scores(
    brandId: string,
    version: string,
    macros: () => readonly MacroText[],
    text: string,
  ): { macros: readonly MacroText[]; scores: Map<string, number> } {
    const index = this.analyzed(brandId, version, macros);
    const terms: string[][] = [];
    const seen = new Set<string>();
    for (const w of words(text)) {
      const folded = fold(w.text);
      if (folded.length < 3 || isStopWord(folded) || isNumber(folded) || seen.has(folded)) continue;
      seen.add(folded);
      terms.push(this.variants(w.text));
      if (seen.size >= TICKET_WORDS) break;
    }
    const raw = new Map<string, number>();
    for (const variants of terms) {
      // A macro holding several stems of one word counts it once, at its best weight.
      const hits = new Map<string, number>();
      for (const v of variants) {
        for (const [id, weight] of index.postings.get(v) ?? []) {
          hits.set(id, Math.max(weight, hits.get(id) ?? 0));
        }
      }
      if (hits.size === 0) continue;
      const idf = Math.log(1 + index.count / hits.size);
      for (const [id, weight] of hits) raw.set(id, (raw.get(id) ?? 0) + weight * idf);
    }
    const best = Math.max(0, ...raw.values());
    const out = new Map<string, number>();
    if (best > 0) for (const [id, s] of raw) out.set(id, s / best);
    return { macros: index.macros, scores: out };
  }
}
