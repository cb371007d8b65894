import { Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  DateInput,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  regex,
  required,
  TextInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { DEFAULT_MIN_STUDY_MONTHS, withDefaults } from '../../../server/domain/rounds';
import { MoneyInput } from '../common';

/** R11: a window closes on or after the day it opens. */
const afterOpening: Validator = (closesOn, values) =>
  closesOn && values.opensOn && String(closesOn) < String(values.opensOn)
    ? 'app.validation.window'
    : undefined;

/** R9c: the intake ends on or after the day it starts. */
const afterIntake: Validator = (intakeTo, values) =>
  intakeTo && values.intakeFrom && String(intakeTo) < String(values.intakeFrom)
    ? 'app.validation.window'
    : undefined;

const integer: Validator = (v) => (v == null || Number.isInteger(v) ? undefined : 'ra.validation.number');

const day = (v: unknown) => (v ? String(v).slice(0, 10) : '');

/**
 * The round's dates as one timetable (R2, R6, R7, R9c, R11), the defaults filled in as the server
 * will fill them: the same `withDefaults` the API uses.
 */
function Timetable() {
  const t = useTranslate();
  const v = useWatch();
  if (!v.intakeFrom || !v.intakeTo || !v.opensOn || !v.closesOn) return null;
  const d = withDefaults({
    opensOn: day(v.opensOn),
    closesOn: day(v.closesOn),
    intakeFrom: day(v.intakeFrom),
    intakeTo: day(v.intakeTo),
    processPayBy: day(v.processPayBy) || null,
    waitlistClosesOn: day(v.waitlistClosesOn) || null,
    minStudyMonths: v.minStudyMonths ?? null,
  });
  const rows: [string, string][] = [
    [t('app.timetable.intake'), `${d.intakeFrom} – ${d.intakeTo}`],
    [t('app.timetable.window'), `${d.opensOn} – ${d.closesOn}`],
    [t('app.timetable.process'), d.processPayBy],
    [t('app.timetable.waitlist'), d.waitlistClosesOn],
    [
      t('app.timetable.graduation'),
      `${t('app.timetable.min_study', { months: d.minStudyMonths })} / ${d.graduationDeadline}`,
    ],
  ];
  return (
    <Box sx={{ gridColumn: '1 / -1', mt: 1, mb: 2 }}>
      <Typography variant="subtitle2">{t('app.timetable.title')}</Typography>
      <Table size="small" aria-label={t('app.timetable.title')}>
        <TableBody>
          {rows.map(([k, val]) => (
            <TableRow key={k}>
              <TableCell sx={{ width: '45%' }}>{k}</TableCell>
              <TableCell>{val}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** The helper text of an optional date: what the server will take when it is left blank. */
function DefaultHint({ field }: { field: 'processPayBy' | 'waitlistClosesOn' }) {
  const t = useTranslate();
  const v = useWatch();
  if (!v.intakeFrom || v[field]) return null;
  const d = withDefaults({
    opensOn: day(v.opensOn),
    closesOn: day(v.closesOn),
    intakeFrom: day(v.intakeFrom),
    intakeTo: day(v.intakeTo),
    processPayBy: day(v.processPayBy) || null,
  });
  return <>{t('app.timetable.default_is', { date: d[field] })}</>;
}

/** R1 amounts and R18 places belong to the round: defaults are the 2019 notice's. */
export const RoundInputs = () => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' },
      columnGap: 2,
      width: '100%',
      maxWidth: 720,
    }}
  >
    <TextInput source="name" validate={[required(), minLength(2), maxLength(40)]} />
    <TextInput
      source="intakeTerm"
      validate={[required(), regex(/^\d{4}-(spring|autumn)$/)]}
      helperText="app.hints.intake_term"
    />
    <DateInput source="intakeFrom" validate={required()} />
    <DateInput source="intakeTo" validate={[required(), afterIntake]} />
    <DateInput source="opensOn" validate={required()} />
    <DateInput source="closesOn" validate={[required(), afterOpening]} />
    <DateInput source="processPayBy" helperText={<DefaultHint field="processPayBy" />} />
    <DateInput source="waitlistClosesOn" helperText={<DefaultHint field="waitlistClosesOn" />} />
    <NumberInput
      source="minStudyMonths"
      defaultValue={DEFAULT_MIN_STUDY_MONTHS}
      validate={[required(), minValue(12), maxValue(36), integer]}
      step={1}
    />
    <MoneyInput source="processAmountFen" defaultValue={50_000} validate={[required(), minValue(0)]} />
    <MoneyInput source="resultAmountFen" defaultValue={100_000} validate={[required(), minValue(0)]} />
    <NumberInput source="plannedPlaces" validate={[required(), minValue(0), integer]} step={1} />
    <Timetable />
  </Box>
);
