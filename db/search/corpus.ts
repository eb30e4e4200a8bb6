import { EXAMPLE_OUTPATIENT_NOTE } from '../../shared/docs/examples';

/**
 * A generated corpus of outpatient notes with known content, for the search-quality test and the
 * archive benchmark: sentences made of medical words, single characters, Latin/number tokens
 * (HbA1c, 2型, CT) and punctuation, from a seeded generator so every run builds the same notes.
 */

export const MEDICAL_WORDS = [
  '肺炎',
  '咳嗽',
  '发热',
  '头痛',
  '头晕',
  '腹痛',
  '腹泻',
  '恶心',
  '呕吐',
  '胸闷',
  '心悸',
  '气短',
  '乏力',
  '糖尿病',
  '高血压',
  '冠心病',
  '支气管炎',
  '上呼吸道感染',
  '胃炎',
  '胆囊炎',
  '阑尾炎',
  '关节炎',
  '骨质疏松',
  '贫血',
  '哮喘',
  '过敏性鼻炎',
  '湿疹',
  '荨麻疹',
  '带状疱疹',
  '尿路感染',
  '前列腺增生',
  '高脂血症',
  '脑梗死',
  '偏头痛',
  '失眠',
  '焦虑',
  '颈椎病',
  '腰椎间盘突出',
  '扁桃体炎',
  '咽炎',
  '结膜炎',
  '中耳炎',
  '痛风',
  '甲状腺功能亢进',
  '肝功能异常',
  '肾结石',
  '胆结石',
  '低血糖',
  '心律失常',
  '血压',
  '血糖',
  '体温',
  '听诊',
  '双肺',
  '呼吸音',
  '湿啰音',
  '心率',
  '律齐',
  '杂音',
  '压痛',
  '反跳痛',
  '水肿',
  '皮疹',
  '阿莫西林',
  '头孢',
  '布洛芬',
  '二甲双胍',
  '硝苯地平',
  '阿司匹林',
  '奥美拉唑',
  '复诊',
  '随访',
  '住院',
  '转诊',
  '复查',
] as const;
export const SINGLE_CHARACTERS = ['咳', '痛', '热', '肿', '痒', '晕', '酸', '麻', '胀', '渴'] as const;
export const LATIN_TOKENS = ['HbA1c', 'CT', 'MRI', 'ECG', 'WBC', 'CRP', 'mmHg', 'mmol', '7.2', '140', '2型', '3天', 'B超', 'X线'] as const;
const JOINERS = ['，', '。', '；', '、', ' ', '伴', '后', '并', '无', '有'] as const;

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: ReadonlyArray<T>): T => list[Math.floor(random() * list.length)];

/** One sentence of `words` pieces, mostly medical words, some single characters and Latin/number tokens. */
export function sentence(random: () => number, words: number): string {
  let out = '';
  for (let i = 0; i < words; i += 1) {
    const roll = random();
    out += roll < 0.7 ? pick(random, MEDICAL_WORDS) : roll < 0.85 ? pick(random, SINGLE_CHARACTERS) : pick(random, LATIN_TOKENS);
    if (random() < 0.5) out += pick(random, JOINERS);
  }
  return out;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id part from a number (deterministic, sorts like the number). */
export function ulidFor(n: number, prefix = '01JQ'): string {
  let body = '';
  let rest = n;
  for (let i = 0; i < 22; i += 1) {
    body = CROCKFORD[rest % 32] + body;
    rest = Math.floor(rest / 32);
  }
  return prefix + body;
}

/** The n-th generated note: its own patient and encounter, text from the seeded generator. */
export function generatedNote(n: number, random: () => number): Record<string, unknown> & { _id: string } {
  const day = 1 + (n % 28);
  return {
    ...EXAMPLE_OUTPATIENT_NOTE,
    _id: `outpatient_note:${ulidFor(n)}`,
    encounter_id: `encounter:${ulidFor(n)}`,
    patient_id: `patient:${ulidFor(n % 5000, '01JP')}`,
    department_code: n % 3 === 0 ? 'NK' : n % 3 === 1 ? 'WK' : 'EK',
    doctor_username: n % 2 === 0 ? 'li.ming' : 'wang.hua',
    visit_at: `2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T08:${String(n % 60).padStart(2, '0')}:00.000Z`,
    chief_complaint: sentence(random, 3),
    present_illness: sentence(random, 8),
    past_history: sentence(random, 3),
    physical_exam: sentence(random, 6),
    plan: sentence(random, 4),
    diagnoses: [],
    status: 'signed',
  };
}
