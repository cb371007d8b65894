import { Edit, SimpleForm, TopToolbar } from 'react-admin';
import { RaisePlanButton } from './RaisePlanButton';
import { RoundInputs } from './RoundInputs';

export const RoundEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="list"
    actions={
      <TopToolbar>
        <RaisePlanButton />
      </TopToolbar>
    }
  >
    <SimpleForm>
      <RoundInputs />
    </SimpleForm>
  </Edit>
);
