import { useState, type ChangeEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { api, upload } from '../lib/api';
import { dateTime, fileSize } from '../lib/format';
import { ACCEPTED, MAX_BYTES, shrinkPhoto } from '../lib/shrink';
import type { DocumentKind, DocumentRow } from '../lib/types';
import { errorText } from './kit';

/**
 * One kind of document (R12): what to bring, what was received (name, size, time), and two big
 * buttons: the phone's camera, or a file (PDF, JPEG, PNG; up to 10 MB).
 */
export function DocumentSlot({
  applicationId,
  kind,
  docs,
  required,
  canDelete,
  onChange,
}: {
  applicationId: number;
  kind: DocumentKind;
  docs: DocumentRow[];
  required: boolean;
  canDelete: boolean;
  onChange: () => void | Promise<void>;
}) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const received = docs.length > 0;

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0];
    e.target.value = ''; // the same file may be picked again after an error
    if (!picked) return;
    setError(undefined);
    if (!ACCEPTED.test(picked.name) && !/^(application\/pdf|image\/(jpeg|png))$/.test(picked.type)) {
      setError(t('doc.badType'));
      return;
    }
    setProgress(0);
    try {
      const file = await shrinkPhoto(picked);
      if (file.size > MAX_BYTES) {
        setError(t('doc.tooBig'));
        return;
      }
      await upload({ applicationId: String(applicationId), kind }, file, setProgress);
      await onChange();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setProgress(null);
    }
  };

  const remove = async (d: DocumentRow) => {
    if (!window.confirm(t('doc.confirmDelete', { name: d.fileName }))) return;
    try {
      await api.del(`/documents/${d.id}`);
      await onChange();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  const busy = progress !== null;
  return (
    <div
      className={`doc-slot ${received ? 'is-received' : 'is-missing'}`}
      data-testid={`doc-${kind}`}
      data-state={received ? 'received' : 'missing'}
    >
      <div className="doc-head">
        <span className="doc-mark" aria-hidden="true">
          {received ? '✓' : required ? '!' : '○'}
        </span>
        <strong>{t(`doc.${kind}` as MessageKey)}</strong>
        <span className={`tag ${required ? 'tag-required' : ''}`}>
          {required ? t('doc.required') : t('doc.later')}
        </span>
      </div>
      <p className="hint">{t(`doc.${kind}.hint` as MessageKey)}</p>
      {docs.map((d) => (
        <div className="doc-file" key={d.id}>
          <div className="doc-file-main">
            <span className="doc-received">{t('doc.received')}</span>
            <a href={`/api/documents/${d.id}/file`} target="_blank" rel="noopener">
              {d.fileName}
            </a>
            <div className="muted">
              {fileSize(d.size)} · {dateTime(d.createdAt)}
            </div>
          </div>
          {canDelete && (
            <button type="button" className="btn-link danger" onClick={() => remove(d)}>
              {t('doc.delete')}
            </button>
          )}
        </div>
      ))}
      {busy && (
        <div
          className="progress"
          role="progressbar"
          aria-valuenow={Math.round((progress ?? 0) * 100)}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <span style={{ width: `${Math.round((progress ?? 0) * 100)}%` }} />
          <em>{t('doc.uploading', { pct: Math.round((progress ?? 0) * 100) })}</em>
        </div>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="doc-actions">
        <label className={`btn btn-secondary${busy ? ' is-disabled' : ''}`}>
          {received ? t('doc.retake') : t('doc.camera')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            onChange={pick}
            disabled={busy}
            className="visually-hidden"
            data-testid={`camera-${kind}`}
          />
        </label>
        <label className={`btn btn-secondary${busy ? ' is-disabled' : ''}`}>
          {t('doc.file')}
          <input
            type="file"
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            onChange={pick}
            disabled={busy}
            className="visually-hidden"
            data-testid={`file-${kind}`}
          />
        </label>
      </div>
    </div>
  );
}
