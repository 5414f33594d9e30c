/**
 * Reading a response body with a size cap, for the two downloads the background makes: signed rule
 * bundles (entrypoints/background/updates.ts) and agency policy files (utils/enrolment.ts). The cap
 * is checked against Content-Length first and then while the body streams in, so an oversized or
 * endless body is cut off at the limit instead of being held in memory. Tested through both callers
 * (tests/dom/entrypoints/background/updates.test.ts, tests/dom/utils/enrolment.test.ts).
 */

/** The body is larger than the limit; `declared` is the Content-Length when that already said so. */
export class BodyTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly declared?: number,
  ) {
    super(declared === undefined ? `more than ${limit} bytes` : `${declared} bytes declared, the limit is ${limit}`);
    this.name = 'BodyTooLarge';
  }
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (a body stream may ignore it). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Reads at most `limit` bytes of the body; throws BodyTooLarge as soon as it is larger. */
export async function readLimited(response: Response, limit: number, signal: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLarge(limit, declared);
  }
  if (!response.body) {
    const bytes = new Uint8Array(await untilAborted(response.arrayBuffer(), signal));
    if (bytes.length > limit) throw new BodyTooLarge(limit);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      if (total > limit) throw new BodyTooLarge(limit);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
