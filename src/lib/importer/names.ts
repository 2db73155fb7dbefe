/**
 * People vs organisations in the slots pages fill with either (来源, 作者, a signature in parentheses):
 * organisations and media end in an organisation's word; a person's name is two to four characters.
 */
export const ORGANISATION = /(网|網|报|報|社|台|刊|办|局|委|会|會|院|部|厅|处|室|府|站|中心|政协|人大|集团|公司|协会|频道|新闻|新聞|日报|晚报|杂志|客户端|TV)$/iu;

/** True for a personal name (周纯, 欧阳明): 2–4 Han characters (or with ·), not an organisation. */
export function isPersonName(text: string): boolean {
  return /^[\u4e00-\u9fff·]{2,4}$/u.test(text) && !ORGANISATION.test(text);
}
