/**
 * Laravel-style PHP seeders (`$rows = [ ['nama' => 'X', 'nomor_urut' => '1'], … ];` or
 * `DB::table(…)->insert([...])`) into records. Only literal arrays of `'key' => 'value'` pairs are
 * read; the PHP is never run. Pure.
 */
import { districtDefaults, emptyExtracted, readRecord, type DistrictOptions, type Extracted } from './records.ts';

/** PHP string or number literal → its value. */
function literal(raw: string): string | undefined {
  const s = raw.trim();
  const m = /^(['"])([\s\S]*)\1$/.exec(s);
  if (m) return m[1] === "'" ? m[2]!.replace(/\\(['\\])/g, '$1') : m[2]!.replace(/\\(["\\$])/g, '$1');
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return s;
  if (/^null$/i.test(s)) return undefined;
  return undefined;
}

const PAIR_RE = /(['"])((?:\\.|(?!\1).)*)\1\s*=>\s*('(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|-?\d+(?:\.\d+)?|null|true|false)/g;

/** The innermost `[ … ]` / `array( … )` groups holding `=>` pairs, with the line each starts on. */
function associativeArrays(text: string): { body: string; line: number }[] {
  const out: { body: string; line: number }[] = [];
  const stack: number[] = [];
  let inString: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === inString) inString = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') inString = ch;
    else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (ch === '[' || (ch === '(' && /array\s*$/i.test(text.slice(Math.max(0, i - 8), i)))) stack.push(i);
    else if ((ch === ']' || ch === ')') && stack.length) {
      const start = stack.pop()!;
      const body = text.slice(start + 1, i);
      // innermost: no nested array inside, and at least one pair
      if (!/[[(]/.test(body.replace(/(['"])(?:\\.|(?!\1).)*\1/g, '')) && body.includes('=>')) {
        out.push({ body, line: text.slice(0, start).split('\n').length });
      }
    }
  }
  return out;
}

export function parseSeeder(text: string, options: DistrictOptions): Extracted {
  const out = emptyExtracted();
  const arrays = associativeArrays(text);
  if (!arrays.length) {
    out.errors.push({ row: '(file)', message: "no array of 'key' => 'value' pairs found (expected a Laravel seeder)" });
    return out;
  }
  for (const { body, line } of arrays) {
    const fields: Record<string, unknown> = {};
    for (const m of body.matchAll(PAIR_RE)) fields[m[2]!] = literal(m[3]!);
    readRecord(options.kind, fields, `line ${line}`, out, districtDefaults(options));
  }
  return out;
}
