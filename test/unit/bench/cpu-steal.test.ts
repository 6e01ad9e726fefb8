// The bench's steal figure: /proc/stat's aggregate line parsed by column, and the stolen share
// between two readings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProcStat, readCpuTimes, stealPercent } from '../../../bench/cpu-steal';

// A real first line (two vCPUs, 2026-12-03) followed by a per-CPU line that must be ignored.
const STAT = 'cpu  965094 26748 149858 7411672 6659 0 16093 107252 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n';

describe('parseProcStat', () => {
  it('sums user..steal and reads steal from the eighth column', () => {
    expect(parseProcStat(STAT)).toEqual({
      total: 965094 + 26748 + 149858 + 7411672 + 6659 + 0 + 16093 + 107252,
      steal: 107252,
    });
  });

  it('leaves guest time out of the total (the kernel counts it in user already)', () => {
    const withGuest = parseProcStat('cpu  10 0 0 0 0 0 0 5 999 999');
    expect(withGuest).toEqual({ total: 15, steal: 5 });
  });

  it('refuses what is not an aggregate cpu line', () => {
    expect(parseProcStat('cpu0 1 2 3 4 5 6 7 8')).toBeNull();
    expect(parseProcStat('cpu  1 2 3')).toBeNull(); // an old kernel without the steal column
    expect(parseProcStat('cpu  1 2 3 4 5 6 x 8')).toBeNull();
    expect(parseProcStat('')).toBeNull();
  });
});

describe('stealPercent', () => {
  it('is the stolen share of all time that passed', () => {
    // The bench run of 06:5x: 393 of 1,200 jiffies stolen.
    expect(stealPercent({ total: 1000, steal: 100 }, { total: 2200, steal: 493 })).toBe(32.8);
    expect(stealPercent({ total: 0, steal: 0 }, { total: 400, steal: 0 })).toBe(0);
  });

  it('is null without two readings or without elapsed time', () => {
    expect(stealPercent(null, { total: 1, steal: 0 })).toBeNull();
    expect(stealPercent({ total: 5, steal: 1 }, null)).toBeNull();
    expect(stealPercent({ total: 5, steal: 1 }, { total: 5, steal: 1 })).toBeNull();
  });
});

describe('readCpuTimes', () => {
  it('reads a stat file, and gives null for a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steal-'));
    writeFileSync(join(dir, 'stat'), STAT);
    expect(readCpuTimes(join(dir, 'stat'))?.steal).toBe(107252);
    expect(readCpuTimes(join(dir, 'absent'))).toBeNull();
  });
});
