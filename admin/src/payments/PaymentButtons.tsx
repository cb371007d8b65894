import CheckIcon from '@mui/icons-material/Check';
import ErrorIcon from '@mui/icons-material/ErrorOutline';
import ReplayIcon from '@mui/icons-material/Replay';
import { Button, Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import { useRef, useState, type ReactNode } from 'react';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, MoneyConfirm, newIdempotencyKey, useApiAction } from '../common';
import type { AppUser } from '../providers/authProvider';
import type { AppDataProvider } from '../providers/dataProvider';
import { mayPay, mayReissue } from './paymentRules';

type PaymentRecord = {
  id: number;
  amountFen: number;
  status: string;
  channel: string;
  payerOrganizationId: number;
  organizationId: number;
  workerName?: string | null;
  cardMasked?: string | null;
};
type Kind = 'pay' | 'fail' | 'reissue';

const ICON: Record<Kind, ReactNode> = { pay: <CheckIcon />, fail: <ErrorIcon />, reissue: <ReplayIcon /> };
const CALL: Record<
  Kind,
  (dp: AppDataProvider, id: number, text: string, flag: boolean, key: string) => Promise<unknown>
> = {
  pay: (dp, id, text, _f, key) => dp.pay(id, { reference: text }, { idempotencyKey: key }),
  fail: (dp, id, text, _f, key) => dp.failPayment(id, { reason: text }, { idempotencyKey: key }),
  reissue: (dp, id, text, flag, key) =>
    dp.reissuePayment(id, { cardUnchanged: flag, note: text || undefined }, { idempotencyKey: key }),
};
const FIELD: Record<Kind, string> = { pay: 'reference', fail: 'reason', reissue: 'note' };

/** 已发放 (with the bank reference) / 发放失败 (with the reason) / 重新发放: each confirms the amount. */
const PaymentButton = ({ kind }: { kind: Kind }) => {
  const record = useRecordContext<PaymentRecord>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [cardUnchanged, setCardUnchanged] = useState(false);
  const key = useRef('');
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp) => CALL[kind](dp, record!.id, text.trim(), cardUnchanged, key.current),
    {
      success: `app.payments.${kind}_done`,
      onSuccess: () => {
        setOpen(false);
        setText('');
      },
    },
  );
  if (!record) return null;
  const needText =
    kind === 'pay'
      ? text.trim().length < 1
      : kind === 'fail'
        ? text.trim().length < 2
        : cardUnchanged && text.trim().length < 2;
  return (
    <>
      <Button
        size="small"
        color={kind === 'fail' ? 'error' : 'primary'}
        variant={kind === 'pay' ? 'contained' : 'text'}
        startIcon={ICON[kind]}
        onClick={() => {
          key.current = newIdempotencyKey();
          setOpen(true);
        }}
      >
        {translate(`app.payments.${kind}`)}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => mutate(undefined)}
        pending={isPending}
        disabled={needText}
        title={`app.payments.${kind}_title`}
        titleArgs={{ id: record.id }}
        confirmLabel={`app.payments.${kind}`}
        confirmColor={kind === 'fail' ? 'error' : 'primary'}
      >
        <MoneyConfirm
          message={`app.payments.${kind}_confirm`}
          amountFen={record.amountFen}
          name={record.workerName}
          card={record.cardMasked}
        />
        {kind === 'reissue' && (
          <FormControlLabel
            control={
              <Checkbox checked={cardUnchanged} onChange={(e) => setCardUnchanged(e.target.checked)} />
            }
            label={translate('app.payments.card_unchanged')}
          />
        )}
        <TextField
          autoFocus
          fullWidth
          margin="dense"
          name={FIELD[kind]}
          label={translate(`app.payments.${FIELD[kind]}`)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          required={kind !== 'reissue' || cardUnchanged}
          error={!!(fieldErrors[FIELD[kind]] ?? fieldErrors.cardUnchanged)}
          helperText={fieldErrors[FIELD[kind]] ?? fieldErrors.cardUnchanged ?? ' '}
        />
      </ActionDialog>
    </>
  );
};

/** The buttons the caller may press on this payment: only its payer sees pay/fail. */
export const PaymentRowButtons = (_props: { label?: string }) => {
  const record = useRecordContext<PaymentRecord>();
  const user = useGetIdentity().identity as AppUser | undefined;
  if (mayPay(user, record))
    return (
      <Stack direction="row" spacing={0.5}>
        <PaymentButton kind="pay" />
        <PaymentButton kind="fail" />
      </Stack>
    );
  if (mayReissue(user, record)) return <PaymentButton kind="reissue" />;
  return null;
};
