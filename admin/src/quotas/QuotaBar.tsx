import { Box, Stack, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { quotaBarParts } from './quotaBar';

const Part = ({ width, color, striped }: { width: number; color: string; striped?: boolean }) =>
  width > 0 ? (
    <Box
      sx={{
        width: `${width}%`,
        bgcolor: color,
        height: '100%',
        backgroundImage: striped
          ? 'repeating-linear-gradient(45deg, rgba(255,255,255,.35) 0 4px, transparent 4px 8px)'
          : undefined,
      }}
    />
  ) : null;

/** Places used, free and (beyond them) waitlisted, with the numbers beside the bar. */
export const QuotaBar = (_props: { label?: string }) => {
  const record = useRecordContext<{
    id: number;
    places: number;
    used: number;
    waitlisted: number;
    free: number;
  }>();
  const translate = useTranslate();
  if (!record) return null;
  const p = quotaBarParts(record);
  const text = translate('app.quotas.bar', {
    used: record.used,
    places: record.places,
    waitlisted: record.waitlisted,
    free: record.free,
  });
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 260 }}>
      <Tooltip title={text}>
        <Box
          role="img"
          aria-label={text}
          sx={{
            display: 'flex',
            flex: 1,
            height: 14,
            borderRadius: 1,
            overflow: 'hidden',
            bgcolor: 'grey.100',
            border: 1,
            borderColor: 'grey.300',
          }}
        >
          <Part width={p.used} color="success.main" />
          <Part width={p.over} color="error.main" />
          <Part width={p.free} color="grey.200" />
          <Part width={p.waitlisted} color="warning.main" striped />
        </Box>
      </Tooltip>
      <Typography
        variant="body2"
        sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', minWidth: 48, textAlign: 'right' }}
      >
        {p.usePercent === null ? '—' : `${p.usePercent}%`}
      </Typography>
    </Stack>
  );
};
