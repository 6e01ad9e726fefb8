// The app's clock formats (Settings > Display): 24 h with ms (default) and 12 h with ms, the
// date-time form built on them, and the stored preference (valid values only, defaults else).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockTime, localDateTime } from '../../../renderer/lib/format';

const at = (h: number, m: number, s: number, ms: number) =>
  new Date(2026, 10, 25, h, m, s, ms).getTime();

describe('clock formats', () => {
  it('24 h with ms is the default, zero-padded', () => {
    expect(clockTime(at(14, 3, 27, 512))).toBe('14:03:27.512');
    expect(clockTime(at(0, 0, 5, 7), '24h')).toBe('00:00:05.007');
  });

  it('12 h with ms: midnight and noon read 12, hours unpadded', () => {
    expect(clockTime(at(14, 3, 27, 512), '12h')).toBe('2:03:27.512 PM');
    expect(clockTime(at(0, 0, 5, 7), '12h')).toBe('12:00:05.007 AM');
    expect(clockTime(at(12, 30, 0, 0), '12h')).toBe('12:30:00.000 PM');
    expect(clockTime(at(11, 59, 59, 999), '12h')).toBe('11:59:59.999 AM');
  });

  it('date-time follows the clock format', () => {
    expect(localDateTime(at(14, 3, 27, 512))).toBe('2026-11-25 14:03:27.512');
    expect(localDateTime(at(14, 3, 27, 512), '12h')).toBe('2026-11-25 2:03:27.512 PM');
  });
});

describe('display preference', () => {
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  });
  afterEach(() => {
    store.clear();
    vi.resetModules();
  });

  it('defaults to 24 h with gaps, and remembers a change', async () => {
    const { displayPrefs, DISPLAY_PREFS_KEY } = await import(
      '../../../renderer/state/display-prefs'
    );
    expect(displayPrefs.getState()).toMatchObject({ clock: '24h', gaps: true });
    displayPrefs.getState().set({ clock: '12h' });
    expect(JSON.parse(store.get(DISPLAY_PREFS_KEY) ?? 'null')).toEqual({
      clock: '12h',
      gaps: true,
    });
    vi.resetModules();
    const again = await import('../../../renderer/state/display-prefs');
    expect(again.displayPrefs.getState().clock).toBe('12h');
  });

  it('ignores an unreadable or invalid stored value', async () => {
    store.set('switchboard.display', '{"clock":"13h","gaps":true}');
    const { displayPrefs } = await import('../../../renderer/state/display-prefs');
    expect(displayPrefs.getState().clock).toBe('24h');
  });
});
