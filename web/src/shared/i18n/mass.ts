// The texts of 联系群众 (the console's mass-work pages, the phone's visits and micro-projects), added when one of those
// pages loads, not with the shells: the phone's first load carries only what its home needs (DESIGN §6).
import { addMessages } from './index'
import enMass from './en.mass'
import zhCNMass from './zh-CN.mass'

addMessages({ 'zh-CN': zhCNMass, en: enMass })

export { enMass, zhCNMass }
