import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { ActionDialog, useApiAction } from '../common';
import type { Decision } from '../providers/apiTypes';
import { commentRequired } from './reviewRules';

const LOOK = {
  approve: { icon: <CheckIcon />, color: 'success', variant: 'contained' },
  return: { icon: <UndoIcon />, color: 'warning', variant: 'outlined' },
  reject: { icon: <CloseIcon />, color: 'error', variant: 'outlined' },
} as const;

/**
 * 通过 / 退回 / 不通过 for the application on screen (Posters Galore's AcceptButton, one per
 * decision): a dialog for the comment, then one pessimistic call; disabled while it runs.
 */
export const ReviewButton = ({ decision }: { decision: Decision }) => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp, args: { comment: string }) => dp.review(record!.id, { decision, comment: args.comment }),
    {
      success: (r) => [
        'app.review.done',
        { status: translate(`enums.applicationStatus.${String(r.status)}`) },
      ],
      onSuccess: () => {
        setOpen(false);
        setComment('');
      },
    },
  );
  if (!record) return null;
  const look = LOOK[decision];
  const missing = commentRequired(decision) && !comment.trim();
  return (
    <>
      <Button
        size="small"
        variant={look.variant}
        color={look.color}
        startIcon={look.icon}
        onClick={() => setOpen(true)}
        disabled={isPending}
      >
        {translate(`app.review.${decision}`)}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => mutate({ comment })}
        pending={isPending}
        disabled={missing}
        title={`app.review.${decision}_title`}
        titleArgs={{ id: record.id }}
        confirmLabel={`app.review.${decision}`}
        confirmColor={look.color}
      >
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={3}
          margin="dense"
          name="comment"
          label={translate(commentRequired(decision) ? 'app.review.comment_required' : 'app.review.comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 1000 } }}
          error={!!fieldErrors.comment}
          helperText={fieldErrors.comment ?? ' '}
        />
      </ActionDialog>
    </>
  );
};
