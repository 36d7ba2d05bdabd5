import 'vue-router'
import type { Need } from './shared/auth/permissions'

// What the pages of both shells put in their route's meta.
declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title: breadcrumbs and the window title. */
    titleKey?: string
    /** Mobile pages reached from the tab bar show it. */
    tab?: boolean
    /** Console: reachable without signing in (every other console page needs a session). */
    public?: boolean
    /** Console: drawn on its own, without the header and side menu (the login page). */
    bare?: boolean
    /** Mobile: needs a signed-in user (the home page and the login page do not). */
    signIn?: boolean
    /** Console: the permission the page needs (any one of a list); others see 无权访问. */
    permission?: Need
    /** Console: the menu entry to mark as current for a page that has none of its own (人员导入 → 组织与人员, a development file → 发展流程). */
    menuPath?: string
  }
}
