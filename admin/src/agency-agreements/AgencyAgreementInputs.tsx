import { Box } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  maxLength,
  minLength,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin';

const STAGE_CHOICES = [
  { id: 'process,result', name: 'app.agency.both' },
  { id: 'process', name: 'enums.stage.process' },
  { id: 'result', name: 'enums.stage.result' },
];

const afterStart: Validator = (endsOn, values) =>
  endsOn && values.startsOn && String(endsOn) < String(values.startsOn) ? 'app.validation.window' : undefined;

/** R3 代发协议: which union entrusts the workers' school, for which stages, from when to when. */
export const AgencyAgreementInputs = ({ creating = false }: { creating?: boolean }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' },
      columnGap: 2,
      width: '100%',
      maxWidth: 720,
    }}
  >
    {creating && <TextInput source="agreementNo" validate={[required(), minLength(3), maxLength(40)]} />}
    {creating && (
      <ReferenceInput source="organizationId" reference="organizations" filter={{ level: 2 }}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
    )}
    {creating && (
      <ReferenceInput source="agentOrganizationId" reference="organizations" filter={{ kind: 'direct' }}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
    )}
    <SelectInput
      source="stages"
      choices={STAGE_CHOICES}
      defaultValue="process,result"
      validate={required()}
    />
    <DateInput source="startsOn" validate={required()} />
    <DateInput source="endsOn" validate={[required(), afterStart]} />
    <BooleanInput source="active" defaultValue />
  </Box>
);
