import type { ChipProps, SxProps } from '@mui/material';
import type { RaRecord } from 'react-admin';

type Color = NonNullable<ChipProps['color']>;

/** One colour per coded state, shared by every status family (values do not clash in meaning). */
const COLORS: Record<string, Color> = {
  // applications
  draft: 'default',
  submitted: 'info',
  unit_approved: 'info',
  org_approved: 'info',
  waitlisted: 'warning',
  approved: 'success',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
  process_paid: 'secondary',
  graduated: 'secondary',
  completed: 'success',
  dropped_out: 'error',
  lapsed: 'error',
  not_funded: 'default',
  revoked: 'error',
  // money
  pending: 'warning',
  paid: 'success',
  failed: 'error',
  cancelled: 'default',
  created: 'warning',
  transferred: 'info',
  received: 'success',
  expected: 'warning',
  confirmed: 'success',
  filed: 'info',
  // appeals, reviews
  open: 'warning',
  answered: 'info',
  upheld: 'success',
  closed: 'default',
  approve: 'success',
  reject: 'error',
  return: 'warning',
};

export const statusColor = (value: unknown): Color => COLORS[String(value)] ?? 'default';

/** Posters Galore's coloured row edge: the status readable at a glance down a long list. */
export const statusRowSx = (record: RaRecord): SxProps => {
  const color = statusColor(record.status);
  return { borderLeft: '4px solid', borderLeftColor: color === 'default' ? 'grey.400' : `${color}.main` };
};

/** Long free text (reports, comments) kept to one line in lists. */
export const ellipsisSx = {
  maxWidth: 260,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;

/** Short values (names, dates, rounds) kept on one line so long ones get the width. */
export const nowrapSx = { whiteSpace: 'nowrap' } as const;
