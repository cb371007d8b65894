/** The server's own role × resource × action table: menu and buttons follow the same rules. */
export { canAccess, PERMISSIONS, RESOURCES } from '../../../server/domain/permissions';
export type { Action, Role } from '../../../server/domain/permissions';
