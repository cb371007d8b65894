import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useNotify,
  useRedirect,
  type RaRecord,
} from 'react-admin';
import { FOLLOWED, currentTerm, TERM_PATTERN } from '../../../server/domain/study';
import { CHOICES } from '../common';

/**
 * R15: record this term's check for a funded student. A withdrawn (退学) check opens the application,
 * where the dropout is recorded: the check alone drops no one out.
 */
export const StudyCheckCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (data: RaRecord) => {
    if (data.next === 'dropout') {
      notify('app.study_checks.dropout_hint', { type: 'warning' });
      redirect('show', 'applications', data.applicationId);
    } else {
      notify('ra.notification.created', { type: 'success', messageArgs: { smart_count: 1 } });
      redirect('list', 'study-checks');
    }
  };
  return (
    <Create mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ term: currentTerm(new Date()), state: 'studying', note: '' }}>
        <ReferenceInput source="applicationId" reference="applications" filter={{ status: [...FOLLOWED] }}>
          <AutocompleteInput validate={required()} fullWidth />
        </ReferenceInput>
        <TextInput
          source="term"
          validate={[required(), regex(TERM_PATTERN, 'app.hints.intake_term')]}
          helperText="app.hints.intake_term"
        />
        <SelectInput source="state" choices={CHOICES.studyState} validate={required()} />
        <TextInput source="note" multiline minRows={2} fullWidth />
      </SimpleForm>
    </Create>
  );
};
