import { Edit, SimpleForm } from 'react-admin';
import { formSx } from '../common';
import { OrganizationInputs } from './OrganizationInputs';

export const OrganizationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm sx={formSx}>
      <OrganizationInputs />
    </SimpleForm>
  </Edit>
);
