/**
 * Vital signs (体格检查's structured part, WR-10/WR-11): what a value may be at all (a value outside
 * is a typing slip and is refused), and what is abnormal (kept, but flagged for the doctor).
 * Adult reference ranges as in 《诊断学》; BMI bands by the Chinese criteria (WS/T 428-2013: 24
 * overweight, 28 obese).
 */

export const VITAL_KEYS = ['temperature', 'pulse', 'respiration', 'bp_systolic', 'bp_diastolic', 'spo2', 'height_cm', 'weight_kg'] as const;
export type VitalKey = (typeof VITAL_KEYS)[number];
export type VitalSigns = Partial<Record<VitalKey, number>>;

interface VitalRule {
  readonly label: string;
  readonly unit: string;
  /** Outside [min, max] the value cannot be real. */
  readonly possible: readonly [number, number];
  /** Outside [low, high] it is abnormal; null where no band applies (height, weight). */
  readonly normal: readonly [number, number] | null;
  /** Decimal places a measurement has. */
  readonly decimals: number;
}

export const VITAL_RULES: Readonly<Record<VitalKey, VitalRule>> = {
  temperature: { label: '体温', unit: '℃', possible: [30, 45], normal: [36, 37.3], decimals: 1 },
  pulse: { label: '脉搏', unit: '次/分', possible: [20, 250], normal: [60, 100], decimals: 0 },
  respiration: { label: '呼吸', unit: '次/分', possible: [4, 80], normal: [12, 24], decimals: 0 },
  bp_systolic: { label: '收缩压', unit: 'mmHg', possible: [40, 300], normal: [90, 139], decimals: 0 },
  bp_diastolic: { label: '舒张压', unit: 'mmHg', possible: [20, 200], normal: [60, 89], decimals: 0 },
  spo2: { label: '血氧饱和度', unit: '%', possible: [50, 100], normal: [95, 100], decimals: 0 },
  height_cm: { label: '身高', unit: 'cm', possible: [30, 250], normal: null, decimals: 1 },
  weight_kg: { label: '体重', unit: 'kg', possible: [0.5, 300], normal: null, decimals: 1 },
};

export interface VitalProblem {
  readonly key: VitalKey;
  readonly message: string;
}

/** Values that cannot be real: refused wherever vitals are written (the note's schema, the editor). */
export function impossibleVitals(vitals: VitalSigns): VitalProblem[] {
  const problems: VitalProblem[] = [];
  for (const key of VITAL_KEYS) {
    const value = vitals[key];
    if (value === undefined) continue;
    const rule = VITAL_RULES[key];
    const [min, max] = rule.possible;
    if (!Number.isFinite(value) || value < min || value > max) {
      problems.push({ key, message: `${rule.label} ${String(value)}${rule.unit} 不可能，请核对（应在 ${min}–${max}${rule.unit} 之间）` });
    }
  }
  const { bp_systolic: systolic, bp_diastolic: diastolic } = vitals;
  if (systolic !== undefined && diastolic !== undefined && diastolic >= systolic) {
    problems.push({ key: 'bp_diastolic', message: `舒张压（${diastolic}）应低于收缩压（${systolic}），请核对血压` });
  }
  return problems;
}

export type VitalFlag = 'high' | 'low';

/** Possible but abnormal values, each with its direction, for the editor's and the note's marks. */
export function abnormalVitals(vitals: VitalSigns): Partial<Record<VitalKey, VitalFlag>> {
  const flags: Partial<Record<VitalKey, VitalFlag>> = {};
  for (const key of VITAL_KEYS) {
    const value = vitals[key];
    const band = VITAL_RULES[key].normal;
    if (value === undefined || band === null) continue;
    if (value < band[0]) flags[key] = 'low';
    else if (value > band[1]) flags[key] = 'high';
  }
  return flags;
}

/** BMI (kg/m²) to one decimal, or null without both height and weight. */
export function bodyMassIndex(vitals: VitalSigns): number | null {
  const { height_cm: height, weight_kg: weight } = vitals;
  if (height === undefined || weight === undefined || height <= 0) return null;
  return Math.round((weight / (height / 100) ** 2) * 10) / 10;
}

export type BmiBand = 'underweight' | 'normal' | 'overweight' | 'obese';
export const BMI_BAND_LABELS: Readonly<Record<BmiBand, string>> = { underweight: '偏瘦', normal: '正常', overweight: '超重', obese: '肥胖' };

export function bmiBand(bmi: number): BmiBand {
  if (bmi < 18.5) return 'underweight';
  if (bmi < 24) return 'normal';
  if (bmi < 28) return 'overweight';
  return 'obese';
}

/** The vitals as one line of a note (“T 36.8℃ P 78次/分 … BMI 24.2”), in the order doctors write them. */
export function vitalsLine(vitals: VitalSigns): string {
  const part = (short: string, key: VitalKey) => (vitals[key] === undefined ? null : `${short} ${String(vitals[key])}${VITAL_RULES[key].unit}`);
  const bp = vitals.bp_systolic !== undefined && vitals.bp_diastolic !== undefined ? `BP ${vitals.bp_systolic}/${vitals.bp_diastolic}mmHg` : null;
  const bmi = bodyMassIndex(vitals);
  return [
    part('T', 'temperature'),
    part('P', 'pulse'),
    part('R', 'respiration'),
    bp,
    part('SpO₂', 'spo2'),
    part('身高', 'height_cm'),
    part('体重', 'weight_kg'),
    bmi === null ? null : `BMI ${bmi}`,
  ]
    .filter((each): each is string => each !== null)
    .join(' ');
}
