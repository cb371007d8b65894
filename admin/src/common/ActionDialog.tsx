import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  type ButtonProps,
} from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface ActionDialogProps {
  open: boolean;
  title: string;
  titleArgs?: Record<string, unknown>;
  onClose: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  confirmColor?: ButtonProps['color'];
  pending: boolean;
  disabled?: boolean;
  children?: ReactNode;
}

/**
 * The dialog of every workflow action: the form or the amount to confirm, then one button that
 * stays disabled while the call runs (a second click cannot send a second request).
 */
export const ActionDialog = ({
  open,
  title,
  titleArgs,
  onClose,
  onConfirm,
  confirmLabel,
  confirmColor = 'primary',
  pending,
  disabled,
  children,
}: ActionDialogProps) => {
  const translate = useTranslate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pending && !disabled) onConfirm();
  };
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      fullWidth
      maxWidth="sm"
      slotProps={{ paper: { component: 'form', onSubmit: submit } as object }}
    >
      <DialogTitle>{translate(title, titleArgs)}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          type="submit"
          variant="contained"
          color={confirmColor}
          disabled={pending || disabled}
          startIcon={pending ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {translate(confirmLabel)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
