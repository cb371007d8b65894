import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';
import { CHOICES, type EnumName } from './choices';

/** Filter inputs most lists share; each list picks what its server list spec accepts. */
export const roundFilter = (alwaysOn = true) => (
  <ReferenceInput
    key="roundId"
    source="roundId"
    reference="rounds"
    alwaysOn={alwaysOn}
    sort={{ field: 'opensOn', order: 'DESC' }}
  >
    <SelectInput optionText="name" />
  </ReferenceInput>
);

export const organizationFilter = (
  filter: Record<string, unknown> = { level: 2 },
  source = 'organizationId',
) => (
  <ReferenceInput key={source} source={source} reference="organizations" filter={filter}>
    <AutocompleteInput />
  </ReferenceInput>
);

export const enumFilter = (source: string, enumName: EnumName, alwaysOn = false) => (
  <SelectInput key={source} source={source} choices={CHOICES[enumName]} alwaysOn={alwaysOn} />
);
