import PrintIcon from '@mui/icons-material/Print';
import { Box, Button, Dialog, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/**
 * A printed document of the panel (拨款通知单, 发放清单): on screen a white A4 sheet in a dialog,
 * on paper the sheet alone, in the serif and ruled tables of the printed application form.
 */
export const PrintSheet = ({
  open,
  onClose,
  children,
}: {
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} fullScreen className="print-dialog">
      <style>{PRINT_CSS}</style>
      <Stack
        direction="row"
        spacing={1}
        className="no-print"
        sx={{ p: 1, borderBottom: 1, borderColor: 'divider' }}
      >
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {translate('app.print.print')}
        </Button>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </Stack>
      <Box sx={{ bgcolor: 'grey.200', flex: 1, overflow: 'auto', py: 2 }} className="print-scroll">
        <Box className="print-sheet">{children}</Box>
      </Box>
    </Dialog>
  );
};

const PRINT_CSS = `
.print-sheet { background:#fff; color:#000; width:210mm; max-width:100%; box-sizing:border-box; margin:0 auto;
  padding:14mm 12mm; font-family:'Noto Serif CJK SC','Source Han Serif SC','Songti SC',SimSun,serif; font-size:13px; line-height:1.5;
  box-shadow:0 1px 3px rgba(0,0,0,.2); }
.print-sheet h1 { font-size:20px; text-align:center; margin:0 0 4px; letter-spacing:2px; }
.print-sheet .sub { text-align:center; font-size:12px; margin:0 0 12px; }
.print-sheet table { width:100%; border-collapse:collapse; margin:8px 0; }
.print-sheet th, .print-sheet td { border:1px solid #000; padding:4px 6px; text-align:left; vertical-align:top; }
.print-sheet th { background:#f0f0f0; font-weight:600; }
.print-sheet td.num { text-align:right; white-space:nowrap; }
.print-sheet .signs { display:flex; justify-content:space-between; margin-top:18px; gap:12px; }
.print-sheet .stamp { width:38mm; height:38mm; border:1px dashed #777; border-radius:50%; display:flex;
  align-items:center; justify-content:center; color:#777; font-size:11px; }
.print-sheet .blank { display:inline-block; width:7em; border-bottom:1px solid #000; height:1em; }
@page { size: A4; margin: 10mm 12mm; }
@media print {
  body > #root { display:none !important; }
  .no-print { display:none !important; }
  .print-dialog, .print-dialog .MuiDialog-container, .print-dialog .MuiPaper-root, .print-scroll {
    position:static !important; overflow:visible !important; height:auto !important; background:#fff !important; }
  .print-sheet { box-shadow:none; padding:0; width:auto; font-size:10.5pt; }
  .print-sheet tr { break-inside:avoid; }
}
`;
