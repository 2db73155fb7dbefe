import { describe, expect, it } from 'vitest';
import {
  collapseDoubledPunctuation,
  detectScript,
  fixParticleZhe,
  markRedactions,
  normalizePunctuation,
  normalizeWidth,
  stripPinyinAnnotations,
  traditionalToSimplified,
} from '../../../src/lib/text/chinese.ts';
import { removeStrayCjkSpaces } from '../../../src/lib/importer/steps/normalize-lines.ts';

describe(stripPinyinAnnotations, () => {
  it('leaves text without annotations alone', () => expect(stripPinyinAnnotations('协商').text).toBe('协商'));
  it('removes toned pinyin after a character', () => {
    const r = stripPinyinAnnotations('協(xié)商 發(fā)展');
    expect(r.text).toBe('協商 發展');
    expect(r.removed).toEqual(['(xié)', '(fā)']);
  });
  it('keeps toneless Latin in parentheses (not pinyin)', () => expect(stripPinyinAnnotations('区(see)和高新区(滨江)').text).toBe('区(see)和高新区(滨江)'));
  it('marks a character lost before its annotation', () => {
    const r = stripPinyinAnnotations('舉措?yún)f');
    expect(r.text).toBe('舉措\ufffdf');
    expect(r.orphans).toEqual(['?yún)']);
  });
});

describe(normalizePunctuation, () => {
  it('makes commas next to Chinese full-width, keeps 1,500 and 9:19', () => {
    expect(normalizePunctuation('发展,创新;协商:好?')).toBe('发展，创新；协商：好？');
    expect(normalizePunctuation('共1,500家 09:19:16')).toBe('共1,500家 09:19:16');
  });
  it('keeps parentheses as printed', () => expect(normalizePunctuation('高新区(滨江)')).toBe('高新区(滨江)'));
});

describe(collapseDoubledPunctuation, () => {
  it('drops the scraper comma before other punctuation', () => {
    expect(collapseDoubledPunctuation('第一，，杭州')).toBe('第一，杭州');
    expect(collapseDoubledPunctuation('企业，、工业')).toBe('企业、工业');
    expect(collapseDoubledPunctuation('密码”，。')).toBe('密码”。');
  });
  it('keeps ellipses', () => expect(collapseDoubledPunctuation('等等……')).toBe('等等……'));
});

describe(normalizeWidth, () => {
  it('turns full-width spaces and digits into ASCII', () => expect(normalizeWidth('\u3000\u3000２０２２年')).toBe('  2022年'));
});

describe(removeStrayCjkSpaces, () => {
  it('joins letter-spaced words but keeps spaces between names and phrases', () => {
    expect(removeStrayCjkSpaces('中 国 人 民')).toBe('中国人民');
    expect(removeStrayCjkSpaces('记者 吕金平 通讯员 李茜茜')).toBe('记者 吕金平 通讯员 李茜茜');
    expect(removeStrayCjkSpaces('推动经济平稳运行 增强发展动力活力')).toBe('推动经济平稳运行 增强发展动力活力');
  });
});

describe(traditionalToSimplified, () => {
  it('converts with OpenCC data', () => expect(traditionalToSimplified('錢塘區規上工業')).toBe('钱塘区规上工业'));
});

describe(fixParticleZhe, () => {
  it('turns the particle 著 into 着 but keeps 著名 and 显著', () => {
    expect(fixParticleZhe('保持著联系，洋溢著青春')).toBe('保持着联系，洋溢着青春');
    expect(fixParticleZhe('著名企业成效显著')).toBe('著名企业成效显著');
  });
});

describe(markRedactions, () => {
  it('makes redaction asterisks full-width so Markdown keeps them', () => expect(markRedactions('共商*传统产业，*年实践')).toBe('共商＊传统产业，＊年实践'));
});

describe(detectScript, () => {
  it('tells Traditional from Simplified', () => {
    expect(detectScript('钱塘江畔迎接高远未来')).toBe('Hans');
    expect(detectScript('錢塘江畔迎接高遠未來')).toBe('Hant');
  });
});
