import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link } from 'react-router';
import { useCreatePath, useTranslate } from 'react-admin';
import { formatFen } from '../common';

export interface CoveredApplication {
  applicationId: number;
  workerName: string;
  organizationName: string;
  amountFen?: number;
}

/** R3: the applications an allocation covers (or would cover), by worker and grassroots union. */
export const CoveredApplications = ({
  rows,
  maxHeight = 320,
}: {
  rows: CoveredApplication[];
  maxHeight?: number | 'none';
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Box sx={{ maxHeight, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" stickyHeader aria-label={translate('app.allocations.covered')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.payments.fields.applicationId')}</TableCell>
            <TableCell>{translate('resources.payments.fields.workerName')}</TableCell>
            <TableCell>{translate('app.allocations.unit')}</TableCell>
            {rows.some((r) => r.amountFen !== undefined) && (
              <TableCell align="right">{translate('resources.allocations.fields.amountFen')}</TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.applicationId}>
              <TableCell>
                <Link to={createPath({ resource: 'applications', id: r.applicationId, type: 'show' })}>
                  #{r.applicationId}
                </Link>
              </TableCell>
              <TableCell>{r.workerName}</TableCell>
              <TableCell>{r.organizationName}</TableCell>
              {r.amountFen !== undefined && <TableCell align="right">{formatFen(r.amountFen)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
