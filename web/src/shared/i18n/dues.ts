// The texts of 党费管理, 组织关系转接 and 我的党费 are added to the messages when the first of their pages loads, not
// with the shells: the phone's first load carries only what its home needs (DESIGN §6). Importing this module is enough.
import { addMessages } from './index'
import enDues from './en.dues'
import zhCNDues from './zh-CN.dues'

addMessages({ 'zh-CN': zhCNDues, en: enDues })

export { enDues, zhCNDues }
