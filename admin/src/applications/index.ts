import AssignmentIcon from '@mui/icons-material/Assignment';
import { byId, lazyView, type ResourceConfig } from '../common';

export const applications: ResourceConfig = {
  list: lazyView(() => import('./ApplicationList'), 'ApplicationList'),
  show: lazyView(() => import('./ApplicationShow'), 'ApplicationShow'),
  icon: AssignmentIcon,
  recordRepresentation: byId,
};
