// Child process of hostile.bench.ts: the hostile agent (serves a 64 MiB SSE event) and 300
// slow connections to the receiver, outside the engine's process so they do not share (and
// distort) the event loop being measured. Prints the agent URL, then keeps the slow
// connections dripping one header byte every second until killed.
import { connect, type Socket } from 'node:net';
import { startHostileAgent } from '../test/fixtures/hostile-agent';

const [receiverUrl, slowCount = '300', hugeBytes = String(64 * 1024 * 1024)] =
  process.argv.slice(2);
const agent = await startHostileAgent({ hugeBytes: Number(hugeBytes) });
const port = Number(new URL(receiverUrl!).port);
const slow: Socket[] = [];
for (let i = 0; i < Number(slowCount); i++) {
  const s = connect(port, '127.0.0.1', () => s.write('POST /slow HTTP/1.1\r\nHost: x\r\nX-Drip: '));
  s.on('error', () => undefined);
  slow.push(s);
}
setInterval(() => {
  for (const s of slow) if (s.writable) s.write('a');
}, 1000);
console.log(JSON.stringify({ agentUrl: agent.url }));
