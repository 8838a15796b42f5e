// A small raw-HTTP SSE client for tests and benches: parses frames, waits for events.
import http from 'node:http';
import { sseEventSchema, type SseEvent } from '@vpn-console/shared/api/events';

export interface ReceivedEvent {
  id: string | undefined;
  event: SseEvent;
  receivedAt: number;
}

export interface SseClient {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly events: ReceivedEvent[];
  /** Comment lines received (heartbeats are `hb`). */
  readonly comments: string[];
  /** The `retry:` values received. */
  readonly retries: number[];
  readonly ended: Promise<void>;
  next<T extends SseEvent['type']>(
    type: T,
    predicate?: (event: Extract<SseEvent, { type: T }>) => boolean,
    timeoutMs?: number,
  ): Promise<Extract<SseEvent, { type: T }>>;
  waitForComment(text: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

export const openSse = (
  url: string,
  headers: Record<string, string> = {},
  onEvent?: (e: ReceivedEvent) => void,
): Promise<SseClient> =>
  new Promise((resolve, reject) => {
    const events: ReceivedEvent[] = [];
    const comments: string[] = [];
    const retries: number[] = [];
    const waiters = new Set<() => void>();
    const notify = () => {
      for (const w of [...waiters]) w();
    };
    let endResolve: () => void = () => undefined;
    const ended = new Promise<void>((r) => {
      endResolve = r;
    });
    const req = http.get(
      url,
      { headers: { Accept: 'text/event-stream', ...headers }, agent: false },
      (res) => {
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let index = buffer.indexOf('\n\n');
          while (index !== -1) {
            const block = buffer.slice(0, index);
            buffer = buffer.slice(index + 2);
            let id: string | undefined;
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments.push(line.slice(1).trim());
              else if (line.startsWith('id: ')) id = line.slice(4);
              else if (line.startsWith('data: ')) data += line.slice(6);
              else if (line.startsWith('retry: ')) retries.push(Number(line.slice(7)));
            }
            if (data !== '') {
              const parsed = sseEventSchema.parse(JSON.parse(data));
              const received = { id, event: parsed, receivedAt: Date.now() };
              events.push(received);
              onEvent?.(received);
            }
            index = buffer.indexOf('\n\n');
          }
          notify();
        });
        res.on('end', () => {
          endResolve();
          notify();
        });
        res.on('error', () => {
          endResolve();
        });
        const client: SseClient = {
          status: res.statusCode ?? 0,
          headers: res.headers,
          events,
          comments,
          retries,
          ended,
          next(type, predicate, timeoutMs = 10_000) {
            type E = Extract<SseEvent, { type: typeof type }>;
            let seen = 0;
            return new Promise<E>((resolveNext, rejectNext) => {
              const check = () => {
                for (; seen < events.length; seen += 1) {
                  const candidate = events[seen]?.event;
                  if (candidate?.type !== type) continue;
                  const typed = candidate as E;
                  if (!predicate || predicate(typed)) {
                    waiters.delete(check);
                    clearTimeout(timer);
                    resolveNext(typed);
                    return;
                  }
                }
              };
              const timer = setTimeout(() => {
                waiters.delete(check);
                rejectNext(new Error(`no ${type} event within ${timeoutMs} ms`));
              }, timeoutMs);
              waiters.add(check);
              check();
            });
          },
          waitForComment(text, timeoutMs = 10_000) {
            return new Promise<void>((resolveWait, rejectWait) => {
              const check = () => {
                if (comments.includes(text)) {
                  waiters.delete(check);
                  clearTimeout(timer);
                  resolveWait();
                }
              };
              const timer = setTimeout(() => {
                waiters.delete(check);
                rejectWait(new Error(`no :${text} comment within ${timeoutMs} ms`));
              }, timeoutMs);
              waiters.add(check);
              check();
            });
          },
          close() {
            req.destroy();
            res.destroy();
          },
        };
        resolve(client);
      },
    );
    req.on('error', reject);
  });
