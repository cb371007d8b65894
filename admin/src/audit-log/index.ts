import HistoryIcon from '@mui/icons-material/History';
import { byId, lazyView, type ResourceConfig } from '../common';

export const auditLog: ResourceConfig = {
  list: lazyView(() => import('./AuditLogList'), 'AuditLogList'),
  icon: HistoryIcon,
  recordRepresentation: byId,
};
