import { Alert } from '@mui/material';
import {
  ListButton,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumField, FieldGrid, Section, StatusChip } from '../common';
import { AppealRowButtons } from './AppealButtons';

const Actions = () => (
  <TopToolbar>
    <AppealRowButtons />
    <ListButton />
  </TopToolbar>
);

const OverdueBanner = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return record?.overdue ? (
    <Alert severity="error" sx={{ mt: 1 }}>
      {translate('app.appeals.overdue', { date: record.dueOn })}
    </Alert>
  ) : null;
};

/** R14: the appeal, its answer, and the application it is about. */
export const AppealShow = () => (
  <Show component="div" actions={<Actions />}>
    <OverdueBanner />
    <Section title="resources.appeals.name">
      <FieldGrid>
        <ReferenceField source="applicationId" reference="applications" link="show" />
        <EnumField source="subject" enumName="appealSubject" />
        <EnumField source="reviewStep" enumName="reviewStep" />
        <ReferenceField source="organizationId" reference="organizations" link={false} />
        <StatusChip source="status" enumName="appealStatus" />
        <TextField source="dueOn" />
        <DateTimeField source="createdAt" />
        <DateTimeField source="respondedAt" />
        <DateTimeField source="closedAt" />
      </FieldGrid>
    </Section>
    <Section title="resources.appeals.fields.content">
      <TextField source="content" component="div" sx={{ whiteSpace: 'pre-wrap' }} />
    </Section>
    <Section title="resources.appeals.fields.response">
      <TextField source="response" component="div" sx={{ whiteSpace: 'pre-wrap' }} emptyText="—" />
    </Section>
  </Show>
);
