import InsightsIcon from '@mui/icons-material/Insights';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

/** The home, the performance view (R15) for the roles that see figures, then the resources the role may list. */
export const Menu = () => {
  const stats = useCanAccess({ resource: 'stats', action: 'show' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {stats.canAccess && (
        <RaMenu.Item to="/performance" primaryText="app.performance.menu" leftIcon={<InsightsIcon />} />
      )}
      <RaMenu.ResourceItems />
    </RaMenu>
  );
};
