/**
 * Material for plausible Chinese names. Surname weights are approximate shares per 10,000 people,
 * after the published 2020-census surname ranking (王, 李, 张 each about 7 %); the tail is rounded
 * and partly guessed. It deliberately includes the surnames that read differently as surnames
 * (单 shan, 曾 zeng, 解 xie, 区 ou, 仇 qiu, 朴 piao, 查 zha, 盖 ge, 乐 yue, 缪 miao, 覃 qin) and a few
 * two-character surnames, because those are what break pinyin search.
 *
 * Given names follow fashions, so they are grouped by birth cohort: 建国 and 秀英 are grandparents,
 * 子轩 and 梓涵 are grandchildren. Earlier entries in each list are drawn more often.
 */

export const SURNAME_WEIGHTS =
  '王712 李710 张680 刘510 陈450 杨330 黄250 赵200 吴200 周190 徐140 孙140 马130 朱120 胡120 ' +
  '郭110 何110 林100 高100 罗90 郑80 梁80 谢70 宋60 唐60 许60 韩60 邓50 冯50 曹50 彭50 曾50 ' +
  '肖50 田50 董40 潘40 袁40 蔡40 蒋40 余40 于40 杜40 叶40 程40 魏30 苏30 吕30 丁30 任30 卢30 ' +
  '姚30 沈30 钟30 姜30 崔30 谭30 陆30 范20 汪20 廖20 石20 金20 韦20 贾20 夏20 付20 方20 邹20 ' +
  '熊20 白20 孟20 秦20 邱20 侯20 江20 尹20 薛20 闫20 段20 雷20 龙15 黎15 史15 陶15 贺15 毛15 ' +
  '郝15 顾15 龚15 邵15 万15 覃10 武10 钱10 戴10 严10 莫10 孔10 向10 常10 汤10 康10 易10 乔10 ' +
  '赖10 文10 施10 牛10 洪10 樊10 葛10 单4 缪2 解3 仇2 查2 区1 朴1 盖1 乐1 欧阳4 司马1 诸葛1 上官1';

export type Cohort = 'before1960' | 'from1960' | 'from1980' | 'from2000';

export function cohortOf(birthYear: number): Cohort {
  if (birthYear < 1960) return 'before1960';
  if (birthYear < 1980) return 'from1960';
  if (birthYear < 2000) return 'from1980';
  return 'from2000';
}

/** Whole given names, most common first, by cohort and sex ('1' male, '2' female). */
export const GIVEN_NAMES: Readonly<Record<Cohort, Readonly<Record<'1' | '2', string>>>> = {
  before1960: {
    '1':
      '建国 建华 国华 国强 志强 德明 福贵 长生 永福 树林 金生 玉林 振华 文华 庆华 宝山 春生 双喜 有才 ' +
      '广田 文明 守仁 保国 德胜 明 林 刚 华 忠 福 海 山 发 荣 贵 富 成 义 德 清 新民 兴旺 长顺 玉田 ' +
      '世杰 宗义 学文 殿臣 占魁 洪福',
    '2':
      '秀英 桂英 秀兰 玉兰 桂兰 秀珍 凤英 玉珍 玉英 兰英 桂芳 淑珍 淑英 秀云 玉梅 桂珍 秀芳 凤兰 ' +
      '翠花 春花 金凤 素芬 秀梅 玉芳 桂香 玉凤 翠兰 素英 淑兰 凤珍 英 兰 珍 芳 梅 秀 凤 菊 莲 香 ' +
      '爱莲 冬梅 腊梅 招娣 来弟',
  },
  from1960: {
    '1':
      '卫东 卫国 红军 建军 建平 建新 志勇 志刚 国庆 海涛 永强 文斌 跃进 红卫 向东 伟 勇 军 刚 斌 ' +
      '涛 明 辉 平 东 强 军华 建伟 小平 立新 新华 卫平 振国 长江 朝阳 解放 援朝 和平',
    '2': '红梅 丽华 秀梅 春燕 海燕 丽萍 红霞 艳 丽 红 霞 燕 芳 敏 静 玲 英 华 萍 梅 红英 桂芝 秀霞 ' + '玉华 小红 丽君 晓燕 美玲 桂荣 春梅 建英 卫红 爱华 彩霞',
  },
  from1980: {
    '1':
      '伟 磊 勇 杰 涛 超 鹏 浩 军 斌 强 亮 辉 波 宇 建伟 志伟 晓东 海波 俊杰 志强 文杰 鹏飞 晓明 ' +
      '家豪 浩然 明亮 建军 永刚 小龙 国栋 晓峰 天宇 宏伟 志华 乐 长青 重阳',
    '2': '静 丽 娟 艳 芳 娜 敏 婷 雪 琳 晶 晓燕 丽娟 婷婷 佳 欣 雪梅 晓丽 春梅 玉洁 丹丹 倩 颖 慧 ' + '佳佳 晓婷 丽丽 艳红 梦 璐 莉 晨 乐乐',
  },
  from2000: {
    '1':
      '浩宇 子轩 宇轩 浩然 梓豪 俊熙 一鸣 皓轩 子豪 宇航 博文 天佑 雨泽 铭轩 思远 嘉乐 梓睿 奕辰 ' +
      '沐阳 子墨 浩 宇 轩 睿 子涵 煜 俊宇 宇辰 泽宇 明轩 一诺 锦程 承泽',
    '2':
      '梓涵 欣怡 子涵 诗涵 雨涵 可馨 思琪 梦瑶 一诺 语嫣 紫萱 佳怡 若汐 欣妍 雨桐 梓萱 可欣 诗琪 ' +
      '依诺 沐晴 涵 萱 琪 怡 欣 悦 梓晴 芷若 语桐 安琪 乐瑶 婉清',
  },
};

