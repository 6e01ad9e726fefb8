// GET /api/events: engine events as Server-Sent Events, one JSON EngineEvent per message.
import type { RequestHandler } from 'express';
import type { Engine } from '../engine/engine';

const HEARTBEAT_MS = 15_000;

export function eventsRoute(engine: Engine): RequestHandler {
  return (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(': connected\n\n');
    const off = engine.events.on((event) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const beat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(beat);
      off();
    });
  };
}
