// The texts of 成长档案, 年轻干部库 and 干部比较, added when one of those pages loads, not with the shells: the phone's
// first load carries only what its home needs (DESIGN §6).
import { addMessages } from './index'
import enArchive from './en.archive'
import zhCNArchive from './zh-CN.archive'

addMessages({ 'zh-CN': zhCNArchive, en: enArchive })

export { enArchive, zhCNArchive }
