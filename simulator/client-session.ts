import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { pythonAddress } from './client-address.ts';
import { readClientFrame } from './client-frames.ts';
import type { ClientHub } from './client-hub.ts';
import { type CurrentStatusFrame, pongFrame, welcomeFrame } from './messages.ts';
import { formatTimestamp, latencySince, preciseNow, timestampNow } from './timestamps.ts';

export interface SessionContext {
  hub: ClientHub;
  /** The status to greet with, read at connection time (chaos mode swaps the model on a reset). */
  currentStatus: () => CurrentStatusFrame;
  log: (line: string) => void;
}

/** Greets a new client exactly as the document's workflow begins: welcome, then the full current_status. */
export const acceptClient = (socket: WebSocket, request: IncomingMessage, context: SessionContext): void => {
  const { hub, currentStatus, log } = context;
  const address = pythonAddress(request.socket.remoteAddress, request.socket.remotePort);
  hub.add(socket);
  log(`client ${address} connected (${hub.size} connected)`);
  hub.send(socket, welcomeFrame(address, timestampNow()));
  hub.send(socket, currentStatus());
  socket.on('message', (data: RawData, isBinary: boolean) => {
    const frame = readClientFrame(data, isBinary);
    if (frame.kind === 'ignored') return log(`ignored ${frame.reason} from ${address}`);
    hub.countPing();
    const now = preciseNow();
    hub.send(socket, pongFrame(latencySince(frame.timestamp, now), formatTimestamp(now)));
  });
  socket.on('close', (code: number) => log(`client ${address} disconnected (code ${code}, ${hub.size} connected)`));
  // Without a listener a reset connection would throw; it is routine for this server.
  socket.on('error', (error: Error) => log(`client ${address} error: ${error.message}`));
};