/**
 * Characters from CJK Extension A and rarer parts of the basic block that real parents pick
 * (the fonts and the pinyin fallback must cope): 龑 and 䶮 yan, 堃 kun, 喆 zhe, 燊 shen, 淼 miao,
 * 犇 ben, 昇 sheng, 珺 jun, 玥 yue, 翀 chong.
 */
export const RARE_NAME_CHARACTERS = '龑 䶮 堃 喆 燊 淼 犇 昇 珺 玥 翀'.split(' ');

/** Township-area village names: `<direction or size><surname><place word>` or a stock name. */
export const VILLAGE_PREFIXES = '东 西 南 北 前 后 大 小 新 老 上 下 中'.split(' ');
export const VILLAGE_PLACE_WORDS = '庄 楼 湾 寨 营 屯 集 岗 洼 店 桥 坡 沟 河'.split(' ');
export const VILLAGE_STOCK_NAMES =
  '东风 红旗 新华 太平 柳树 石桥 河口 沙河 北关 南关 西岗 杨树 枣林 梨园 青山 白果 龙泉 清水 长岭 团结 胜利 和平 幸福 五里 三合 双井'.split(' ');
export const COMMUNITY_NAMES = '幸福 和谐 东城 西城 光明 建设 人民 文化 府前 滨河 新城 朝阳 育才 花园'.split(' ');

export const ALLERGY_SUBSTANCES = '青霉素 头孢类 磺胺类 阿司匹林 链霉素 碘造影剂 花粉 海鲜 布洛芬 庆大霉素'.split(' ');
export const ALLERGY_REACTIONS = '皮疹 荨麻疹 瘙痒 呼吸困难 过敏性休克史 恶心呕吐'.split(' ');

/**
 * Mobile number blocks (first three digits) in use by the three carriers and broadcast operator,
 * roughly; the demo does not need the allocation exact, only believable.
 */
export const MOBILE_PREFIXES =
  '130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 198 199'.split(
    ' ',
  );

/** Area code of each province's capital; a demo landline uses its province's. */
export const CAPITAL_AREA_CODES: Readonly<Record<string, string>> = {
  '11': '010',
  '12': '022',
  '13': '0311',
  '14': '0351',
  '15': '0471',
  '21': '024',
  '22': '0431',
  '23': '0451',
  '31': '021',
  '32': '025',
  '33': '0571',
  '34': '0551',
  '35': '0591',
  '36': '0791',
  '37': '0531',
  '41': '0371',
  '42': '027',
  '43': '0731',
  '44': '020',
  '45': '0771',
  '46': '0898',
  '50': '023',
  '51': '028',
  '52': '0851',
  '53': '0871',
  '54': '0891',
  '61': '029',
  '62': '0931',
  '63': '0971',
  '64': '0951',
  '65': '0991',
};

/**
 * Larger ethnic groups by province, as rough shares of the population (GB/T 3304 codes); the rest
 * are 汉族 (01). Only provinces where a township clinic would commonly see them are listed.
 */
export const PROVINCE_ETHNICITIES: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  '13': [['11', 0.03]],
  '15': [
    ['02', 0.17],
    ['11', 0.02],
  ],
  '21': [
    ['11', 0.12],
    ['02', 0.02],
  ],
  '22': [
    ['10', 0.03],
    ['11', 0.03],
  ],
  '42': [['15', 0.03]],
  '43': [
    ['15', 0.04],
    ['06', 0.03],
  ],
  '45': [
    ['08', 0.31],
    ['13', 0.03],
  ],
  '46': [['19', 0.15]],
  '51': [
    ['07', 0.03],
    ['04', 0.02],
  ],
  '52': [
    ['06', 0.12],
    ['09', 0.07],
    ['12', 0.04],
    ['15', 0.04],
  ],
  '53': [
    ['07', 0.11],
    ['16', 0.04],
    ['14', 0.03],
    ['18', 0.03],
  ],
  '54': [['04', 0.86]],
  '62': [
    ['03', 0.05],
    ['26', 0.02],
  ],
  '63': [
    ['04', 0.24],
    ['03', 0.15],
  ],
  '64': [['03', 0.36]],
  '65': [
    ['05', 0.45],
    ['17', 0.07],
    ['03', 0.04],
  ],
};
