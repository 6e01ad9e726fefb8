// A card whose endpoints sit on another origin than the URL the user typed gets a warning:
// custom headers (credentials) would be sent there.
import { expect, it } from 'vitest';
import { checkOrigins } from '../../../electron/engine/a2a/agent-handlers';

const ok = { valid: true, cardVersion: '1.0' as const, errors: [], warnings: [] };
const card = (url: string) => ({
  supportedInterfaces: [{ url, protocolBinding: 'JSONRPC', protocolVersion: '1.0' }],
});

it('warns about endpoints on another origin only', () => {
  expect(checkOrigins(ok, card('http://127.0.0.1:9/rpc'), 'http://127.0.0.1:9/')).toBe(ok);
  const v = checkOrigins(ok, card('https://elsewhere.example/rpc'), 'http://127.0.0.1:9/');
  expect(v.warnings).toEqual([
    { path: '$', message: expect.stringContaining('https://elsewhere.example/rpc') },
  ]);
});
