import OutboxIcon from '@mui/icons-material/Outbox';
import { byId, lazyView, type ResourceConfig } from '../common';

export const notificationOutbox: ResourceConfig = {
  list: lazyView(() => import('./OutboxList'), 'OutboxList'),
  icon: OutboxIcon,
  recordRepresentation: byId,
};
