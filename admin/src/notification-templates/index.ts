import TextSnippetIcon from '@mui/icons-material/TextSnippet';
import { lazyView, type ResourceConfig } from '../common';

export const notificationTemplates: ResourceConfig = {
  list: lazyView(() => import('./TemplateList'), 'TemplateList'),
  edit: lazyView(() => import('./TemplateEdit'), 'TemplateEdit'),
  icon: TextSnippetIcon,
  recordRepresentation: (r: { id?: unknown }) => String(r.id),
};
