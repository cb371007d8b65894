import ExcelJS from 'exceljs';
import type { Db } from '../../../db/client';
import { yuan, type Stage } from '../../domain/money';
import { audit } from '../../lib/audit';
import type { Actor, SessionUser } from '../../lib/context';
import { ApiError } from '../../lib/errors';
import { JobThread } from '../../lib/off-thread';
import type { Pii } from '../../lib/pii';
import { checkZip } from '../../lib/zip-guard';
import { SHEET_LIMITS, type ResultRow, type SheetResult } from './bank-sheet';

export type { ResultRow };
import { fail, pay, type PaymentRow } from './service';

/**
 * 代发工资表: the payer's pending payments as the .xlsx sheet a bank takes, and the bank's result
 * sheet read back. The sheet carries the full card number (the bank needs it) but only a masked ID.
 */
export const COLUMNS = [
  { key: 'id', header: '付款编号', width: 10 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'idMasked', header: '身份证号', width: 22 },
  { key: 'cardType', header: '卡类型', width: 8 },
  { key: 'card', header: '卡号', width: 24 },
  { key: 'bankName', header: '开户行', width: 20 },
  { key: 'yuan', header: '金额（元）', width: 12 },
  { key: 'purpose', header: '摘要', width: 22 },
  { key: 'applicationId', header: '申请编号', width: 10 },
  { key: 'result', header: '发放结果', width: 10 },
  { key: 'reference', header: '银行流水号', width: 22 },
  { key: 'reason', header: '失败原因', width: 24 },
] as const;

const STAGE_LABEL: Record<Stage, string> = { process: '过程资助', result: '结果资助' };

export interface ExportFilter {
  roundId?: number;
  stage?: Stage;
}

export interface SheetRow {
  id: number;
  name: string;
  idMasked: string;
  cardType: string;
  card: string;
  bankName: string;
  amountFen: number;
  purpose: string;
  applicationId: number;
}

/**
 * The pending payments this user pays — its union's direct ones, or, for the school, those entrusted
 * to it — with the card numbers decrypted. Full card numbers leave the system here: who took them,
 * and which, goes on the record in the caller's transaction (PIPL).
 */
export function bankFileRows(db: Db, pii: Pii, actor: Actor, f: ExportFilter): SheetRow[] {
  const u = actor.user as SessionUser;
  const rows = db.$client
    .prepare(
      `select p.id, p.application_id applicationId, p.stage, p.source, p.amount_fen amountFen, a.funded_by fundedBy,
      w.name, w.id_number_masked idMasked, w.bank_name bankName, w.bank_card_enc bankCard, w.benefit_card_enc benefitCard, r.name roundName
    from payments p join applications a on a.id = p.application_id join workers w on w.id = a.worker_id join rounds r on r.id = a.round_id
    where p.status = 'pending' and p.payer_organization_id = ? and (? is null or a.round_id = ?) and (? is null or p.stage = ?)
    order by p.id`,
    )
    .all(u.organizationId, f.roundId ?? null, f.roundId ?? null, f.stage ?? null, f.stage ?? null) as {
    id: number;
    applicationId: number;
    stage: Stage;
    source: string;
    fundedBy: 'city' | 'union';
    amountFen: number;
    name: string;
    idMasked: string;
    bankName: string | null;
    bankCard: string | null;
    benefitCard: string | null;
    roundName: string;
  }[];
  const out = rows.map((r) => ({
    id: r.id,
    name: r.name,
    idMasked: r.idMasked,
    cardType: r.bankCard ? '银行卡' : r.benefitCard ? '工惠卡' : '',
    card: r.bankCard ? pii.decrypt(r.bankCard) : r.benefitCard ? pii.decrypt(r.benefitCard) : '',
    bankName: r.bankCard ? (r.bankName ?? '') : r.benefitCard ? '工惠卡' : '',
    amountFen: r.amountFen,
    // R8: whose money it is — the city's, the union's matching share, or the union's own place
    purpose: `${r.roundName}${r.fundedBy === 'union' ? '本会名额' : r.source === 'matching' ? '配套' : ''}${STAGE_LABEL[r.stage]}`,
    applicationId: r.applicationId,
  }));
  const totalFen = rows.reduce((s, r) => s + r.amountFen, 0);
  audit(db, actor, {
    action: 'export',
    resource: 'payments',
    recordId: null,
    after: { count: rows.length, totalFen, ids: rows.map((r) => r.id), ...f },
  });
  return out;
}

