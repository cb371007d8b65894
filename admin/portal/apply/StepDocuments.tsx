import { useI18n } from '../i18n';
import { Link } from '../lib/router';
import { REQUIRED } from '../lib/checks';
import type { Application, DocumentKind, DocumentRow } from '../lib/types';
import { DocumentSlot } from '../ui/DocumentSlot';

const KINDS: DocumentKind[] = [...REQUIRED.filter((k) => k !== 'application_form'), 'enrollment_report'];

/**
 * Step 3 (R12): the scans, each shown as received. The application form comes last: it is printed
 * from here, stamped by the unit union, then photographed.
 */
export function StepDocuments({
  app,
  docs,
  reload,
}: {
  app: Application;
  docs: DocumentRow[];
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const slot = (kind: DocumentKind) => (
    <DocumentSlot
      key={kind}
      applicationId={app.id}
      kind={kind}
      docs={docs.filter((d) => d.kind === kind)}
      required={kind !== 'enrollment_report'}
      canDelete={app.status === 'draft' || app.status === 'returned'}
      onChange={reload}
    />
  );
  return (
    <>
      <p className="hint">{t('apply.docsLead')}</p>
      {KINDS.map(slot)}
      <section className="card card-soft">
        <h3>{t('apply.formTitle')}</h3>
        <ol className="plain-steps">
          <li>{t('apply.form1')}</li>
          <li>{t('apply.form2')}</li>
          <li>{t('apply.form3')}</li>
        </ol>
        <Link
          className="btn btn-secondary btn-block"
          to={`/applications/${app.id}/form`}
          data-testid="print-form"
        >
          {t('apply.printForm')}
        </Link>
      </section>
      {slot('application_form')}
      <p className="hint">{t('apply.docsSaved')}</p>
    </>
  );
}
