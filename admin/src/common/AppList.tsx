import { List, type ListProps } from 'react-admin';
import { useCsvExporter } from './useCsvExporter';

/** Every list of the panel: 25 a page and the Excel-safe exporter. */
export const AppList = (props: ListProps) => {
  const exporter = useCsvExporter();
  return <List perPage={25} exporter={exporter} {...props} />;
};
