import { WebSocket } from 'ws';
import type { FrameData } from './client-hub.ts';

/** One frame on its way to one socket. */
export interface Outgoing {
  data: FrameData;
  label: string;
  /** What the data means (the frame object), for the truth log. */
  frame: unknown;
}

export interface WireCounters {
  /** Frames a silence kept from a socket. */
  muted: number;
  /** Of those, frames that never went out (a 'lose' silence, or the socket closed first). */
  lost: number;
  duplicated: number;
  reordered: number;
}

// A stalled socket's backlog is bounded; past this, frames are lost rather than held.
const MAX_QUEUED_FRAMES = 10_000;

/**
 * The hub's transmit hook in chaos mode: per socket it can hold frames back (a half-open silence), send the next
 * frame twice, or swap the next two. Every frame that really goes out on an open socket is reported to `onSent`
 * once `ws` has written it, and only then: a frame held back, lost, or cut off with its socket is never reported.
 */
export class ChaosWire {
  readonly counters: WireCounters = { muted: 0, lost: 0, duplicated: 0, reordered: 0 };
  private readonly onSent: (out: Outgoing, socket: WebSocket) => void;
  /** Muted sockets; the queue of held-back frames for a 'stall' silence, null for a 'lose' one. */
  private readonly muted = new Map<WebSocket, Outgoing[] | null>();
  private readonly duplicateNext = new Set<WebSocket>();
  private readonly holdNext = new Set<WebSocket>();
  private readonly held = new Map<WebSocket, Outgoing>();
  private readonly watched = new WeakSet<WebSocket>();

  constructor(onSent: (out: Outgoing, socket: WebSocket) => void) {
    this.onSent = onSent;
  }

  readonly transmit = (socket: WebSocket, data: FrameData, label: string, frame: unknown): void => {
    const out: Outgoing = { data, label, frame };
    const queue = this.muted.get(socket);
    if (queue !== undefined) {
      this.counters.muted += 1;
      if (queue && queue.length < MAX_QUEUED_FRAMES) queue.push(out);
      else this.counters.lost += 1;
      return;
    }
    this.pass(socket, out);
  };

  /** Sockets that stop receiving anything until `unmute`; returns how many. */
  mute(sockets: readonly WebSocket[], mode: 'stall' | 'lose'): number {
    let count = 0;
    for (const socket of sockets) {
      if (socket.readyState !== WebSocket.OPEN || this.muted.has(socket)) continue;
      this.watch(socket);
      this.muted.set(socket, mode === 'stall' ? [] : null);
      count += 1;
    }
    return count;
  }

  /** Ends every silence: a stalled socket that is still open gets its backlog now, in order. */
  unmute(): { flushed: number; lost: number } {
    let flushed = 0;
    let lost = 0;
    const muted = [...this.muted];
    this.muted.clear();
    for (const [socket, queue] of muted) {
      if (!queue) continue;
      if (socket.readyState !== WebSocket.OPEN) {
        lost += queue.length;
        continue;
      }
      for (const out of queue) this.pass(socket, out);
      flushed += queue.length;
    }
    this.counters.lost += lost;
    return { flushed, lost };
  }

  /** The next frame to each of these sockets goes out twice. */
  armDuplicate(sockets: readonly WebSocket[]): void {
    for (const socket of sockets) {
      this.watch(socket);
      this.duplicateNext.add(socket);
    }
  }

  /** The next frame to each of these sockets is held until the one after it has gone out. */
  armReorder(sockets: readonly WebSocket[]): void {
    for (const socket of sockets) {
      this.watch(socket);
      this.holdNext.add(socket);
    }
  }

  /** Disarms what did not fire and sends any frame still held for a swap, so no effect outlives its fault. */
  settle(): void {
    this.duplicateNext.clear();
    this.holdNext.clear();
    const held = [...this.held];
    this.held.clear();
    for (const [socket, out] of held) this.write(socket, out);
  }

  /** Forgets everything held back, unsent (the server is stopping). */
  discard(): void {
    this.muted.clear();
    this.duplicateNext.clear();
    this.holdNext.clear();
    this.held.clear();
  }

  private pass(socket: WebSocket, out: Outgoing): void {
    if (this.holdNext.delete(socket)) {
      this.held.set(socket, out);
      return;
    }
    this.write(socket, out);
    if (this.duplicateNext.delete(socket)) {
      this.counters.duplicated += 1;
      this.write(socket, out);
    }
    const held = this.held.get(socket);
    if (held) {
      this.held.delete(socket);
      this.counters.reordered += 1;
      this.write(socket, held);
    }
  }

  private write(socket: WebSocket, out: Outgoing): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.send(out.data, (error) => {
      if (!error) this.onSent(out, socket);
    });
  }

  private watch(socket: WebSocket): void {
    if (this.watched.has(socket)) return;
    this.watched.add(socket);
    socket.once('close', () => {
      const queue = this.muted.get(socket);
      if (queue) this.counters.lost += queue.length;
      this.muted.delete(socket);
      this.duplicateNext.delete(socket);
      this.holdNext.delete(socket);
      if (this.held.delete(socket)) this.counters.lost += 1;
    });
  }
}
