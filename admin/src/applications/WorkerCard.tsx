import { BooleanField, ReferenceField, TextField } from 'react-admin';
import { DateTimeField, FieldGrid, Section } from '../common';
import { WorkerFlags } from '../workers/WorkerFlags';

/** The applicant as the reviewer needs them: R9a/b facts and the R10 priority flags. */
export const WorkerCard = () => (
  <Section title="resources.workers.name">
    <ReferenceField source="workerId" reference="workers" link={false}>
      <FieldGrid columns={2}>
        <ReferenceField source="id" reference="workers" link="show" label="resources.workers.fields.name" />
        <TextField source="idNumberMasked" />
        <ReferenceField source="organizationId" reference="organizations" link={false} />
        <TextField source="jobTitle" />
        <TextField source="phone" />
        <BooleanField source="isUnionMember" />
        <BooleanField source="isFrontline" />
        <DateTimeField source="attestedAt" emptyText="—" />
        <TextField source="attestationComment" emptyText="—" />
        <WorkerFlags source="flags" label="resources.workers.fields.flags" />
      </FieldGrid>
    </ReferenceField>
  </Section>
);
