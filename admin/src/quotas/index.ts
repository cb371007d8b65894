import EventSeatIcon from '@mui/icons-material/EventSeat';
import { byId, lazyView, type ResourceConfig } from '../common';

export const quotas: ResourceConfig = {
  list: lazyView(() => import('./QuotaList'), 'QuotaList'),
  create: lazyView(() => import('./QuotaCreate'), 'QuotaCreate'),
  icon: EventSeatIcon,
  recordRepresentation: byId,
};
