// Renders build/icon.png (1024x1024 RGBA) from simple shapes: a rounded square with the app's
// blue-to-teal gradient and a white "switchboard" motif (three jacks, two patch cords).
// Dependency-free (zlib only) so it runs anywhere: `node build/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 1024;
const px = Buffer.alloc(N * N * 4);
const clamp = (v) => Math.max(0, Math.min(1, v));
const mix = (a, b, t) => a + (b - a) * t;

function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
function segment(x, y, ax, ay, bx, by) {
  const pax = x - ax,
    pay = y - ay,
    bax = bx - ax,
    bay = by - ay;
  const h = clamp((pax * bax + pay * bay) / (bax * bax + bay * bay));
  return Math.hypot(pax - bax * h, pay - bay * h);
}

const jacksL = [300, 512, 724].map((y) => [300, y]);
const jacksR = [300, 512, 724].map((y) => [724, y]);
const cords = [
  [jacksL[0], jacksR[1]],
  [jacksL[2], jacksR[0]],
  [jacksL[1], jacksR[2]],
];

for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const bg = roundedBox(x + 0.5, y + 0.5, 512, 512, 440, 440, 200);
    const aBg = clamp(0.5 - bg);
    const t = (x + y) / (2 * N);
    let r = mix(0x34, 0x27, t),
      g = mix(0x61, 0xb3, t),
      b = mix(0xd1, 0xa0, t);
    let white = 0;
    for (const [cx, cy] of [...jacksL, ...jacksR]) {
      const d = Math.hypot(x - cx, y - cy);
      white = Math.max(white, clamp(0.5 - (d - 58)) - clamp(0.5 - (d - 30)) * 0.0);
    }
    for (const [[ax, ay], [bx, by]] of cords)
      white = Math.max(white, clamp(0.5 - (segment(x, y, ax, ay, bx, by) - 22)) * 0.92);
    r = mix(r, 255, white);
    g = mix(g, 255, white);
    b = mix(b, 255, white);
    const i = (y * N + x) * 4;
    px[i] = Math.round(r);
    px[i + 1] = Math.round(g);
    px[i + 2] = Math.round(b);
    px[i + 3] = Math.round(aBg * 255);
  }
}

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) px.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8;
ihdr[9] = 6;
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`build/icon.png: ${png.length} bytes`);
