/**
 * A brand snapshot's body, written a chunk of task rows at a time: byte for byte what
 * `JSON.stringify` writes for the whole snapshot, hashed for its ETag and brotli-compressed as it
 * is written (each chunk on the thread pool while the next one renders). Nothing holds the whole
 * snapshot as one string or its uncompressed bytes, nor all of its rows as objects at once.
 */
import { createHash, randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { constants, createBrotliCompress } from 'node:zlib';
import type { BrandSnapshotParts } from './store/snapshot';

/** Rows rendered and written per chunk: small enough that what a chunk allocates dies young. */
const CHUNK_ROWS = 2_000;

/**
 * Output buffer of the streaming compressor. Node's default (16 KiB) sends the thread pool's
 * compressor back to the event loop after every 16 KiB it writes, and the event loop is busy
 * rendering the next chunk: the compressor waited on it and most compression ended up after
 * the last chunk instead of beside it. A chunk of rows compresses to ~100 KiB: one trip each.
 */
const COMPRESSED_CHUNK_BYTES = 1 << 20;

/** Brotli as every snapshot body is compressed: quality 5 is what keeps 100k tasks under 5 MB. */
export const brotliOptions = (sizeHint: number) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 5,
    [constants.BROTLI_PARAM_SIZE_HINT]: sizeHint,
  },
});

/** Stands for the rows in the head's JSON: random, so no text in the snapshot can equal it. */
const ROWS_MARK = `rows:${randomUUID()}`;

/** The snapshot's JSON in pieces: up to its rows, each chunk of rows, after its rows. */
async function* jsonPieces(parts: BrandSnapshotParts, chunkRows: number): AsyncGenerator<string> {
  const { head } = parts;
  const marked = JSON.stringify({ ...head, tasks: { ...head.tasks, rows: [ROWS_MARK] } });
  const at = marked.indexOf(JSON.stringify([ROWS_MARK]));
  yield marked.slice(0, at + 1);
  let first = true;
  for await (const rows of parts.rows(chunkRows)) {
    if (rows.length === 0) continue;
    const text = JSON.stringify(rows);
    // A chunk's rows without its brackets, after a comma unless first.
    yield first ? text.slice(1, -1) : `,${text.slice(1, -1)}`;
    first = false;
  }
  yield marked.slice(at + JSON.stringify([ROWS_MARK]).length - 1);
}

export interface SnapshotBody {
  /** The hash of the JSON. */
  etag: string;
  /** The JSON brotli-compressed. */
  br: Promise<Buffer>;
}

/** Writes the snapshot's body, yielding to the event loop between chunks. */
export async function writeSnapshotBody(
  parts: BrandSnapshotParts,
  chunkRows = CHUNK_ROWS,
): Promise<SnapshotBody> {
  const hash = createHash('sha256');
  const compressor = createBrotliCompress({
    ...brotliOptions(parts.sizeHint),
    chunkSize: COMPRESSED_CHUNK_BYTES,
  });
  const out: Buffer[] = [];
  compressor.on('data', (b: Buffer) => out.push(b));
  const br = new Promise<Buffer>((resolve, reject) => {
    compressor.on('end', () => resolve(Buffer.concat(out)));
    compressor.on('error', reject);
  });
  // Never rejected unhandled: a caller that gives up on the body leaves it settled.
  br.catch(() => {});
  try {
    for await (const piece of jsonPieces(parts, chunkRows)) {
      // Not kept: ~33 MB for 100k tasks, held while the build runs, only made the collector
      // work harder (the brotli body is what is kept).
      const bytes = Buffer.from(piece);
      hash.update(bytes);
      compressor.write(bytes);
      await nextTurn();
    }
  } catch (err) {
    compressor.destroy(err as Error);
    throw err;
  }
  compressor.end();
  return { etag: `"${hash.digest('base64url').slice(0, 27)}"`, br };
}
