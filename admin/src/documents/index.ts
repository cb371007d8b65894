import DescriptionIcon from '@mui/icons-material/Description';
import { lazyView, type ResourceConfig } from '../common';

export const documents: ResourceConfig = {
  list: lazyView(() => import('./DocumentList'), 'DocumentList'),
  icon: DescriptionIcon,
  recordRepresentation: 'fileName',
};
