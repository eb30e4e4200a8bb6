import { useState, type Ref } from 'react';
import type { ApiError, PrescriptionItemInput, PrescriptionView, PrescriptionWarning } from '../../../../shared/api';
import { FREQUENCIES, ROUTES } from '../../../../shared/codes/drug-codes';
import { useClient } from '../../app/client-context';
import { Button, ErrorBanner, Panel, RowButton, SelectField, TextField } from '../../ui';
import { DRUG_SEARCH, type DrugHit } from './dictionary-searches';
import { SearchPicker } from './SearchPicker';

type Kind = 'ordinary' | 'emergency';

const T = {
  title: '处方',
  dose: '每次剂量',
  unit: '单位',
  route: '用法',
  frequency: '频次',
  days: '天数',
  kind: '处方类别',
  kinds: { ordinary: '普通处方', emergency: '急诊处方' },
  save: '保存处方',
  saved: '处方已保存。',
  answer: '确认理由（如：已询问，患者否认过敏）',
  refusal: '不能开具',
  pdf: '处方笺 PDF',
  remove: '删除',
} as const;

const itemOf = (drug: DrugHit): PrescriptionItemInput => ({
  drug_ref: drug.code,
  drug_name: drug.genericName,
  strength: `${drug.strengthValue}${drug.strengthUnit}×${drug.packageSize}${drug.unit}/${drug.packageUnit}`,
  dose: drug.defaultDose ?? drug.strengthValue,
  dose_unit: drug.defaultDoseUnit ?? drug.strengthUnit,
  route: drug.defaultRoute ?? 'po',
  frequency: drug.defaultFrequency ?? 'tid',
  days: 3,
});

/** 处方 of the open visit: drugs from the clinic list, the quantity computed, every check answered or shown as a refusal. */
export function PrescriptionEditor(props: {
  readonly encounterId: string;
  readonly saved: PrescriptionView | null;
  readonly initialItems: ReadonlyArray<PrescriptionItemInput> | null;
  readonly readOnly: boolean;
  readonly inputRef: Ref<HTMLInputElement>;
  readonly onSaved: (prescription: PrescriptionView) => void;
}) {
  const client = useClient();
  const [kind, setKind] = useState<Kind>(props.saved?.kind ?? 'ordinary');
  const [items, setItems] = useState<ReadonlyArray<PrescriptionItemInput>>(props.initialItems ?? props.saved?.items ?? []);
  const [warnings, setWarnings] = useState<ReadonlyArray<PrescriptionWarning>>([]);
  const [answers, setAnswers] = useState<Readonly<Record<string, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const change = (index: number, patch: Partial<PrescriptionItemInput>) =>
    setItems((current) => current.map((item, i) => (i === index ? { ...item, ...patch, quantity: undefined } : item)));

  const save = async () => {
    setNotice(null);
    const result = await client.api.outpatient.savePrescription({
      encounterId: props.encounterId,
      id: props.saved?.id,
      rev: props.saved?.rev,
      kind,
      items: [...items],
      answers: { ...answers },
    });
    if (!result.ok) return setError(result.error);
    setError(null);
    if (result.value.outcome === 'warnings') return setWarnings(result.value.warnings);
    setWarnings([]);
    setItems(result.value.prescription.items);
    setNotice(T.saved);
    props.onSaved(result.value.prescription);
  };

  const openPdf = async () => {
    if (!props.saved) return;
    const result = await client.api.outpatient.prescriptionPdf({ id: props.saved.id });
    if (!result.ok) return setError(result.error);
    window.open(`data:application/pdf;base64,${result.value.pdfBase64}`, '_blank');
  };

  return (
    <Panel title={T.title} testId="prescription">
      {error && <ErrorBanner error={error} />}
      <SelectField
        label={T.kind}
        path="kind"
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        options={(['ordinary', 'emergency'] as const).map((k) => ({ value: k, label: T.kinds[k] }))}
        disabled={props.readOnly}
      />
      <ol className="grid gap-2">
        {items.map((item, index) => (
          <li key={`${item.drug_ref ?? item.drug_name}-${index}`} data-rx-item={item.drug_ref ?? item.drug_name} className="grid grid-cols-6 items-end gap-2">
            <p className="col-span-6 font-medium">
              {index + 1}. {item.drug_name}　<span className="text-sm text-muted">{item.strength}</span>
              {item.quantity !== undefined && (
                <span data-testid="rx-quantity">
                  　×{item.quantity}
                  {item.quantity_unit}
                </span>
              )}
            </p>
            <TextField
              label={T.dose}
              path={`items.${index}.dose`}
              value={String(item.dose)}
              onChange={(v) => change(index, { dose: Number(v) })}
              readOnly={props.readOnly}
              inputMode="decimal"
            />
            <TextField
              label={T.unit}
              path={`items.${index}.dose_unit`}
              value={item.dose_unit}
              onChange={(v) => change(index, { dose_unit: v })}
              readOnly={props.readOnly}
            />
            <SelectField
              label={T.route}
              path={`items.${index}.route`}
              value={item.route}
              onChange={(v) => change(index, { route: v })}
              options={ROUTES.map((r) => ({ value: r.code, label: r.label }))}
              disabled={props.readOnly}
            />
            <SelectField
              label={T.frequency}
              path={`items.${index}.frequency`}
              value={item.frequency}
              onChange={(v) => change(index, { frequency: v })}
              options={FREQUENCIES.map((f) => ({ value: f.code, label: f.label }))}
              disabled={props.readOnly}
            />
            <TextField
              label={T.days}
              path={`items.${index}.days`}
              value={String(item.days)}
              onChange={(v) => change(index, { days: Number(v) })}
              readOnly={props.readOnly}
              inputMode="numeric"
            />
            {!props.readOnly && (
              <RowButton action="remove-item" onClick={() => setItems((current) => current.filter((_, i) => i !== index))}>
                {T.remove}
              </RowButton>
            )}
          </li>
        ))}
      </ol>
      {warnings.length > 0 && (
        <ul className="grid gap-2" data-testid="rx-warnings">
          {warnings.map((w) => (
            <li
              key={w.key}
              data-warning={w.code}
              data-severity={w.severity}
              className={`rounded-md border p-2 ${w.severity === 'refusal' ? 'border-danger-line bg-danger-soft' : 'border-warning-edge bg-warning-soft'}`}
            >
              <p>{w.severity === 'refusal' ? `${T.refusal}：${w.message}` : w.message}</p>
              {w.severity === 'warning' && (
                <TextField
                  label={T.answer}
                  path={`answers.${w.key}`}
                  value={answers[w.key] ?? ''}
                  onChange={(v) => setAnswers((a) => ({ ...a, [w.key]: v }))}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {!props.readOnly && <SearchPicker kind={DRUG_SEARCH} inputRef={props.inputRef} onPick={(drug) => setItems((current) => [...current, itemOf(drug)])} />}
      <div className="flex gap-3">
        {!props.readOnly && (
          <Button onClick={() => void save()} data-action="save-prescription">
            {T.save}
          </Button>
        )}
        {props.saved && (
          <Button tone="secondary" onClick={() => void openPdf()}>
            {T.pdf}
          </Button>
        )}
      </div>
      {notice && (
        <p role="status" className="text-success">
          {notice}
        </p>
      )}
    </Panel>
  );
}
