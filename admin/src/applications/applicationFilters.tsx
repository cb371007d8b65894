import {
  AutocompleteInput, BooleanInput, ReferenceInput, SearchInput, SelectInput,
} from 'react-admin';
import { CHOICES } from '../common';

/** Plain array, Posters Galore style; keys match the server's list spec (unknown keys are a 400). */
export const applicationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="roundId" source="roundId" reference="rounds" alwaysOn sort={{ field: 'opensOn', order: 'DESC' }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={CHOICES.applicationStatus} alwaysOn />,
  <SelectInput key="waitingStep" source="waitingStep" choices={CHOICES.reviewStep} />,
  <ReferenceInput key="level2Id" source="level2Id" reference="organizations" filter={{ level: 2 }}>
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput key="organizationId" source="organizationId" reference="organizations" filter={{ kind: ['grassroots', 'direct'] }}>
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput key="institutionId" source="institutionId" reference="institutions">
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput key="educationLevel" source="educationLevel" choices={CHOICES.educationLevel} />,
  <BooleanInput key="isFrontline" source="isFrontline" defaultValue />,
  <BooleanInput key="isMigrant" source="isMigrant" defaultValue />,
  <BooleanInput key="isHardship" source="isHardship" defaultValue />,
  <BooleanInput key="isKeyIndustry" source="isKeyIndustry" defaultValue />,
  <BooleanInput key="outstandingDocuments" source="outstandingDocuments" defaultValue />,
];
