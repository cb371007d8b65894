import { Create, SimpleForm } from 'react-admin';
import { formSx } from '../common';
import { InstitutionInputs } from './InstitutionInputs';

export const InstitutionCreate = () => (
  <Create redirect="list">
    <SimpleForm sx={formSx}>
      <InstitutionInputs creating />
    </SimpleForm>
  </Create>
);
