// Draws media/icon.png (128×128): a lens over three network nodes, one link broken.
// Pure Node (zlib) so that no image tool is needed; run `node scripts/vscode-e2e/make-icon.js`.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 128;
const SUPERSAMPLE = 4;
const BACKGROUND = [27, 36, 51];
const LENS = [255, 184, 76];
const LINK = [126, 200, 255];
const BROKEN = [255, 99, 99];

const distanceToSegment = (px, py, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};
const insideRoundedSquare = (x, y) => {
  const r = 22;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return Math.hypot(x - cx, y - cy) <= r;
};
const nodes = [[40, 42], [76, 38], [56, 74]];

/** Colour of one sample point, or null where the icon is transparent. */
function sample(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  const lensDistance = Math.abs(Math.hypot(x - 56, y - 56) - 36);
  if (lensDistance <= 6) return LENS;
  if (distanceToSegment(x, y, 84, 84, 110, 110) <= 8) return LENS;
  for (const [nx, ny] of nodes) if (Math.hypot(x - nx, y - ny) <= 7) return LINK;
  if (distanceToSegment(x, y, 40, 42, 76, 38) <= 2.5) return LINK;
  if (distanceToSegment(x, y, 40, 42, 56, 74) <= 2.5) return LINK;
  // The broken link: two stubs with a gap in the middle.
  if (distanceToSegment(x, y, 76, 38, 70, 50) <= 2.5 || distanceToSegment(x, y, 62, 62, 56, 74) <= 2.5) return BROKEN;
  return BACKGROUND;
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SUPERSAMPLE; sy++) {
      for (let sx = 0; sx < SUPERSAMPLE; sx++) {
        const colour = sample(x + (sx + 0.5) / SUPERSAMPLE, y + (sy + 0.5) / SUPERSAMPLE);
        if (!colour) continue;
        sum[0] += colour[0]; sum[1] += colour[1]; sum[2] += colour[2]; sum[3] += 1;
      }
    }
    const offset = 1 + x * 4;
    if (sum[3] > 0) {
      row[offset] = Math.round(sum[0] / sum[3]);
      row[offset + 1] = Math.round(sum[1] / sum[3]);
      row[offset + 2] = Math.round(sum[2] / sum[3]);
      row[offset + 3] = Math.round((255 * sum[3]) / SUPERSAMPLE ** 2);
    }
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(__dirname, '..', '..', 'media', 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
