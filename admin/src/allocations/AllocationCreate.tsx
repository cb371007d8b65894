import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Title, useGetList, useRedirect, useTranslate, type Identifier } from 'react-admin';
import { ActionDialog, CHOICES, formatFen, MoneyConfirm, newIdempotencyKey, useApiAction } from '../common';
import type { Stage } from '../providers/apiTypes';
import { CoveredApplications } from './CoveredApplications';
import { useAppDataProvider } from '../providers/useAppDataProvider';

/**
 * R3 拨付: the city picks round, union and stage; the preview shows what the allocation would
 * cover right now (applications due and not yet allocated, and the amount), and only then creates it.
 */
export const AllocationCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const dataProvider = useAppDataProvider();
  const [roundId, setRoundId] = useState<Identifier | ''>('');
  const [organizationId, setOrganizationId] = useState<Identifier | ''>('');
  const [stage, setStage] = useState<Stage>('process');
  const [confirming, setConfirming] = useState(false);
  const key = useRef('');
  const rounds = useGetList('rounds', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'opensOn', order: 'DESC' },
  });
  const unions = useGetList('organizations', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'id', order: 'ASC' },
    filter: { level: 2 },
  });
  const ready = roundId !== '' && organizationId !== '';
  const preview = useQuery({
    queryKey: ['allocations', 'due', roundId, organizationId, stage],
    queryFn: () =>
      dataProvider.allocationPreview({
        roundId: roundId as Identifier,
        organizationId: organizationId as Identifier,
        stage,
      }),
    enabled: ready,
  });
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp) =>
      dp.allocate(
        { roundId: roundId as Identifier, organizationId: organizationId as Identifier, stage },
        { idempotencyKey: key.current },
      ),
    {
      success: 'app.allocations.created',
      onSuccess: () => {
        setConfirming(false);
        redirect('list', 'allocations');
      },
    },
  );
  const due = preview.data;
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="app.allocations.create_title" />
      <CardContent>
        <Stack spacing={2}>
          <TextField
            select
            name="roundId"
            label={translate('resources.allocations.fields.roundId')}
            value={roundId}
            onChange={(e) => setRoundId(e.target.value)}
            error={!!fieldErrors.roundId}
            helperText={fieldErrors.roundId}
          >
            {(rounds.data ?? []).map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {r.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            name="organizationId"
            label={translate('resources.allocations.fields.organizationId')}
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
            error={!!fieldErrors.organizationId}
            helperText={fieldErrors.organizationId}
          >
            {(unions.data ?? []).map((o) => (
              <MenuItem key={o.id} value={o.id}>
                {o.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            name="stage"
            label={translate('resources.allocations.fields.stage')}
            value={stage}
            onChange={(e) => setStage(e.target.value as Stage)}
          >
            {CHOICES.stage.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {translate(c.name)}
              </MenuItem>
            ))}
          </TextField>
          <Box aria-live="polite">
            {!ready ? (
              <Typography variant="body2" color="text.secondary">
                {translate('app.allocations.pick')}
              </Typography>
            ) : preview.isPending ? (
              <CircularProgress size={20} />
            ) : preview.error ? (
              <Alert severity="error">{(preview.error as Error).message}</Alert>
            ) : due && due.applicationCount > 0 ? (
              <Stack spacing={1}>
                <Alert severity="info">
                  {translate('app.allocations.preview', {
                    smart_count: due.applicationCount,
                    amount: formatFen(due.amountFen),
                  })}
                </Alert>
                <CoveredApplications rows={due.applications} />
              </Stack>
            ) : (
              <Alert severity="warning">{translate('app.allocations.nothing_due')}</Alert>
            )}
          </Box>
          <Box>
            <Button
              variant="contained"
              disabled={!due?.applicationCount}
              onClick={() => {
                key.current = newIdempotencyKey();
                setConfirming(true);
              }}
            >
              {translate('app.allocations.create')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
      {due && (
        <ActionDialog
          open={confirming}
          onClose={() => setConfirming(false)}
          onConfirm={() => mutate(undefined)}
          pending={isPending}
          title="app.allocations.create_title"
          confirmLabel="app.allocations.create"
        >
          <MoneyConfirm
            message="app.allocations.create_confirm"
            amountFen={due.amountFen}
            count={due.applicationCount}
          />
          <CoveredApplications rows={due.applications} maxHeight={240} />
        </ActionDialog>
      )}
    </Card>
  );
};
