// The console's side menu: the platform's modules in the order administrators work through them.
// An entry without a route is shown disabled with a "待上线" tag until its module is built.
import type { Component } from 'vue'
import {
  ChatDotRound, Flag, HomeFilled, Medal, Notebook, OfficeBuilding, Promotion, Reading, Setting, Stamp, TrendCharts, View,
} from '@element-plus/icons-vue'

export interface MenuEntry {
  /** i18n key under `menu.` and the entry's id. */
  key: string
  icon: Component
  /** Route path; absent while the module is not available. */
  path?: string
}

export interface MenuGroup {
  /** i18n key under `menuGroup.`. */
  key: string
  entries: MenuEntry[]
}

export const menuGroups: MenuGroup[] = [
  { key: 'workbench', entries: [{ key: 'home', icon: HomeFilled, path: '/' }] },
  {
    key: 'party',
    entries: [
      { key: 'org', icon: OfficeBuilding },
      { key: 'points', icon: Medal },
      { key: 'party', icon: Flag },
    ],
  },
  {
    key: 'cadre',
    entries: [
      { key: 'record', icon: Notebook },
      { key: 'study', icon: Reading },
      { key: 'practice', icon: Promotion },
      { key: 'evaluation', icon: Stamp },
    ],
  },
  {
    key: 'masses',
    entries: [
      { key: 'masswork', icon: ChatDotRound },
      { key: 'oversight', icon: View },
    ],
  },
  {
    key: 'platform',
    entries: [
      { key: 'analytics', icon: TrendCharts },
      { key: 'system', icon: Setting },
    ],
  },
]
