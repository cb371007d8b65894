import MailIcon from '@mui/icons-material/Mail';
import { byId, lazyView, type ResourceConfig } from '../common';

export const notifications: ResourceConfig = {
  list: lazyView(() => import('./NotificationList'), 'NotificationList'),
  icon: MailIcon,
  recordRepresentation: byId,
};
