import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from './dataProvider';

/** The dataProvider with its named action methods typed. */
export const useAppDataProvider = () => useDataProvider<AppDataProvider>();
