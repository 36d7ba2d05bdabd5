// The texts of 干部纪实 (the console's record pages, my record on the phone), added when one of those pages loads, not
// with the shells: the phone's first load carries only what its home needs (DESIGN §6).
import { addMessages } from './index'
import enRecord from './en.record'
import zhCNRecord from './zh-CN.record'

addMessages({ 'zh-CN': zhCNRecord, en: enRecord })

export { enRecord, zhCNRecord }
