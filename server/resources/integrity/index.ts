import { Hono } from 'hono';
import type { AppEnv } from '../../lib/context';
import { requireAccess } from '../../lib/resource';
import { checkIntegrity } from './service';

export const integrityRoutes = () => new Hono<AppEnv>()
  .get('/integrity', (c) => {
    requireAccess(c.get('user')!, 'integrity', 'show');
    return c.json(checkIntegrity(c.get('deps').db));
  });
