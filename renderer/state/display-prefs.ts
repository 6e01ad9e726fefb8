// Display preferences of this browser profile (localStorage, like the Agents screen's remembered
// sections): the clock format every timestamp in the app uses, and whether the timeline shows
// the gap before each row. Components read them through useClock / useDisplayPrefs, so a change
// on the Settings screen re-renders every time on screen.
import { createStore, useStore } from 'zustand';
import { CLOCK_FORMATS, clockTime, localDateTime, type ClockFormat } from '../lib/format';
import { readStored, writeStored } from '../lib/local-pref';

export interface DisplayPrefs {
  clock: ClockFormat;
  /** Relative gaps ("+1.2 s") before timeline rows. */
  gaps: boolean;
}

export const DISPLAY_PREFS_KEY = 'switchboard.display';
export const DEFAULT_DISPLAY_PREFS: DisplayPrefs = { clock: '24h', gaps: true };

function isDisplayPrefs(v: unknown): v is DisplayPrefs {
  if (v === null || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return (
    (CLOCK_FORMATS as readonly unknown[]).includes(p['clock']) && typeof p['gaps'] === 'boolean'
  );
}

/** Lets CSS widen the time columns for the longer 12 h times (`:root[data-clock='12h']`). */
function markRoot(clock: ClockFormat): void {
  if (typeof document !== 'undefined') document.documentElement.dataset['clock'] = clock;
}

interface DisplayState extends DisplayPrefs {
  set(patch: Partial<DisplayPrefs>): void;
}

const initial = readStored(DISPLAY_PREFS_KEY, DEFAULT_DISPLAY_PREFS, isDisplayPrefs);
markRoot(initial.clock);

export const displayPrefs = createStore<DisplayState>()((set, get) => ({
  ...initial,
  set(patch) {
    set(patch);
    const { clock, gaps } = get();
    markRoot(clock);
    writeStored(DISPLAY_PREFS_KEY, { clock, gaps });
  },
}));

export function useDisplayPrefs<T>(pick: (s: DisplayState) => T): T {
  return useStore(displayPrefs, pick);
}

/** Formatters bound to the current clock format; components re-render when it changes. */
export function useClock(): { time: (ms: number) => string; dateTime: (ms: number) => string } {
  const clock = useDisplayPrefs((s) => s.clock);
  return {
    time: (ms) => clockTime(ms, clock),
    dateTime: (ms) => localDateTime(ms, clock),
  };
}
