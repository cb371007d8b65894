import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Button, Checkbox, FormControlLabel, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetOne, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
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
  // R9a/b: the unit's recommendation (step 1) carries its attestation of membership and post.
  const attesting = decision === 'approve' && record?.currentStep === 1;
  const { data: worker } = useGetOne(
    'workers',
    { id: record?.workerId },
    { enabled: attesting && open && record?.workerId != null },
  );
  const [member, setMember] = useState(false);
  const [frontline, setFrontline] = useState(false);
  const [attestComment, setAttestComment] = useState('');
  useEffect(() => {
    if (!worker) return;
    setMember(!!worker.attestedAt && !!worker.isUnionMember);
    setFrontline(!!worker.attestedAt && !!worker.isFrontline);
    setAttestComment(worker.attestationComment ?? '');
  }, [worker]);
  const senior = attesting && worker?.seniorTitle === true;
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp, args: { comment: string }) =>
      dp.review(record!.id, {
        decision,
        comment: args.comment,
        ...(attesting ? { attest: { member, frontline, comment: attestComment.trim() || undefined } } : {}),
      }),
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
  const unattested = attesting && (!member || !frontline || (senior && !attestComment.trim()));
  const missing = (commentRequired(decision) && !comment.trim()) || unattested;
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
        {attesting && (
          <Box sx={{ mb: 1 }}>
            <Typography variant="subtitle2">{translate('app.review.attest_title')}</Typography>
            {worker?.attestedAt && (
              <Typography variant="caption" color="text.secondary">
                {translate('app.review.attested_before', { date: String(worker.attestedAt).slice(0, 10) })}
              </Typography>
            )}
            <FormControlLabel
              sx={{ display: 'flex' }}
              control={
                <Checkbox
                  name="attest.member"
                  checked={member}
                  onChange={(e) => setMember(e.target.checked)}
                />
              }
              label={translate('app.review.attest_member')}
            />
            <FormControlLabel
              sx={{ display: 'flex' }}
              control={
                <Checkbox
                  name="attest.frontline"
                  checked={frontline}
                  onChange={(e) => setFrontline(e.target.checked)}
                />
              }
              label={translate('app.review.attest_frontline')}
            />
            {senior && (
              <>
                <Alert severity="warning" sx={{ my: 1 }}>
                  {translate('app.review.attest_senior', { title: worker?.jobTitle ?? '' })}
                </Alert>
                <TextField
                  fullWidth
                  margin="dense"
                  name="attest.comment"
                  label={translate('app.review.attest_comment')}
                  value={attestComment}
                  onChange={(e) => setAttestComment(e.target.value)}
                  slotProps={{ htmlInput: { maxLength: 500 } }}
                  error={!!fieldErrors['attest.comment']}
                  helperText={fieldErrors['attest.comment'] ?? ' '}
                />
              </>
            )}
            {(!member || !frontline) && (
              <Alert severity="info" sx={{ mt: 1 }}>
                {translate('app.review.attest_missing')}
              </Alert>
            )}
          </Box>
        )}
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
