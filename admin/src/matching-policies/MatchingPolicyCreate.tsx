import { Create, SimpleForm } from 'react-admin';
import { MatchingPolicyInputs } from './MatchingPolicyInputs';

/** The union is the author's own level-2 union (the server sets it). */
export const MatchingPolicyCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <MatchingPolicyInputs creating />
    </SimpleForm>
  </Create>
);
