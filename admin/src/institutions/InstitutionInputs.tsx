import { BooleanInput, maxLength, minLength, regex, required, TextInput } from 'react-admin';

/** R17: the reduction policy text is shown to applicants; an institution may edit only its own. */
export const InstitutionInputs = ({ creating = false }: { creating?: boolean }) => (
  <>
    <TextInput source="name" validate={[required(), minLength(2), maxLength(60)]} />
    {creating && (
      <TextInput source="code" validate={[required(), regex(/^[a-z0-9-]{2,40}$/, 'app.validation.code')]} />
    )}
    <TextInput source="contact" validate={maxLength(100)} />
    <TextInput source="reductionPolicy" multiline minRows={4} validate={maxLength(4000)} />
    <BooleanInput source="active" defaultValue />
  </>
);
