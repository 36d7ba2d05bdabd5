// The texts of the dashboards, added when a dashboard page loads, not with the shells.
import { addMessages } from './index'
import enAnalytics from './en.analytics'
import zhCNAnalytics from './zh-CN.analytics'

addMessages({ 'zh-CN': zhCNAnalytics, en: enAnalytics })

export { enAnalytics, zhCNAnalytics }
