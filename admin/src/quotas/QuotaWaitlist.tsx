import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router';
import {
  RecordContextProvider,
  ReferenceField,
  useCreatePath,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../common';

/** R7: who is next, in the order places are given — earliest submission first. */
export const QuotaWaitlist = () => {
  const quota = useRecordContext<{ id: number; roundId: number; organizationId: number }>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, total, isPending } = useGetList(
    'applications',
    {
      filter: { roundId: quota?.roundId, level2Id: quota?.organizationId, status: 'waitlisted' },
      sort: { field: 'submittedAt', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: !!quota },
  );
  if (isPending)
    return (
      <Typography variant="body2" sx={{ p: 1 }}>
        {translate('ra.page.loading')}
      </Typography>
    );
  if (!data?.length)
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
        {translate('app.quotas.no_waitlist')}
      </Typography>
    );
  return (
    <Table size="small" aria-label={translate('app.quotas.waitlist')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.quotas.position')}</TableCell>
          <TableCell>{translate('resources.applications.fields.id')}</TableCell>
          <TableCell>{translate('resources.applications.fields.workerId')}</TableCell>
          <TableCell>{translate('resources.applications.fields.organizationId')}</TableCell>
          <TableCell>{translate('resources.applications.fields.submittedAt')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((a, i) => (
          <RecordContextProvider key={a.id} value={a}>
            <TableRow>
              <TableCell>{i + 1}</TableCell>
              <TableCell>
                <Link to={createPath({ resource: 'applications', id: a.id, type: 'show' })}>#{a.id}</Link>
              </TableCell>
              <TableCell>
                <ReferenceField source="workerId" reference="workers" link={false} />
              </TableCell>
              <TableCell>
                <ReferenceField source="organizationId" reference="organizations" link={false} />
              </TableCell>
              <TableCell>{formatDateTime(a.submittedAt)}</TableCell>
            </TableRow>
          </RecordContextProvider>
        ))}
        {total !== undefined && total > data.length && (
          <TableRow>
            <TableCell colSpan={5}>
              {translate('app.quotas.more', { smart_count: total - data.length })}
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
};
