/**
 * Reading a bundle file (a `jaga-bundle/1` envelope). Signature checks for downloaded updates
 * happen before this; the default bundle ships inside the signed extension package.
 */
import { ENVELOPE_FORMAT } from '@/rules/signing';
import { parseRuleBundle, type RuleBundle } from '@/rules/schema';

export interface LoadedBundle {
  bundle: RuleBundle;
  compiled: unknown;
}

export function parseBundleFile(text: string): LoadedBundle {
  const envelope = JSON.parse(text) as { format?: unknown; payload?: unknown };
  if (envelope.format !== ENVELOPE_FORMAT || typeof envelope.payload !== 'string') {
    throw new Error(`not a ${ENVELOPE_FORMAT} envelope`);
  }
  const payload = JSON.parse(envelope.payload) as { bundle?: unknown; compiled?: unknown };
  const parsed = parseRuleBundle(payload.bundle);
  if (!parsed.ok) throw new Error(`invalid rule bundle: ${parsed.errors.slice(0, 3).join('; ')}`);
  if (payload.compiled === undefined) throw new Error('bundle has no compiled rules');
  return { bundle: parsed.bundle, compiled: payload.compiled };
}
