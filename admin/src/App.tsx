import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import { ChangePasswordPage } from './account/ChangePasswordPage';
import { lazyView } from './common';
import { Dashboard } from './dashboard/Dashboard';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { RESOURCE_CONFIGS } from './resources';

// The performance view brings recharts: loaded on first visit only.
const PerformancePage = lazyView(() => import('./performance/PerformancePage'), 'PerformancePage');
const QuotaPlanPage = lazyView(() => import('./quotas/QuotaPlanPage'), 'QuotaPlanPage');
const RosterImportPage = lazyView(() => import('./workers/RosterImportPage'), 'RosterImportPage');

/** The admin panel of union staff, institutions and the workers' school. */
export const App = () => (
  <Admin
    title="app.title"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    dashboard={Dashboard}
    layout={Layout}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    {RESOURCE_CONFIGS.map(([name, config]) => (
      <Resource key={name} name={name} {...config} />
    ))}
    <CustomRoutes>
      <Route path="/change-password" element={<ChangePasswordPage />} />
      <Route path="/performance" element={<PerformancePage />} />
      <Route path="/roster-import" element={<RosterImportPage />} />
      <Route path="/quota-plan" element={<QuotaPlanPage />} />
    </CustomRoutes>
  </Admin>
);
