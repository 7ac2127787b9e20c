// Writes the ribbon and manifest icons (16, 32, 80 px PNGs) with node:zlib: a 3×3 heat grid in
// the matrix colours on Office's brand blue. Run `node excel-addin/assets/make-icons.mjs` after
// changing the design; the PNGs are committed so the build needs no image tools.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x0f, 0x6c, 0xbd];
// Rows from the top: high probability first, as the heat map draws it.
const GRID = [
  ['#FFC000', '#FF0000', '#FF0000'],
  ['#92D050', '#FFC000', '#FF0000'],
  ['#92D050', '#92D050', '#FFC000'],
].map((row) => row.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))));

function pixel(size, x, y) {
  const radius = Math.max(2, size / 8);
  // Rounded corners: transparent outside the quarter circles.
  const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
  const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
  if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > radius) return [0, 0, 0, 0];
  const pad = Math.max(2, Math.round(size / 8));
  const gap = Math.max(1, Math.round(size / 20));
  const cell = (size - 2 * pad - 2 * gap) / 3;
  const gx = Math.floor((x - pad) / (cell + gap));
  const gy = Math.floor((y - pad) / (cell + gap));
  const inCell =
    gx >= 0 &&
    gx < 3 &&
    gy >= 0 &&
    gy < 3 &&
    x - pad - gx * (cell + gap) < cell &&
    y - pad - gy * (cell + gap) < cell;
  return inCell ? [...GRID[gy][gx], 255] : [...BRAND, 255];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function iconPng(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(size, x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of [16, 32, 80]) writeFileSync(new URL(`icon-${size}.png`, import.meta.url), iconPng(size));
}
