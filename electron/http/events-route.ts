// GET /api/events: engine events as Server-Sent Events, one JSON EngineEvent per message.
// Why the bound: a client that stops reading (a frozen tab, a stalled proxy) would make Node
// buffer every event for it without end. Past `maxBufferedBytes` not yet taken by the client,
// it is dropped; its EventSource reconnects and the renderer resynchronises from the store
// (renderer/state/store.ts), so nothing is lost for it, only the backlog.
import type { RequestHandler } from 'express';
import type { Engine } from '../engine/engine';

const HEARTBEAT_MS = 15_000;
export const EVENTS_BUFFER_BYTES = 4 * 1024 * 1024;

export function eventsRoute(
  engine: Engine,
  maxBufferedBytes = EVENTS_BUFFER_BYTES,
): RequestHandler {
  return (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(': connected\n\n');
    const send = (text: string) => {
      if (res.destroyed) return;
      res.write(text);
      if (res.writableLength > maxBufferedBytes) res.destroy();
    };
    const off = engine.events.on((event) => send(`data: ${JSON.stringify(event)}\n\n`));
    const beat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(beat);
      off();
    });
  };
}
