import { Edit, SimpleForm } from 'react-admin';
import { formSx } from '../common';
import { InstitutionInputs } from './InstitutionInputs';

export const InstitutionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm sx={formSx}>
      <InstitutionInputs />
    </SimpleForm>
  </Edit>
);
