// The permissions the interface looks at to show or hide things. The server enforces every one of them; hiding is
// only so that nobody is offered a button that can only fail.
export const PERM = {
  orgRead: 'org.read',
  orgWrite: 'org.write',
  peopleRead: 'people.read',
  peopleWrite: 'people.write',
  peopleExport: 'people.export',
  peopleSensitive: 'people.read_sensitive',
  /** The Excel import of people (template, preview, commit, undo of the last import). */
  peopleImport: 'people.import',
  auditRead: 'audit.read',
  /** Balances, entries and rankings in scope. */
  pointsRead: 'points.read',
  /** Decide claims in scope. */
  pointsApprove: 'points.approve',
  /** Record awards and deductions, reverse entries. */
  pointsAdjust: 'points.adjust',
  /** The rule catalog, the yearly scheme, the event map. */
  pointsRules: 'points.rules',
  /** The security administrator's pages: accounts with their grants, and the roles. */
  accountRead: 'account.read',
  /** Create accounts, disable and enable them, reset passwords. */
  accountManage: 'account.manage',
  /** Unlock an account locked by failed sign-ins. */
  accountUnlock: 'account.unlock',
  /** Grant and revoke roles, create custom roles. */
  roleManage: 'role.manage',
  /** Development files, warnings and the pipeline in scope. */
  partyRead: 'party.read',
  /** Open development files, record steps and reports in scope. */
  partyWrite: 'party.write',
  /** Training classes, competitions and front-line assignments in scope. */
  practiceRead: 'practice.read',
  /** Record them: classes, results, competitions, assignments and their steps, yearly plans. */
  practiceWrite: 'practice.write',
  /** Study groups, coverage, sessions and their attendance in scope. */
  studyRead: 'study.read',
  /** Manage study groups; organise sessions, show their check-in code, mark attendance. */
  studyWrite: 'study.write',
  /** The cadre record (纪实) of the people in scope: entries and leaders' comments. */
  recordRead: 'record.read',
  /** Record entries, confirm or reject self-reports, resolve contests, write leaders' comments. */
  recordWrite: 'record.write',
  /** Evaluation campaigns (双对双排, multi-source, annual assessment) and surveys in scope: progress and results. */
  evaluationRead: 'evaluation.read',
  /** Set up, open, close and publish campaigns and surveys; quotas. */
  evaluationManage: 'evaluation.manage',
  /** Score and rank the cadres assigned to the caller in an open campaign. */
  evaluationRate: 'evaluation.rate',
  /** Contact points, paired households, visits, micro-projects and youth service teams in scope. */
  massRead: 'mass.read',
  /** Manage them: pair households, publish and close micro-projects, manage service teams. */
  massWrite: 'mass.write',
  /** Fault-tolerance cases, inspections, accountability, clarifications and the policy library in scope. */
  oversightRead: 'oversight.read',
  /** Review and decide fault-tolerance cases, record inspections, accountability and clarifications, edit policies. */
  oversightWrite: 'oversight.write',
  /** Dashboards and warnings in scope. */
  analyticsRead: 'analytics.read',
} as const
export type Permission = (typeof PERM)[keyof typeof PERM]

/** What a page or menu entry needs: one permission, or any one of several. Nothing: everyone signed in. */
export type Need = Permission | readonly Permission[] | undefined

export function allows(granted: readonly string[] | undefined, need: Need): boolean {
  if (need === undefined) return true
  const list: readonly string[] = typeof need === 'string' ? [need] : need
  return list.length === 0 || list.some((p) => granted?.includes(p) === true)
}

interface Guarded<T> {
  permission?: Need
  children?: T[]
}

/**
 * The menu a user sees: entries they lack the permission for are left out, and so are their children; an entry
 * with children keeps only those allowed, and is left out when none are (it is not "coming soon" for them: its
 * pages exist, they may not open them).
 */
export function allowedEntries<T extends Guarded<T>>(entries: readonly T[], granted: readonly string[] | undefined): T[] {
  return entries
    .filter((e) => allows(granted, e.permission))
    .map((e) => (e.children ? { ...e, children: allowedEntries(e.children, granted) } : e))
    .filter((e) => !e.children || e.children.length > 0)
}
