import PrintIcon from '@mui/icons-material/Print';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { formatDateTime } from '../common';
import type { ClaimCode } from '../providers/apiTypes';
import { useAppDataProvider } from '../providers/useAppDataProvider';

/**
 * The sign-up sheet (注册表): a one-time code for each rostered worker without an account, to print
 * and hand out; shown once (the server keeps only a keyed hash). New codes replace earlier ones.
 */
export const ClaimSheet = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const { canAccess } = useCanAccess({ resource: 'workers', action: 'claimCodes' });
  const [sheet, setSheet] = useState<ClaimCode[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;
  const issue = async () => {
    setBusy(true);
    try {
      setSheet(await dataProvider.claimCodes());
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ mt: 4 }} data-testid="claim-sheet">
      <Typography variant="h6">{translate('app.roster.claim.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.roster.claim.hint')}
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" startIcon={<VpnKeyIcon />} disabled={busy} onClick={() => void issue()}>
          {translate('app.roster.claim.issue')}
        </Button>
        {!!sheet?.length && (
          <Button startIcon={<PrintIcon />} onClick={() => window.print()}>
            {translate('app.roster.claim.print')}
          </Button>
        )}
      </Stack>
      {sheet && sheet.length === 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('app.roster.claim.none')}
        </Alert>
      )}
      {!!sheet?.length && (
        <Table size="small" sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.roster.field.name')}</TableCell>
              <TableCell>{translate('app.roster.field.idNumber')}</TableCell>
              <TableCell>{translate('app.roster.claim.code')}</TableCell>
              <TableCell>{translate('app.roster.claim.expires')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sheet.map((r) => (
              <TableRow key={r.workerId}>
                <TableCell>{r.name}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{r.idNumberMasked}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: '1.1em' }}>{r.code}</TableCell>
                <TableCell>{formatDateTime(r.expiresAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
