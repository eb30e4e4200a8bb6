/**
 * Long-term conditions shown on the patient banner, recognised from the codes of earlier diagnoses
 * (ICD-10 categories; the 基本公共卫生服务 programmes follow hypertension, type 2 diabetes, severe
 * mental disorders and tuberculosis, and doctors want the other common ones in sight too).
 */
const CHRONIC_CATEGORIES: ReadonlyArray<{ readonly name: string; readonly from: string; readonly to: string }> = [
  { name: '高血压', from: 'I10', to: 'I15' },
  { name: '糖尿病', from: 'E10', to: 'E14' },
  { name: '冠心病', from: 'I20', to: 'I25' },
  { name: '脑卒中', from: 'I60', to: 'I69' },
  { name: '慢阻肺', from: 'J44', to: 'J44' },
  { name: '哮喘', from: 'J45', to: 'J46' },
  { name: '慢性肾脏病', from: 'N18', to: 'N18' },
  { name: '结核病', from: 'A15', to: 'A19' },
  { name: '严重精神障碍', from: 'F20', to: 'F31' },
];

/** The conditions among these codes, each once, in the order of the list above. */
export function chronicConditions(codes: Iterable<string>): string[] {
  const categories = new Set([...codes].map((code) => code.slice(0, 3).toUpperCase()));
  return CHRONIC_CATEGORIES.filter((c) => [...categories].some((category) => category >= c.from && category <= c.to)).map((c) => c.name);
}
