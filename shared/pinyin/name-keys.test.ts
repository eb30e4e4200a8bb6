import { describe, expect, it } from 'vitest';
import { nameSearchKeys, type PinyinKey } from './name-keys';

describe('nameSearchKeys: surnames', () => {
  // [name, full, initials]. The first block are surnames whose surname reading differs from the
  // everyday reading of the character; the rest are the common surnames.
  const table: ReadonlyArray<readonly [string, string, string]> = [
    ['单田芳', 'shantianfang', 'stf'],
    ['曾小贤', 'zengxiaoxian', 'zxx'],
    ['解晓东', 'xiexiaodong', 'xxd'],
    ['区志坚', 'ouzhijian', 'ozj'],
    ['仇和', 'qiuhe', 'qh'],
    ['朴树', 'piaoshu', 'ps'],
    ['查良镛', 'zhaliangyong', 'zly'],
    ['盖聂', 'genie', 'gn'],
    ['乐嘉', 'yuejia', 'yj'],
    ['覃明', 'qinming', 'qm'],
    ['缪斯', 'miaosi', 'ms'],
    ['尉迟敬德', 'yuchijingde', 'ycjd'],
    ['万俟卨', 'moqixie', 'mqx'],
    ['长孙无忌', 'zhangsunwuji', 'zswj'],
    ['欧阳修', 'ouyangxiu', 'oyx'],
    ['吕布', 'lvbu', 'lb'],
    ['黑大力', 'heidali', 'hdl'],
    ['王伟', 'wangwei', 'ww'],
    ['李娜', 'lina', 'ln'],
    ['张伟', 'zhangwei', 'zw'],
    ['刘洋', 'liuyang', 'ly'],
    ['陈静', 'chenjing', 'cj'],
    ['杨秀英', 'yangxiuying', 'yxy'],
    ['黄建国', 'huangjianguo', 'hjg'],
    ['赵桂兰', 'zhaoguilan', 'zgl'],
    ['吴敏', 'wumin', 'wm'],
    ['周强', 'zhouqiang', 'zq'],
    ['徐丽', 'xuli', 'xl'],
    ['孙磊', 'sunlei', 'sl'],
    ['马军', 'majun', 'mj'],
    ['朱玉兰', 'zhuyulan', 'zyl'],
    ['胡涛', 'hutao', 'ht'],
    ['郭超', 'guochao', 'gc'],
    ['何平', 'heping', 'hp'],
    ['罗杰', 'luojie', 'lj'],
    ['谢芳', 'xiefang', 'xf'],
  ];

  it.each(table)('%s → %s / %s', (name, full, initials) => {
    expect(nameSearchKeys(name)).toMatchObject({ full, initials });
  });
});

describe('nameSearchKeys: given names', () => {
  it('offers the other common reading of a polyphonic given-name character', () => {
    const keys = nameSearchKeys('张乐');
    const all = [keys.full, ...keys.variants.map((v) => v.full)];
    expect(all).toContain('zhangle');
    expect(all).toContain('zhangyue');
    expect(keys.variants.length).toBeLessThanOrEqual(4);
  });

  it('never varies the surname', () => {
    for (const name of ['单单', '曾曾', '解乐', '欧阳乐乐']) {
      const keys = nameSearchKeys(name);
      const surname = keys.full.slice(0, name.startsWith('欧阳') ? 6 : name.startsWith('单') ? 4 : name.startsWith('曾') ? 4 : 3);
      for (const v of keys.variants) expect(v.full.startsWith(surname)).toBe(true);
    }
  });

  it('gives no variants when no character is polyphonic', () => {
    expect(nameSearchKeys('王伟').variants).toEqual([]);
  });
});

describe('nameSearchKeys: unusual input', () => {
  it('reads rare name characters it knows and keeps unknown ones as themselves', () => {
    expect(nameSearchKeys('刘䶮')).toMatchObject({ full: 'liuyan', initials: 'ly' });
    expect(nameSearchKeys('李龑')).toMatchObject({ full: 'liyan', initials: 'ly' });
    expect(nameSearchKeys('王𠮷')).toMatchObject({ full: 'wang𠮷', initials: 'w𠮷' });
  });

  it('drops separators and spaces, and treats a latin word as one syllable', () => {
    expect(nameSearchKeys('阿卜杜拉·买买提')).toMatchObject({ full: 'abudulamaimaiti', initials: 'abdlmmt' });
    expect(nameSearchKeys(' 张 三 ')).toMatchObject({ full: 'zhangsan', initials: 'zs' });
    expect(nameSearchKeys('Tom张')).toMatchObject({ full: 'tomzhang', initials: 'tz' });
  });

  it('returns empty keys for an empty name without throwing', () => {
    expect(nameSearchKeys('   ')).toEqual({ full: '', initials: '', variants: [] });
    expect(() => nameSearchKeys('\u{30000}\u{2A6D6}·〇')).not.toThrow();
  });
});

describe('nameSearchKeys: kept per distinct name', () => {
  it('gives the same keys again, frozen so no caller can change them for the next patient of that name', () => {
    const first = nameSearchKeys('张乐');
    const again = nameSearchKeys('张乐');
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.variants)).toBe(true);
    expect(() => (first.variants as PinyinKey[]).push({ full: 'x', initials: 'x' })).toThrow(TypeError);
    expect(nameSearchKeys(' 张乐 ')).toEqual(first);
  });
});

describe('nameSearchKeys: throughput', () => {
  it('keys 100,000 names (time is logged, not asserted)', () => {
    const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董单解区仇朴查';
    const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂乐长重行朝华建国玉珍';
    const names: string[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const s = surnames[(i * 7919) % surnames.length];
      const g1 = given[(i * 104_729) % given.length];
      const g2 = i % 3 === 0 ? '' : given[(i * 1_299_709) % given.length];
      names.push(s + g1 + g2);
    }
    const started = performance.now();
    let keyed = 0;
    for (const name of names) if (nameSearchKeys(name).initials.length >= 2) keyed += 1;
    const seconds = (performance.now() - started) / 1000;
    console.log(`nameSearchKeys: 100,000 names in ${seconds.toFixed(2)} s (${Math.round(100_000 / seconds)} names/s)`);
    expect(keyed).toBe(100_000);
  });
});
