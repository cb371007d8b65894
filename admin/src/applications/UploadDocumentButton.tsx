import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, CHOICES, useApiAction } from '../common';
import type { DocumentKind } from '../providers/apiTypes';

const ACCEPT = 'application/pdf,image/jpeg,image/png';
const MAX_BYTES = 10 * 1024 * 1024;

/** R11/R12: a scan added to a submitted application (the enrollment report may follow the window). */
export const UploadDocumentButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<DocumentKind>('enrollment_report');
  const [file, setFile] = useState<File | null>(null);
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp, args: { kind: DocumentKind; file: File }) => dp.uploadDocument(record!.id, args.kind, args.file),
    {
      success: 'app.documents.uploaded',
      onSuccess: () => {
        setOpen(false);
        setFile(null);
      },
    },
  );
  if (!record) return null;
  const tooBig = !!file && file.size > MAX_BYTES;
  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>
        {translate('app.documents.upload')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        pending={isPending}
        disabled={!file || tooBig}
        onConfirm={() => file && mutate({ kind, file })}
        title="app.documents.upload"
        confirmLabel="app.documents.upload"
      >
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate('resources.documents.fields.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as DocumentKind)}
          error={!!fieldErrors.kind}
          helperText={fieldErrors.kind}
        >
          {CHOICES.documentKind.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {translate(c.name)}
            </MenuItem>
          ))}
        </TextField>
        <Button component="label" variant="outlined" sx={{ mt: 2 }} startIcon={<UploadFileIcon />}>
          {translate('app.documents.choose')}
          <input
            hidden
            type="file"
            accept={ACCEPT}
            name="file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Button>
        <Typography
          variant="body2"
          sx={{ mt: 1 }}
          color={tooBig || fieldErrors.file ? 'error' : 'text.secondary'}
        >
          {tooBig
            ? translate('app.documents.too_big')
            : (fieldErrors.file ?? file?.name ?? translate('app.documents.formats'))}
        </Typography>
      </ActionDialog>
    </>
  );
};
