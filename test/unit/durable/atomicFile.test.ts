import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/core/db/atomicFile';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gigdesk-atomic-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('replaces the file whole, owner-only, leaving no temp file behind', () => {
  const file = join(dir, 'secrets.json');
  writeFileSync(file, '{"device-token":"old"}');
  writeFileAtomic(file, '{"device-token":"new"}');
  expect(readFileSync(file, 'utf8')).toBe('{"device-token":"new"}');
  expect(readdirSync(dir)).toEqual(['secrets.json']);
  if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
});

it('a write that fails leaves the old file as it was and no temp file', () => {
  const file = join(dir, 'secrets.json');
  writeFileSync(file, '{"device-token":"old"}');
  // The rename cannot replace a non-empty folder: it fails after the temp file was written.
  const folder = join(dir, 'taken');
  mkdirSync(folder);
  writeFileSync(join(folder, 'inside'), 'x');
  expect(() => writeFileAtomic(folder, 'data')).toThrow();
  expect(readFileSync(file, 'utf8')).toBe('{"device-token":"old"}');
  expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
});
