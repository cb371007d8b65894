import SavingsIcon from '@mui/icons-material/Savings';
import { byId, lazyView, type ResourceConfig } from '../common';

export const matchingPolicies: ResourceConfig = {
  list: lazyView(() => import('./MatchingPolicyList'), 'MatchingPolicyList'),
  create: lazyView(() => import('./MatchingPolicyCreate'), 'MatchingPolicyCreate'),
  edit: lazyView(() => import('./MatchingPolicyEdit'), 'MatchingPolicyEdit'),
  icon: SavingsIcon,
  recordRepresentation: byId,
};
