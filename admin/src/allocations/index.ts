import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { byId, lazyView, type ResourceConfig } from '../common';

export const allocations: ResourceConfig = {
  list: lazyView(() => import('./AllocationList'), 'AllocationList'),
  icon: AccountBalanceIcon,
  recordRepresentation: byId,
};
