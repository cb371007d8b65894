/**
 * The demo city's scans as real files: a grey page image with the kind's title, the worker's masked
 * name and (when given) the application number, as a JPEG (id card, receipt) or a one-page PDF around that JPEG
 * (a scanned form). The page is assembled from cached 16×8 strips (jpeg.ts), so a file costs a
 * few hundred array lookups; glyphs come from glyphs.json (scripts/scan-glyphs.ts), not a font.
 */
import { inflateSync } from 'node:zlib';
import sheet from './glyphs.json';
import { encodeStrip, jpegHeader, STRIP_W } from './jpeg';
import { FOOTER, MISSING, NAME_LABEL, NUMBER_LABEL, SCAN_TITLES } from './text';

type Face = keyof typeof sheet;
const WIDTH = 768;
const COLS = WIDTH / STRIP_W;
const MARGIN = 4; // strips of paper left of the text

/** One strip-wide column of a line: a glyph's column, or paper. */
type Col = { face: Face; ch: string; col: number } | null;
/** A band of the page: its height in block rows and its columns (or a rule, or paper). */
type Band = { rows: number; cols: Col[] } | { rows: 1; rule: true };

const bitmaps = new Map<string, Uint8Array>();
function bitmap(face: Face, ch: string): Uint8Array {
  const key = `${face}:${ch}`;
  let b = bitmaps.get(key);
  if (!b) {
    const glyphs = sheet[face].glyphs as Record<string, string>;
    b = new Uint8Array(inflateSync(Buffer.from(glyphs[ch], 'base64')));
    bitmaps.set(key, b);
  }
  return b;
}

const strips = new Map<string, Uint8Array>();
function strip(key: string, draw: () => [Uint8Array, number, number, number]): Uint8Array {
  let s = strips.get(key);
  if (!s) {
    s = encodeStrip(...draw());
    strips.set(key, s);
  }
  return s;
}
const paper = () => strip('paper', () => [new Uint8Array(STRIP_W * 8).fill(255), STRIP_W, 0, 0]);
const rule = () =>
  strip('rule', () => {
    const px = new Uint8Array(STRIP_W * 8).fill(255);
    px.fill(90, STRIP_W * 3, STRIP_W * 5);
    return [px, STRIP_W, 0, 0];
  });

/** A text's columns: full-width characters in `face`, digits and `*` half-width. */
function columns(text: string, face: Face): Col[] {
  const out: Col[] = [];
  for (const raw of text) {
    if (raw === ' ') {
      out.push(null);
      continue;
    }
    const narrow = raw in sheet.narrow.glyphs;
    const f: Face = narrow ? 'narrow' : face;
    const ch = raw in sheet[f].glyphs ? raw : MISSING;
    for (let col = 0; col < sheet[f].w / STRIP_W; col++) out.push({ face: f, ch, col });
  }
  return out;
}

const line = (cols: Col[], rows: number, at: 'left' | 'centre' | 'right'): Band => {
  const left =
    at === 'centre'
      ? Math.floor((COLS - cols.length) / 2)
      : at === 'right'
        ? COLS - MARGIN - cols.length
        : MARGIN;
  const all: Col[] = Array(COLS).fill(null);
  cols.slice(0, COLS - left).forEach((c, i) => (all[left + i] = c));
  return { rows, cols: all };
};
const gap = (rows: number): Band => ({ rows, cols: Array(COLS).fill(null) });

function page(kind: string, maskedName: string, applicationId: number | null): Band[] {
  return [
    gap(3),
    line(columns(SCAN_TITLES[kind] ?? kind, 'title'), 6, 'centre'),
    gap(1),
    { rows: 1, rule: true },
    gap(2),
    line(columns(NAME_LABEL + maskedName, 'body'), 4, 'left'),
    gap(1),
    ...(applicationId === null
      ? []
      : [line(columns(NUMBER_LABEL + String(applicationId), 'body'), 4, 'left')]),
    gap(2),
    line(columns(FOOTER, 'body'), 4, 'right'),
    gap(2),
  ];
}

const height = (withNumber: boolean) =>
  page('id_card', '', withNumber ? 0 : null).reduce((h, b) => h + b.rows * 8, 0);
