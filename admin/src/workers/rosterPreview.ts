import type { ChipProps } from '@mui/material';
import type { RosterPreviewRow, RosterResult } from '../providers/apiTypes';

export type RosterTab = 'all' | RosterPreviewRow['status'];

export const STATUS_COLOR: Record<RosterPreviewRow['status'], ChipProps['color']> = {
  new: 'success',
  changed: 'info',
  unchanged: 'default',
  refused: 'error',
  dropped: 'warning',
};

/** The preview's rows of one tab, each with the reasons it was refused (by row number). */
export function previewRows(preview: RosterResult, tab: RosterTab) {
  const reasons = new Map<number, { field: string; message: string }[]>();
  for (const r of preview.refused) reasons.set(r.row, [...(reasons.get(r.row) ?? []), r]);
  return (preview.rows ?? [])
    .filter((r) => tab === 'all' || r.status === tab)
    .map((r) => ({ ...r, reasons: reasons.get(r.row) ?? [] }));
}
