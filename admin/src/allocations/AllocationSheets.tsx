import { Button } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useState } from 'react';
import { useGetList, useGetOne, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { formatDateTime, formatFen, PrintSheet } from '../common';
import type { CoveredApplication } from './CoveredApplications';

type AllocationRecord = RaRecord & {
  roundId: number;
  organizationId: number;
  stage: string;
  amountFen: number;
  applicationCount: number;
  createdAt: string;
  items?: CoveredApplication[];
};

const Signs = () => {
  const translate = useTranslate();
  return (
    <div className="signs">
      <div>
        <p>
          {translate('app.print.handler')}
          <span className="blank" />
        </p>
        <p>
          {translate('app.print.checker')}
          <span className="blank" />
        </p>
        <p>
          {translate('app.print.date')}
          <span className="blank" />
        </p>
      </div>
      <div className="stamp">{translate('app.print.stamp')}</div>
    </div>
  );
};

/** 拨款通知单: the city tells a level-2 union what it transfers, for whom (R3). */
const NoticeSheet = ({ a }: { a: AllocationRecord }) => {
  const translate = useTranslate();
  const round = useGetOne('rounds', { id: a.roundId });
  const union = useGetOne('organizations', { id: a.organizationId });
  return (
    <>
      <h1>{translate('app.print.notice_title')}</h1>
      <p className="sub">
        {translate('app.print.number', { id: a.id })} · {formatDateTime(a.createdAt)}
      </p>
      <p>{translate('app.print.notice_to', { union: union.data?.name ?? '' })}</p>
      <p>
        {translate('app.print.notice_body', {
          round: round.data?.name ?? '',
          stage: translate(`enums.stage.${a.stage}`),
          smart_count: a.applicationCount,
          amount: formatFen(a.amountFen),
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th>{translate('app.print.seq')}</th>
            <th>{translate('resources.payments.fields.applicationId')}</th>
            <th>{translate('resources.payments.fields.workerName')}</th>
            <th>{translate('app.allocations.unit')}</th>
            <th>{translate('resources.allocations.fields.amountFen')}</th>
          </tr>
        </thead>
        <tbody>
          {(a.items ?? []).map((r, i) => (
            <tr key={r.applicationId}>
              <td>{i + 1}</td>
              <td>{r.applicationId}</td>
              <td>{r.workerName}</td>
              <td>{r.organizationName}</td>
              <td className="num">{formatFen(r.amountFen)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={4}>{translate('app.print.total')}</th>
            <th className="num">{formatFen(a.amountFen)}</th>
          </tr>
        </tbody>
      </table>
      <Signs />
    </>
  );
};

/** 发放清单: the payments an allocation became, for the payer to pay and the workers to sign (R3). */
const PaymentSheet = ({ a }: { a: AllocationRecord }) => {
  const translate = useTranslate();
  const { data = [] } = useGetList('payments', {
    filter: { allocationId: a.id },
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });
  const total = data.reduce((s, p) => s + (p.amountFen as number), 0);
  return (
    <>
      <h1>{translate('app.print.payments_title')}</h1>
      <p className="sub">
        {translate('app.print.payments_sub', { id: a.id, stage: translate(`enums.stage.${a.stage}`) })}
      </p>
      <table>
        <thead>
          <tr>
            <th>{translate('app.print.seq')}</th>
            <th>{translate('resources.payments.fields.workerName')}</th>
            <th>{translate('resources.payments.fields.cardMasked')}</th>
            <th>{translate('resources.payments.fields.amountFen')}</th>
            <th>{translate('resources.payments.fields.status')}</th>
            <th>{translate('app.print.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((p, i) => (
            <tr key={p.id}>
              <td>{i + 1}</td>
              <td>{p.workerName}</td>
              <td>{p.cardMasked ?? ''}</td>
              <td className="num">{formatFen(p.amountFen)}</td>
              <td>{translate(`enums.paymentStatus.${p.status}`)}</td>
              <td />
            </tr>
          ))}
          <tr>
            <th colSpan={3}>{translate('app.print.total')}</th>
            <th className="num">{formatFen(total)}</th>
            <th colSpan={2} />
          </tr>
        </tbody>
      </table>
      <Signs />
    </>
  );
};

/** The two printed documents of an allocation, each behind its button. */
export const AllocationSheets = () => {
  const a = useRecordContext<AllocationRecord>();
  const translate = useTranslate();
  const [open, setOpen] = useState<'notice' | 'payments' | null>(null);
  if (!a) return null;
  return (
    <>
      <Button size="small" startIcon={<PrintIcon />} onClick={() => setOpen('notice')}>
        {translate('app.print.notice')}
      </Button>
      {a.status === 'received' && (
        <Button size="small" startIcon={<PrintIcon />} onClick={() => setOpen('payments')}>
          {translate('app.print.payments')}
        </Button>
      )}
      <PrintSheet open={open !== null} onClose={() => setOpen(null)}>
        {open === 'notice' ? <NoticeSheet a={a} /> : open === 'payments' ? <PaymentSheet a={a} /> : null}
      </PrintSheet>
    </>
  );
};
