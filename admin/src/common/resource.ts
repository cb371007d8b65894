import type { ResourceProps } from 'react-admin';

/** What each resource folder's index.ts exports and App spreads into <Resource>. */
export type ResourceConfig = Omit<ResourceProps, 'name'>;

/** Secondary records have no natural name: '#12'. */
export const byId = (record: { id?: unknown }) => `#${record.id}`;
