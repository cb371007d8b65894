import FactCheckIcon from '@mui/icons-material/FactCheck';
import { byId, lazyView, type ResourceConfig } from '../common';

/** R15 学业检查: the term's check of a funded worker's studies, by the institution or the unit union. */
export const studyChecks: ResourceConfig = {
  list: lazyView(() => import('./StudyCheckList'), 'StudyCheckList'),
  create: lazyView(() => import('./StudyCheckCreate'), 'StudyCheckCreate'),
  icon: FactCheckIcon,
  recordRepresentation: byId,
};
