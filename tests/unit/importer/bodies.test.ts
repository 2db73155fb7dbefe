/** find-bodies.ts: bodies named in the text, plus government or party when their office-holders act. */
import { describe, expect, it } from 'vitest';
import { actingOffices, findBodies } from '../../../src/lib/importer/steps/find-bodies.ts';

describe(actingOffices, () => {
  it('区委书记 leading a meeting is the party; 副县长 or 区政府党组书记 responding is the government', () => {
    expect(actingOffices('由区委书记郑立伟领衔督办。')).toEqual(['party']);
    expect(actingOffices('陇县县委常委、副县长李惠军表示，将认真研究。')).toEqual(['government']);
    expect(actingOffices('出席会议的区政府党组书记袁伟迅一边听一边记。')).toEqual(['government']);
  });
  it('only the last title of a chain counts, and a title without a person is no actor', () => {
    expect(actingOffices('州委副书记、州长张文旺到会通报上半年全州经济运行情况。')).toEqual(['government']);
    expect(actingOffices('省委书记的讲话精神，市委书记们')).toEqual([]);
    expect(actingOffices('嘉兴市委、市政府迅速推出“十大百日攻坚行动”。')).toEqual([]);
  });
});

describe(findBodies, () => {
  it('lists named bodies (twice or more) before acting offices', () => {
    expect(findBodies('县政协组织调研。县政协委员建议。副县长李惠军表示感谢。')).toEqual(['cppcc', 'government']);
    expect(findBodies('市人大常委会“问政面对面”。人大代表发言。')).toEqual(['congress']);
  });
  it('falls back to government for a development report that names no council, congress or office-holder', () => {
    expect(findBodies('钱塘区规上工业战略性新兴产业增加值达157.36亿元。')).toEqual(['government']);
  });
});
