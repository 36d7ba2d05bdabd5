// The texts of 实践锻炼 (assignments, training classes, competitions, my practice), added when one of those pages
// loads, not with the shells: the phone's first load carries only what its home needs (DESIGN §6).
import { addMessages } from './index'
import enPractice from './en.practice'
import zhCNPractice from './zh-CN.practice'

addMessages({ 'zh-CN': zhCNPractice, en: enPractice })

export { enPractice, zhCNPractice }
