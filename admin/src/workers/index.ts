import EngineeringIcon from '@mui/icons-material/Engineering';
import { lazyView, type ResourceConfig } from '../common';

export const workers: ResourceConfig = {
  list: lazyView(() => import('./WorkerList'), 'WorkerList'),
  show: lazyView(() => import('./WorkerShow'), 'WorkerShow'),
  edit: lazyView(() => import('./WorkerEdit'), 'WorkerEdit'),
  create: lazyView(() => import('./WorkerCreate'), 'WorkerCreate'),
  icon: EngineeringIcon,
  recordRepresentation: 'name',
};
