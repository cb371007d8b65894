import { fileSize } from '../../../server/domain/glossary';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Button } from '@mui/material';
import { useState } from 'react';
import { DataTable, ReferenceManyField, useCanAccess, useTranslate, type RaRecord } from 'react-admin';
import { DateTimeField, EnumField, Section } from '../common';
import { DocumentPreview, type PreviewDoc } from './DocumentPreview';
import { UploadDocumentButton } from './UploadDocumentButton';

/** R12: the scans of the application, each previewed on demand (a PDF can be megabytes). */
export const ApplicationDocuments = () => {
  const translate = useTranslate();
  const [preview, setPreview] = useState<PreviewDoc | null>(null);
  const upload = useCanAccess({ resource: 'documents', action: 'create' });
  return (
    <Section
      title="resources.applications.fields.documents"
      actions={upload.canAccess ? <UploadDocumentButton /> : undefined}
    >
      <ReferenceManyField
        reference="documents"
        target="applicationId"
        sort={{ field: 'id', order: 'ASC' }}
        perPage={100}
      >
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyDocuments />}>
          <DataTable.Col source="kind">
            <EnumField source="kind" enumName="documentKind" />
          </DataTable.Col>
          <DataTable.Col source="fileName" />
          <DataTable.Col source="size" align="right" render={(r: RaRecord) => fileSize(r.size)} />
          <DataTable.Col source="createdAt" field={DateTimeField} />
          <DataTable.Col
            label="app.documents.preview"
            align="right"
            render={(r: RaRecord) => (
              <Button
                size="small"
                startIcon={<VisibilityIcon />}
                onClick={() => setPreview(r as PreviewDoc)}
                aria-label={`${translate('app.documents.preview')} ${r.fileName}`}
              >
                {translate('app.documents.preview')}
              </Button>
            )}
          />
        </DataTable>
      </ReferenceManyField>
      {preview && <DocumentPreview doc={preview} onClose={() => setPreview(null)} />}
    </Section>
  );
};

const EmptyDocuments = () => {
  const translate = useTranslate();
  return <span>{translate('app.documents.none')}</span>;
};
