import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import {
  Box,
  CircularProgress,
  Collapse,
  IconButton,
  InputAdornment,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  TextField,
} from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useAppDataProvider } from '../providers/useAppDataProvider';
import { buildOrgTree, matchingIds, type OrgNode, type OrgRecord } from './orgTree';

export const useOrgTree = () => {
  const dataProvider = useAppDataProvider();
  return useQuery({
    queryKey: ['organizations', 'tree'],
    queryFn: async () =>
      buildOrgTree(await dataProvider.fetchAll<OrgRecord & { id: number }>('organizations', {})),
    staleTime: 60_000,
  });
};

interface OrgTreeProps {
  onSelect: (node: OrgNode) => void;
  selectedId?: number | null;
  /** Beside each name: a count, a kind… */
  secondary?: (node: OrgNode) => ReactNode;
  maxHeight?: number | string;
}

/** The tree within the user's scope, searchable, level-2 unions folded until opened. */
export const OrgTree = ({ onSelect, selectedId, secondary, maxHeight }: OrgTreeProps) => {
  const translate = useTranslate();
  const { data: roots, isPending, error } = useOrgTree();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [text, setText] = useState('');
  const matches = useMemo(() => matchingIds(roots ?? [], text), [roots, text]);
  if (isPending)
    return (
      <Box sx={{ p: 2 }}>
        <CircularProgress size={20} />
      </Box>
    );
  if (error) return <Box sx={{ p: 2, color: 'error.main' }}>{(error as Error).message}</Box>;

  const searching = text.trim() !== '';
  const isOpen = (n: OrgNode) => (searching ? matches.has(n.id) : n.level === 1 || open.has(n.id));
  const toggle = (id: number) =>
    setOpen((s) => {
      const t = new Set(s);
      if (t.has(id)) t.delete(id);
      else t.add(id);
      return t;
    });

  const render = (n: OrgNode, depth: number): ReactNode => {
    if (searching && !matches.has(n.id)) return null;
    return (
      <Box key={n.id} component="li" sx={{ listStyle: 'none' }}>
        <ListItem
          disablePadding
          secondaryAction={
            n.children.length > 0 && n.level > 1 ? (
              <IconButton
                size="small"
                edge="end"
                onClick={() => toggle(n.id)}
                aria-label={translate(isOpen(n) ? 'ra.action.close' : 'ra.action.expand')}
              >
                {isOpen(n) ? <ExpandLess /> : <ExpandMore />}
              </IconButton>
            ) : undefined
          }
        >
          <ListItemButton
            dense
            selected={selectedId === n.id}
            onClick={() => onSelect(n)}
            sx={{ pl: 1 + depth * 2.5 }}
          >
            <ListItemText
              primary={n.name}
              secondary={secondary ? secondary(n) : translate(`enums.orgKind.${n.kind}`)}
              slotProps={{
                primary: { variant: 'body2', noWrap: true },
                secondary: { variant: 'caption', noWrap: true },
              }}
            />
          </ListItemButton>
        </ListItem>
        {n.children.length > 0 && (
          <Collapse in={isOpen(n)} unmountOnExit>
            <List disablePadding>{n.children.map((c) => render(c, depth + 1))}</List>
          </Collapse>
        )}
      </Box>
    );
  };

  return (
    <Box>
      <TextField
        size="small"
        fullWidth
        placeholder={translate('app.org_tree.search')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <List dense disablePadding sx={{ mt: 1, maxHeight, overflowY: maxHeight ? 'auto' : undefined }}>
        {(roots ?? []).map((r) => render(r, 0))}
      </List>
    </Box>
  );
};
