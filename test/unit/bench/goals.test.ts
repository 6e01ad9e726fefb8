// The benches' CPU budget at a goal: the goal's number read from the one goals table, and the
// CPU per request that a machine's cores leave the code under test at that rate.
import { describe, expect, it } from 'vitest';
import { cpuBudgetUs, goalRatio } from '../../../bench/goals';

describe('goalRatio', () => {
  it('reads the number of a ">= x" goal from the table', () => {
    expect(goalRatio('receiver', 'ratio receiver / bare')).toBe(0.7);
    expect(goalRatio('replay', 'ratio re-signed / autocannon')).toBe(0.4);
  });

  it('refuses a figure without a ">= x" goal rather than guess one', () => {
    expect(() => goalRatio('receiver', 'no such figure')).toThrow(/no ">= x" goal/);
    expect(() => goalRatio('timeline-100k', 'linted tail page ms (click → 2nd answer)')).toThrow();
  });
});

describe('cpuBudgetUs', () => {
  it('divides the cores among the goal rate, less what the processes beside it take', () => {
    // 2 cores at 0.5 of 40,000/s = 20,000/s: 100 µs per request, 30 of them the load generator's.
    expect(cpuBudgetUs({ cores: 2, baselinePerSec: 40_000, ratio: 0.5, othersUs: 30 })).toBe(70);
    // One thread at 0.6 of 100,000/s: 1e6 / 60,000.
    expect(cpuBudgetUs({ cores: 1, baselinePerSec: 100_000, ratio: 0.6, othersUs: 0 })).toBeCloseTo(
      16.667,
      3,
    );
  });

  it('goes negative when the others alone take more than the cores give at that rate', () => {
    expect(cpuBudgetUs({ cores: 1, baselinePerSec: 10_000, ratio: 1, othersUs: 150 })).toBe(-50);
  });
});
