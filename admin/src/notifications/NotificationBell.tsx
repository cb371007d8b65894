import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, Button, Divider, IconButton, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { useGetList, useLocaleState, useRedirect, useTranslate } from 'react-admin';
import { useApiAction } from '../common';
import { formatDateTime } from '../common';
import type { NotificationRecord } from './types';

/**
 * The bell in the app bar: the account's unread messages counted, the newest ten listed; opening one
 * reads it and goes to its application. Asked again every minute.
 */
export const NotificationBell = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const redirect = useRedirect();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const {
    data = [],
    total = 0,
    refetch,
  } = useGetList<NotificationRecord>(
    'notifications',
    { filter: { read: false }, pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'DESC' } },
    { refetchInterval: 60_000 },
  );
  const read = useApiAction((dp, id: number) => dp.readNotification(id), { onSuccess: () => void refetch() });
  const readAll = useApiAction((dp) => dp.readAllNotifications(), { onSuccess: () => void refetch() });
  const open = (m: NotificationRecord) => {
    setAnchor(null);
    read.mutate(m.id);
    if (m.applicationId) redirect('show', 'applications', m.applicationId);
  };
  return (
    <>
      <Tooltip title={translate('app.notifications.bell', { n: total })}>
        <IconButton
          color="inherit"
          onClick={(e: MouseEvent<HTMLElement>) => setAnchor(e.currentTarget)}
          aria-label={translate('app.notifications.bell', { n: total })}
          data-testid="notification-bell"
        >
          <Badge badgeContent={total} color="warning" max={99}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { maxWidth: 420 } } }}
      >
        {data.length === 0 && (
          <MenuItem disabled>
            <ListItemText>{translate('app.notifications.none')}</ListItemText>
          </MenuItem>
        )}
        {data.map((m) => (
          <MenuItem key={m.id} onClick={() => open(m)} sx={{ whiteSpace: 'normal' }}>
            <ListItemText
              primary={locale === 'en' ? m.text.en : m.text.zh}
              secondary={formatDateTime(m.createdAt)}
            />
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            redirect('list', 'notifications');
          }}
        >
          {translate('app.notifications.all')}
        </MenuItem>
        {total > 0 && (
          <MenuItem>
            <Button size="small" onClick={() => readAll.mutate(undefined)} disabled={readAll.isPending}>
              {translate('app.notifications.readAll')}
            </Button>
          </MenuItem>
        )}
      </Menu>
    </>
  );
};
