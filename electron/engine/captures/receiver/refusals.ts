// One record per refused request. Node reports some refusals on the socket (parser errors,
// timeouts, header overflow) and the same failure again to the request being read (as an
// aborted body); the first reporter marks the socket, the second sees the mark and stays
// quiet, so each refusal is audited exactly once.
import type { Socket } from 'node:net';
import type { AuditEntry } from '../../../../shared/model';

export type Refusal = Pick<AuditEntry, 'status' | 'reason' | 'remoteAddress' | 'method' | 'path'>;
export type RefusalListener = (refusal: Refusal) => void;

const refused = new WeakSet<Socket>();

/** True the first time a socket's current failure is reported; false after. */
export function claimRefusal(socket: Socket): boolean {
  if (refused.has(socket)) return false;
  refused.add(socket);
  return true;
}

/** Answers on a raw socket (no ServerResponse exists yet, or it cannot be used) and closes. */
export function rawAnswer(socket: Socket, status: number, text: string, message: string): void {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ error: text.toLowerCase().replace(/ /g, '_'), message });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
