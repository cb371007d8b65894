import FeedbackIcon from '@mui/icons-material/Feedback';
import { byId, lazyView, type ResourceConfig } from '../common';

export const appeals: ResourceConfig = {
  list: lazyView(() => import('./AppealList'), 'AppealList'),
  show: lazyView(() => import('./AppealShow'), 'AppealShow'),
  icon: FeedbackIcon,
  recordRepresentation: byId,
};
