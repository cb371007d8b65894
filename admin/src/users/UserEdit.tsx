import {
  BooleanInput,
  Edit,
  maxLength,
  minLength,
  ReferenceField,
  required,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  Labeled,
  ListButton,
  TopToolbar,
  useGetIdentity,
} from 'react-admin';
import { ResetPasswordButton } from './ResetPasswordButton';
import { CHOICES, formSx } from '../common';

/** Only the city changes roles (the server checks the new role against the user's organisation). */
export const UserEdit = () => {
  const { identity } = useGetIdentity();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="list"
      actions={
        <TopToolbar>
          <ResetPasswordButton />
          <ListButton />
        </TopToolbar>
      }
    >
      <SimpleForm sx={formSx}>
        <Labeled>
          <TextField source="username" />
        </Labeled>
        <Labeled>
          <ReferenceField source="organizationId" reference="organizations" emptyText="—" />
        </Labeled>
        <TextInput source="displayName" validate={[required(), minLength(2), maxLength(40)]} />
        <SelectInput
          source="role"
          choices={CHOICES.role}
          validate={required()}
          readOnly={identity?.role !== 'city_admin'}
        />
        <BooleanInput source="active" />
      </SimpleForm>
    </Edit>
  );
};
