import FactCheckIcon from '@mui/icons-material/FactCheck';
import { byId, lazyView, type ResourceConfig } from '../common';

export const reviews: ResourceConfig = {
  list: lazyView(() => import('./ReviewList'), 'ReviewList'),
  icon: FactCheckIcon,
  recordRepresentation: byId,
};
