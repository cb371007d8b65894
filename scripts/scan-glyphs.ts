/**
 * Draws the glyph sheet of the demo scans (seed/demo/scans/glyphs.json) once, with Chromium and a
 * CJK font (Debian `chromium`, `fonts-noto-cjk`): the seed then needs neither a browser nor a font.
 *
 *   npx tsx scripts/scan-glyphs.ts
 *
 * Each glyph is an 8-bit grey bitmap (0 = ink, 255 = paper) of a fixed cell, deflated and base64'd:
 * titles 48×48, text 32×32, digits 16×32.
 */
import fs from 'node:fs';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { NARROW, wideCharacters } from '../seed/demo/scans/text';

const FONT = '"Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", sans-serif';

async function main() {
  const { title, body } = wideCharacters();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const draw = (chars: string, w: number, h: number, px: number, weight: string) =>
    page.evaluate(
      ({ chars, w, h, px, weight, font }) => {
        const c = document.createElement('canvas');
        c.width = w;
        c.height = h;
        const g = c.getContext('2d')!;
        const out: Record<string, number[]> = {};
        for (const ch of chars) {
          g.fillStyle = '#fff';
          g.fillRect(0, 0, w, h);
          g.fillStyle = '#000';
          g.font = `${weight} ${px}px ${font}`;
          g.textAlign = 'center';
          g.textBaseline = 'middle';
          g.fillText(ch, w / 2, h / 2 + px * 0.04);
          const d = g.getImageData(0, 0, w, h).data;
          const grey: number[] = [];
          for (let i = 0; i < d.length; i += 4) grey.push(d[i]);
          out[ch] = grey;
        }
        return out;
      },
      { chars, w, h, px, weight, font: FONT },
    );
  const pack = (m: Record<string, number[]>) =>
    Object.fromEntries(
      Object.entries(m).map(([ch, g]) => [ch, deflateSync(Buffer.from(g)).toString('base64')]),
    );
  const sheet = {
    title: { w: 48, h: 48, glyphs: pack(await draw(title, 48, 48, 40, 'bold')) },
    body: { w: 32, h: 32, glyphs: pack(await draw(body, 32, 32, 26, 'normal')) },
    narrow: { w: 16, h: 32, glyphs: pack(await draw(NARROW, 16, 32, 26, 'normal')) },
  };
  await browser.close();
  const file = new URL('../seed/demo/scans/glyphs.json', import.meta.url);
  fs.writeFileSync(file, `${JSON.stringify(sheet)}\n`);
  console.log(`${file.pathname}: ${fs.statSync(file).size} bytes`);
}

await main();
