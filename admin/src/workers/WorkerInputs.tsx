import { Box } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  maxLength,
  minLength,
  ReferenceInput,
  required,
  TextInput,
} from 'react-admin';
import { validCard, validIdNumber, validPhone } from './workerValidation';

/** Shared by create and edit; on edit the personal numbers are optional ("leave blank to keep"). */
export const WorkerInputs = ({ editing = false }: { editing?: boolean }) => (
  <Box sx={{ width: '100%', maxWidth: 720 }}>
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
      <TextInput source="name" validate={[required(), minLength(2), maxLength(30)]} />
      <TextInput
        source="idNumber"
        validate={editing ? validIdNumber : [required(), validIdNumber]}
        helperText={editing ? 'app.worker_form.keep_blank' : undefined}
      />
      <TextInput source="phone" validate={[required(), validPhone]} />
      <ReferenceInput
        source="organizationId"
        reference="organizations"
        filter={{ kind: ['grassroots', 'direct'] }}
      >
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <TextInput source="jobTitle" validate={maxLength(30)} />
      <TextInput source="bankName" validate={maxLength(40)} />
      <TextInput
        source="bankCard"
        validate={validCard}
        helperText={editing ? 'app.worker_form.keep_blank' : undefined}
      />
      <TextInput
        source="benefitCard"
        validate={validCard}
        helperText={editing ? 'app.worker_form.keep_blank' : undefined}
      />
    </Box>
    <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3 }}>
      <BooleanInput source="isUnionMember" defaultValue />
      <BooleanInput source="isFrontline" defaultValue />
      <BooleanInput source="isMigrant" defaultValue={false} />
      <BooleanInput source="isHardship" defaultValue={false} />
      <BooleanInput source="isKeyIndustry" defaultValue={false} />
    </Box>
  </Box>
);
