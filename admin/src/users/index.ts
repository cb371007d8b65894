import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { lazyView, type ResourceConfig } from '../common';

export const users: ResourceConfig = {
  list: lazyView(() => import('./UserList'), 'UserList'),
  edit: lazyView(() => import('./UserEdit'), 'UserEdit'),
  create: lazyView(() => import('./UserCreate'), 'UserCreate'),
  icon: ManageAccountsIcon,
  recordRepresentation: (record) => `${record.displayName}（${record.username}）`,
};
