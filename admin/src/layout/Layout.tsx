import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';
import { AppUserMenu } from './AppUserMenu';
import { Menu } from './Menu';

const AppAppBar = () => (
  <AppBar userMenu={<AppUserMenu />}>
    <TitlePortal />
    <NotificationBell />
  </AppBar>
);

/** react-admin's layout; the menu lists only what canAccess lets the role see. */
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppAppBar} menu={Menu}>
    {children}
  </RaLayout>
);
