/**
 * A small baseline JPEG encoder (ITU-T T.81) for the demo scans: one grey component, the standard
 * tables of Annex K, and a restart marker every STRIP blocks. A restart resets the DC prediction, so
 * each 16×8 strip encodes to bytes that depend on its pixels alone: a page is assembled from strips
 * encoded once and cached (a glyph's strips, blank paper), which keeps thousands of scans cheap.
 */

/** Blocks per restart interval: a strip is 16 pixels wide, 8 high. */
export const STRIP = 2;
export const STRIP_W = 8 * STRIP;

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63,
];
const LUMA_Q = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22,
  29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
  121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
// prettier-ignore
const AC_VALS = [
  0x01,0x02,0x03,0x00,0x04,0x11,0x05,0x12,0x21,0x31,0x41,0x06,0x13,0x51,0x61,0x07,0x22,0x71,0x14,0x32,0x81,0x91,0xa1,0x08,
  0x23,0x42,0xb1,0xc1,0x15,0x52,0xd1,0xf0,0x24,0x33,0x62,0x72,0x82,0x09,0x0a,0x16,0x17,0x18,0x19,0x1a,0x25,0x26,0x27,0x28,
  0x29,0x2a,0x34,0x35,0x36,0x37,0x38,0x39,0x3a,0x43,0x44,0x45,0x46,0x47,0x48,0x49,0x4a,0x53,0x54,0x55,0x56,0x57,0x58,0x59,
  0x5a,0x63,0x64,0x65,0x66,0x67,0x68,0x69,0x6a,0x73,0x74,0x75,0x76,0x77,0x78,0x79,0x7a,0x83,0x84,0x85,0x86,0x87,0x88,0x89,
  0x8a,0x92,0x93,0x94,0x95,0x96,0x97,0x98,0x99,0x9a,0xa2,0xa3,0xa4,0xa5,0xa6,0xa7,0xa8,0xa9,0xaa,0xb2,0xb3,0xb4,0xb5,0xb6,
  0xb7,0xb8,0xb9,0xba,0xc2,0xc3,0xc4,0xc5,0xc6,0xc7,0xc8,0xc9,0xca,0xd2,0xd3,0xd4,0xd5,0xd6,0xd7,0xd8,0xd9,0xda,0xe1,0xe2,
  0xe3,0xe4,0xe5,0xe6,0xe7,0xe8,0xe9,0xea,0xf1,0xf2,0xf3,0xf4,0xf5,0xf6,0xf7,0xf8,0xf9,0xfa,
];

/** Code and length per symbol, from the table's counts per length (Annex C). */
function huffman(bits: number[], vals: number[]): { code: number[]; size: number[] } {
  const code: number[] = [];
  const size: number[] = [];
  let c = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < bits[len - 1]; i++) {
      code[vals[k]] = c++;
      size[vals[k]] = len;
      k++;
    }
    c <<= 1;
  }
  return { code, size };
}
const DC = huffman(DC_BITS, DC_VALS);
const AC = huffman(AC_BITS, AC_VALS);

/** Quality 50 (legible text, a few kB a page): the luminance table scaled (IJG's formula). */
const QUALITY = 50;
const Q = LUMA_Q.map((q) => Math.min(255, Math.max(1, Math.floor((q * (200 - QUALITY * 2) + 50) / 100))));

const COS = Array.from({ length: 64 }, (_, i) => {
  const x = i >> 3;
  const u = i & 7;
  return Math.cos(((2 * x + 1) * u * Math.PI) / 16) * (u === 0 ? Math.SQRT1_2 : 1);
});

/** The 64 quantised coefficients of one 8×8 block, in zigzag order. */
function block(pixels: Uint8Array, stride: number, x0: number, y0: number): Int32Array {
  const tmp = new Float64Array(64);
  for (let y = 0; y < 8; y++)
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let x = 0; x < 8; x++) s += (pixels[(y0 + y) * stride + x0 + x] - 128) * COS[x * 8 + u];
      tmp[y * 8 + u] = s;
    }
  const out = new Int32Array(64);
  for (let v = 0; v < 8; v++)
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let y = 0; y < 8; y++) s += tmp[y * 8 + u] * COS[y * 8 + v];
      const i = v * 8 + u;
      out[ZIGZAG.indexOf(i)] = Math.round(s / 4 / Q[i]);
    }
  return out;
}

class Bits {
  bytes: number[] = [];
  private acc = 0;
  private n = 0;
  put(value: number, len: number) {
    for (let i = len - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.flush();
    }
  }
  private flush() {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
    this.acc = 0;
    this.n = 0;
  }
  /** Pads the last byte with 1-bits, as a restart interval must end. */
  end(): Uint8Array {
    while (this.n !== 0) this.put(1, 1);
    return Uint8Array.from(this.bytes);
  }
}

const category = (v: number) => (v === 0 ? 0 : 32 - Math.clz32(Math.abs(v)));
const magnitude = (v: number, cat: number) => (v >= 0 ? v : v + (1 << cat) - 1);

/** The entropy-coded bytes of one restart interval: STRIP blocks side by side, from (x0, y0). */
export function encodeStrip(pixels: Uint8Array, stride: number, x0: number, y0: number): Uint8Array {
  const w = new Bits();
  let pred = 0;
  for (let b = 0; b < STRIP; b++) {
    const c = block(pixels, stride, x0 + b * 8, y0);
    const cat = category(c[0] - pred);
    w.put(DC.code[cat], DC.size[cat]);
    w.put(magnitude(c[0] - pred, cat), cat);
    pred = c[0];
    let run = 0;
    for (let k = 1; k < 64; k++) {
      if (c[k] === 0) {
        run++;
        continue;
      }
      while (run > 15) {
        w.put(AC.code[0xf0], AC.size[0xf0]);
        run -= 16;
      }
      const ac = category(c[k]);
      const sym = (run << 4) | ac;
      w.put(AC.code[sym], AC.size[sym]);
      w.put(magnitude(c[k], ac), ac);
      run = 0;
    }
    if (run > 0) w.put(AC.code[0], AC.size[0]);
  }
  return w.end();
}

function segment(marker: number, body: number[]): number[] {
  const len = body.length + 2;
  return [0xff, marker, len >> 8, len & 0xff, ...body];
}
const table = (cls: number, bits: number[], vals: number[]) => segment(0xc4, [cls, ...bits, ...vals]);

/** Everything before the entropy-coded data of a width × height grey image. */
export function jpegHeader(width: number, height: number): Uint8Array {
  const mcus = (width / 8) * (height / 8);
  if (width % STRIP_W || height % 8 || mcus % STRIP) throw new Error('a scan is whole strips');
  return Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, 0, 150, 0, 150, 0, 0]), // JFIF, 150 dpi
    ...segment(0xdb, [0, ...ZIGZAG.map((i) => Q[i])]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...table(0x00, DC_BITS, DC_VALS),
    ...table(0x10, AC_BITS, AC_VALS),
    ...segment(0xdd, [0, STRIP]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
  ]);
}
