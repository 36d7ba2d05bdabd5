// The organisation tree: 市 → 区县/系统 → 单位 → 党委/党总支/党支部 → 党小组. The server answers only the part in the
// caller's scope.
import { get, patch, post } from './client'

export const NODE_TYPES = [
  'city',
  'district',
  'system',
  'unit',
  'party_committee',
  'general_branch',
  'branch',
  'party_group',
] as const
export type NodeType = (typeof NODE_TYPES)[number]

export interface OrgNode {
  id: number
  parent_id: number | null
  path: string
  depth: number
  node_type: NodeType
  name: string
  short_name: string
  code: string
  sort_order: number
  status: 'active' | 'closed'
  /** People whose unit is this node (only units have any); the tree adds up subtrees itself. */
  people: number
}

export interface NodeCreate {
  parent_id: number
  node_type: NodeType
  name: string
  short_name?: string
  code?: string
  sort_order?: number
}

export interface NodeUpdate {
  name?: string
  short_name?: string
  sort_order?: number
}

/** Which types may sit directly under a node of each type (the server refuses the rest). */
export const CHILD_TYPES: Record<NodeType, readonly NodeType[]> = {
  city: ['district', 'system', 'unit'],
  district: ['system', 'unit'],
  system: ['unit'],
  unit: ['party_committee', 'general_branch', 'branch'],
  party_committee: ['general_branch', 'branch'],
  general_branch: ['branch'],
  branch: ['party_group'],
  party_group: [],
}

const node = (id: number) => `/org/nodes/${encodeURIComponent(String(id))}`

export const fetchNodes = () => get<{ items: OrgNode[] }>('/org/nodes', { silent: true })
export const fetchNode = (id: number) => get<OrgNode>(node(id))
// The dialogs show field errors next to their fields.
export const createNode = (input: NodeCreate) => post<OrgNode>('/org/nodes', input, { silent: true })
export const updateNode = (id: number, input: NodeUpdate) => patch<OrgNode>(node(id), input, { silent: true })
export const moveNode = (id: number, parentId: number) => post<OrgNode>(`${node(id)}/move`, { parent_id: parentId }, { silent: true })
export const closeNode = (id: number) => post<OrgNode>(`${node(id)}/close`)
