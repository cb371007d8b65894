import { zhCN } from '@mui/material/locale';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

const CJK_FONTS = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(',');

type Components = NonNullable<RaThemeOptions['components']>;

/** react-admin's overrides and MUI's Chinese component texts, merged per component. */
function mergeComponents(a: Components, b: Components): Components {
  const out: Record<string, Record<string, unknown>> = { ...(a as Record<string, Record<string, unknown>>) };
  for (const [name, value] of Object.entries(b as Record<string, Record<string, unknown>>)) {
    const prev = out[name] ?? {};
    out[name] = {
      ...prev,
      ...value,
      defaultProps: { ...(prev.defaultProps as object), ...(value.defaultProps as object) },
    };
  }
  return out as Components;
}

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#b71c1c' },
    secondary: { main: '#37474f' },
  },
  typography: { ...defaultTheme.typography, fontFamily: CJK_FONTS },
  components: mergeComponents(mergeComponents(defaultTheme.components ?? {}, zhCN.components ?? {}), {
    // A wide table scrolls inside its card on a tablet instead of pushing the page (and its
    // filter and export buttons) past the right edge.
    RaLayout: {
      styleOverrides: {
        root: {
          minWidth: 0,
          '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
        },
      },
    },
    RaList: { styleOverrides: { root: { minWidth: 0, '& .RaList-main': { minWidth: 0 } } } },
    // Chinese headers are short; wrapping them a character a line reads badly.
    // and lists of ten columns need to fit a 1366-pixel office screen beside the menu.
    RaDataTable: {
      styleOverrides: {
        root: {
          '& .RaDataTable-headerCell': { whiteSpace: 'nowrap' },
          // Only the table scrolls: the bulk-actions toolbar above it must not be clipped.
          '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
          '& .RaDataTable-headerCell, & .RaDataTable-rowCell': { paddingLeft: 8, paddingRight: 8 },
        },
      },
    },
  } as Components),
};
