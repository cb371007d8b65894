import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrSvgPath } from '../../admin/portal/lib/qr';

/**
 * The portal draws the application form's QR code itself (admin/portal/lib/qr.ts). Known answers: the
 * SHA-256 of the module rows that the `qrcode` npm package (1.5.4, one byte segment, level M) draws
 * for the same text; each of these also decodes with jsQR.
 */
const KNOWN: [text: string, size: number, sha256: string][] = [
  [
    'https://portal.example.cn/#/applications/1/show',
    33,
    '9d39687bad373574c142c67f3220c32198ca2253972876629423297772e6e7c6',
  ],
  [
    'http://127.0.0.1:3111/#/applications/2798/show',
    33,
    '68d41ef197f894a7ee8e54e458b1a0e7b94cccbe91a421ffae069ea44ffb3779',
  ],
  [
    'https://zgfw.kmzgh.org.cn/#/applications/123456/show?from=qr&lang=zh-CN',
    37,
    'd1d8c37c2dba3333d32764f3108f8a9028796a19cb9fd608200ef9b1c8cdd295',
  ],
  ['学历提升资助申请表 #2798', 29, '086306714d463dc567397cf120f7c7ef8492ab49e527e6bf80bce148f5f6d31b'],
  ['x'.repeat(200), 57, '52ac7e575eaaf110cfb6bbd38e08938a5164c630594dee18ff09dfb91f7f9703'],
];

const rows = (m: boolean[][]) => m.map((r) => r.map((b) => (b ? '1' : '0')).join('')).join('\n') + '\n';

describe('the application form’s QR code', () => {
  it.each(KNOWN)('encodes %s module for module as the reference encoder', (text, size, sha) => {
    const m = qrMatrix(text);
    expect(m.length).toBe(size);
    expect(createHash('sha256').update(rows(m)).digest('hex')).toBe(sha);
  });

  it('draws one SVG path with a four-module quiet zone', () => {
    const { d, size } = qrSvgPath(qrMatrix('https://portal.example.cn/#/applications/1/show'));
    expect(size).toBe(33 + 8);
    expect(d.startsWith('M4 4h1v1h-1z')).toBe(true); // the finder pattern's top-left corner
  });

  it('refuses text beyond version 10 instead of drawing an unreadable code', () => {
    expect(() => qrMatrix('x'.repeat(214))).toThrow(/too long/);
  });
});
