/**
 * The syllables of standard Mandarin (普通话), written as typed on a keyboard: without tones and
 * with v for ü (lv, nve), as most pinyin input methods accept. Used to tell whether a latin-letter
 * query could be full pinyin ("zhangsan") or only initials ("zs"). Interjection-only syllables
 * (m, n, ng, hm, hng) are left out: counting them would let almost any string of consonants pass
 * as full pinyin.
 */
const BY_INITIAL: Readonly<Record<string, string>> = {
  '': 'a ai an ang ao e ei en eng er o ou',
  b: 'ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu',
  p: 'pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu',
  m: 'ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu',
  f: 'fa fan fang fei fen feng fiao fo fou fu',
  d: 'da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo',
  t: 'ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo',
  n: 'na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve nue',
  l: 'la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve lue',
  g: 'ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo',
  k: 'ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo',
  h: 'ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo',
  j: 'ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun',
  q: 'qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun',
  x: 'xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun',
  zh: 'zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo',
  ch: 'cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo',
  sh: 'sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo',
  r: 'ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo',
  z: 'za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo',
  c: 'ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo',
  s: 'sa sai san sang sao se sen seng si song sou su suan sui sun suo',
  y: 'ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun',
  w: 'wa wai wan wang wei wen weng wo wu',
};

export const PINYIN_SYLLABLES: ReadonlySet<string> = new Set(Object.values(BY_INITIAL).flatMap((list) => list.split(' ')));

const SYLLABLE_PREFIXES: ReadonlySet<string> = new Set(
  [...PINYIN_SYLLABLES].flatMap((syllable) => Array.from({ length: syllable.length }, (_, i) => syllable.slice(0, i + 1))),
);

const LONGEST = 6; // zhuang, chuang, shuang

/**
 * True when the lower-case letters split into whole syllables, the last of which may be unfinished
 * (the search box is queried while the user types, so "zhangs" counts).
 */
export function isPinyinSpelling(letters: string): boolean {
  if (letters.length === 0) return false;
  const reachable = new Uint8Array(letters.length + 1);
  reachable[0] = 1;
  for (let start = 0; start < letters.length; start += 1) {
    if (!reachable[start]) continue;
    if (SYLLABLE_PREFIXES.has(letters.slice(start))) return true;
    for (let end = start + 1; end <= Math.min(letters.length, start + LONGEST); end += 1) {
      if (PINYIN_SYLLABLES.has(letters.slice(start, end))) reachable[end] = 1;
    }
  }
  return reachable[letters.length] === 1;
}
