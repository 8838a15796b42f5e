// One SSE stream (one browser tab): framing, backpressure, heartbeats, clean close.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { SseEvent } from '@vpn-console/shared/api/events';

/** Formats one event; built once per broadcast and written to every stream. */
export const sseFrame = (id: number, event: SseEvent): string =>
  `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * An event stream's headers. A stream is not a document: of the headers every answer gets
 * (helmet's, auth/guard.ts), it keeps only what matters to a stream of account data (never
 * stored, never sniffed as something else, no other site may read or frame it), and
 * `writeStreamHead` drops the rest (issue 18: Node keeps each answer's header block for the
 * stream's life; the full set cost about 1 KB per stream).
 */
const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store, no-transform',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;
/** Headers set before the stream opens that it keeps as they are. */
const KEPT_HEADERS: ReadonlySet<string> = new Set([
  'x-request-id',
  'set-cookie',
  'cross-origin-resource-policy',
]);

/** Sends the stream's 200 and headers now. */
export const writeStreamHead = (res: ServerResponse): void => {
  for (const name of res.getHeaderNames()) {
    if (!KEPT_HEADERS.has(name)) res.removeHeader(name);
  }
  res.writeHead(200, SSE_HEADERS);
  res.flushHeaders();
};

export class SseStream {
  readonly id = randomUUID();
  /** Gateway keys (`regionId/vpnGatewayId`) this stream watches. */
  readonly watched = new Set<string>();
  /** Events are only written after the snapshot went out. */
  ready = false;
  /** A write was skipped because the client is slow: send a fresh snapshot on drain. */
  lagging = false;
  closed = false;
  /** The account that opened it (per-account stream cap). */
  account: string | undefined;

  constructor(
    readonly res: ServerResponse,
    /** Whoever opened the stream (a session id once sessions exist): for logout fan-out. */
    readonly owner: string | undefined,
    private readonly onDrainSnapshot: (stream: SseStream) => void,
  ) {
    res.on('drain', () => {
      if (this.lagging && !this.closed) {
        this.lagging = false;
        this.onDrainSnapshot(this);
      }
    });
  }

  /** Writes now, whatever the state (hello, snapshot). */
  writeRaw(chunk: string): void {
    if (this.closed || this.res.writableEnded) return;
    this.res.write(chunk);
  }

  /** Writes a broadcast frame unless the client is not ready or cannot keep up. */
  send(frame: string): void {
    if (!this.ready || this.closed || this.res.writableEnded) return;
    if (this.res.writableNeedDrain) {
      // Status is state, not a log: skip, and send a snapshot when the socket drains.
      this.lagging = true;
      return;
    }
    this.res.write(frame);
  }

  heartbeat(): void {
    if (this.closed || this.res.writableEnded || this.res.writableNeedDrain) return;
    this.res.write(':hb\n\n');
  }

  /** Ends the stream after a last frame (logout, reconnect). */
  end(lastFrames = ''): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.res.writableEnded) this.res.end(lastFrames);
  }
}
