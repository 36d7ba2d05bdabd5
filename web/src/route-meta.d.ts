import 'vue-router'

// What the pages of both shells put in their route's meta.
declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title: breadcrumbs and the window title. */
    titleKey?: string
    /** Mobile pages reached from the tab bar show it. */
    tab?: boolean
  }
}
