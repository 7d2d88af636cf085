import type { Locale } from './messages'

/*
 * Field messages come from the zod schemas at the boundary, in English: the API returns them as
 * they are. Pages show them in the reader's language: each English message (or message shape)
 * has its Chinese here. A message not listed shows in English rather than not at all.
 */
const CHINESE: Array<[RegExp, (...parts: string[]) => string]> = [
  [/^(required|Required)$/, () => '必填'],
  [/^at most (\d+) characters$/, (n) => `最多 ${n} 个字符`],
  [/^(?:the )?title needs at least (\d+) characters$/i, (n) => `标题至少需要 ${n} 个字符`],
  [/^a title is required$/, () => '请填写标题'],
  [/^model is required$/, () => '请填写车型'],
  [/^choose a model$/, () => '请选择车型'],
  [/^choose a system$/, () => '请选择系统'],
  [/^choose an expert$/, () => '请选择专家'],
  [/^choose yes or no$/, () => '请选择“是”或“否”'],
  [/^system must be one of .+$/, () => '请选择有效的系统'],
  [/^VIN must be 17 letters or digits, without I, O or Q$/, () => 'VIN 须为 17 位字母或数字，不含 I、O、Q'],
  [/^DTC must look like P0171.*$/, () => '故障码格式如 P0171：P、B、C 或 U 开头，后接 4 位十六进制数字'],
  [/^at most (\d+) DTCs$/, (n) => `最多 ${n} 个故障码`],
  [/^at most (\d+) files$/, (n) => `最多 ${n} 个文件`],
  [/^at most (\d+) (.+)$/, (n) => `最多 ${n} 项`],
  [/^year must be a number$/, () => '年款须为数字'],
  [/^year must be (\d+) or later$/, (n) => `年款不能早于 ${n}`],
  [/^year must be (\d+) or earlier$/, (n) => `年款不能晚于 ${n}`],
  [/^mileage cannot be negative$/, () => '里程不能为负数'],
  [/^Expected number, received nan$/, () => '请输入数字'],
  [/^Number must be greater than or equal to (\d+)$/, (n) => `不能小于 ${n}`],
  [/^Number must be less than or equal to (\d+)$/, (n) => `不能大于 ${n}`],
  [/^String must contain at most (\d+) character\(s\)$/, (n) => `最多 ${n} 个字符`],
  [/^String must contain at least (\d+) character\(s\)$/, (n) => `至少 ${n} 个字符`],
  [/^Invalid date$/, () => '日期无效'],
  [/^a date such as .+$/, () => '请输入日期，例如 2026-12-31'],
  [/^a date and time$/, () => '请输入日期和时间'],
  [/^part number is required$/, () => '请填写配件号'],
  [/^part name is required$/, () => '请填写配件名称'],
  [/^describe the symptoms$/, () => '请描述故障现象'],
  [/^describe the cause$/, () => '请填写故障原因'],
  [/^describe the fix$/, () => '请填写维修方案'],
  [/^say what is still wrong$/, () => '请说明还有什么问题'],
  [/^write a message or attach a file$/, () => '请输入消息或添加附件'],
  [/^confirm that none of the suggested cases solves it$/, () => '请确认推荐的案例都不能解决问题'],
  [/^urgency must be .+$/, () => '请选择紧急程度'],
  [/^type is tsb, campaign or notice$/, () => '请选择通报类型'],
  [/^the bulletin needs a text$/, () => '请填写通报正文'],
  [/^the text is too long$/, () => '正文太长'],
  [/^the last year comes after the first$/, () => '截止年款须晚于起始年款'],
  [/^the VIN range ends after it starts$/, () => 'VIN 止须大于 VIN 起'],
  [/^it expires after it is published$/, () => '失效日期须晚于发布时间'],
  [/^only a published bulletin can be superseded$/, () => '只能替代已发布的通报'],
  [/^a bulletin cannot supersede itself$/, () => '通报不能替代自己'],
  [/^unknown model "(.+)"$/, (name) => `未知车型“${name}”`],
  [/^unknown station "(.+)"$/, (code) => `未知服务站“${code}”`],
  [/^no station is in the region "(.+)"$/, (region) => `没有服务站属于区域“${region}”`],
  [/^unknown model$/, () => '未知车型'],
  [/^not valid JSON$/, () => '格式错误'],
  [/^the new password needs at least (\d+) characters$/, (n) => `新密码至少 ${n} 位`],
  [/^the two new passwords differ$/, () => '两次输入的新密码不一致'],
  [/^choose a password different from the current one$/, () => '新密码不能与当前密码相同'],
  [/^the current password is not right$/, () => '当前密码不正确'],
  [/^too many wrong passwords.*$/, () => '密码错误次数过多，请 15 分钟后再试'],
  [/^invalid editor document.*$/, () => '正文格式错误'],
  [/^a name is required$/, () => '请填写姓名'],
  [/^the standard term is required$/, () => '请填写标准术语'],
  [/^give at least one other word for the term$/, () => '请至少再填一个口语或英文说法'],
  [/^a term has 1 to 40 characters.*$/, () => '每个词 1 到 40 个字符，不含 < > { } "'],
  [/^at most (\d+) (colloquial|English) terms$/, (n) => `最多 ${n} 个词`],
  [/^a system is one of .+$/, () => '请选择有效的系统'],
  [/^a language is one of .+$/, () => '请选择有效的语言'],
]

export function localizeValidationMessage(message: string, locale: Locale) {
  if (locale !== 'zh') return message
  for (const [pattern, chinese] of CHINESE) {
    const match = pattern.exec(message)
    if (match) return chinese(...match.slice(1))
  }
  return message
}
