import { Box } from '@mui/material';
import { Children, isValidElement, type ReactNode } from 'react';
import { Labeled } from 'react-admin';

/** Show-page fields laid out in columns, each with its translated label. */
export const FieldGrid = ({ children, columns = 3 }: { children: ReactNode; columns?: number }) => (
  <Box
    sx={{
      display: 'grid',
      gap: 2,
      width: '100%',
      gridTemplateColumns: {
        xs: '1fr',
        sm: 'repeat(2, minmax(0, 1fr))',
        md: `repeat(${columns}, minmax(0, 1fr))`,
      },
    }}
  >
    {Children.map(children, (child) => isValidElement(child) && <Labeled>{child}</Labeled>)}
  </Box>
);
