import { useI18n } from '../i18n';
import { Page } from '../ui/kit';

/** The program's contacts, as the city union's notice gives them. */
export const CONTACTS = {
  hotline: '95723',
  tech: { name: '杨鹏', phone: '13708806170' },
  cityDept: '0871-63162699',
} as const;

/** Where a worker turns for help: the hotline, the technical contact, the city union's department, the unit union. */
export function HelpPage() {
  const { t } = useI18n();
  return (
    <Page title={t('help.title')} back="/">
      <section className="card" data-testid="help">
        <p>{t('help.lead')}</p>
        <ul className="list compact">
          <li>
            <strong>{t('help.hotline')}</strong>{' '}
            <a href={`tel:${CONTACTS.hotline}`} data-testid="hotline">
              {CONTACTS.hotline}
            </a>
          </li>
          <li>
            <strong>{t('help.tech')}</strong> {t('help.techName', { name: CONTACTS.tech.name })}{' '}
            <a href={`tel:${CONTACTS.tech.phone}`}>{CONTACTS.tech.phone}</a>
          </li>
          <li>
            <strong>{t('help.cityDept')}</strong>{' '}
            <a href={`tel:${CONTACTS.cityDept.replace('-', '')}`}>{CONTACTS.cityDept}</a>
          </li>
        </ul>
        <p className="hint">{t('help.unit')}</p>
      </section>
    </Page>
  );
}
