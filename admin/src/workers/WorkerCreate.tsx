import { Create, SimpleForm } from 'react-admin';
import { WorkerInputs } from './WorkerInputs';
import { dropBlankSecrets } from './workerValidation';

export const WorkerCreate = () => (
  <Create redirect="show" transform={dropBlankSecrets}>
    <SimpleForm>
      <WorkerInputs />
    </SimpleForm>
  </Create>
);
