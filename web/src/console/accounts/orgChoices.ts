// Where the grant forms get their organisations from: the org tree when the caller may read it (org.read), else the
// organisations already named in grants (the security administrator holds no business permission, so usually this).
import { ref, type Ref } from 'vue'
import { fetchAccounts } from '../../shared/api/accounts'
import { fetchNodes } from '../../shared/api/org'
import { knownNodes, type KnownNode } from '../../shared/accounts/roles'
import { buildTree, type TreeNode } from '../../shared/org/tree'

export interface OrgChoices {
  tree: Ref<TreeNode[]>
  known: Ref<KnownNode[]>
  /** 'tree': pick in the org tree; 'known': pick an organisation named in a grant, or type its number. */
  mode: Ref<'loading' | 'tree' | 'known'>
  load: () => Promise<void>
}

/** One per page: loaded when the page opens and again after a grant may have named a new organisation. */
export function useOrgChoices(): OrgChoices {
  const tree = ref<TreeNode[]>([])
  const known = ref<KnownNode[]>([])
  const mode = ref<'loading' | 'tree' | 'known'>('loading')

  async function load(): Promise<void> {
    try {
      tree.value = buildTree((await fetchNodes()).items)
      mode.value = 'tree'
      return
    } catch {
      // 403 without org.read: fall back to the organisations named in grants
    }
    try {
      known.value = knownNodes((await fetchAccounts({ search: '', state: '', role: '' }, 1, 200)).items)
    } catch {
      known.value = []
    }
    mode.value = 'known'
  }

  return { tree, known, mode, load }
}
