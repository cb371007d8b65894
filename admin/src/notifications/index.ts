import MailIcon from '@mui/icons-material/Mail';
import OutboxIcon from '@mui/icons-material/Outbox';
import TextSnippetIcon from '@mui/icons-material/TextSnippet';
import { byId, lazyView, type ResourceConfig } from '../common';

export const notifications: ResourceConfig = {
  list: lazyView(() => import('./NotificationList'), 'NotificationList'),
  icon: MailIcon,
  recordRepresentation: byId,
};

export const notificationTemplates: ResourceConfig = {
  list: lazyView(() => import('./TemplateList'), 'TemplateList'),
  edit: lazyView(() => import('./TemplateEdit'), 'TemplateEdit'),
  icon: TextSnippetIcon,
  recordRepresentation: (r: { id?: unknown }) => String(r.id),
};

export const notificationOutbox: ResourceConfig = {
  list: lazyView(() => import('./OutboxList'), 'OutboxList'),
  icon: OutboxIcon,
  recordRepresentation: byId,
};