/** The .xlsx itself (ExcelJS writes asynchronously, so outside the transaction). */
export async function bankFile(rows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '昆明市总工会学历提升资助系统';
  const ws = wb.addWorksheet('代发明细');
  ws.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getColumn('card').numFmt = '@';
  ws.getColumn('yuan').numFmt = '0.00';
  let totalFen = 0;
  for (const r of rows) {
    totalFen += r.amountFen;
    const { amountFen, ...cells } = r;
    ws.addRow({ ...cells, yuan: Number(yuan(amountFen)), result: '', reference: '', reason: '' });
  }
  ws.addRow({ id: '合计', yuan: Number(yuan(totalFen)), purpose: `${rows.length} 笔` }).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const reader = new JobThread<Uint8Array, SheetResult>(new URL('./sheet-worker.ts', import.meta.url), {
  timeoutMs: 10_000,
  maxHeapMb: 256,
});

/**
 * Read the bank's answer (OWASP ASVS 5.0 V5.2.3): the archive's directory is measured here first —
 * a bomb that says what it is gets its 413 in microseconds — then the sheet is unpacked, each entry
 * capped at its declared size, and parsed in a worker thread with a capped heap and a deadline.
 */
export async function readResultSheet(
  bytes: ArrayBuffer,
): Promise<{ rows: ResultRow[]; errors: Record<string, string> }> {
  const data = new Uint8Array(bytes);
  checkZip(data, SHEET_LIMITS);
  let out: SheetResult;
  try {
    out = await reader.run(data);
  } catch {
    throw new ApiError(422, '回盘文件无法在限定的时间和内存内读取', { file: '文件过大或已损坏' });
  }
  if ('refused' in out)
    throw new ApiError(out.refused.status as 400, out.refused.message, out.refused.errors);
  return out;
}

/**
 * Apply a result sheet in one transaction: every row or none. A row already applied with the same
 * outcome (the same sheet uploaded twice) is left alone; anything else wrong names its row.
 */
export function applyResultSheet(db: Db, actor: Actor, rows: ResultRow[], errors: Record<string, string>) {
  const get = db.$client
    .prepare(`select id, application_id applicationId, allocation_id allocationId, organization_id organizationId, stage, source,
    amount_fen amountFen, channel, payer_organization_id payerOrganizationId, status, reference, failure_reason failureReason, reissue_of reissueOf,
    paid_at paidAt, created_at createdAt from payments where id = ?`);
  const u = actor.user as SessionUser;
  let paid = 0,
    failed = 0,
    unchanged = 0;
  const seen = new Set<number>();
  for (const r of rows) {
    const p = get.get(r.id) as PaymentRow | undefined;
    const at = `row ${r.row}`;
    if (!p || p.payerOrganizationId !== u.organizationId) {
      errors[at] = `第 ${r.row} 行：付款编号 ${r.id} 不是本单位待发放的记录`;
      continue;
    }
    if (seen.has(r.id)) {
      errors[at] = `第 ${r.row} 行：付款编号 ${r.id} 重复`;
      continue;
    }
    seen.add(r.id);
    if (p.amountFen !== r.amountFen) {
      errors[at] = `第 ${r.row} 行：金额 ${yuan(r.amountFen)} 与应发 ${yuan(p.amountFen)} 不符`;
      continue;
    }
    if (p.status === r.result && (r.result === 'failed' || p.reference === r.reference)) {
      unchanged++;
      continue;
    }
    try {
      if (r.result === 'paid') {
        pay(db, actor, p, r.reference);
        paid++;
      } else {
        fail(db, actor, p, r.reason);
        failed++;
      }
    } catch (e) {
      if (e instanceof ApiError) errors[at] = `第 ${r.row} 行：${e.message}`;
      else throw e;
    }
  }
  const n = Object.keys(errors).length;
  if (n) throw new ApiError(422, `回盘文件有 ${n} 行有误，未做任何更改`, errors, 'R3');
  return { paid, failed, unchanged };
}
