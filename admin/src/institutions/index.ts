import SchoolIcon from '@mui/icons-material/School';
import { lazyView, type ResourceConfig } from '../common';

export const institutions: ResourceConfig = {
  list: lazyView(() => import('./InstitutionList'), 'InstitutionList'),
  edit: lazyView(() => import('./InstitutionEdit'), 'InstitutionEdit'),
  create: lazyView(() => import('./InstitutionCreate'), 'InstitutionCreate'),
  icon: SchoolIcon,
  recordRepresentation: 'name',
};
