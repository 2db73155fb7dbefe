/**
 * Bodies (政协, 人大, 政府, 党委 …) a report is about: the named bodies it talks about, plus the
 * government or Party committee when one of their office-holders acts in it (区委书记 领衔督办 →
 * party; 副县长 表态, 区政府党组书记 出席 → government).
 */

// An office-holder's title right before a name or an act. In a chain (州委副书记、州长张文旺) only the
// last title counts: it is the capacity the person acts in.
const OFFICE = /(?<gov>政府党组(?:副)?书记|(?<![\u4e00-\u9fff]{2}[市区县])(?:副)?(?:省|市|州|县|区|旗)长)|(?<party>(?:省|市|州|县|区|旗)委(?:副)?书记)/gu;
// A title followed by a name or an act is a person in office; 的/们/和 or a list (、) is not.
const NOT_A_PERSON = /^[、的们和及等，。]|^$/u;

/** Government or party when one of their office-holders acts in the text (not one merely mentioned in a chain). */
export function actingOffices(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(OFFICE)) {
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 8);
    if (NOT_A_PERSON.test(after)) continue;
    found.add(m.groups?.gov ? 'government' : 'party');
  }
  return [...found];
}

/** Bodies the article is about: named bodies mentioned at least twice (most first), then acting offices; government when nothing else is named (never empty). */
export function findBodies(text: string): string[] {
  const counts: [string, number][] = [
    ['cppcc', (text.match(/政协/gu) ?? []).length],
    ['congress', (text.match(/人大/gu) ?? []).length],
    ['fic', (text.match(/工商联/gu) ?? []).length],
    ['parties', (text.match(/(民建|民盟|民进|农工党|致公党|九三学社|台盟|民革|民主党派)/gu) ?? []).length],
  ];
  const named = counts.filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const acting = actingOffices(text).filter((b) => !named.includes(b));
  // A report on a place's development that names no council, congress or office-holder is about its government (区委区政府).
  if (!named.length && !acting.length) return ['government'];
  return [...named, ...acting];
}
