import VerifiedIcon from '@mui/icons-material/Verified';
import { Button, MenuItem, TextField } from '@mui/material';
import { useRef, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, newIdempotencyKey, useApiAction } from '../common';

/** R2/R6: the city checks the 学信网 record; only a verified graduation earns the result subsidy. */
export const VerifyGraduationButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [comment, setComment] = useState('');
  const key = useRef('');
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp, body: { decision: 'approve' | 'reject'; comment: string }) =>
      dp.verifyGraduation(record!.id, body, { idempotencyKey: key.current }),
    { success: 'app.verify.done', onSuccess: () => setOpen(false) },
  );
  if (!record) return null;
  return (
    <>
      <Button
        size="small"
        variant="contained"
        startIcon={<VerifiedIcon />}
        onClick={() => {
          key.current = newIdempotencyKey();
          setOpen(true);
        }}
      >
        {translate('app.verify.button')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        pending={isPending}
        disabled={decision === 'reject' && !comment.trim()}
        onConfirm={() => mutate({ decision, comment: comment.trim() })}
        title="app.verify.title"
        titleArgs={{ id: record.id, date: record.graduatedOn }}
        confirmLabel="app.verify.button"
      >
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate('resources.reviews.fields.decision')}
          value={decision}
          onChange={(e) => setDecision(e.target.value as 'approve' | 'reject')}
        >
          <MenuItem value="approve">{translate('app.verify.approve')}</MenuItem>
          <MenuItem value="reject">{translate('app.verify.reject')}</MenuItem>
        </TextField>
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          name="comment"
          label={translate('app.review.comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={!!fieldErrors.comment}
          helperText={fieldErrors.comment}
        />
      </ActionDialog>
    </>
  );
};
