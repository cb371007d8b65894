import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState, type FieldProps } from 'react-admin';
import { roundCode } from '../../../server/domain/glossary';

/** An intake or study term code (2026-autumn) as words: 2026 年秋季 / autumn 2026. */
export const TermField = (props: FieldProps) => {
  const value = useFieldValue(props);
  const [locale] = useLocaleState();
  return (
    <Typography component="span" variant="body2">
      {value ? roundCode(locale === 'en' ? 'en' : 'zh-CN', String(value)) : '—'}
    </Typography>
  );
};
