import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { downloadBlob } from '../common';
import type { RosterPreviewRow, RosterResult } from '../providers/apiTypes';
import { useAppDataProvider } from '../providers/useAppDataProvider';
import { ClaimSheet } from './ClaimSheet';
import { previewRows, STATUS_COLOR, type RosterTab } from './rosterPreview';

type Phase = { kind: 'idle' } | { kind: 'upload'; percent: number | null; dryRun: boolean };

/** R9a: the unit's member roster — template, upload, a preview row by row, then all rows or none. */
export const RosterImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [preview, setPreview] = useState<RosterResult | null>(null);
  const [applied, setApplied] = useState<RosterResult | null>(null);
  const [tab, setTab] = useState<RosterTab>('all');
  const [page, setPage] = useState(0);
  const busy = phase.kind === 'upload';

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setPhase({ kind: 'upload', percent: 0, dryRun });
    try {
      const r = await dataProvider.importRoster(file, dryRun, (percent) =>
        setPhase({ kind: 'upload', percent, dryRun }),
      );
      if (dryRun) {
        setPreview(r);
        setApplied(null);
        setTab(r.refused.length ? 'refused' : 'all');
        setPage(0);
      } else {
        setApplied(r);
        setPreview(null);
        notify('app.roster.done', { type: 'success', messageArgs: { ...r } });
      }
    } catch (e) {
      const body = (e as { body?: Partial<RosterResult> }).body;
      if (body?.refused?.length) setPreview((p) => (p ? { ...p, refused: body.refused! } : p));
      notify((e as Error).message, { type: 'error' });
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const template = async () => {
    const { blob, fileName } = await dataProvider.rosterTemplate();
    downloadBlob(blob, fileName ?? '会员名册模板.xlsx');
  };

  const shown = preview ? previewRows(preview, tab) : [];
  const perPage = 100;
  const refusedRows = preview ? new Set(preview.refused.map((r) => r.row)).size : 0;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.roster.title" />
      <CardContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.roster.hint')}
        </Alert>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Button startIcon={<DownloadIcon />} onClick={() => void template()}>
            {translate('app.roster.template')}
          </Button>
          <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={busy}>
            {translate('app.roster.choose')}
            <input
              hidden
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setApplied(null);
              }}
            />
          </Button>
          <Typography variant="body2" color="text.secondary">
            {file?.name}
          </Typography>
          <Button variant="contained" disabled={!file || busy} onClick={() => void send(true)}>
            {translate('app.roster.preview')}
          </Button>
          <Button
            variant="contained"
            color="success"
            disabled={!preview || busy || preview.refused.length > 0}
            onClick={() => void send(false)}
          >
            {translate('app.roster.apply')}
          </Button>
        </Stack>
        {phase.kind === 'upload' && (
          <Box sx={{ mt: 2 }} role="progressbar" aria-label={translate('app.roster.title')}>
            <LinearProgress
              variant={phase.percent === null ? 'indeterminate' : 'determinate'}
              value={phase.percent ?? 0}
            />
            <Typography variant="caption" color="text.secondary">
              {phase.percent !== null
                ? translate('app.roster.uploading', { percent: phase.percent })
                : translate(phase.dryRun ? 'app.roster.checking' : 'app.roster.applying', { rows: '' })}
            </Typography>
          </Box>
        )}
        {applied && (
          <Alert severity="success" sx={{ mt: 2 }}>
            {translate('app.roster.done', { ...applied })}
          </Alert>
        )}
        {preview && (
          <Box sx={{ mt: 2 }}>
            <Alert severity={preview.refused.length ? 'error' : 'success'} sx={{ mb: 1 }}>
              {translate('app.roster.summary', { ...preview, refused: refusedRows })}
              {preview.refused.length > 0 && (
                <>
                  <br />
                  {translate('app.roster.has_refused', { smart_count: refusedRows })}
                </>
              )}
            </Alert>
            <Tabs
              value={tab}
              onChange={(_e, v: RosterTab) => {
                setTab(v);
                setPage(0);
              }}
            >
              {(['all', 'new', 'changed', 'unchanged', 'refused', 'dropped'] as const).map((t) => (
                <Tab
                  key={t}
                  value={t}
                  label={`${translate(t === 'all' ? 'app.roster.all' : `app.roster.status_${t}`)} (${previewRows(preview, t).length})`}
                />
              ))}
            </Tabs>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.roster.row')}</TableCell>
                  <TableCell>{translate('app.roster.status')}</TableCell>
                  <TableCell>{translate('app.roster.field.name')}</TableCell>
                  <TableCell>{translate('app.roster.field.idNumber')}</TableCell>
                  <TableCell>{translate('app.roster.field.unitCode')}</TableCell>
                  <TableCell>{translate('app.roster.reason')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.slice(page * perPage, (page + 1) * perPage).map((r, i) => (
                  <PreviewRow key={`${r.row}-${i}`} r={r} />
                ))}
              </TableBody>
            </Table>
            <TablePagination
              component="div"
              count={shown.length}
              page={page}
              rowsPerPage={perPage}
              rowsPerPageOptions={[perPage]}
              onPageChange={(_e, p) => setPage(p)}
            />
          </Box>
        )}
        <ClaimSheet />
      </CardContent>
    </Card>
  );
};

const PreviewRow = ({ r }: { r: RosterPreviewRow & { reasons: { field: string; message: string }[] } }) => {
  const translate = useTranslate();
  return (
    <TableRow>
      <TableCell>{r.row || '—'}</TableCell>
      <TableCell>
        <Chip
          size="small"
          color={STATUS_COLOR[r.status]}
          label={translate(`app.roster.status_${r.status}`)}
        />
      </TableCell>
      <TableCell>{r.name}</TableCell>
      <TableCell sx={{ fontFamily: 'monospace' }}>{r.idNumberMasked}</TableCell>
      <TableCell>{r.unit}</TableCell>
      <TableCell>
        {r.reasons.map((p) => `${translate(`app.roster.field.${p.field}`)}：${p.message}`).join('；')}
        {r.changes?.map((f) => translate(`app.roster.field.${f}`)).join('、')}
        {r.status === 'dropped' && translate('app.roster.dropped_hint')}
      </TableCell>
    </TableRow>
  );
};
