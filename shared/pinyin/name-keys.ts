/**
 * Search keys for a patient's name, so the front desk can find 单田芳 by typing "stf" or "shantianfang".
 *
 * pinyin-pro is run in surname mode (`surname: 'head'`): a surname has its own reading, and without
 * it 单 reads dan, 曾 ceng, 解 jie, 区 qu, 仇 chou, 朴 pu, 查 cha (see STACK-NOTES.md, "Pinyin").
 * Tones are dropped and ü is written v (lv), as on a keyboard.
 *
 * Given names are where readings are uncertain: 乐 is le or yue, 长 chang or zhang, and the parents'
 * choice is not in any dictionary. pinyin-pro's reading becomes `full`/`initials`, and the other
 * common readings of each polyphonic given-name character become `variants`, so a search for either
 * reading finds the patient.
 *
 * A character pinyin-pro does not know (a rare name character outside its tables) is kept as the
 * character itself in both keys, so the name is still found by typing that character.
 */
import { pinyin, polyphonic } from 'pinyin-pro';

export interface PinyinKey {
  /** Lower-case full pinyin without tones or separators: "shantianfang". */
  readonly full: string;
  /** First letter of each syllable: "stf". */
  readonly initials: string;
}

export interface NameSearchKeys extends PinyinKey {
  /** Other plausible readings of polyphonic given-name characters, one character changed at a time. */
  readonly variants: ReadonlyArray<PinyinKey>;
}

/** Two-character surnames, so that their second character is not treated as part of the given name. */
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 万俟 单于 澹台 端木 ' +
    '呼延 南宫 西门 百里 东郭 独孤 拓跋 钟离 闾丘 司空 太史 申屠 公羊 赫连 淳于 濮阳 第五'
  ).split(' '),
);

/** Variants per name: enough for the usual one or two polyphonic characters, small enough to index. */
const MAX_VARIANTS = 4;
/** Readings per character considered for variants; pinyin-pro lists the common ones first. */
const READINGS_PER_CHARACTER = 2;

const HAN = /\p{Script=Han}/u;

/** A pinyin-pro token as typed on a keyboard: lower case, no tone marks, ü as v. */
function asKeyboardLetters(token: string): string {
  return token
    .toLowerCase()
    .replace(/ü/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

function keyOf(tokens: ReadonlyArray<string>): PinyinKey {
  let full = '';
  let initials = '';
  for (const token of tokens) {
    const letters = asKeyboardLetters(token);
    if (/^[a-z]+$/.test(letters)) {
      full += letters;
      initials += letters[0];
    } else if (HAN.test(token)) {
      // A character without a known reading: keep it, so typing it still matches.
      full += token;
      initials += token;
    }
    // Anything else (spaces, the ・ in transliterated names, digits) is not part of a key.
  }
  return { full, initials };
}

/**
 * Names repeat (a county has a few thousand distinct names for a hundred thousand patients), and
 * pinyin-pro's segmentation is most of a patient projection's cost: keys are kept per distinct
 * name. Bounded: the map is emptied when full, which costs only a recomputation.
 */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, NameSearchKeys>();

/** The search keys of a name (frozen: one object is shared by every patient of that name). */
export function nameSearchKeys(name: string): NameSearchKeys {
  let keys = cache.get(name);
  if (keys === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    keys = computeNameSearchKeys(name);
    Object.freeze(keys.variants);
    cache.set(name, Object.freeze(keys));
  }
  return keys;
}

function computeNameSearchKeys(name: string): NameSearchKeys {
  const text = name.trim();
  if (text.length === 0) return { full: '', initials: '', variants: [] };
  const tokens = pinyin(text, { surname: 'head', toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const primary = keyOf(tokens);

  const characters = Array.from(text);
  const allHan = characters.every((c) => HAN.test(c));
  if (!allHan || tokens.length !== characters.length) return { ...primary, variants: [] };

  const surnameLength = characters.length > 2 && COMPOUND_SURNAMES.has(characters[0] + characters[1]) ? 2 : 1;
  const readings = polyphonic(text, { toneType: 'none', type: 'array', v: true });
  const variants: PinyinKey[] = [];
  const seen = new Set([primary.full]);
  for (let i = surnameLength; i < characters.length && variants.length < MAX_VARIANTS; i += 1) {
    for (const reading of (readings[i] ?? []).slice(0, READINGS_PER_CHARACTER)) {
      if (variants.length >= MAX_VARIANTS) break;
      const changed = tokens.slice();
      changed[i] = reading;
      const key = keyOf(changed);
      if (seen.has(key.full)) continue;
      seen.add(key.full);
      variants.push(key);
    }
  }
  return { ...primary, variants };
}
