/**
 * KPU-style JSON (the Sirekap / infopemilu shape) into records. Shapes read:
 * - a map keyed by region code, each a list or an id-keyed map of `{ nama, nomor_urut, … }`
 *   (Pilkada pairs, "nama": "HEAD - DEPUTY"; DPD candidates keyed by province code);
 * - for DPR: a map keyed by district code ("1101"), then by party number, then by candidate id;
 *   or, with `district` given, the party map of one district;
 * - a plain list of records carrying their own `kode_wilayah` / `kode_pro` / `kode_dapil`.
 * Pure: takes the file's text.
 */
import { districtDefaults, emptyExtracted, readRecord, type DistrictOptions, type Extracted, type RowError } from './records.ts';

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A candidate record: an object with a name. */
function isRecord(v: Json): v is Record<string, Json> {
  return isObject(v) && ['nama', 'nama_calon', 'nama_pasangan_calon', 'nama_paslon', 'handle', 'akun', 'hashtag', 'tagar'].some((k) => k in v);
}

/** The records under a node: a list, or a map keyed by candidate id (the id is kept as `id_calon`). */
function recordsUnder(node: Json, path: string): { path: string; record: Json }[] {
  if (Array.isArray(node)) return node.map((record, i) => ({ path: `${path}[${i}]`, record }));
  if (isObject(node)) return Object.entries(node).map(([id, record]) => ({ path: `${path} › ${id}`, record }));
  return [{ path, record: node }];
}

export type KpuJsonOptions = DistrictOptions;

export function parseKpuJson(text: string, options: KpuJsonOptions): Extracted {
  const out = emptyExtracted();
  let data: Json;
  try {
    data = JSON.parse(text);
  } catch (error) {
    out.errors.push({ row: '(file)', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` });
    return out;
  }
  const push = (path: string, record: Json, defaults: Record<string, unknown>) => {
    if (!isObject(record)) {
      out.errors.push({ row: path, message: `expected an object such as { "nama": …, "nomor_urut": … }, got ${JSON.stringify(record)?.slice(0, 60)}` } satisfies RowError);
      return;
    }
    readRecord(options.kind, record, path, out, defaults);
  };
  if (Array.isArray(data)) {
    for (const [i, record] of data.entries()) push(`[${i}]`, record, districtDefaults(options));
    return out;
  }
  if (!isObject(data)) {
    out.errors.push({ row: '(file)', message: 'expected a JSON object keyed by region code, or a list of records' });
    return out;
  }
  if (options.kind === 'dpr') {
    // { district: { party: { id: record } } } or, with --district, { party: { id: record } }
    const districts: [string, Json][] = options.district ? [[options.district, data]] : Object.entries(data);
    const districtName = options.districtName ? { nama_dapil: options.districtName } : {};
    for (const [district, parties] of districts) {
      if (!isObject(parties)) {
        out.errors.push({ row: district, message: 'expected a map of parties, each a map of candidates' });
        continue;
      }
      for (const [party, candidates] of Object.entries(parties)) {
        for (const { path, record } of recordsUnder(candidates, `${district} › ${party}`)) {
          push(path, record, { ...districtName, kode_dapil: district, nomor_partai: party });
        }
      }
    }
    return out;
  }
  for (const [key, node] of Object.entries(data)) {
    if (isRecord(node)) {
      push(key, node, {});
      continue;
    }
    for (const { path, record } of recordsUnder(node, key)) push(path, record, { kode_wilayah: key });
  }
  return out;
}
