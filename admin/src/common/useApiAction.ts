import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { fieldErrorsOf } from '../providers/http';
import type { AppDataProvider } from '../providers/dataProvider';
import { useAppDataProvider } from '../providers/useAppDataProvider';

interface Options<R> {
  /** i18n key of the success notice, or a function of the answer giving [key, options]. */
  success?: string | ((result: R) => [string, Record<string, unknown>?]);
  onSuccess?: (result: R) => void;
}

/**
 * One call of a named dataProvider method, pessimistic: nothing changes on screen until the server
 * answers; then the success notice and a refresh, or the server's message (and its field errors,
 * for the dialog to show under the inputs).
 */
export function useApiAction<A, R>(
  call: (dp: AppDataProvider, args: A) => Promise<R>,
  options: Options<R> = {},
) {
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (args: A) => call(dataProvider, args),
    onMutate: () => setFieldErrors({}),
    onSuccess: (result) => {
      const [key, args] =
        typeof options.success === 'function'
          ? options.success(result)
          : [options.success ?? 'app.action.done'];
      notify(key, { type: 'success', messageArgs: args });
      refresh();
      options.onSuccess?.(result);
    },
    onError: (error: Error) => {
      setFieldErrors(fieldErrorsOf(error));
      notify(error.message || 'ra.notification.http_error', { type: 'error' });
    },
  });
  return { ...mutation, fieldErrors };
}
