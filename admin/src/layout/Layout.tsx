import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { AppUserMenu } from './AppUserMenu';

const AppAppBar = () => (
  <AppBar userMenu={<AppUserMenu />}>
    <TitlePortal />
  </AppBar>
);

/** react-admin's layout; its menu already lists only the resources canAccess lets the role list. */
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppAppBar}>{children}</RaLayout>
);
