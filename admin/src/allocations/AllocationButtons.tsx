import CallMadeIcon from '@mui/icons-material/CallMade';
import CallReceivedIcon from '@mui/icons-material/CallReceived';
import { Button } from '@mui/material';
import { useRef, useState } from 'react';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, MoneyConfirm, newIdempotencyKey, useApiAction } from '../common';
import type { AppUser } from '../providers/authProvider';
import { mayReceive, mayTransfer } from './allocationRules';

type Kind = 'transfer' | 'receive';

/** 拨付 (city) and 确认到账 (the union): both move money, so both confirm the amount first. */
const AllocationButton = ({ kind }: { kind: Kind }) => {
  const record = useRecordContext<{
    id: number;
    amountFen: number;
    applicationCount: number;
    status: string;
    organizationId: number;
  }>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const key = useRef('');
  const { mutate, isPending } = useApiAction(
    (dp) =>
      (kind === 'transfer' ? dp.transferAllocation : dp.receiveAllocation)(record!.id, {
        idempotencyKey: key.current,
      }),
    {
      success: (r) =>
        kind === 'receive'
          ? [
              'app.allocations.received',
              { smart_count: (r as { result?: { payments: number } }).result?.payments ?? 0 },
            ]
          : ['app.allocations.transferred'],
      onSuccess: () => setOpen(false),
    },
  );
  if (!record) return null;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={kind === 'transfer' ? <CallMadeIcon /> : <CallReceivedIcon />}
        onClick={() => {
          key.current = newIdempotencyKey();
          setOpen(true);
        }}
      >
        {translate(`app.allocations.${kind}`)}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => mutate(undefined)}
        pending={isPending}
        title={`app.allocations.${kind}_title`}
        titleArgs={{ id: record.id }}
        confirmLabel={`app.allocations.${kind}`}
      >
        <MoneyConfirm
          message={`app.allocations.${kind}_confirm`}
          amountFen={record.amountFen}
          count={record.applicationCount}
        />
      </ActionDialog>
    </>
  );
};

/** The one button this allocation offers the caller now, if any. */
export const AllocationRowButtons = (_props: { label?: string }) => {
  const record = useRecordContext<{ status: string; organizationId: number }>();
  const user = useGetIdentity().identity as AppUser | undefined;
  if (mayTransfer(user, record)) return <AllocationButton kind="transfer" />;
  if (mayReceive(user, record)) return <AllocationButton kind="receive" />;
  return null;
};
