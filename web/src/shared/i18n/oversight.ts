// The texts of 监督激励 (the console's oversight pages, fault tolerance on the phone), added when one of those pages
// loads, not with the shells (DESIGN §6).
import { addMessages } from './index'
import enOversight from './en.oversight'
import zhCNOversight from './zh-CN.oversight'

addMessages({ 'zh-CN': zhCNOversight, en: enOversight })

export { enOversight, zhCNOversight }
