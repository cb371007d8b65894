import { downloadCSV, useTranslate, type Exporter } from 'react-admin';
import { columnsOf, toCsv } from './csv';

/** react-admin's exporter, but readable in Excel: BOM, Chinese headers, yuan amounts. */
export function useCsvExporter(): Exporter {
  const translate = useTranslate();
  return (records, _fetchRelated, _dataProvider, resource) => {
    const columns = columnsOf(records).map((key) => ({
      key,
      label: translate(`resources.${resource}.fields.${key}`, { _: key }),
    }));
    const name = translate(`resources.${resource}.name`, { smart_count: 2, _: resource ?? 'export' });
    downloadCSV(toCsv(records, columns), name);
  };
}
