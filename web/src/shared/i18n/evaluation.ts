// The texts of 考核评价 (the console's campaign pages, the phone's rating tasks and results), added when one of those
// pages loads, not with the shells.
import { addMessages } from './index'
import enEvaluation from './en.evaluation'
import zhCNEvaluation from './zh-CN.evaluation'

addMessages({ 'zh-CN': zhCNEvaluation, en: enEvaluation })

export { enEvaluation, zhCNEvaluation }
