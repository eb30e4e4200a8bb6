import { describe, expect, it } from 'vitest';
import { outpatientNoteDoc } from '../docs/outpatient-note';
import { EXAMPLE_OUTPATIENT_NOTE } from '../docs/examples';
import { abnormalVitals, bmiBand, bodyMassIndex, impossibleVitals, vitalsLine } from './vitals';

describe('vital signs', () => {
  it('refuses values that cannot be real, naming the sign', () => {
    expect(impossibleVitals({ temperature: 36.8, pulse: 80 })).toEqual([]);
    const problems = impossibleVitals({ temperature: 368, pulse: 0, spo2: 101 });
    expect(problems.map((p) => p.key)).toEqual(['temperature', 'pulse', 'spo2']);
    expect(problems[0].message).toContain('体温 368℃ 不可能');
    expect(impossibleVitals({ bp_systolic: 80, bp_diastolic: 120 }).map((p) => p.message)).toEqual(['舒张压（120）应低于收缩压（80），请核对血压']);
    expect(impossibleVitals({ weight_kg: Number.NaN })).toHaveLength(1);
  });

  it('flags abnormal values high or low, and leaves normal ones alone', () => {
    expect(abnormalVitals({ temperature: 38.5, pulse: 50, bp_systolic: 150, bp_diastolic: 80, spo2: 97 })).toEqual({
      temperature: 'high',
      pulse: 'low',
      bp_systolic: 'high',
    });
    expect(abnormalVitals({ height_cm: 240, weight_kg: 2 })).toEqual({});
  });

  it('computes BMI to one decimal and its Chinese band', () => {
    expect(bodyMassIndex({ height_cm: 165, weight_kg: 70 })).toBe(25.7);
    expect(bodyMassIndex({ height_cm: 165 })).toBeNull();
    expect(bmiBand(17)).toBe('underweight');
    expect(bmiBand(23.9)).toBe('normal');
    expect(bmiBand(24)).toBe('overweight');
    expect(bmiBand(28)).toBe('obese');
    expect(vitalsLine({ temperature: 36.6, bp_systolic: 152, bp_diastolic: 94, height_cm: 165, weight_kg: 70 })).toBe(
      'T 36.6℃ BP 152/94mmHg 身高 165cm 体重 70kg BMI 25.7',
    );
  });

  it('makes the note schema refuse impossible vitals, so none is ever stored', () => {
    const bad = outpatientNoteDoc.safeParse({ ...EXAMPLE_OUTPATIENT_NOTE, vitals: { temperature: 3.7 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['vitals', 'temperature']);
    expect(outpatientNoteDoc.safeParse(EXAMPLE_OUTPATIENT_NOTE).success).toBe(true);
  });

  it('refuses a note with no primary diagnosis, or signed with copied text not yet proofread', () => {
    const secondary = EXAMPLE_OUTPATIENT_NOTE.diagnoses.map((d) => ({ ...d, position: 'secondary' }));
    expect(outpatientNoteDoc.safeParse({ ...EXAMPLE_OUTPATIENT_NOTE, diagnoses: secondary }).success).toBe(false);
    const copied = [{ field: 'present_illness', from_note_id: 'outpatient_note:01JQ0000000000000000000009', proofread: false }];
    expect(outpatientNoteDoc.safeParse({ ...EXAMPLE_OUTPATIENT_NOTE, copy_marks: copied }).success).toBe(true);
    expect(outpatientNoteDoc.safeParse({ ...EXAMPLE_OUTPATIENT_NOTE, copy_marks: copied, status: 'signed' }).success).toBe(false);
  });
});
