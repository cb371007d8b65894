import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { byId, lazyView, type ResourceConfig } from '../common';

export const allocations: ResourceConfig = {
  list: lazyView(() => import('./AllocationList'), 'AllocationList'),
  create: lazyView(() => import('./AllocationCreate'), 'AllocationCreate'),
  show: lazyView(() => import('./AllocationShow'), 'AllocationShow'),
  icon: AccountBalanceIcon,
  recordRepresentation: byId,
};
