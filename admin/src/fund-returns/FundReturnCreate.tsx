import { Alert, Card, CardContent, List, ListItem, ListItemText } from '@mui/material';
import { useRef, useState } from 'react';
import {
  AutocompleteArrayInput,
  Form,
  FormDataConsumer,
  minLength,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  Title,
  Toolbar,
  useNotify,
  useRedirect,
  type Identifier,
  type RaRecord,
} from 'react-admin';
import { ActionDialog, CHOICES, MoneyConfirm, newIdempotencyKey, useConfirm } from '../common';
import type { Stage } from '../providers/apiTypes';
import { fieldErrorsOf } from '../providers/http';
import { useAppDataProvider } from '../providers/useAppDataProvider';

interface ReturnForm {
  roundId: Identifier;
  stage: Stage;
  applicationIds: Identifier[];
  report: string;
}

const stageFen = (round: RaRecord | undefined, stage: Stage) =>
  round ? (stage === 'process' ? round.processAmountFen : round.resultAmountFen) : 0;

/**
 * R4 返还: a level-2 union sends back the city's money for covered applications it will not pay
 * (ineligible at payout, dropped out, lapsed), with its report. The amount is each application's
 * allocated share; the dialog shows it before anything is filed.
 */
export const FundReturnCreate = () => {
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const confirm = useConfirm<{ amountFen: number; count: number }>();
  const [pending, setPending] = useState(false);
  const [itemErrors, setItemErrors] = useState<string[]>([]);
  const key = useRef(newIdempotencyKey());

  const submit = async (values: Record<string, unknown>) => {
    const v = values as unknown as ReturnForm;
    const { data: round } = await dataProvider.getOne('rounds', { id: v.roundId });
    if (
      !(await confirm.ask({
        amountFen: stageFen(round, v.stage) * v.applicationIds.length,
        count: v.applicationIds.length,
      }))
    )
      return undefined;
    setPending(true);
    setItemErrors([]);
    try {
      const created = await dataProvider.fileFundReturn(v, { idempotencyKey: key.current });
      notify('app.fund_returns.filed', { type: 'success' });
      redirect('show', 'fund-returns', created.id);
      return undefined;
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      const errors = fieldErrorsOf(e);
      setItemErrors(
        Object.entries(errors)
          .filter(([k]) => k.startsWith('applicationIds.'))
          .map(([, m]) => m),
      );
      key.current = newIdempotencyKey(); // a corrected form is a new request
      return errors;
    } finally {
      setPending(false);
      confirm.close();
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title="app.fund_returns.create_title" />
      <Form onSubmit={submit} defaultValues={{ stage: 'process', applicationIds: [] }}>
        <CardContent>
          <ReferenceInput source="roundId" reference="rounds" sort={{ field: 'opensOn', order: 'DESC' }}>
            <SelectInput
              optionText="name"
              validate={required()}
              label="resources.fund-returns.fields.roundId"
              fullWidth
            />
          </ReferenceInput>
          <SelectInput
            source="stage"
            choices={CHOICES.stage}
            validate={required()}
            label="resources.fund-returns.fields.stage"
            fullWidth
          />
          <FormDataConsumer>
            {({ formData }) => (
              <ReferenceArrayInput
                source="applicationIds"
                reference="applications"
                filter={{
                  roundId: formData.roundId,
                  status: ['approved', 'graduated', 'dropped_out', 'lapsed'],
                }}
              >
                <AutocompleteArrayInput
                  label="resources.fund-returns.fields.items"
                  validate={required()}
                  fullWidth
                  helperText="app.fund_returns.items_hint"
                />
              </ReferenceArrayInput>
            )}
          </FormDataConsumer>
          <TextInput
            source="report"
            multiline
            minRows={5}
            fullWidth
            label="resources.fund-returns.fields.report"
            validate={[required(), minLength(10)]}
            helperText="app.fund_returns.report_hint"
          />
          {itemErrors.length > 0 && (
            <Alert severity="error">
              <List dense disablePadding>
                {itemErrors.map((m) => (
                  <ListItem key={m} disableGutters>
                    <ListItemText primary={m} />
                  </ListItem>
                ))}
              </List>
            </Alert>
          )}
        </CardContent>
        <Toolbar>
          <SaveButton label="app.fund_returns.file" alwaysEnable={!pending} />
        </Toolbar>
      </Form>
      <ActionDialog
        open={confirm.open}
        onClose={() => confirm.answer(false)}
        onConfirm={() => confirm.answer(true)}
        pending={pending}
        title="app.fund_returns.create_title"
        confirmLabel="app.fund_returns.file"
      >
        {confirm.payload && (
          <MoneyConfirm
            message="app.fund_returns.file_confirm"
            amountFen={confirm.payload.amountFen}
            count={confirm.payload.count}
          />
        )}
      </ActionDialog>
    </Card>
  );
};
