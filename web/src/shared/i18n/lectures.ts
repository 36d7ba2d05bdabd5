// The texts of 宣讲团 and the group leader's session pages, added when one of those pages loads (DESIGN §6).
import { addMessages } from './index'
import enLectures from './en.lectures'
import zhCNLectures from './zh-CN.lectures'

addMessages({ 'zh-CN': zhCNLectures, en: enLectures })

export { enLectures, zhCNLectures }
