// The texts of 网络课程 and 读书活动, added when one of those pages loads (DESIGN §6: not with the shells).
import { addMessages } from './index'
import enCourses from './en.courses'
import zhCNCourses from './zh-CN.courses'

addMessages({ 'zh-CN': zhCNCourses, en: enCourses })

export { enCourses, zhCNCourses }
