import { InputAdornment } from '@mui/material';
import { NumberInput, useTranslate, type NumberInputProps, type Validator } from 'react-admin';
import { fenToYuan, yuanToFen } from './money';

const format = (fen: number | null | undefined) => fenToYuan(fen);
const parse = (yuan: string | number) => yuanToFen(yuan);

/** Rejects what yuanToFen could not read (more than two decimals, stray characters). */
export const validFen: Validator = (value) =>
  typeof value === 'number' && Number.isNaN(value) ? 'ra.validation.number' : undefined;

/** Typed in yuan, stored in fen (integer) in the form and sent to the API as such. */
export const MoneyInput = ({ validate, ...props }: NumberInputProps) => {
  const translate = useTranslate();
  const rules = [validFen, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  return (
    <NumberInput
      format={format}
      parse={parse}
      validate={rules}
      step={0.01}
      slotProps={{
        input: {
          endAdornment: <InputAdornment position="end">{translate('app.money.yuan')}</InputAdornment>,
        },
      }}
      {...props}
    />
  );
};
