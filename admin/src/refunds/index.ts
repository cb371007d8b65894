import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import { byId, lazyView, type ResourceConfig } from '../common';

export const refunds: ResourceConfig = {
  list: lazyView(() => import('./RefundList'), 'RefundList'),
  icon: CurrencyExchangeIcon,
  recordRepresentation: byId,
};
