import { List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  RecordContextProvider,
  ReferenceField,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField, Section, StatusChip } from '../common';
import { useAppDataProvider } from '../providers/useAppDataProvider';

/** R9e: one subsidy per worker and education level, ever — the reviewer sees the worker's others. */
export const OtherApplications = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const dataProvider = useAppDataProvider();
  const { data, isPending } = useQuery({
    queryKey: ['applications', 'others', record?.id],
    queryFn: () => dataProvider.otherApplications(record!.id),
    enabled: !!record,
  });
  return (
    <Section title="app.others.title">
      {isPending ? (
        <Typography variant="body2" color="text.secondary">
          {translate('ra.page.loading')}
        </Typography>
      ) : !data?.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.others.none')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {data.map((a) => (
            <RecordContextProvider key={a.id} value={a}>
              <ListItemButton
                component={Link}
                to={createPath({ resource: 'applications', id: a.id, type: 'show' })}
                sx={{ px: 1 }}
              >
                <ListItemText
                  primary={
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <span>#{a.id}</span>
                      <ReferenceField source="roundId" reference="rounds" link={false} />
                      <EnumField source="educationLevel" enumName="educationLevel" />
                    </Stack>
                  }
                  secondary={<StatusChip source="status" enumName="applicationStatus" />}
                  slotProps={{ secondary: { component: 'div' } }}
                />
              </ListItemButton>
            </RecordContextProvider>
          ))}
        </List>
      )}
    </Section>
  );
};
