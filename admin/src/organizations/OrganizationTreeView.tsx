import { Card, CardContent, Chip, Stack } from '@mui/material';
import { CreateButton, useCreatePath, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { OrgTree } from './OrgTree';

/** The organisation tree as a tree: city → level-2 unions → grassroots unions. */
export const OrganizationTreeView = ({ toggle }: { toggle: React.ReactNode }) => {
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 1 }}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'flex-end', mb: 1, gap: 1 }}>
          <CreateButton resource="organizations" />
          {toggle}
        </Stack>
        <OrgTree
          onSelect={(n) => navigate(createPath({ resource: 'organizations', id: n.id, type: 'show' }))}
          secondary={(n) => (
            <Stack component="span" direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <span>{translate(`enums.orgKind.${n.kind}`)}</span>
              {n.children.length > 0 && (
                <span>· {translate('app.org_tree.children', { smart_count: n.children.length })}</span>
              )}
              {(n as { duesPaid?: boolean }).duesPaid === false && (
                <Chip
                  component="span"
                  size="small"
                  color="error"
                  variant="outlined"
                  label={translate('app.org_tree.dues_unpaid')}
                />
              )}
            </Stack>
          )}
        />
      </CardContent>
    </Card>
  );
};
