import { Create, SimpleForm } from 'react-admin';
import { RoundInputs } from './RoundInputs';

export const RoundCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <RoundInputs />
    </SimpleForm>
  </Create>
);
