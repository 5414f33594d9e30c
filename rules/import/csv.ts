/**
 * CSV (comma, semicolon or tab separated, with a header row; RFC 4180 quotes) into records. The
 * header names the fields as the data set does ("kode_wilayah", "nomor_urut", "nama_calon",
 * "nama_wakil", "partai", "kode_dapil", "platform", "handle", "hashtag"…; see records.ts). A
 * transcription of news articles adds, per row, "sumber" (the article URLs), "koalisi" (the backing
 * parties, ";"-separated), "akronim" (the pair's acronyms) and one column per platform ("instagram",
 * "tiktok", …) for the campaign accounts the article names. Pure.
 */
import { districtDefaults, emptyExtracted, readRecord, type DistrictOptions, type Extracted } from './records.ts';

/** Rows of cells; quoted cells may hold separators, quotes ("") and line breaks. */
export function parseCsvRows(text: string): { cells: string[]; line: number }[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const sep = [',', ';', '\t'].map((s) => ({ s, n: firstLine.split(s).length })).sort((a, b) => b.n - a.n)[0]!.s;
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) rows.push({ cells, line: rowLine });
  return rows;
}

export function parseCsv(text: string, options: DistrictOptions): Extracted {
  const out = emptyExtracted();
  const rows = parseCsvRows(text);
  const header = rows.shift();
  if (!header) {
    out.errors.push({ row: '(file)', message: 'empty CSV: expected a header row and data rows' });
    return out;
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  for (const { cells, line } of rows) {
    if (cells.length !== names.length) {
      out.errors.push({ row: `line ${line}`, message: `expected ${names.length} cells as in the header, found ${cells.length}` });
      continue;
    }
    const fields = Object.fromEntries(names.map((n, i) => [n, cells[i]]));
    readRecord(options.kind, fields, `line ${line}`, out, districtDefaults(options));
  }
  return out;
}
