/** The organisation tree (city → level-2 unions → grassroots unions) built from flat records. */
export interface OrgRecord {
  id: number;
  name: string;
  kind: string;
  level: number;
  parentId: number | null;
}
export interface OrgNode extends OrgRecord {
  children: OrgNode[];
}

/**
 * Roots are the records whose parent is not in the set: the city for the city's staff, the own
 * union for a level-2 or grassroots clerk (scope cuts the tree above them). Children keep id order.
 */
export function buildOrgTree(records: OrgRecord[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>(records.map((r) => [r.id, { ...r, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of [...nodes.values()].sort((a, b) => a.id - b.id)) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The nodes whose name matches, with their ancestors (to show the path), as a set of ids. */
export function matchingIds(roots: OrgNode[], text: string): Set<number> {
  const needle = text.trim().toLowerCase();
  const keep = new Set<number>();
  const walk = (n: OrgNode, path: number[]): boolean => {
    const self = n.name.toLowerCase().includes(needle);
    let below = false;
    for (const c of n.children) below = walk(c, [...path, n.id]) || below;
    if (self || below) {
      keep.add(n.id);
      return true;
    }
    return false;
  };
  if (needle) for (const r of roots) walk(r, []);
  return keep;
}

/** The list filter a picked union sets: a level-2 union its subtree, a grassroots union itself. */
export function unionFilter(node: Pick<OrgRecord, 'id' | 'level'>): {
  level2Id?: number;
  organizationId?: number;
} {
  if (node.level === 1) return {};
  return node.level === 2 ? { level2Id: node.id } : { organizationId: node.id };
}
