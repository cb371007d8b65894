import PaymentsIcon from '@mui/icons-material/Payments';
import { byId, lazyView, type ResourceConfig } from '../common';

export const payments: ResourceConfig = {
  list: lazyView(() => import('./PaymentList'), 'PaymentList'),
  icon: PaymentsIcon,
  recordRepresentation: byId,
};
