import { abnormalVitals, bmiBand, BMI_BAND_LABELS, bodyMassIndex, VITAL_KEYS, VITAL_RULES, type VitalKey } from '../../../../shared/clinical/vitals';
import { TextField } from '../../ui';
import type { NoteForm } from './note-form';
import { vitalsOf } from './note-form';
import { OUTPATIENT_TEXT } from './text';

const T = OUTPATIENT_TEXT.note;

/** 生命体征: each sign with its unit; abnormal ones flagged as typed, BMI worked out from height and weight. */
export function VitalsFields(props: {
  readonly form: NoteForm;
  readonly errors: Readonly<Record<string, string>>;
  readonly readOnly: boolean;
  readonly onChange: (key: VitalKey, value: string) => void;
}) {
  const { vitals } = vitalsOf(props.form);
  const flags = abnormalVitals(vitals);
  const bmi = bodyMassIndex(vitals);
  return (
    <fieldset className="grid grid-cols-4 gap-field" data-field="vitals">
      <legend className="mb-1 font-medium">{T.vitals}</legend>
      {VITAL_KEYS.map((key) => {
        const flag = flags[key];
        return (
          <TextField
            key={key}
            label={`${VITAL_RULES[key].label}（${VITAL_RULES[key].unit}）`}
            path={`vitals.${key}`}
            value={props.form.vitals[key]}
            onChange={(value) => props.onChange(key, value)}
            readOnly={props.readOnly}
            inputMode="decimal"
            error={props.errors[`vitals.${key}`]}
            hint={flag ? (flag === 'high' ? T.abnormalHigh : T.abnormalLow) : undefined}
            inputClassName={flag ? 'border-warning-edge bg-warning-soft' : ''}
          />
        );
      })}
      <p className="col-span-4 text-ink-soft" data-testid="bmi">
        {T.bmi}：{bmi === null ? '—' : `${bmi}（${BMI_BAND_LABELS[bmiBand(bmi)]}）`}
      </p>
    </fieldset>
  );
}
