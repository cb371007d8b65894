import { Edit, SimpleForm } from 'react-admin';
import { MatchingPolicyInputs } from './MatchingPolicyInputs';

/** Once matching money was paid under it, the server refuses changes to amounts or mode (R8). */
export const MatchingPolicyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <MatchingPolicyInputs />
    </SimpleForm>
  </Edit>
);
