import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useAppDataProvider } from '../providers/useAppDataProvider';

type Field = 'idNumber' | 'bankCard' | 'benefitCard';

/** The full number, for the roles that need it, on request only: each reveal is audited (PIPL). */
export const RevealButton = ({ field }: { field: Field; label?: string }) => {
  const record = useRecordContext<{
    id: number;
    bankCardMasked?: string | null;
    benefitCardMasked?: string | null;
  }>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const allowed = useCanAccess({ resource: 'workers', action: 'reveal' });
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record || !allowed.canAccess) return null;
  if (field !== 'idNumber' && !record[`${field}Masked`]) return null;
  const reveal = async () => {
    setBusy(true);
    try {
      setValue((await dataProvider.revealWorker(record.id, field)).value);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<VisibilityIcon />} onClick={reveal} disabled={busy}>
        {translate('app.reveal.button', { field: translate(`resources.workers.fields.${field}`) })}
      </Button>
      <Dialog open={value !== null} onClose={() => setValue(null)}>
        <DialogTitle>{translate(`resources.workers.fields.${field}`)}</DialogTitle>
        <DialogContent>
          <Typography variant="h6" sx={{ fontFamily: 'monospace', letterSpacing: 1 }}>
            {value}
          </Typography>
          <Alert severity="info" sx={{ mt: 2 }}>
            {translate('app.reveal.audited')}
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setValue(null)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
