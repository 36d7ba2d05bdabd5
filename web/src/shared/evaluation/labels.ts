// How campaign states look in both shells.
import type { CampaignState } from '../api/evaluation'

/** Element Plus and Vant share these tag types. */
export const STATE_TAG: Record<CampaignState, 'primary' | 'success' | 'warning' | 'info'> = {
  draft: 'info',
  open: 'warning',
  closed: 'primary',
  published: 'success',
}

/** Two decimals, or a dash for a value not given. */
export const fixed2 = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toFixed(2))
