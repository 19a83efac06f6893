import { crc32, deflateSync } from 'node:zlib';

/**
 * The taskbar overlay badge on Windows (which has no badge count): a red disc with the count in
 * white, drawn here as a PNG so no image files are needed for every number. 32 × 32 pixels, for
 * the 16-point overlay at 2× scale.
 */
export const BADGE_SIZE = 32;

/** 3 × 5 pixel digits, one string per row, `#` lit. */
const GLYPHS: Record<string, string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '###', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '.#.', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};

const RED = [220, 38, 38] as const;
const WHITE = [255, 255, 255] as const;

/** What the badge says: the count, or "9+" past nine (three characters do not fit). */
export function badgeLabel(count: number): string {
  return count > 9 ? '9+' : String(Math.max(0, Math.floor(count)));
}

/** RGBA pixels of the badge for `count`, row by row. */
export function badgePixels(count: number): Uint8Array {
  const size = BADGE_SIZE;
  const pixels = new Uint8Array(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - centre, y - centre);
      // One pixel of soft edge so the disc is not jagged.
      const alpha = Math.max(0, Math.min(1, radius - d));
      const i = (y * size + x) * 4;
      pixels.set([...RED, Math.round(alpha * 255)], i);
    }
  }
  const label = badgeLabel(count);
  const scale = label.length === 1 ? 4 : 3;
  const width = label.length * 3 * scale + (label.length - 1) * scale;
  const left = Math.round((size - width) / 2);
  const top = Math.round((size - 5 * scale) / 2);
  [...label].forEach((ch, n) => {
    const glyph = GLYPHS[ch]!;
    glyph.forEach((row, gy) => {
      [...row].forEach((cell, gx) => {
        if (cell !== '#') return;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const x = left + n * 4 * scale + gx * scale + dx;
            const y = top + gy * scale + dy;
            pixels.set([...WHITE, 255], (y * size + x) * 4);
          }
        }
      });
    });
  });
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The badge for `count` as a PNG file's bytes (8-bit RGBA, no filtering). */
export function badgePng(count: number): Buffer {
  const size = BADGE_SIZE;
  const pixels = badgePixels(count);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
