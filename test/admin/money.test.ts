import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, yuanToFen } from '../../admin/src/common/money';
import { toCsv } from '../../admin/src/common/csv';

describe('money display (fen are integers; yuan only on screen)', () => {
  it('R1: shows 150000 fen as ¥1,500.00 and 50000 as ¥500.00', () => {
    expect(formatFen(150_000)).toBe('¥1,500.00');
    expect(formatFen(50_000)).toBe('¥500.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-50_000)).toBe('-¥500.00');
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFen(null)).toBe('');
  });

  it('reads yuan input into exact fen, without floating-point drift', () => {
    expect(yuanToFen('1500')).toBe(150_000);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1,000.5')).toBe(100_050);
    expect(yuanToFen(19.99)).toBe(1_999);
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('1.234')).toBeNaN();
    expect(yuanToFen('abc')).toBeNaN();
  });

  it('round-trips fen through the yuan text of an input', () => {
    for (const fen of [0, 1, 29, 99, 100, 50_000, 100_000, 123_457])
      expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});

describe('CSV export', () => {
  it('starts with a BOM so Excel reads Chinese, and writes amounts in yuan', () => {
    const csv = toCsv(
      [{ name: '张三', amountFen: 50_000 }],
      [
        { key: 'name', label: '姓名' },
        { key: 'amountFen', label: '金额' },
      ],
    );
    expect(csv.startsWith('\uFEFF姓名,金额\r\n')).toBe(true);
    expect(csv).toContain('张三,500.00');
  });

  it('defuses cells that a spreadsheet would run as formulas, and quotes commas', () => {
    const csv = toCsv(
      [{ note: '=HYPERLINK("x")', major: '机械,电气' }],
      [
        { key: 'note', label: 'n' },
        { key: 'major', label: 'm' },
      ],
    );
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"机械,电气"');
  });
});
