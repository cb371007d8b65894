import { Chip, Stack, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

type Flag = [label: string, color: ChipProps['color'], shown: (r: Record<string, unknown>) => boolean];

/**
 * R10 priority flags (migrant, hardship, key industry) and, since nearly everyone is one, the
 * exceptions to R9a/R9b (not front-line, not a member) rather than the rule.
 */
const FLAGS: Flag[] = [
  ['resources.workers.fields.isMigrant', 'secondary', (r) => r.isMigrant === true],
  ['resources.workers.fields.isHardship', 'warning', (r) => r.isHardship === true],
  ['resources.workers.fields.isKeyIndustry', 'info', (r) => r.isKeyIndustry === true],
  // R9a/b: not yet confirmed by the unit union, or confirmed as not eligible.
  ['app.worker_flags.unattested', 'warning', (r) => 'attestedAt' in r && !r.attestedAt],
  ['app.worker_flags.not_frontline', 'error', (r) => !!r.attestedAt && r.isFrontline === false],
  ['app.worker_flags.not_member', 'error', (r) => !!r.attestedAt && r.isUnionMember === false],
  // R9b: a post above 科室主任, shown to every reviewer.
  ['app.worker_flags.senior_title', 'error', (r) => r.seniorTitle === true],
  // R9a: the unit has a roster and the worker is not on it.
  ['app.roster.off_roster', 'warning', (r) => r.onRoster === false],
];

// Field props are accepted so Labeled and DataTable can name the column; the flags come from the record.
export const WorkerFlags = (props: Partial<FieldProps>) => {
  const record = useRecordContext<Record<string, unknown>>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {FLAGS.filter(([, , shown]) => shown(record)).map(([label, color]) => (
        <Chip key={label} size="small" variant="outlined" color={color} label={translate(label)} />
      ))}
    </Stack>
  );
};
