/**
 * A minimal WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/) over `ws`: commands,
 * their answers, and events. Enough to drive Firefox's built-in remote agent in the Firefox
 * end-to-end tests (firefox-harness.ts); no browser-specific code here.
 */
import WebSocket from 'ws';

export interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

export class BidiError extends Error {
  constructor(
    readonly method: string,
    readonly error: string,
    message: string,
  ) {
    super(`${method}: ${error}: ${message}`);
  }
}

export class BidiClient {
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly listeners = new Set<(event: BidiEvent) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', () => {
      for (const { method, reject } of this.pending.values()) reject(new Error(`${method}: connection closed`));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<BidiClient> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((ok, fail) => {
      socket.once('open', () => ok());
      socket.once('error', fail);
    });
    return new BidiClient(socket);
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `listener` for every event until the returned function is called. */
  on(listener: (event: BidiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.socket.close();
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as {
      id?: number;
      type?: string;
      result?: unknown;
      error?: string;
      message?: string;
      method?: string;
      params?: Record<string, unknown>;
    };
    if (typeof message.id === 'number') {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.type === 'error') waiting.reject(new BidiError(waiting.method, message.error ?? 'error', message.message ?? ''));
      else waiting.resolve(message.result);
      return;
    }
    if (message.type === 'event' && message.method) {
      for (const listener of this.listeners) listener({ method: message.method, params: message.params ?? {} });
    }
  }
}

// ---------------------------------------------------------------- serialized values

/** A remote value as BiDi serializes it (script.evaluate / script.callFunction results). */
export interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
  handle?: string;
}

/** A serialized DOM node (type "node"). */
export interface NodeValue {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: Record<string, string>;
  childNodeCount?: number;
  children?: RemoteNode[];
  shadowRoot?: RemoteNode | null;
  mode?: 'open' | 'closed';
}

export interface RemoteNode extends RemoteValue {
  type: 'node';
  sharedId: string;
  value?: NodeValue;
}

/** Plain JSON out of a serialized primitive, array or object (not nodes). */
export function fromRemote(value: RemoteValue): unknown {
  switch (value.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'array':
      return ((value.value as RemoteValue[] | undefined) ?? []).map(fromRemote);
    case 'object':
      return Object.fromEntries(((value.value as [string | RemoteValue, RemoteValue][] | undefined) ?? []).map(([k, v]) => [typeof k === 'string' ? k : String(fromRemote(k)), fromRemote(v)]));
    default:
      return value;
  }
}

/** A JSON value as a BiDi LocalValue (arguments to script.callFunction). */
export function toLocal(value: unknown): Record<string, unknown> {
  if (value === undefined) return { type: 'undefined' };
  if (value === null) return { type: 'null' };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (Array.isArray(value)) return { type: 'array', value: value.map(toLocal) };
  if (typeof value === 'object') return { type: 'object', value: Object.entries(value).map(([k, v]) => [k, toLocal(v)]) };
  throw new Error(`cannot send ${typeof value}`);
}
