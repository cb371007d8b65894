import { Create, SimpleForm } from 'react-admin';
import { AgencyAgreementInputs } from './AgencyAgreementInputs';

export const AgencyAgreementCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <AgencyAgreementInputs creating />
    </SimpleForm>
  </Create>
);
