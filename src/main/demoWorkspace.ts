import { seedDemo, startServer, type RunningServer } from '../server';
import type { DemoWorkspace } from '../core/services';

/**
 * The demo workspace: the feed server started in this process on a loopback port, over its own
 * SQLite file, seeded with the demo brand. Electron-free, so the e2e harness uses it too.
 */
export function inProcessDemoWorkspace(options: {
  dbFile: string;
  now?: () => number;
  /** How many demo advocates to invite on open; the first is the one who signs in. */
  advocates?: number;
  /** Receives every invite code of an open (tests sign a second advocate in with them). */
  onInvites?: (codes: string[], server: RunningServer) => void;
}): DemoWorkspace {
  let server: Promise<RunningServer> | null = null;
  const running = () => {
    server ??= startServer({
      db: options.dbFile,
      port: 0,
      ...(options.now ? { now: options.now } : {}),
    }).catch((error: unknown) => {
      server = null;
      throw error;
    });
    return server;
  };
  return {
    async open() {
      const s = await running();
      const seed = await seedDemo(s.store, {
        now: (options.now ?? Date.now)(),
        advocates: options.advocates ?? 1,
      });
      options.onInvites?.(seed.inviteCodes, s);
      const inviteCode = seed.inviteCodes[0];
      if (!inviteCode) throw new Error('The demo seed issued no invite code.');
      return { serverUrl: s.url, inviteCode };
    },
    async resume() {
      return (await running()).url;
    },
    async close() {
      const s = server;
      server = null;
      await (await s)?.close();
    },
  };
}
