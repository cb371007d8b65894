import {
  AutocompleteInput,
  BooleanInput,
  maxLength,
  minLength,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { CHOICES } from '../common';

const kinds = CHOICES.orgKind.filter((c) => c.id !== 'city');

/** Kind, parent and code fix a union's place in the tree: set once, at creation (server rule). */
export const OrganizationInputs = ({ creating = false }: { creating?: boolean }) => (
  <>
    <TextInput source="name" validate={[required(), minLength(2), maxLength(60)]} />
    {creating && <SelectInput source="kind" choices={kinds} validate={required()} />}
    {creating && (
      <ReferenceInput source="parentId" reference="organizations" filter={{ level: [1, 2] }}>
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
    )}
    {creating && (
      <TextInput source="code" validate={[required(), regex(/^[a-z0-9-]{2,40}$/, 'app.validation.code')]} />
    )}
    <TextInput source="unitName" validate={maxLength(80)} />
    <TextInput source="contactPhone" validate={maxLength(20)} />
    <BooleanInput source="duesPaid" defaultValue />
  </>
);
