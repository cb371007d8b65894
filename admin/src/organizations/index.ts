import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyView, type ResourceConfig } from '../common';

export const organizations: ResourceConfig = {
  list: lazyView(() => import('./OrganizationList'), 'OrganizationList'),
  show: lazyView(() => import('./OrganizationShow'), 'OrganizationShow'),
  edit: lazyView(() => import('./OrganizationEdit'), 'OrganizationEdit'),
  create: lazyView(() => import('./OrganizationCreate'), 'OrganizationCreate'),
  icon: AccountTreeIcon,
  recordRepresentation: 'name',
};
