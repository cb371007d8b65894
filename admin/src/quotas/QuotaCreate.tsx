import {
  AutocompleteInput,
  Create,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
} from 'react-admin';
import { formSx } from '../common';

/** R18: a level-2 union's places in a round (the notice's attachment 1); later changes go through 调整名额. */
export const QuotaCreate = () => (
  <Create redirect="list">
    <SimpleForm sx={formSx}>
      <ReferenceInput source="roundId" reference="rounds" sort={{ field: 'opensOn', order: 'DESC' }}>
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="organizationId" reference="organizations" filter={{ level: 2 }}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <NumberInput source="places" step={1} validate={[required(), minValue(0)]} />
    </SimpleForm>
  </Create>
);
