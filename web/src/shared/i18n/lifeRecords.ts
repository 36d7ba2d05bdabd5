// The texts of 政治生命档案, 民主评议, 党员奖惩 and 我的政治生命 are added to the messages when the first of their pages
// loads, not with the shells: the phone's first load carries only what its home needs (DESIGN §6). Importing this
// module is enough.
import { i18n } from './index'
import enLifeRecords from './en.lifeRecords'
import zhCNLifeRecords from './zh-CN.lifeRecords'

i18n.global.mergeLocaleMessage('zh-CN', zhCNLifeRecords)
i18n.global.mergeLocaleMessage('en', enLifeRecords)

export { enLifeRecords, zhCNLifeRecords }
