import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxWorkbookBlob } from '../../admin/src/common/xlsx';

describe('the performance export', () => {
  it('writes rates as percentages Excel understands (0.0%), money as yuan', async () => {
    const blob = await xlsxWorkbookBlob([
      {
        name: 's',
        headers: [
          { key: 'completionRate', label: '完成率' },
          { key: 'quotaUse', label: '名额使用率' },
          { key: 'amountFen', label: '金额' },
        ],
        cells: [{ completionRate: 33.3, quotaUse: 4.3, amountFen: 150_000 }],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await blob.arrayBuffer());
    const row = wb.worksheets[0].getRow(2);
    expect(row.getCell(1).value).toBeCloseTo(0.333);
    expect(row.getCell(1).numFmt).toBe('0.0%');
    expect(row.getCell(2).value).toBeCloseTo(0.043);
    expect(row.getCell(3).value).toBe(1500);
    expect(row.getCell(3).numFmt).toBe('#,##0.00');
  });
});
