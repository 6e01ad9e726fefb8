// Agent card validation (both versions, JSON paths), version detection and endpoint choice.
import { describe, expect, it } from 'vitest';
import { summarizeCard, supportedVersions } from '../../../shared/a2a/card-info';
import { endpointFor } from '../../../shared/a2a/transports';
import { jsonPath, validateCard } from '../../../shared/a2a/validate-card';

const base = {
  name: 'A',
  description: 'd',
  version: '1',
  capabilities: { streaming: true, pushNotifications: true },
  defaultInputModes: [],
  defaultOutputModes: [],
  skills: [{ id: 's', name: 'S', description: '', tags: [] }],
};
const v1 = {
  ...base,
  supportedInterfaces: [
    { url: 'http://h/rpc', protocolBinding: 'JSONRPC', protocolVersion: '1.0' },
    { url: 'http://h/old', protocolBinding: 'JSONRPC', protocolVersion: '0.3' },
  ],
};
const v03 = { ...base, url: 'http://h/', protocolVersion: '0.3.0', preferredTransport: 'JSONRPC' };

describe('validateCard', () => {
  it('accepts good cards of both versions', () => {
    expect(validateCard(v1)).toMatchObject({
      valid: true,
      cardVersion: '1.0',
      errors: [],
      warnings: [],
    });
    expect(validateCard(v03)).toMatchObject({
      valid: true,
      cardVersion: '0.3',
      errors: [],
      warnings: [],
    });
  });
  it('flags v0.3 fields in a v1.0 card with the JSON path of each (as the kit does)', () => {
    const mixed = {
      ...v03,
      ...v1,
      capabilities: { ...v1.capabilities, stateTransitionHistory: true },
    };
    const r = validateCard(mixed);
    expect(r.cardVersion).toBe('1.0');
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.path)).toEqual([
      '$.url',
      '$.protocolVersion',
      '$.preferredTransport',
      '$.capabilities.stateTransitionHistory',
    ]);
    expect(r.errors[0]!.message).toMatch(/v0\.3 field `url` in a v1\.0 card/);
    expect(r.warnings.map((w) => w.path)).not.toContain('$.url');
  });
  it('reports errors with JSON paths', () => {
    const bad = {
      ...v1,
      skills: [{ id: 3, name: 'x', description: '', tags: [] }],
      supportedInterfaces: [{ url: 'http://h', protocolBinding: 'JSONRPC' }],
    };
    const r = validateCard(bad);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['$.skills[0].id', '$.supportedInterfaces[0].protocolVersion']),
    );
  });
  it('warns about legal but risky cards', () => {
    const r = validateCard({
      ...v03,
      capabilities: {},
      extra: 1,
      url: 'ws://x',
      protocolVersion: '0.2',
    });
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining([
        '$.extra',
        '$.capabilities.streaming',
        '$.capabilities.pushNotifications',
        '$.url',
        '$.protocolVersion',
      ]),
    );
  });
  it('rejects things that are not cards', () => {
    expect(validateCard([1]).errors[0]!.path).toBe('$');
    expect(validateCard({ name: 'x' })).toMatchObject({ valid: false, cardVersion: null });
  });
  it('formats paths', () => expect(jsonPath(['a', 0, 'b'])).toBe('$.a[0].b'));
});

describe('card info', () => {
  it('detects versions and endpoints', () => {
    expect(supportedVersions(v1)).toEqual(['1.0', '0.3']);
    expect(supportedVersions(v03)).toEqual(['0.3']);
    expect(endpointFor(v1, 'JSONRPC', '0.3', 'http://fallback')).toBe('http://h/old');
    expect(endpointFor(v03, 'JSONRPC', '1.0', 'http://fallback')).toBe('http://h/');
    expect(endpointFor({}, 'JSONRPC', '1.0', 'http://fallback')).toBe('http://fallback');
    expect(summarizeCard(v1)).toMatchObject({
      name: 'A',
      capabilities: { streaming: true },
      skills: [{ id: 's' }],
    });
  });
});
