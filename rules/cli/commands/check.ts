/**
 * `jaga check [--at YYYY-MM-DD] [--region CODE] [--site SITE] [--jsonl] [--rules FILE|DIR] [TEXT…]`
 *
 * Evaluates text with the engine and shows the verdict. Default rules: the production bundle
 * (rules/data via `loadDefaultBundle`); rules/data that fails to load is an error (exit 1), never
 * replaced by tests/fixtures/dev-bundle.yaml (used only in a checkout without rules/data).
 * --jsonl: reads `{"text": …}` lines (or any ActionContent object, or a JSON string) from stdin and writes
 * exactly one JSON line per input line: {"severity", "reasons"}, or {"error"} for a line that is not JSON
 * or not content. A line may carry its own "at" and "region" (the eval sets do); other keys are ignored.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SITE_IDS, type ActionContent, type SiteId } from '../../actions.ts';
import { compileBundle } from '../../compile.ts';
import { buildWordAutomaton } from '../../automaton.ts';
import { loadEngine, type Engine, type Reason, type Verdict } from '../../engine.ts';
import { parseEnvelope } from '../../signing.ts';
import { formatPath, IsoDateSchema, parseRuleBundle, RegionCodeSchema, type RuleBundle } from '../../schema.ts';

export const summary = 'evaluate text with the rule engine (severity and reasons; --jsonl for batches)';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DEV_BUNDLE = join(ROOT, 'tests', 'fixtures', 'dev-bundle.yaml');

const USAGE = `Usage: jaga check [--at YYYY-MM-DD] [--region CODE] [--site SITE] [--jsonl] [--rules FILE|DIR] [TEXT…]
  --at      date of the action (default: today)
  --region  Kemendagri region code of the agency, e.g. 35 or 35.78
  --site    ${SITE_IDS.join('|')}
  --jsonl   read {"text": …} JSON lines from stdin, write one JSON verdict line each; a line's own
            "at" and "region" override the options for that line
  --rules   a bundle YAML/JSON file, a built bundle (jaga build), or a rules/data-style directory
Without TEXT and without --jsonl, reads the text from stdin.`;

const field = z.string().optional();
const items = z.array(z.string()).optional();
/** One --jsonl line: the content (ActionContent's fields) and, optionally, its own date and region. */
const CheckLineSchema = z.object({
  text: field,
  quoted: field,
  author: field,
  handle: field,
  hashtags: items,
  linkTitle: field,
  linkUrl: field,
  imageAlt: items,
  draft: field,
  group: field,
  url: field,
  at: IsoDateSchema.optional(),
  region: RegionCodeSchema.optional(),
});

