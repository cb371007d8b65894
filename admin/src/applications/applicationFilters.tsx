import {
  AutocompleteInput,
  BooleanInput,
  DateInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  useTranslate,
  type SelectInputProps,
} from 'react-admin';
import { CHOICES } from '../common';

/** R6: approved applications whose round's graduation deadline falls within N days. */
const LapsingInput = (props: SelectInputProps) => {
  const translate = useTranslate();
  const choices = [30, 90, 180, 365].map((days) => ({
    id: days,
    name: translate('app.filters.within_days', { days }),
  }));
  return <SelectInput {...props} choices={choices} translateChoice={false} />;
};

/**
 * Plain array, Posters Galore style; keys match the server's list spec (unknown keys are a 400).
 * The union can also be picked from the tree (UnionTreeButton), which fills level2Id / organizationId.
 */
export const applicationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="roundId"
    source="roundId"
    reference="rounds"
    alwaysOn
    sort={{ field: 'opensOn', order: 'DESC' }}
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={CHOICES.applicationStatus} alwaysOn />,
  <SelectInput key="waitingStep" source="waitingStep" choices={CHOICES.reviewStep} />,
  <SelectInput key="fundedBy" source="fundedBy" choices={CHOICES.fundedBy} />,
  <ReferenceInput key="level2Id" source="level2Id" reference="organizations" filter={{ level: 2 }}>
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput
    key="organizationId"
    source="organizationId"
    reference="organizations"
    filter={{ kind: ['grassroots', 'direct'] }}
  >
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
  <DateInput key="submittedAt_gte" source="submittedAt_gte" />,
  <DateInput key="submittedAt_lte" source="submittedAt_lte" />,
  <BooleanInput key="outstandingDocuments" source="outstandingDocuments" defaultValue />,
  <LapsingInput key="lapsingWithinDays" source="lapsingWithinDays" />,
];
