// Remembered view preferences of the Agents screen (this browser profile only, localStorage):
// the timeline's lane layout and wrap, and which sections (card, compose) are open. Reading a
// missing or unreadable value gives the default; storage failures (private mode) are ignored.
import { useCallback, useState } from 'react';
import { readStored, writeStored } from '../../lib/local-pref';

/** split: two equal lanes; stream / webhooks: that lane takes most of the width; merged: one
 *  column for both, each row tagged with its lane. */
export const LANE_LAYOUTS = ['split', 'stream', 'webhooks', 'merged'] as const;
export type LaneLayout = (typeof LANE_LAYOUTS)[number];

const PREFIX = 'switchboard.agents.';

export function readPref<T>(key: string, fallback: T, valid: (v: unknown) => v is T): T {
  return readStored(PREFIX + key, fallback, valid);
}

export function writePref(key: string, value: unknown): void {
  writeStored(PREFIX + key, value);
}

export const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
export const isLaneLayout = (v: unknown): v is LaneLayout =>
  (LANE_LAYOUTS as readonly unknown[]).includes(v);

/** useState that remembers its value under `key`. */
export function usePref<T>(
  key: string,
  fallback: T,
  valid: (v: unknown) => v is T,
): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => readPref(key, fallback, valid));
  const set = useCallback(
    (v: T) => {
      setValue(v);
      writePref(key, v);
    },
    [key],
  );
  return [value, set];
}
