// The texts of 党员发展 are added to the messages when the first party page loads, not with the shells: the phone's
// first load carries only what its home needs (DESIGN §6). Importing this module is enough.
import { i18n } from './index'
import enParty from './en.party'
import zhCNParty from './zh-CN.party'

i18n.global.mergeLocaleMessage('zh-CN', zhCNParty)
i18n.global.mergeLocaleMessage('en', enParty)

export { enParty, zhCNParty }
