import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { apiUrl } from '../providers/http';

export interface PreviewDoc {
  id: number | string;
  fileName: string;
  mimeType: string;
}

/** R12 scans: images shown as they are, PDFs in the browser's own viewer (same origin, inline). */
export const DocumentPreview = ({ doc, onClose }: { doc: PreviewDoc; onClose: () => void }) => {
  const translate = useTranslate();
  const [broken, setBroken] = useState(false);
  const src = apiUrl(`documents/${doc.id}/file`);
  const isPdf = doc.mimeType === 'application/pdf';
  // A PDF's frame cannot report a 404: ask first, so a missing file reads as the message, not as a page.
  useEffect(() => {
    if (!isPdf) return;
    let live = true;
    fetch(src, { method: 'HEAD', credentials: 'same-origin' })
      .then((r) => live && !r.ok && setBroken(true))
      .catch(() => live && setBroken(true));
    return () => {
      live = false;
    };
  }, [src, isPdf]);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg">
      <DialogTitle>{doc.fileName}</DialogTitle>
      <DialogContent dividers sx={{ p: 0, bgcolor: 'grey.100', display: 'flex', justifyContent: 'center' }}>
        {broken ? (
          <Alert severity="warning" sx={{ m: 2 }}>
            {translate('app.documents.unavailable')}
          </Alert>
        ) : isPdf ? (
          <Box
            component="iframe"
            src={src}
            title={doc.fileName}
            sx={{ border: 0, width: '100%', height: '70vh' }}
          />
        ) : (
          <Box
            component="img"
            src={src}
            alt={doc.fileName}
            onError={() => setBroken(true)}
            sx={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain', display: 'block' }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button href={src} target="_blank" rel="noopener" startIcon={<OpenInNewIcon />}>
          {translate('app.documents.open')}
        </Button>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
