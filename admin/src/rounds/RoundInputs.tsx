import { Box } from '@mui/material';
import {
  DateInput,
  maxLength,
  minLength,
  minValue,
  NumberInput,
  regex,
  required,
  TextInput,
  type Validator,
} from 'react-admin';
import { MoneyInput } from '../common';

/** R11: a window closes on or after the day it opens. */
const afterOpening: Validator = (closesOn, values) =>
  closesOn && values.opensOn && String(closesOn) < String(values.opensOn)
    ? 'app.validation.window'
    : undefined;

const integer: Validator = (v) => (v == null || Number.isInteger(v) ? undefined : 'ra.validation.number');

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
    <DateInput source="opensOn" validate={required()} />
    <DateInput source="closesOn" validate={[required(), afterOpening]} />
    <MoneyInput source="processAmountFen" defaultValue={50_000} validate={[required(), minValue(0)]} />
    <MoneyInput source="resultAmountFen" defaultValue={100_000} validate={[required(), minValue(0)]} />
    <NumberInput source="plannedPlaces" validate={[required(), minValue(0), integer]} step={1} />
    <DateInput source="graduationDeadline" validate={required()} />
  </Box>
);
