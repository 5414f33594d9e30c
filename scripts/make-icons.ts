/**
 * Draws the toolbar and store icons (a shield with a check mark) as PNGs, without an image
 * library: a tiny rasteriser plus zlib. Run once with `npx tsx scripts/make-icons.ts`; the PNGs
 * under public/icon are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Shield outline in unit coordinates (0..1), and a check mark as two thick segments. */
function inShield(u: number, v: number): boolean {
  if (u < 0.12 || u > 0.88 || v < 0.08) return false;
  if (v < 0.55) return true;
  const half = 0.38 * Math.sqrt(Math.max(0, 1 - (v - 0.55) / 0.4));
  return Math.abs(u - 0.5) <= half;
}
function nearSegment(u: number, v: number, a: [number, number], b: [number, number], w: number): boolean {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay))) <= w;
}

const SS = 4; // supersampling per axis
function icon(size: number): Buffer {
  return png(size, (x, y) => {
    let shield = 0;
    let check = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const u = (x + (sx + 0.5) / SS) / size;
        const v = (y + (sy + 0.5) / SS) / size;
        if (!inShield(u, v)) continue;
        shield++;
        if (nearSegment(u, v, [0.3, 0.48], [0.45, 0.63], 0.06) || nearSegment(u, v, [0.45, 0.63], [0.72, 0.33], 0.06)) check++;
      }
    }
    const n = SS * SS;
    if (shield === 0) return [0, 0, 0, 0];
    const c = check / shield;
    // Merah putih: a red shield with a white check.
    const r = Math.round(185 * (1 - c) + 255 * c);
    const g = Math.round(28 * (1 - c) + 255 * c);
    const b = Math.round(28 * (1 - c) + 255 * c);
    return [r, g, b, Math.round((255 * shield) / n)];
  });
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, icon(size));
console.log('icons written to public/icon');
