import {
  AutocompleteInput,
  Create,
  FormDataConsumer,
  maxLength,
  minLength,
  PasswordInput,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetIdentity,
} from 'react-admin';
import { formSx } from '../common';
import { attachmentOf, roleChoicesFor } from './userRoles';

const REFERENCE = {
  organizationId: 'organizations',
  institutionId: 'institutions',
  workerId: 'workers',
} as const;

/** The initial password is set here and must be changed at the user's first sign-in. */
export const UserCreate = () => {
  const { identity } = useGetIdentity();
  return (
    <Create redirect="list">
      <SimpleForm sx={formSx}>
        <TextInput source="username" validate={[required(), regex(/^[A-Za-z0-9_.-]{3,40}$/)]} />
        <TextInput source="displayName" validate={[required(), minLength(2), maxLength(40)]} />
        <SelectInput source="role" choices={roleChoicesFor(identity?.role as string)} validate={required()} />
        <FormDataConsumer>
          {({ formData }) => {
            const source = attachmentOf(formData.role);
            return source ? (
              <ReferenceInput key={source} source={source} reference={REFERENCE[source]}>
                <AutocompleteInput validate={required()} />
              </ReferenceInput>
            ) : null;
          }}
        </FormDataConsumer>
        <PasswordInput
          source="password"
          validate={[required(), minLength(10)]}
          helperText="app.password.hint"
        />
      </SimpleForm>
    </Create>
  );
};
