import DateRangeIcon from '@mui/icons-material/DateRange';
import { lazyView, type ResourceConfig } from '../common';

export const rounds: ResourceConfig = {
  list: lazyView(() => import('./RoundList'), 'RoundList'),
  edit: lazyView(() => import('./RoundEdit'), 'RoundEdit'),
  create: lazyView(() => import('./RoundCreate'), 'RoundCreate'),
  icon: DateRangeIcon,
  recordRepresentation: 'name',
};
