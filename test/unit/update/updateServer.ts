import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signManifestText } from '../../../scripts/signRelease';

/** The release key pair the app under test trusts, and one it does not. */
export const releaseKeys = generateKeyPairSync('ed25519');
export const strangerKeys = generateKeyPairSync('ed25519');

export interface Release {
  version: string;
  /** The file's bytes as served. */
  file: Buffer;
  /** The sha512 published in latest-linux.yml (defaults to the file's own). */
  publishedSha512?: string;
  stagingPercentage?: number;
  /** Signs the manifest as scripts/signRelease.ts does; absent: published unsigned. */
  signedWith?: KeyObject;
  /** Edits the manifest text after signing (a compromised update host). */
  tamper?: (yml: string) => string;
}

export interface UpdateServer {
  url: string;
  release: Release;
  /** Paths requested, in order (to prove nothing was downloaded without consent). */
  requests: string[];
  close: () => Promise<void>;
}

export const sha512 = (bytes: Buffer): string =>
  createHash('sha512').update(bytes).digest('base64');

export const fakeAppImage = (size = 256 * 1024): Buffer => randomBytes(size);

/** What electron-builder publishes next to the AppImage for the generic provider. */
export function latestLinuxYml(release: Release): string {
  const text = unsignedLatestLinuxYml(release);
  const signed = release.signedWith
    ? signManifestText(text, release.signedWith, 'latest-linux.yml')
    : text;
  return release.tamper ? release.tamper(signed) : signed;
}

function unsignedLatestLinuxYml(release: Release): string {
  const name = `Gigdesk-${release.version}.AppImage`;
  const hash = release.publishedSha512 ?? sha512(release.file);
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${hash}`,
    `    size: ${release.file.length}`,
    `path: ${name}`,
    `sha512: ${hash}`,
    `releaseDate: '2026-11-20T10:00:00.000Z'`,
    ...(release.stagingPercentage === undefined
      ? []
      : [`stagingPercentage: ${release.stagingPercentage}`]),
    '',
  ].join('\n');
}

/** A generic-provider update server on loopback: `latest*.yml` and the AppImage. */
export async function startUpdateServer(release: Release): Promise<UpdateServer> {
  const state = { release };
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    const current = state.release;
    // One manifest for every platform's channel file (latest.yml is Windows').
    if (/^\/latest(-linux|-mac)?\.yml$/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end(latestLinuxYml(current));
    } else if (path === `/Gigdesk-${current.version}.AppImage`) {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': current.file.length,
      });
      res.end(current.file);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    get release() {
      return state.release;
    },
    set release(next: Release) {
      state.release = next;
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
