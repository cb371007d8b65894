import SavingsIcon from '@mui/icons-material/Savings';
import { byId, lazyView, type ResourceConfig } from '../common';

export const matchingPolicies: ResourceConfig = {
  list: lazyView(() => import('./MatchingPolicyList'), 'MatchingPolicyList'),
  icon: SavingsIcon,
  recordRepresentation: byId,
};
