// The push dialect Switchboard uses when the user has not chosen one: the card's protocol
// version, unless the card advertises the tutorial-push extension (the built-in demo agents do).
import { expect, it } from 'vitest';
import { TUTORIAL_PUSH_EXTENSION } from '../../../shared/a2a/card-info';
import { buildCard } from '../../../electron/engine/demo/agent-card';
import { defaultPushDialect } from '../../../electron/engine/a2a/dialect';

it('follows the protocol version by default', () => {
  expect(defaultPushDialect('1.0')).toBe('v1.0');
  expect(defaultPushDialect('0.3', { capabilities: { extensions: [] } })).toBe('v0.3');
});

it('uses the tutorial dialect for cards that advertise it, such as the demo agents', () => {
  const card = { capabilities: { extensions: [{ uri: TUTORIAL_PUSH_EXTENSION }] } };
  expect(defaultPushDialect('1.0', card)).toBe('tutorial');
  expect(defaultPushDialect('1.0', { capabilities: { extensions: [{ uri: 'urn:other' }] } })).toBe(
    'v1.0',
  );
  const demo = buildCard(
    { name: 'Demo', description: 'd', version: '1.0.0', skills: [] },
    { jsonrpc: 'http://127.0.0.1:1/', rest: 'http://127.0.0.1:1/rest' },
  );
  expect(defaultPushDialect('1.0', demo)).toBe('tutorial');
  // The tutorial dialect rides in JSON-RPC params: other transports take the standard one.
  expect(defaultPushDialect('1.0', demo, 'HTTP+JSON')).toBe('v1.0');
  expect(defaultPushDialect('0.3', demo, 'HTTP+JSON')).toBe('v0.3');
});
