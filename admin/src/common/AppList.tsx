import { useMediaQuery, type Theme } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import {
  CreateButton,
  Empty,
  FilterButton,
  List,
  useCanAccess,
  useResourceContext,
  TopToolbar,
  useResourceDefinition,
  type ListProps,
} from 'react-admin';
import { ExportMenu, type ExportSpec } from './ExportMenu';

/** Filters, create (when the role may) and the full export: what every list offers. */
export const AppListActions = ({
  children,
  exportSpec,
  hasFilters = true,
}: {
  children?: ReactNode;
  exportSpec?: ExportSpec | false;
  hasFilters?: boolean;
}) => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      {children}
      {hasFilters && <FilterButton />}
      {hasCreate && <CreateButton />}
      {exportSpec !== false && <ExportMenu {...(exportSpec || {})} />}
    </TopToolbar>
  );
};

interface AppListProps extends ListProps {
  exportSpec?: ExportSpec | false;
  extraActions?: ReactNode;
  /** What a phone (under 600 px) shows instead of the table: a `<SimpleList>` of the same records. */
  simple?: ReactElement;
}

/**
 * Every list of the panel: 25 a page, the export menu (xlsx, CSV with BOM) instead of react-admin's
 * CSV, an empty page that offers to create only to who may, and on a phone a simple list instead of
 * a table too wide for it.
 */
export const AppList = ({ exportSpec, extraActions, simple, children, ...props }: AppListProps) => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const resource = useResourceContext(props);
  const { hasCreate } = useResourceDefinition(props);
  // An empty list invites "create one?" only to a role that may create (else the prompt has no button).
  const create = useCanAccess({ resource, action: 'create' });
  return (
    <List
      perPage={25}
      exporter={false}
      empty={<Empty hasCreate={hasCreate && create.canAccess === true} />}
      actions={
        <AppListActions exportSpec={exportSpec} hasFilters={!!props.filters}>
          {extraActions}
        </AppListActions>
      }
      {...props}
    >
      {small && simple ? simple : children}
    </List>
  );
};
