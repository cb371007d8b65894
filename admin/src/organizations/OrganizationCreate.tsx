import { Create, SimpleForm } from 'react-admin';
import { formSx } from '../common';
import { OrganizationInputs } from './OrganizationInputs';

export const OrganizationCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={formSx}>
      <OrganizationInputs creating />
    </SimpleForm>
  </Create>
);
