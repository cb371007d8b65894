import { Edit, SimpleForm } from 'react-admin';
import { RoundInputs } from './RoundInputs';

export const RoundEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <RoundInputs />
    </SimpleForm>
  </Edit>
);
