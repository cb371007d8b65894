import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium prints it (Skia: PDF 1.4, no object streams, fonts with ToUnicode
 * maps), in drawing order, one line per text object. Enough to check what a printed form says without
 * a PDF library or poppler in CI.
 */
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: Buffer }>();
  for (const m of src.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2];
    const s = body.indexOf('stream');
    if (s < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, s);
    const start = m.index! + m[0].indexOf(body) + s + 'stream'.length + (body[s + 6] === '\r' ? 2 : 1);
    const len = /\/Length (\d+)(?! 0 R)/.exec(dict);
    const end = len ? start + Number(len[1]) : m.index! + m[0].lastIndexOf('endstream');
    const raw = pdf.subarray(start, end);
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  const ref = (s: string, key: string) => {
    const r = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(s);
    return r ? Number(r[1]) : undefined;
  };
  const deref = (s: string, key: string): string => {
    const id = ref(s, key);
    if (id !== undefined) return objects.get(id)?.dict ?? '';
    const at = s.indexOf(`/${key}`);
    if (at < 0) return '';
    let depth = 0,
      i = s.indexOf('<<', at);
    const from = i;
    for (; i < s.length; i++) {
      if (s.startsWith('<<', i)) {
        depth++;
        i++;
      } else if (s.startsWith('>>', i)) {
        depth--;
        i++;
        if (!depth) break;
      }
    }
    return s.slice(from, i + 1);
  };

  const cmaps = new Map<number, { map: Map<number, string>; bytes: number }>();
  const cmapOf = (fontId: number) => {
    if (cmaps.has(fontId)) return cmaps.get(fontId)!;
    const tu = ref(objects.get(fontId)?.dict ?? '', 'ToUnicode');
    const text = tu !== undefined ? (objects.get(tu)?.stream?.toString('latin1') ?? '') : '';
    const map = new Map<number, string>();
    const uni = (hex: string) =>
      String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
    for (const b of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const p of b[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set(parseInt(p[1], 16), uni(p[2]));
    }
    for (const b of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const p of b[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        const lo = parseInt(p[1], 16),
          hi = parseInt(p[2], 16),
          base = parseInt(p[3], 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
    const range = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
    const out = { map, bytes: range ? range[1].length / 2 : 1 };
    cmaps.set(fontId, out);
    return out;
  };

  const lines: string[] = [];
  for (const [, page] of objects) {
    if (!/\/Type\s*\/Page\b/.test(page.dict)) continue;
    const fonts = new Map<string, number>();
    for (const f of deref(deref(page.dict, 'Resources'), 'Font').matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g))
      fonts.set(f[1], Number(f[2]));
    const contents =
      /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? String(ref(page.dict, 'Contents') ?? '');
    for (const c of contents.matchAll(/(\d+)(?: 0 R)?/g)) {
      const ops = objects.get(Number(c[1]))?.stream?.toString('latin1') ?? '';
      let font = { map: new Map<number, string>(), bytes: 1 },
        line = '';
      for (const tok of ops.matchAll(
        /\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)|\b(ET)\b/g,
      )) {
        if (tok[1]) {
          const id = fonts.get(tok[1]);
          if (id !== undefined) font = cmapOf(id);
          continue;
        }
        if (tok[4]) {
          if (line) lines.push(line);
          line = '';
          continue;
        }
        const bytes =
          tok[2] !== undefined
            ? Buffer.from(tok[2], 'hex')
            : Buffer.from(
                tok[3].replace(/\\([0-7]{1,3}|.)/g, (_, e: string) =>
                  /^[0-7]/.test(e)
                    ? String.fromCharCode(parseInt(e, 8))
                    : (({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e),
                ),
                'latin1',
              );
        for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
          line += font.map.get(font.bytes === 2 ? bytes.readUInt16BE(i) : bytes[i]) ?? '';
        }
      }
      if (line) lines.push(line);
    }
  }
  // Skia maps some glyphs to their Kangxi radical twins (⼯ for 工): NFKC folds them back.
  return lines.join('\n').normalize('NFKC');
}
