import { useState } from 'react';
import { useI18n } from '../i18n';
import { api } from '../lib/api';
import { chinaToday } from '../lib/format';
import type { Application, DocumentRow } from '../lib/types';
import { DocumentSlot } from '../ui/DocumentSlot';
import { ErrorNotice, Field, Notice } from '../ui/kit';

/** R2: after graduating, the 学信网 record and the graduation date; the city union then verifies it. */
export function Graduation({
  app,
  docs,
  deadline,
  reload,
}: {
  app: Application;
  docs: DocumentRow[];
  deadline: string;
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState(app.graduatedOn ?? '');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const records = docs.filter((d) => d.kind === 'graduation_record');

  const report = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/applications/${app.id}/graduate`, {
        date,
        documentId: records[records.length - 1].id,
      });
      await reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {app.status === 'graduated' && (
        <Notice kind="success">{t('grad.reported', { date: app.graduatedOn ?? '' })}</Notice>
      )}
      <DocumentSlot
        applicationId={app.id}
        kind="graduation_record"
        docs={records}
        required
        canDelete={false}
        onChange={reload}
      />
      <Field label={t('grad.date')} hint={t('grad.dateHint', { deadline })} htmlFor="grad-date">
        <input
          id="grad-date"
          type="date"
          max={chinaToday()}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </Field>
      <ErrorNotice error={error} />
      <button
        type="button"
        className="btn btn-primary btn-block"
        disabled={busy || !date || records.length === 0}
        onClick={report}
      >
        {app.status === 'graduated' ? t('grad.again') : t('grad.submit')}
      </button>
    </>
  );
}
