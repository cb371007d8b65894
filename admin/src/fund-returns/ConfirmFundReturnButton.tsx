import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Button } from '@mui/material';
import { useRef, useState } from 'react';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, MoneyConfirm, newIdempotencyKey, useApiAction } from '../common';

/** R4: the city confirms the returned money arrived. */
export const ConfirmFundReturnButton = (_props: { label?: string }) => {
  const record = useRecordContext<{ id: number; amountFen: number; status: string }>();
  const translate = useTranslate();
  const allowed = useCanAccess({ resource: 'fund-returns', action: 'confirm' });
  const [open, setOpen] = useState(false);
  const key = useRef('');
  const { mutate, isPending } = useApiAction(
    (dp) => dp.confirmFundReturn(record!.id, { idempotencyKey: key.current }),
    { success: 'app.fund_returns.confirmed', onSuccess: () => setOpen(false) },
  );
  if (!record || record.status !== 'filed' || !allowed.canAccess) return null;
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Button
        size="small"
        variant="outlined"
        startIcon={<DoneAllIcon />}
        onClick={() => {
          key.current = newIdempotencyKey();
          setOpen(true);
        }}
      >
        {translate('app.fund_returns.confirm')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => mutate(undefined)}
        pending={isPending}
        title="app.fund_returns.confirm_title"
        titleArgs={{ id: record.id }}
        confirmLabel="app.fund_returns.confirm"
      >
        <MoneyConfirm message="app.fund_returns.confirm_confirm" amountFen={record.amountFen} />
      </ActionDialog>
    </span>
  );
};
