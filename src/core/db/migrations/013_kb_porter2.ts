import type { Migration } from '../migrations';
import { reanalyzeArticles } from './011_kb_reanalyze';

/**
 * English is stemmed with Porter2 (Snowball English) instead of the original Porter algorithm
 * ("strictly" and "strictness" now meet on "strict"): every index term of an English article
 * may change, so every article is analyzed again, once.
 */
export const m013KbPorter2: Migration = {
  version: 13,
  name: 'kb_porter2',
  up: reanalyzeArticles,
};
