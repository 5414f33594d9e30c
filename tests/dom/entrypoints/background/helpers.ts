/**
 * Helpers for the background tests: real bundles (the development rule set), real Ed25519
 * envelopes, and a scripted fetch that records every request with its headers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileBound, compileBundle } from '@/rules/compile';
import { loadEngine } from '@/rules/engine';
import { parseRuleBundle, type RuleBundle } from '@/rules/schema';
import { serializeEnvelope, signEnvelope, unsignedEnvelope } from '@/rules/signing';

const ROOT = join(import.meta.dirname, '../../../..');

export function devBundle(): RuleBundle {
  const r = parseRuleBundle(parse(readFileSync(join(ROOT, 'tests/fixtures/dev-bundle.yaml'), 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.bundle;
}

/** A hashtag no development rule knows; the "new rule" adds it. */
export const NEW_HASHTAG = 'CalonUjiMenang';

/**
 * The n-th bundle of 1 January 2026 in the version scheme (YYYYMMDDnn): V(5) = 2026010105. The
 * dev bundle is issued that day.
 */
export const V = (n: number): number => 2026010100 + n;

/** The dev bundle as V(n), optionally with one new in-season contest using NEW_HASHTAG. */
export function bundleAt(n: number, opts: { newRule?: boolean; expiresAt?: string } = {}): RuleBundle {
  const b = structuredClone(devBundle());
  b.version = V(n);
  b.issuedAt = '2026-01-01';
  if (opts.expiresAt) b.expiresAt = opts.expiresAt;
  if (opts.newRule) {
    b.persons.push({ id: 'calon-uji', name: 'Calon Ujicoba Sentosa' });
    b.contests.push({
      id: 'pilpres-uji',
      name: 'Pilpres Uji',
      kind: 'pilpres',
      phases: [{ kind: 'kampanye', from: '2020-01-01', to: '2099-12-31' }],
      contestants: [{ id: 'pasangan-uji', number: 9, persons: ['calon-uji'], hashtags: [NEW_HASHTAG] }],
    });
  }
  const checked = parseRuleBundle(b);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.bundle;
}

export function payloadOf(bundle: unknown, compiled?: unknown): string {
  return JSON.stringify({ bundle, compiled: compiled ?? compileBundle(bundle as RuleBundle) });
}

/** A signed envelope; without `compiled`, the bundle's own compiled rules bound to it as `jaga build` does. */
export async function signed(bundle: unknown, privateKeyPem: string, compiled?: unknown): Promise<string> {
  return serializeEnvelope(await signEnvelope(payloadOf(bundle, compiled ?? (await compileBound(bundle as RuleBundle))), privateKeyPem));
}

/** An unsigned envelope as `jaga build --unsigned` writes the package's default bundle. */
export async function unsignedBound(bundle: RuleBundle): Promise<string> {
  return serializeEnvelope(unsignedEnvelope(payloadOf(bundle, await compileBound(bundle))));
}

export function unsigned(bundle: RuleBundle): string {
  return serializeEnvelope(unsignedEnvelope(payloadOf(bundle)));
}

/** Severity the compiled rules give a hashtag today. */
export function severityOf(compiled: unknown, hashtag: string): string {
  return loadEngine(compiled as Parameters<typeof loadEngine>[0]).evaluate({ hashtags: [hashtag], text: `#${hashtag}` }, { at: new Date() }).severity;
}

export interface SeenRequest {
  url: string;
  headers: Record<string, string>;
}

export type Handler = (req: SeenRequest) => Response | Promise<Response>;

/** A fetch that answers from `routes` (404 otherwise) and records what it was asked. */
export function scriptedFetch(routes: Map<string, Handler>) {
  const seen: SeenRequest[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const req = { url, headers };
    seen.push(req);
    const route = routes.get(url);
    if (!route) return new Response('not found', { status: 404 });
    return route(req);
  }) as typeof fetch;
  return { fetch: impl, seen };
}

/** A body of `size` bytes streamed in 64 KiB chunks, without Content-Length; counts bytes pulled. */
export function streamingBody(size: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) {
        controller.close();
        return;
      }
      const n = Math.min(chunk.length, size - sent);
      sent += n;
      controller.enqueue(chunk.slice(0, n));
    },
  });
  return { stream, pulled: () => sent };
}