/** The verdict line for one --jsonl input line (never throws). */
function checkLine(engine: Engine, line: string, ctx: { at: string; region?: string; site?: SiteId }): string {
  if (!line.trim()) return JSON.stringify({ error: 'empty line' });
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return JSON.stringify({ error: `bad JSON line: ${(e as Error).message}` });
  }
  const parsed = CheckLineSchema.safeParse(typeof value === 'string' ? { text: value } : value);
  if (!parsed.success) {
    return JSON.stringify({ error: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ') });
  }
  const { at, region, ...content } = parsed.data;
  const lineCtx = { ...ctx, ...(at ? { at } : {}), ...(region ? { region } : {}) };
  const verdict = engine.evaluate(content as ActionContent, lineCtx);
  return JSON.stringify({ severity: verdict.severity, reasons: verdict.reasons });
}

interface Options {
  at: string;
  region?: string;
  site?: SiteId;
  jsonl: boolean;
  rules?: string;
  text: string[];
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = { at: new Date().toISOString().slice(0, 10), jsonl: false, text: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--at') {
        o.at = value();
        if (!IsoDateSchema.safeParse(o.at).success) return `--at: expected YYYY-MM-DD (a real calendar day), got "${o.at}"`;
      } else if (a === '--region') {
        o.region = value();
        if (!RegionCodeSchema.safeParse(o.region).success) return `--region: expected a code such as 35 or 35.78, got "${o.region}"`;
      } else if (a === '--site') {
        const s = value();
        if (!(SITE_IDS as readonly string[]).includes(s)) return `--site: one of ${SITE_IDS.join(', ')}`;
        o.site = s as SiteId;
      } else if (a === '--jsonl') o.jsonl = true;
      else if (a === '--rules') o.rules = value();
      else if (a === '--help' || a === '-h') return '';
      else if (a === '--') o.text.push(...argv.slice(i + 1)), (i = argv.length);
      else if (a.startsWith('--')) return `unknown option ${a}`;
      else o.text.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  return o;
}

type DefaultLoader = () => Promise<RuleBundle | undefined>;

/** rules/data's bundle; undefined only when this checkout has no rules/data at all. */
const loadDataBundle: DefaultLoader = async () => {
  if (!existsSync(join(ROOT, 'rules', 'data', 'index.ts'))) return undefined;
  const data = (await import('../../data/index.ts')) as { loadDefaultBundle?: () => RuleBundle };
  if (!data.loadDefaultBundle) throw new Error('rules/data has no loadDefaultBundle()');
  return data.loadDefaultBundle();
};

/**
 * The rules to check with: --rules (a bundle YAML/JSON, a built jaga-bundle/1 file, or a
 * rules/data-style directory), else rules/data. Rules that exist but do not load are an error: checking
 * with other rules than the user meant (the test bundle) would answer a different question.
 */
export async function loadBundle(
  rules: string | undefined,
  loadDefault: DefaultLoader = loadDataBundle,
): Promise<{ bundle: RuleBundle; from: string }> {
  if (rules) {
    if (statSync(rules).isDirectory()) {
      const data = (await import('../../data/index.ts')) as { loadSourceBundle?: (dir: string) => RuleBundle };
      if (!data.loadSourceBundle) throw new Error('rules/data has no loadSourceBundle()');
      return { bundle: data.loadSourceBundle(rules), from: rules };
    }
    return { bundle: parseFile(rules), from: rules };
  }
  let bundle: RuleBundle | undefined;
  try {
    bundle = await loadDefault();
  } catch (e) {
    throw new Error(`default rules failed to load: ${(e as Error).message}\n(fix rules/data, or pass --rules FILE|DIR)`);
  }
  if (bundle) return { bundle, from: 'rules/data' };
  return { bundle: parseFile(DEV_BUNDLE), from: 'tests/fixtures/dev-bundle.yaml' };
}

/** A built bundle (`jaga build`): the envelope's payload carries the source bundle it was compiled from. */
const EnvelopePayloadSchema = z.object({ bundle: z.unknown() });

function parseFile(path: string): RuleBundle {
  const text = readFileSync(path, 'utf8');
  let raw: unknown = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  if (raw && typeof raw === 'object' && (raw as { format?: unknown }).format === 'jaga-bundle/1') {
    const payload = EnvelopePayloadSchema.safeParse(JSON.parse(parseEnvelope(text).payload));
    if (!payload.success) throw new Error(`${path}: a jaga-bundle/1 file whose payload has no "bundle"`);
    raw = payload.data.bundle;
  }
  const r = parseRuleBundle(raw);
  if (!r.ok) throw new Error(`${path}:\n  ${r.errors.join('\n  ')}`);
  return r.bundle;
}

const SEV_COLOR: Record<string, string> = { none: '32', low: '36', medium: '33', high: '31' };

function highlight(text: string, reasons: Reason[], tty: boolean): string {
  const spans = reasons.filter((r) => r.field === 'text' && r.severity !== 'none').map((r) => r.span).sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of spans) {
    if (s < pos) continue;
    out += text.slice(pos, s) + (tty ? `\x1b[1;4;33m${text.slice(s, e)}\x1b[0m` : `[${text.slice(s, e)}]`);
    pos = e;
  }
  return out + text.slice(pos);
}

function describe(text: string, v: Verdict, tty: boolean): string {
  const sev = tty ? `\x1b[1;${SEV_COLOR[v.severity]}m${v.severity.toUpperCase()}\x1b[0m` : v.severity.toUpperCase();
  const lines = [`${sev}  ${highlight(text, v.reasons, tty)}`];
  for (const r of v.reasons) {
    lines.push(`  - ${r.severity.padEnd(6)} ${r.kind.padEnd(13)} "${r.matched}" [${r.span[0]},${r.span[1]}) ${r.label}${r.contest ? `  (${r.contest.id})` : ''}`);
    if (r.evidence?.length) lines.push(`      evidence: ${r.evidence.join(', ')}`);
  }
  return lines.join('\n');
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(argv: string[], stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const o = parseArgs(argv);
  if (typeof o === 'string') {
    process.stderr.write(o ? `jaga check: ${o}\n${USAGE}\n` : `${USAGE}\n`);
    return o ? 2 : 0;
  }
  let engine: Engine;
  try {
    const { bundle } = await loadBundle(o.rules);
    // --jsonl may stream any amount of text: the word automaton pays for itself here
    engine = loadEngine(compileBundle(bundle), o.jsonl ? { wordAutomaton: buildWordAutomaton } : {});
  } catch (e) {
    process.stderr.write(`jaga check: ${(e as Error).message}\n`);
    return 1;
  }
  const ctx = { at: o.at, ...(o.region ? { region: o.region } : {}), ...(o.site ? { site: o.site } : {}) };
  if (o.jsonl) {
    const rl = createInterface({ input: stdin, crlfDelay: Infinity });
    for await (const line of rl) process.stdout.write(checkLine(engine, line, ctx) + '\n');
    return 0;
  }
  const tty = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const texts = o.text.length ? [o.text.join(' ')] : [(await readStdin(stdin)).replace(/\n$/, '')];
  for (const text of texts) process.stdout.write(describe(text, engine.evaluate({ text }, ctx), tty) + '\n');
  return 0;
}
