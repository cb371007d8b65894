import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useListContext, useNotify, useTranslate, type RaRecord, type TranslateFunction } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { useAppDataProvider } from '../providers/useAppDataProvider';
import { today } from './dates';
import { columnsOf } from './csv';
import { writeExport, type ExportColumn, type ExportFormat } from './exportTable';

export interface ExportSpec<T extends RaRecord = RaRecord> {
  /** The columns, in order; by default every field of the records with its translated label. */
  columns?: (translate: TranslateFunction) => ExportColumn<T>[];
  /** Adds what the columns need (names of referenced records…), once for all rows. */
  prepare?: (rows: T[], dataProvider: AppDataProvider) => Promise<T[]>;
}

/**
 * Export of the whole filtered list, not just the page on screen: the rows are fetched page by page
 * (the server gives at most 500 at a time), then written as .xlsx or as CSV with a BOM.
 */
export function ExportMenu<T extends RaRecord = RaRecord>({ columns, prepare }: ExportSpec<T>) {
  const { resource, filterValues, sort, total } = useListContext();
  const dataProvider = useAppDataProvider();
  const translate = useTranslate();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (format: ExportFormat) => {
    setAnchor(null);
    setBusy(true);
    try {
      let rows = await dataProvider.fetchAll<T>(resource, { filter: filterValues, sort });
      if (prepare) rows = await prepare(rows, dataProvider);
      const cols =
        columns?.(translate) ??
        columnsOf(rows).map((key) => ({
          key,
          label: translate(`resources.${resource}.fields.${key}`, { _: key }),
        }));
      const name = translate(`resources.${resource}.name`, { smart_count: 2, _: resource });
      await writeExport(format, rows, cols, name, today());
      notify('app.export.done', { type: 'info', messageArgs: { smart_count: rows.length } });
    } catch (e) {
      notify((e as Error).message || 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        onClick={(e) => setAnchor(e.currentTarget)}
        disabled={busy || !total}
        startIcon={busy ? <CircularProgress size={14} /> : <DownloadIcon />}
        aria-haspopup="menu"
      >
        {translate('ra.action.export')}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => run('xlsx')}>
          <ListItemText>{translate('app.export.xlsx')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={() => run('csv')}>
          <ListItemText>{translate('app.export.csv')}</ListItemText>
        </MenuItem>
      </Menu>
    </>
  );
}