const HEADERS = { with: jpegHeader(WIDTH, height(true)), without: jpegHeader(WIDTH, height(false)) };

const MARKERS = Array.from({ length: 8 }, (_, i) => Uint8Array.of(0xff, 0xd0 + i));

/**
 * One block row of the page: its strips, each followed by its restart marker. A row is COLS strips,
 * a multiple of 8, so its markers run RST0…RST7 wherever it sits: whole rows are cached too.
 */
const rows = new Map<string, Buffer>();
function row(band: Band, r: number, key: string | null): Buffer {
  const cached = key === null ? undefined : rows.get(key);
  if (cached) return cached;
  const parts: Uint8Array[] = [];
  for (let c = 0; c < COLS; c++) {
    const g = 'rule' in band ? null : band.cols[c];
    if ('rule' in band) parts.push(c >= 2 && c < COLS - 2 ? rule() : paper());
    else if (!g) parts.push(paper());
    else {
      const { w } = sheet[g.face];
      parts.push(
        strip(`${g.face}:${g.ch}:${g.col}:${r}`, () => [bitmap(g.face, g.ch), w, g.col * STRIP_W, r * 8]),
      );
    }
    parts.push(MARKERS[c & 7]);
  }
  const out = Buffer.concat(parts);
  if (key !== null) rows.set(key, out);
  return out;
}

/** The JPEG of one scan. */
export function scanJpeg(kind: string, maskedName: string, applicationId: number | null): Buffer {
  const out: Buffer[] = [Buffer.from(applicationId === null ? HEADERS.without : HEADERS.with)];
  const bands = page(kind, maskedName, applicationId);
  for (const [b, band] of bands.entries()) {
    // Every band but the application number repeats across scans: cached by what it shows.
    const what =
      b === 1 ? kind : b === 5 ? maskedName : b === 7 && applicationId !== null ? null : `${bands.length}`;
    for (let r = 0; r < band.rows; r++) out.push(row(band, r, what === null ? null : `${b}:${what}:${r}`));
  }
  const last = out.length - 1;
  out[last] = out[last].subarray(0, out[last].length - 2); // no restart after the last interval
  out.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(out);
}

/** UTF-16BE with its byte-order mark, as a PDF text string in hex. */
const pdfText = (s: string) => `<FEFF${Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

/** A one-page A4 PDF showing the scan's JPEG (DCTDecode), titled with the kind's name. */
export function scanPdf(kind: string, maskedName: string, applicationId: number | null): Buffer {
  const jpeg = scanJpeg(kind, maskedName, applicationId);
  const w = 500;
  const h = Math.round((w * height(applicationId !== null)) / WIDTH);
  const draw = `q ${w} 0 0 ${h} 47.5 ${842 - 60 - h} cm /Im0 Do Q\n`;
  const parts: (string | Buffer)[] = [];
  const offsets: number[] = [];
  let at = 0;
  const push = (p: string | Buffer) => {
    parts.push(p);
    at += typeof p === 'string' ? Buffer.byteLength(p, 'latin1') : p.length;
  };
  const obj = (n: number, body: string | [string, Buffer, string]) => {
    offsets[n] = at;
    if (typeof body === 'string') push(`${n} 0 obj\n${body}\nendobj\n`);
    else {
      push(`${n} 0 obj\n${body[0]}`);
      push(body[1]);
      push(`${body[2]}\nendobj\n`);
    }
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(
    3,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
  );
  obj(4, [
    `<< /Type /XObject /Subtype /Image /Width ${WIDTH} /Height ${height(applicationId !== null)} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
    jpeg,
    '\nendstream',
  ]);
  obj(5, `<< /Length ${draw.length} >>\nstream\n${draw}endstream`);
  obj(6, `<< /Title ${pdfText(SCAN_TITLES[kind] ?? kind)} /Producer (demo seed) >>`);
  const xref = at;
  push(`xref\n0 7\n0000000000 65535 f \n`);
  for (let n = 1; n <= 6; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
}

/** The file of one demo document, of the type its record says. */
export function scanFile(
  kind: string,
  mimeType: string,
  maskedName: string,
  applicationId: number | null,
): Buffer {
  return mimeType === 'application/pdf'
    ? scanPdf(kind, maskedName, applicationId)
    : scanJpeg(kind, maskedName, applicationId);
}
