import type { ReactNode } from 'react';
import {
  CreateButton,
  FilterButton,
  List,
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
}

/** Every list of the panel: 25 a page, the export menu (xlsx, CSV with BOM) instead of react-admin's CSV. */
export const AppList = ({ exportSpec, extraActions, ...props }: AppListProps) => (
  <List
    perPage={25}
    exporter={false}
    actions={
      <AppListActions exportSpec={exportSpec} hasFilters={!!props.filters}>
        {extraActions}
      </AppListActions>
    }
    {...props}
  />
);
