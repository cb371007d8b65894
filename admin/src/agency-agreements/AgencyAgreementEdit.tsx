import { Edit, SimpleForm } from 'react-admin';
import { AgencyAgreementInputs } from './AgencyAgreementInputs';

/** The parties and the number are fixed once signed; dates, stages and whether it is in force may change. */
export const AgencyAgreementEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <AgencyAgreementInputs />
    </SimpleForm>
  </Edit>
);
