import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import { byId, lazyView, type ResourceConfig } from '../common';

export const fundReturns: ResourceConfig = {
  list: lazyView(() => import('./FundReturnList'), 'FundReturnList'),
  show: lazyView(() => import('./FundReturnShow'), 'FundReturnShow'),
  create: lazyView(() => import('./FundReturnCreate'), 'FundReturnCreate'),
  icon: AssignmentReturnIcon,
  recordRepresentation: byId,
};
