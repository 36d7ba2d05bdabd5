// The tag of each micro-project state (Element Plus and Vant share these types; Vant shows info as default).
import type { ProjectState } from '../api/mass'

export const PROJECT_TAG: Record<ProjectState, 'primary' | 'success' | 'warning' | 'danger' | 'info'> = {
  published: 'primary',
  claimed: 'warning',
  done: 'success',
  rated: 'success',
  closed: 'info',
}
