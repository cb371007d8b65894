import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import { Alert, Button, List, ListItem, ListItemText, MenuItem, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useCanAccess, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { ActionDialog, CHOICES, downloadBlob, newIdempotencyKey, today } from '../common';
import type { BankImportResult, Stage } from '../providers/apiTypes';
import { fieldErrorsOf } from '../providers/http';
import { useAppDataProvider } from '../providers/useAppDataProvider';
import { OwnPlacesButton } from './OwnPlacesButton';

/** 代发明细: the payer's pending payments as the bank's .xlsx sheet (full card numbers; audited). */
const BankFileExport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [roundId, setRoundId] = useState<string>('');
  const [stage, setStage] = useState<Stage | ''>('');
  const rounds = useGetList('rounds', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'opensOn', order: 'DESC' },
  });
  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await dataProvider.bankFile({
        roundId: roundId || undefined,
        stage: stage || undefined,
      });
      downloadBlob(blob, fileName ?? `代发明细-${today()}.xlsx`);
      setOpen(false);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<DownloadIcon />} onClick={() => setOpen(true)}>
        {translate('app.bank.export')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={download}
        pending={busy}
        title="app.bank.export"
        confirmLabel="app.bank.download"
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.bank.export_hint')}
        </Alert>
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate('resources.allocations.fields.roundId')}
          value={roundId}
          onChange={(e) => setRoundId(e.target.value)}
        >
          <MenuItem value="">{translate('app.bank.all')}</MenuItem>
          {(rounds.data ?? []).map((r) => (
            <MenuItem key={r.id} value={r.id}>
              {r.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate('resources.payments.fields.stage')}
          value={stage}
          onChange={(e) => setStage(e.target.value as Stage | '')}
        >
          <MenuItem value="">{translate('app.bank.all')}</MenuItem>
          {CHOICES.stage.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {translate(c.name)}
            </MenuItem>
          ))}
        </TextField>
      </ActionDialog>
    </>
  );
};

/** The bank's result sheet: all rows applied or none, each wrong row named. */
const BankFileImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useAppDataProvider();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<BankImportResult | null>(null);
  const key = useRef('');
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setErrors({});
    try {
      const r = await dataProvider.importBankFile(file, { idempotencyKey: key.current });
      setResult(r);
      notify('app.bank.imported', { type: 'success', messageArgs: { ...r } });
      refresh();
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      notify((e as Error).message, { type: 'error' });
      key.current = newIdempotencyKey(); // a corrected file is a new request
    } finally {
      setBusy(false);
    }
  };
  const rows = Object.values(errors);
  return (
    <>
      <Button
        size="small"
        startIcon={<UploadIcon />}
        onClick={() => {
          key.current = newIdempotencyKey();
          setFile(null);
          setErrors({});
          setResult(null);
          setOpen(true);
        }}
      >
        {translate('app.bank.import')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={upload}
        pending={busy}
        disabled={!file || !!result}
        title="app.bank.import"
        confirmLabel="app.bank.import"
      >
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.bank.import_hint')}
        </Alert>
        <Button component="label" variant="outlined" startIcon={<UploadIcon />}>
          {translate('app.documents.choose')}
          <input
            hidden
            type="file"
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              setErrors({});
              key.current = newIdempotencyKey();
            }}
          />
        </Button>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {file?.name}
        </Typography>
        {result && (
          <Alert severity="success" sx={{ mt: 2 }}>
            {translate('app.bank.imported', { ...result })}
          </Alert>
        )}
        {rows.length > 0 && (
          <List dense sx={{ mt: 1, maxHeight: 240, overflow: 'auto' }}>
            {rows.map((m) => (
              <ListItem key={m}>
                <ListItemText primary={m} slotProps={{ primary: { color: 'error' } }} />
              </ListItem>
            ))}
          </List>
        )}
      </ActionDialog>
    </>
  );
};

export const BankFileButtons = () => {
  const exportable = useCanAccess({ resource: 'payments', action: 'export' });
  const importable = useCanAccess({ resource: 'payments', action: 'import' });
  return (
    <>
      {exportable.canAccess && <BankFileExport />}
      {importable.canAccess && <BankFileImport />}
      <OwnPlacesButton />
    </>
  );
};
