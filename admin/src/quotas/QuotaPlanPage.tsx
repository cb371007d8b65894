import {
  Alert,
  Button,
  Card,
  CardContent,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useGetList, useNotify, useTranslate } from 'react-admin';
import type { QuotaProposal } from '../providers/apiTypes';
import { useAppDataProvider } from '../providers/useAppDataProvider';
import { planTotals } from './quotaPlan';

/** R18: the proposed split of a round's plan over the level-2 unions, edited and committed in one action. */
export const QuotaPlanPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const rounds = useGetList('rounds', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'opensOn', order: 'DESC' },
  });
  const [roundId, setRoundId] = useState<string>('');
  const [proposal, setProposal] = useState<QuotaProposal | null>(null);
  const [places, setPlaces] = useState<Record<number, string>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!roundId && rounds.data?.length) setRoundId(String(rounds.data[0].id));
  }, [roundId, rounds.data]);
  useEffect(() => {
    if (!roundId) return;
    let live = true;
    void dataProvider.quotaProposal(roundId).then((p) => {
      if (!live) return;
      setProposal(p);
      setPlaces(Object.fromEntries(p.unions.map((u) => [u.organizationId, String(u.current ?? u.proposed)])));
    });
    return () => {
      live = false;
    };
  }, [roundId, dataProvider]);

  const totals = proposal ? planTotals(proposal, places) : null;
  const commit = async () => {
    if (!proposal) return;
    setBusy(true);
    try {
      const quotas = proposal.unions.map((u) => ({
        organizationId: u.organizationId,
        places: Number(places[u.organizationId]),
      }));
      const p = await dataProvider.commitQuotas(proposal.roundId, { quotas, reason });
      setProposal(p);
      notify('app.quota_plan.committed', { type: 'success', messageArgs: { sum: totals!.final } });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.quota_plan.title" />
      <CardContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.quota_plan.hint')}
        </Alert>
        <TextField
          select
          size="small"
          label={translate('resources.quotas.fields.roundId')}
          value={roundId}
          onChange={(e) => setRoundId(e.target.value)}
          sx={{ minWidth: 240, mb: 2 }}
        >
          {(rounds.data ?? []).map((r) => (
            <MenuItem key={r.id} value={String(r.id)}>
              {r.name}
            </MenuItem>
          ))}
        </TextField>
        {proposal && totals && (
          <>
            <Table size="small">
              <TableHead>
                <TableRow>
                  {['union', 'members', 'applications', 'uptake', 'proposed', 'current', 'used', 'final'].map(
                    (k) => (
                      <TableCell key={k} align={k === 'union' ? 'left' : 'right'}>
                        {translate(`app.quota_plan.col.${k}`)}
                      </TableCell>
                    ),
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {proposal.unions.map((u) => (
                  <TableRow key={u.organizationId}>
                    <TableCell>{u.name}</TableCell>
                    <TableCell align="right">{u.members}</TableCell>
                    <TableCell align="right">{u.applications}</TableCell>
                    <TableCell align="right">{u.uptake}</TableCell>
                    <TableCell align="right">{u.proposed}</TableCell>
                    <TableCell align="right">{u.current ?? '—'}</TableCell>
                    <TableCell align="right">{u.used}</TableCell>
                    <TableCell align="right" sx={{ width: 120 }}>
                      <TextField
                        size="small"
                        variant="standard"
                        type="number"
                        value={places[u.organizationId] ?? ''}
                        slotProps={{
                          htmlInput: { min: 0, 'aria-label': u.name, style: { textAlign: 'right' } },
                        }}
                        error={Number(places[u.organizationId]) < u.used}
                        onChange={(e) => setPlaces((p) => ({ ...p, [u.organizationId]: e.target.value }))}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell>{translate('app.quota_plan.total', { plan: proposal.plannedPlaces })}</TableCell>
                  <TableCell align="right">{totals.members}</TableCell>
                  <TableCell align="right">{totals.applications}</TableCell>
                  <TableCell align="right">{totals.uptake}</TableCell>
                  <TableCell align="right">{totals.proposed}</TableCell>
                  <TableCell align="right">{totals.current}</TableCell>
                  <TableCell align="right">{totals.used}</TableCell>
                  <TableCell
                    align="right"
                    sx={{ color: totals.final > proposal.plannedPlaces ? 'error.main' : undefined }}
                  >
                    {totals.final}
                  </TableCell>
                </TableRow>
              </TableFooter>
            </Table>
            {totals.final > proposal.plannedPlaces && (
              <Alert severity="error" sx={{ mt: 1 }}>
                {translate('app.quota_plan.over', { sum: totals.final, plan: proposal.plannedPlaces })}
              </Alert>
            )}
            <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
              <Button
                onClick={() =>
                  setPlaces(
                    Object.fromEntries(proposal.unions.map((u) => [u.organizationId, String(u.proposed)])),
                  )
                }
              >
                {translate('app.quota_plan.use_proposal')}
              </Button>
              <TextField
                size="small"
                label={translate('app.quota_plan.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                sx={{ flex: 1 }}
              />
              <Button
                variant="contained"
                disabled={
                  busy || !totals.valid || reason.trim().length < 4 || totals.final > proposal.plannedPlaces
                }
                onClick={() => void commit()}
              >
                {translate('app.quota_plan.commit')}
              </Button>
            </Stack>
          </>
        )}
      </CardContent>
    </Card>
  );
};
