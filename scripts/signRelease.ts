/**
 * Signs the update manifests of a release (README, "Updates"):
 *
 *   npx tsx scripts/signRelease.ts --key /offline/gigdesk-release.pem dist/
 *   GIGDESK_RELEASE_KEY=/offline/gigdesk-release.pem npx tsx scripts/signRelease.ts dist/
 *   npx tsx scripts/signRelease.ts keygen /offline/gigdesk-release.pem
 *
 * For every `latest*.yml` in the folder it first checks each installer it lists against the
 * file next to it (size and sha512), then writes the ed25519 signature into the manifest's
 * `signature` field. The private key never enters the repository.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider';
import { signManifest, verifyManifest } from '../src/core/update/releaseSignature';

interface ListedFile {
  url: string;
  sha512?: string;
  size?: number;
}

/** Parsed exactly as the app's updater parses it, so both sign and verify the same object. */
function parse(text: string, name: string): Record<string, unknown> {
  const info = parseUpdateInfo(text, name, new URL(`file:///${name}`)) as unknown;
  if (info === null || typeof info !== 'object' || Array.isArray(info)) {
    throw new Error(`${name} is not a release manifest.`);
  }
  return info as Record<string, unknown>;
}

function listedFiles(manifest: Record<string, unknown>): ListedFile[] {
  const files = Array.isArray(manifest['files']) ? (manifest['files'] as ListedFile[]) : [];
  const legacy =
    typeof manifest['path'] === 'string'
      ? [{ url: manifest['path'], sha512: manifest['sha512'] as string | undefined }]
      : [];
  return [...files, ...legacy];
}

/** Refuses to sign a hash that does not describe the installer actually in `dir`. */
function checkInstallers(manifest: Record<string, unknown>, dir: string, name: string): void {
  const files = listedFiles(manifest);
  if (files.length === 0) throw new Error(`${name} lists no installer.`);
  for (const file of files) {
    if (typeof file.url !== 'string' || basename(file.url) !== file.url) {
      throw new Error(`${name}: "${String(file.url)}" is not a file next to the manifest.`);
    }
    const path = join(dir, file.url);
    if (!existsSync(path)) throw new Error(`${name}: ${file.url} is missing.`);
    const bytes = readFileSync(path);
    const sha512 = createHash('sha512').update(bytes).digest('base64');
    if (file.sha512 !== sha512) throw new Error(`${name}: the sha512 of ${file.url} differs.`);
    if (file.size !== undefined && file.size !== bytes.length) {
      throw new Error(`${name}: the size of ${file.url} differs.`);
    }
  }
}

/**
 * The manifest text with its `signature` line replaced by a fresh one; the rest of the text is
 * kept byte for byte. `installersDir`, when given, is checked first (see checkInstallers).
 */
export function signManifestText(
  text: string,
  privateKey: KeyObject,
  name = 'latest.yml',
  installersDir?: string,
): string {
  const unsigned = text
    .split('\n')
    .filter((line) => !line.startsWith('signature:'))
    .join('\n')
    .replace(/\n*$/, '\n');
  const manifest = parse(unsigned, name);
  if (installersDir !== undefined) checkInstallers(manifest, installersDir, name);
  const signed = `${unsigned}signature: ${signManifest(manifest, privateKey)}\n`;
  // What the app will do: parse the signed text and verify it.
  verifyManifest(parse(signed, name), createPublicKey(privateKey));
  return signed;
}

function keygen(out: string): void {
  if (existsSync(out)) throw new Error(`${out} exists: refusing to overwrite a release key.`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  console.log(`Private key written to ${out}. Keep it offline; never commit it.`);
  console.log('Public key for src/core/update/releaseKey.ts:');
  console.log(publicKey.export({ type: 'spki', format: 'pem' }));
}

function signFolder(dir: string, keyFile: string): void {
  const privateKey = createPrivateKey(readFileSync(keyFile));
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('The release key must be ed25519.');
  const manifests = readdirSync(dir).filter((f) => /^latest.*\.yml$/.test(f));
  if (manifests.length === 0) throw new Error(`No latest*.yml in ${dir}.`);
  for (const name of manifests) {
    const path = join(dir, name);
    writeFileSync(path, signManifestText(readFileSync(path, 'utf8'), privateKey, name, dir));
    console.log(`signed ${path}`);
  }
}

function main(args: string[]): void {
  if (args[0] === 'keygen' && args[1]) return keygen(args[1]);
  const keyAt = args.indexOf('--key');
  const keyFile = keyAt >= 0 ? args[keyAt + 1] : process.env['GIGDESK_RELEASE_KEY'];
  const dir = args.find((a, i) => !a.startsWith('--') && (keyAt < 0 || i !== keyAt + 1));
  if (!keyFile || !dir) {
    throw new Error(
      'usage: signRelease.ts --key <private key file> <dist folder>  (or GIGDESK_RELEASE_KEY=<file>)\n' +
        '       signRelease.ts keygen <private key file>',
    );
  }
  signFolder(dir, keyFile);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
