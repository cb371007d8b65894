import { Edit, SimpleForm } from 'react-admin';
import { WorkerInputs } from './WorkerInputs';
import { dropBlankSecrets } from './workerValidation';

export const WorkerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={dropBlankSecrets}>
    <SimpleForm>
      <WorkerInputs editing />
    </SimpleForm>
  </Edit>
);
