import CallReceivedIcon from '@mui/icons-material/CallReceived';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Button, InputAdornment, TextField } from '@mui/material';
import { useRef, useState } from 'react';
import { useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import type { AppUser } from '../providers/authProvider';
import { ActionDialog, MoneyConfirm, newIdempotencyKey, useApiAction } from '../common';
import { fenToYuan } from '../common/money';

type RefundRecord = { id: number; amountFen: number; status: string; workerName?: string | null };

/**
 * R5 退款到账: the institution's money arrived. The amount is the process subsidy that was paid —
 * prefilled and fixed (the server never records a refund above what was paid); the clerk adds
 * the bank reference.
 */
const ReceiveRefundButton = () => {
  const record = useRecordContext<RefundRecord>();
  const translate = useTranslate();
  // The institution sends the money back; the city receives it: each reads its own side.
  const institution = (useGetIdentity().identity as AppUser | undefined)?.role === 'institution';
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState('');
  const key = useRef('');
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp) => dp.receiveRefund(record!.id, { reference: reference.trim() }, { idempotencyKey: key.current }),
    {
      success: 'app.refunds.received',
      onSuccess: () => {
        setOpen(false);
        setReference('');
      },
    },
  );
  if (!record) return null;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<CallReceivedIcon />}
        onClick={() => {
          key.current = newIdempotencyKey();
          setOpen(true);
        }}
      >
        {translate('app.refunds.receive')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => mutate(undefined)}
        pending={isPending}
        disabled={!reference.trim()}
        title="app.refunds.receive_title"
        titleArgs={{ id: record.id }}
        confirmLabel="app.refunds.receive"
      >
        <MoneyConfirm
          message={institution ? 'app.refunds.send_confirm' : 'app.refunds.receive_confirm'}
          amountFen={record.amountFen}
          name={record.workerName}
        />
        <TextField
          fullWidth
          margin="dense"
          name="amount"
          label={translate('resources.refunds.fields.amountFen')}
          value={fenToYuan(record.amountFen)}
          slotProps={{
            input: {
              readOnly: true,
              endAdornment: <InputAdornment position="end">{translate('app.money.yuan')}</InputAdornment>,
            },
          }}
          helperText={translate('app.refunds.amount_fixed')}
        />
        <TextField
          autoFocus
          fullWidth
          margin="dense"
          name="reference"
          required
          label={translate('resources.refunds.fields.reference')}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          error={!!fieldErrors.reference}
          helperText={fieldErrors.reference ?? ' '}
        />
      </ActionDialog>
    </>
  );
};

/** R5: the city confirms the refund is back in its balance. */
const ConfirmRefundButton = () => {
  const record = useRecordContext<RefundRecord>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const key = useRef('');
  const { mutate, isPending } = useApiAction(
    (dp) => dp.confirmRefund(record!.id, { idempotencyKey: key.current }),
    { success: 'app.refunds.confirmed', onSuccess: () => setOpen(false) },
  );
  if (!record) return null;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<DoneAllIcon />}
        onClick={() => {
          key.current = newIdempotencyKey();
          setOpen(true);
        }}
      >
        {translate('app.refunds.confirm')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => mutate(undefined)}
        pending={isPending}
        title="app.refunds.confirm_title"
        titleArgs={{ id: record.id }}
        confirmLabel="app.refunds.confirm"
      >
        <MoneyConfirm
          message="app.refunds.confirm_confirm"
          amountFen={record.amountFen}
          name={record.workerName}
        />
      </ActionDialog>
    </>
  );
};

export const RefundRowButtons = (_props: { label?: string }) => {
  const record = useRecordContext<RefundRecord>();
  const receive = useCanAccess({ resource: 'refunds', action: 'receive' });
  const confirm = useCanAccess({ resource: 'refunds', action: 'confirm' });
  if (record?.status === 'expected' && receive.canAccess) return <ReceiveRefundButton />;
  if (record?.status === 'received' && confirm.canAccess) return <ConfirmRefundButton />;
  return null;
};
