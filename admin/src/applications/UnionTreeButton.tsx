import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Box, Button, Popover } from '@mui/material';
import { useState } from 'react';
import { useListContext, useTranslate } from 'react-admin';
import { OrgTree } from '../organizations/OrgTree';
import { unionFilter } from '../organizations/orgTree';

/**
 * The union filter as a tree within the user's scope: a level-2 union narrows to its subtree, a
 * grassroots union to itself. The pick lands in the ordinary level2Id / organizationId filters.
 */
export const UnionTreeButton = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const selected = (filterValues.organizationId ?? filterValues.level2Id ?? null) as number | null;
  return (
    <>
      <Button size="small" startIcon={<AccountTreeIcon />} onClick={(e) => setAnchor(e.currentTarget)}>
        {translate('app.org_tree.pick')}
      </Button>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ width: 340, p: 1.5 }}>
          <OrgTree
            maxHeight={420}
            selectedId={selected}
            onSelect={(node) => {
              const { level2Id: _l, organizationId: _o, ...rest } = filterValues;
              const picked = unionFilter(node);
              setFilters(
                { ...rest, ...picked },
                {
                  ...displayedFilters,
                  level2Id: 'level2Id' in picked,
                  organizationId: 'organizationId' in picked,
                },
              );
              setAnchor(null);
            }}
          />
        </Box>
      </Popover>
    </>
  );
};
