import { inflateSync, crc32 } from 'node:zlib';
import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_SIZE, badgePixels, badgePng } from '../../../src/main/badgeImage';
import { createDesktopShell } from '../../../src/main/desktopShell';
import { events } from '../../../src/shared/contract';

/** The electron test double: Notification, app and nativeImage as far as the shell uses them. */
const electron = vi.hoisted(() => {
  class Notification {
    static supported = true;
    static isSupported = () => Notification.supported;
    static instances: Notification[] = [];
    listeners = new Map<string, () => void>();
    shown = false;
    constructor(public options: { title: string; body: string }) {
      Notification.instances.push(this);
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
      return this;
    }
    show() {
      this.shown = true;
    }
    fire(event: string) {
      this.listeners.get(event)?.();
    }
  }
  return {
    Notification,
    app: { setBadgeCount: vi.fn(() => true) },
    nativeImage: {
      createFromBuffer: vi.fn((buffer: Buffer, options: object) => ({ buffer, options })),
    },
  };
});
vi.mock('electron', () => electron);

function fakeWindow(minimized = false) {
  const calls: string[] = [];
  const overlays: { image: { buffer: Buffer } | null; description: string }[] = [];
  const win = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
    setOverlayIcon: (image: { buffer: Buffer } | null, description: string) =>
      void overlays.push({ image, description }),
  };
  return { win: win as unknown as BrowserWindow, calls, overlays };
}

function shell(platform: NodeJS.Platform, win: BrowserWindow | null) {
  const emitted: { event: string; payload: unknown }[] = [];
  const desktop = createDesktopShell({
    window: () => win,
    emit: (event, payload) => void emitted.push({ event, payload }),
    platform,
  });
  return { desktop, emitted };
}

beforeEach(() => {
  electron.Notification.instances = [];
  electron.Notification.supported = true;
  electron.app.setBadgeCount.mockClear();
  electron.nativeImage.createFromBuffer.mockClear();
});

describe('desktop notifications', () => {
  it('a click restores and focuses the window and opens the task in the renderer', () => {
    const { win, calls } = fakeWindow(true);
    const { desktop, emitted } = shell('linux', win);
    desktop.notify({ title: 'New task in your feed', body: 'Parcel lost', taskId: 't42' });
    const [shown] = electron.Notification.instances;
    expect(shown?.shown).toBe(true);
    expect(emitted).toEqual([]);

    shown!.fire('click');
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(emitted).toEqual([{ event: 'notification:clicked', payload: { taskId: 't42' } }]);
    expect(events['notification:clicked'].parse(emitted[0]!.payload)).toEqual({ taskId: 't42' });
  });

  it('a click without a task, or with the window gone, still tells the renderer', () => {
    const { desktop, emitted } = shell('darwin', null);
    desktop.notify({ title: '3 new tasks in your feed', body: 'a\nb\nc' });
    electron.Notification.instances[0]!.fire('click');
    expect(emitted).toEqual([{ event: 'notification:clicked', payload: { taskId: null } }]);
  });

  it('shows nothing where the system has no notifications', () => {
    electron.Notification.supported = false;
    shell('linux', null).desktop.notify({ title: 't', body: 'b', taskId: 'x' });
    expect(electron.Notification.instances).toEqual([]);
  });
});

describe('the badge', () => {
  it.each(['darwin', 'linux'] as const)('is the dock count on %s', (platform) => {
    const { win, overlays } = fakeWindow();
    shell(platform, win).desktop.setBadgeCount(7);
    expect(electron.app.setBadgeCount).toHaveBeenCalledWith(7);
    expect(overlays).toEqual([]);
  });

  it('is an overlay icon with the count on Windows, cleared at 0', () => {
    const { win, overlays } = fakeWindow();
    const { desktop } = shell('win32', win);
    desktop.setBadgeCount(3);
    desktop.setBadgeCount(1);
    desktop.setBadgeCount(0);
    expect(electron.app.setBadgeCount).not.toHaveBeenCalled();
    expect(overlays.map((o) => o.description)).toEqual(['3 new tasks', '1 new task', '']);
    expect(overlays[0]!.image!.buffer.equals(badgePng(3))).toBe(true);
    expect(overlays[1]!.image!.buffer.equals(badgePng(1))).toBe(true);
    expect(overlays[2]!.image).toBeNull();
    expect(electron.nativeImage.createFromBuffer).toHaveBeenCalledWith(expect.any(Buffer), {
      scaleFactor: 2,
    });
  });
});

/** Reads back a PNG written by badgePng: checks every chunk's CRC, answers the RGBA pixels. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 4, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(body));
    const content = body.subarray(4);
    if (type === 'IHDR') {
      width = content.readUInt32BE(0);
      height = content.readUInt32BE(4);
      expect([...content.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') data.push(content);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    rows.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, pixels };
}

describe('the badge image', () => {
  const at = (pixels: Uint8Array, x: number, y: number) => [
    ...pixels.subarray((y * BADGE_SIZE + x) * 4, (y * BADGE_SIZE + x) * 4 + 4),
  ];

  it('is a valid PNG of a red disc on a transparent square', () => {
    const { width, height, pixels } = decodePng(badgePng(5));
    expect([width, height]).toEqual([BADGE_SIZE, BADGE_SIZE]);
    expect(Buffer.from(badgePixels(5)).equals(pixels)).toBe(true);
    expect(at(pixels, 0, 0)[3]).toBe(0);
    expect(at(pixels, BADGE_SIZE - 1, BADGE_SIZE - 1)[3]).toBe(0);
    expect(at(pixels, 3, BADGE_SIZE / 2)).toEqual([220, 38, 38, 255]);
  });

  it('draws each count differently, and everything past nine as 9+', () => {
    const images = Array.from({ length: 9 }, (_, i) => badgePng(i + 1).toString('hex'));
    expect(new Set(images).size).toBe(9);
    expect(badgePng(10).equals(badgePng(250))).toBe(true);
    expect(badgePng(10).equals(badgePng(9))).toBe(false);
    const white = (n: number) =>
      Array.from({ length: BADGE_SIZE * BADGE_SIZE }, (_, i) => badgePixels(n)[i * 4 + 1]).filter(
        (g) => g === 255,
      ).length;
    expect(white(1)).toBeGreaterThan(0);
    expect(white(8)).toBeGreaterThan(white(1));
  });
});
