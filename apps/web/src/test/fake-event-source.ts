// Stand-in for the browser's EventSource (jsdom has none): tests push server-sent events.
type Listener = (event: MessageEvent<unknown>) => void;

export class FakeEventSource {
  static instances: FakeEventSource[] = [];

  static reset(): void {
    FakeEventSource.instances = [];
  }

  /** The tab's stream (the newest open one). */
  static current(): FakeEventSource {
    const open = FakeEventSource.instances.filter((s) => !s.closed);
    const last = open[open.length - 1];
    if (last === undefined) throw new Error('no EventSource is open');
    return last;
  }

  readonly url: string;
  closed = false;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  /** Delivers `event: <type>` with JSON data, as the BFF would. */
  emit(type: string, data: unknown): void {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    for (const l of this.listeners.get(type) ?? []) l(event);
  }

  /** The connection dropped. */
  fail(): void {
    for (const l of this.listeners.get('error') ?? []) l(new MessageEvent('error'));
  }
}
