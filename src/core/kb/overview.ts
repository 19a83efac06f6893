import type { Db } from '../db/open';
import { articleCount, brandNames, topTags, type TagCount } from './articleRepo';

export interface Overview {
  articleCount: number;
  brands: { id: string; name: string }[];
  tags: TagCount[];
}

export function overview(db: Db): Overview {
  return { articleCount: articleCount(db), brands: brandNames(db), tags: topTags(db, 40) };
}
