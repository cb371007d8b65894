import { Box } from '@mui/material';
import {
  maxLength,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin';
import { CHOICES, MoneyInput } from '../common';

/** R8: the amounts must fit the mode — all as process means no result amount, and the reverse. */
const fitsMode =
  (stage: 'process' | 'result'): Validator =>
  (fen, values) => {
    if (values.mode === 'process_only' && stage === 'result' && fen) return 'app.matching.no_result';
    if (values.mode === 'result_only' && stage === 'process' && fen) return 'app.matching.no_process';
    return undefined;
  };

/** R8: places the union funds itself are paid in two stages, like the city's. */
const twoStagesForPlaces: Validator = (places, values) =>
  places > 0 && values.mode !== 'two_stage' ? 'app.matching.places_two_stage' : undefined;

/** A level-2 union's own subsidy on top of the city's, per round. */
export const MatchingPolicyInputs = ({ creating = false }: { creating?: boolean }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' },
      columnGap: 2,
      width: '100%',
      maxWidth: 720,
    }}
  >
    {creating && (
      <ReferenceInput source="roundId" reference="rounds" sort={{ field: 'opensOn', order: 'DESC' }}>
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
    )}
    <SelectInput
      source="mode"
      choices={CHOICES.matchingMode}
      validate={required()}
      defaultValue="two_stage"
    />
    <MoneyInput
      source="processAmountFen"
      defaultValue={0}
      validate={[required(), minValue(0), fitsMode('process')]}
    />
    <MoneyInput
      source="resultAmountFen"
      defaultValue={0}
      validate={[required(), minValue(0), fitsMode('result')]}
    />
    <NumberInput
      source="extraPlaces"
      defaultValue={0}
      min={0}
      step={1}
      validate={[required(), minValue(0), twoStagesForPlaces]}
      helperText="app.matching.extra_places_help"
    />
    <TextInput source="note" multiline minRows={3} validate={maxLength(2000)} sx={{ gridColumn: '1 / -1' }} />
  </Box>
);
