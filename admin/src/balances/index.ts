import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import { byId, lazyView, type ResourceConfig } from '../common';

/** Read-only figures (GET /api/balances), not records: a list and nothing else. */
export const balances: ResourceConfig = {
  list: lazyView(() => import('./BalanceList'), 'BalanceList'),
  icon: AccountBalanceWalletIcon,
  recordRepresentation: byId,
};
