// The texts of 组织生活 (meetings, the cadence board, my meetings), added when one of those pages loads, not with the
// shells: the phone's first load carries only what its home needs (DESIGN §6). Importing this module is enough.
import { addMessages } from './index'
import enMeetings from './en.meetings'
import zhCNMeetings from './zh-CN.meetings'

addMessages({ 'zh-CN': zhCNMeetings, en: enMeetings })

export { enMeetings, zhCNMeetings }
