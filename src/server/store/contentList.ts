import { z } from 'zod';
import type {
  ContentItem,
  ContentListQuery,
  ContentListResponse,
} from '../../shared/consoleProtocol';
import { ApiFailure } from '../errors';
import { detectLanguage } from '../language';
import { parseJson, type StoreContext } from './context';
import { containsText } from './like';

/** Where a page ends: the (title, id) of its last row; opaque to clients. */
const Position = z.tuple([z.string(), z.string()]);
const encodeCursor = (title: string, id: string) =>
  Buffer.from(JSON.stringify([title, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    return Position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ApiFailure('invalid_input', 'query.cursor: not a cursor this server gave', [
      { path: 'query.cursor', message: 'not a cursor this server gave' },
    ]);
  }
}

/** Rows read per round while a language filter skips rows that do not match. */
const SCAN = 200;
/** The language is guessed from the title and the start of the body: enough, and cheap. */
const SAMPLE_CHARS = 600;

/**
 * The brand's live (not deleted) articles or macros by title, a page at a time. Content carries
 * no language field, so the language is detected here; with a language filter, rows are read
 * in rounds until the page is full or the brand's content ends.
 */
export async function listContent(
  ctx: StoreContext,
  brandId: string,
  q: ContentListQuery,
): Promise<ContentListResponse> {
  const table = q.kind === 'article' ? 'articles' : 'macros';
  let after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const items: ContentItem[] = [];
  for (;;) {
    let query = ctx.db
      .selectFrom(table)
      .select(['id', 'external_ref', 'title', 'body', 'tags', 'updated_at'])
      .where('brand_id', '=', brandId)
      .where('deleted_at', 'is', null);
    if (q.q) {
      const text = q.q;
      query = query.where((eb) =>
        eb.or([containsText('title', text), containsText('external_ref', text)]),
      );
    }
    if (after) {
      const [title, id] = after;
      query = query.where((eb) =>
        eb.or([eb('title', '>', title), eb.and([eb('title', '=', title), eb('id', '>', id)])]),
      );
    }
    const wanted = q.language ? SCAN : q.limit + 1;
    const rows = await query.orderBy('title').orderBy('id').limit(wanted).execute();
    for (const r of rows) {
      const language = await detectLanguage([`${r.title}\n${r.body.slice(0, SAMPLE_CHARS)}`]);
      after = [r.title, r.id];
      if (q.language && language !== q.language) continue;
      if (items.length === q.limit)
        return { items, nextCursor: encodeCursor(items.at(-1)!.title, items.at(-1)!.id) };
      items.push({
        id: r.id,
        kind: q.kind,
        externalRef: r.external_ref,
        title: r.title,
        body: r.body,
        tags: parseJson<string[]>(r.tags),
        language,
        updatedAt: r.updated_at,
      });
    }
    if (rows.length < wanted) return { items, nextCursor: null };
  }
}
