import CheckIcon from '@mui/icons-material/DoneAll';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useListContext, useTranslate } from 'react-admin';
import { ActionDialog, StatusChip, useApiAction } from '../common';
import type { BulkReviewResult } from '../providers/apiTypes';

/** Each row of the answer: approved to which status, or why not (the server decides each on its own). */
const Results = ({ result, onClose }: { result: BulkReviewResult; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.bulk.results_title')}</DialogTitle>
      <DialogContent>
        <Alert severity={result.failed ? 'warning' : 'success'} sx={{ mb: 2 }}>
          {translate('app.bulk.summary', { succeeded: result.succeeded, failed: result.failed })}
        </Alert>
        <Table size="small" aria-label={translate('app.bulk.results_title')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.applications.fields.id')}</TableCell>
              <TableCell>{translate('app.bulk.outcome')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.results.map((r) => (
              <TableRow key={r.id}>
                <TableCell>#{r.id}</TableCell>
                <TableCell>
                  {r.ok ? (
                    <StatusChip
                      record={{ id: r.id, status: r.status }}
                      source="status"
                      enumName="applicationStatus"
                    />
                  ) : (
                    <Typography variant="body2" color="error">
                      {r.message}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};

/** Posters Galore's BulkAcceptButton: 通过 for every selected application waiting at the caller's step. */
export const BulkApproveButton = () => {
  const { selectedIds, onUnselectItems } = useListContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [result, setResult] = useState<BulkReviewResult | null>(null);
  const { mutate, isPending } = useApiAction(
    (dp, ids: typeof selectedIds) => dp.bulkReview({ ids, decision: 'approve', comment }),
    {
      success: (r) => ['app.bulk.summary', { succeeded: r.succeeded, failed: r.failed }],
      onSuccess: (r) => {
        setOpen(false);
        setComment('');
        setResult(r);
        onUnselectItems();
      },
    },
  );
  return (
    <>
      <Button
        size="small"
        color="success"
        startIcon={<CheckIcon />}
        onClick={() => setOpen(true)}
        disabled={isPending}
      >
        {translate('app.bulk.approve')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => mutate(selectedIds)}
        pending={isPending}
        title="app.bulk.approve_title"
        titleArgs={{ smart_count: selectedIds.length }}
        confirmLabel="app.review.approve"
        confirmColor="success"
      >
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          name="comment"
          label={translate('app.review.comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 1000 } }}
        />
      </ActionDialog>
      {result && <Results result={result} onClose={() => setResult(null)} />}
    </>
  );
};
