/**
 * Draws the toolbar icon (a check mark over a rounded square, with an amber dot for "one answer
 * disagrees") at each size the manifest names and writes PNGs to public/icons. Run once when the
 * design changes; the PNGs are committed. No image library: a tiny rasteriser and PNG encoder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
}

function distanceToSegment(px: number, py: number, a: number[], b: number[]): number {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const t = Math.max(
    0,
    Math.min(
      1,
      ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
    ),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Colour at a point of the unit square, or null for transparent. */
function shade(x: number, y: number): [number, number, number] | null {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  if (Math.hypot(x - 0.76, y - 0.26) < 0.13) return [0xf5, 0xa5, 0x24];
  const tick = Math.min(
    distanceToSegment(x, y, [0.24, 0.53], [0.43, 0.72]),
    distanceToSegment(x, y, [0.43, 0.72], [0.78, 0.38]),
  );
  if (tick < 0.075) return [0xff, 0xff, 0xff];
  return [0x35, 0x56, 0xd8];
}

mkdirSync('public/icons', { recursive: true });
for (const size of SIZES) {
  const rgba = new Uint8Array(size * size * 4);
  const ss = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) rgba.set([r / a, g / a, b / a, (255 * a) / (ss * ss)], i);
    }
  }
  writeFileSync(`public/icons/icon-${size}.png`, png(size, rgba));
}
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to public/icons`);
