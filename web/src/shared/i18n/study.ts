// The texts of 学习教育 (study groups, study sessions, check-in), added when one of those pages loads, not with the
// shells: the phone's first load carries only what its home needs (DESIGN §6). Importing this module is enough.
import { addMessages } from './index'
import enStudy from './en.study'
import zhCNStudy from './zh-CN.study'

addMessages({ 'zh-CN': zhCNStudy, en: enStudy })

export { enStudy, zhCNStudy }
