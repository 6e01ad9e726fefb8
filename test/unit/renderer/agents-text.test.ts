// Pure parts of the Agents screen (issue 14): the demo hint with real URLs, masked tokens, row
// labels and tooltips (attempt, note, the receiver's answer), 24 h times with ms, and remembered
// preferences that fall back on bad or missing storage.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEvent } from '../../../shared/a2a/types';
import { demoHint } from '../../../renderer/views/agents/agents-text';
import {
  isBool,
  isLaneLayout,
  readPref,
  writePref,
} from '../../../renderer/views/agents/timeline-prefs';
import { eventLabel, rowTitle, toRowViews } from '../../../renderer/state/timeline-rows';

describe('demoHint', () => {
  it('names the running agents at their real URLs', () => {
    expect(demoHint([{ title: 'Long', url: 'http://127.0.0.1:41000/' }])).toBe(
      'Demo agents running: Long at http://127.0.0.1:41000/.',
    );
    expect(demoHint([])).toMatch(/No demo agent is running/);
  });
});

describe('row labels and titles', () => {
  const hook: TimelineEvent = {
    source: 'webhook',
    at: 0,
    kind: 'webhook',
    captureId: 1,
    verdict: 'valid',
    state: 'completed',
    responseStatus: 503,
    attempt: 2,
    text: 'done',
  };
  it('labels retries by attempt and fetched rows by their note', () => {
    expect(eventLabel(hook)).toBe('webhook #2');
    expect(eventLabel({ ...hook, attempt: undefined })).toBe('webhook');
    expect(
      eventLabel({ source: 'stream', at: 0, kind: 'task', note: 'tasks/get after webhook' }),
    ).toBe('tasks/get after webhook');
  });
  it('puts everything in the tooltip', () => {
    expect(rowTitle(hook)).toBe('webhook #2 · completed · VALID · answered 503 · done');
  });
  it('formats times as 24 h with milliseconds', () => {
    const at = new Date(2026, 0, 2, 22, 25, 4, 7).getTime();
    const [row] = toRowViews([{ ...hook, at }], { at: null, segment: null });
    expect(row?.time).toBe('22:25:04.007');
  });
});

describe('preferences', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('round-trips valid values and falls back on bad ones', () => {
    const mem = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => mem.get(k) ?? null,
      setItem: (k: string, v: string) => void mem.set(k, v),
    });
    expect(readPref('lanes', 'split', isLaneLayout)).toBe('split');
    writePref('lanes', 'merged');
    expect(readPref('lanes', 'split', isLaneLayout)).toBe('merged');
    writePref('lanes', 'sideways');
    expect(readPref('lanes', 'split', isLaneLayout)).toBe('split');
    mem.set('switchboard.agents.wrap', '{not json');
    expect(readPref('wrap', false, isBool)).toBe(false);
  });
  it('survives storage that throws', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    expect(readPref('wrap', true, isBool)).toBe(true);
    expect(() => writePref('wrap', false)).not.toThrow();
  });
});
