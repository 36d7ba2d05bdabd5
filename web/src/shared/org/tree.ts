// The org tree from the server's flat list, and the rules the tree's actions follow.
import { CHILD_TYPES, type NodeType, type OrgNode } from '../api/org'

export interface TreeNode extends OrgNode {
  children: TreeNode[]
  /** People in this node's whole subtree. */
  total: number
}

/**
 * Nests the flat list. Roots are the nodes whose parent is not in the list (the top of the caller's scope).
 * Siblings keep the server's order (sort_order, then id) whatever order the list came in.
 */
export function buildTree(items: readonly OrgNode[]): TreeNode[] {
  const byId = new Map<number, TreeNode>()
  for (const item of items) byId.set(item.id, { ...item, children: [], total: 0 })
  const roots: TreeNode[] = []
  for (const node of byId.values()) {
    const parent = node.parent_id == null ? undefined : byId.get(node.parent_id)
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  const bySortOrder = (a: TreeNode, b: TreeNode) => a.sort_order - b.sort_order || a.id - b.id
  const finish = (node: TreeNode, seen: Set<number>): number => {
    seen.add(node.id)
    node.children.sort(bySortOrder)
    node.total = node.people
    for (const child of node.children) if (!seen.has(child.id)) node.total += finish(child, seen)
    return node.total
  }
  const seen = new Set<number>()
  roots.sort(bySortOrder)
  for (const root of roots) finish(root, seen)
  return roots
}

/** Every node of the trees, parents before children. */
export function flatten(roots: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = []
  const walk = (nodes: readonly TreeNode[]) => {
    for (const n of nodes) {
      out.push(n)
      walk(n.children)
    }
  }
  walk(roots)
  return out
}

/** The types a new child of this node may have; none under a closed node. */
export function childTypes(parent: Pick<OrgNode, 'node_type' | 'status'>): readonly NodeType[] {
  return parent.status === 'active' ? CHILD_TYPES[parent.node_type] : []
}

/** Whether `node` is `ancestor` or lies below it (paths are prefixes of their descendants' paths). */
export function isWithin(node: Pick<OrgNode, 'path'>, ancestor: Pick<OrgNode, 'path'>): boolean {
  return node.path.startsWith(ancestor.path)
}

/**
 * Where a node may be moved to: active nodes of a type that may hold it, outside its own subtree, other than its
 * present parent. The server checks all of this again.
 */
export function canMoveUnder(moving: OrgNode, target: OrgNode): boolean {
  return (
    target.status === 'active' &&
    target.id !== moving.parent_id &&
    !isWithin(target, moving) &&
    CHILD_TYPES[target.node_type].includes(moving.node_type)
  )
}

/** An entry of the "new parent" picker. */
export interface MoveChoice {
  value: number
  label: string
  /** Shown only as the way to a possible parent below it. */
  disabled: boolean
  children: MoveChoice[]
}

/**
 * The picker of a new parent: only the nodes the moving one may go under, with their ancestors as the path to them;
 * the moving node's own subtree and every branch without a possible parent are left out.
 */
export function moveChoices(roots: readonly TreeNode[], moving: OrgNode): MoveChoice[] {
  const walk = (n: TreeNode): MoveChoice | null => {
    if (isWithin(n, moving)) return null
    const children = n.children.map(walk).filter((c): c is MoveChoice => c !== null)
    const allowed = canMoveUnder(moving, n)
    if (!allowed && children.length === 0) return null
    return { value: n.id, label: n.name, disabled: !allowed, children }
  }
  return roots.map(walk).filter((c): c is MoveChoice => c !== null)
}

export interface RosterScope {
  /** The org-node filter for the roster (people filed under it by unit or by branch, and below); null: the caller's
   *  whole scope. */
  unitId: number | null
  /** The node picked is a party group: the roster shows its branch (people are filed by unit and branch). */
  widened: boolean
  /** The node whose people are listed (the unit, for nodes inside one); null when none is in the caller's tree. */
  shown: OrgNode | null
}

/**
 * Which people to list for a node picked in the tree. People are filed under a unit and a branch, so a unit, a party
 * committee, a general branch or a branch lists its own people; a party group shows the people of its branch (or,
 * when that branch is outside the caller's tree, all the people the caller may see), and the page says so.
 */
export function rosterScope(picked: OrgNode | null, byId: ReadonlyMap<number, OrgNode>): RosterScope {
  if (!picked) return { unitId: null, widened: false, shown: null }
  if (picked.node_type !== 'party_group') return { unitId: picked.id, widened: false, shown: picked }
  const branch = picked.parent_id == null ? undefined : byId.get(picked.parent_id)
  return branch ? { unitId: branch.id, widened: true, shown: branch } : { unitId: null, widened: true, shown: null }
}

/** The tree's search: name, short name or code contains the text (case-insensitive). */
export function matchesSearch(node: Pick<OrgNode, 'name' | 'short_name' | 'code'>, text: string): boolean {
  const q = text.trim().toLowerCase()
  if (!q) return true
  return [node.name, node.short_name, node.code].some((v) => v?.toLowerCase().includes(q))
}
