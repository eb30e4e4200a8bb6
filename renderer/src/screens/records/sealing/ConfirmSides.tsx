import type { SealPreviewView } from '../../../../../shared/api/custody';
import type { PatientSideRole } from '../../../../../shared/docs/seal';
import { CheckboxField, SelectField, TextField } from '../../../ui';
import { SEALING_TEXT as T, SIDE_OPTIONS } from './text';

export interface Sides {
  readonly role: PatientSideRole;
  readonly name: string;
  readonly idNumber: string;
  readonly patientConfirmed: boolean;
  readonly institutionConfirmed: boolean;
}
export const NO_SIDES: Sides = { role: 'patient', name: '', idNumber: '', patientConfirmed: false, institutionConfirmed: false };

/** The confirmation both sides give of one list, as the router takes it. */
export const confirmationOf = (preview: SealPreviewView, sides: Sides) => ({
  listSm3: preview.listSm3,
  patientSide: { role: sides.role, name: sides.name, id_number: sides.idNumber },
  patientConfirmed: sides.patientConfirmed,
  institutionConfirmed: sides.institutionConfirmed,
});

/** The 封存清单 as both sides check it (printable), and the two confirmations. */
export function ConfirmSides({
  preview,
  sides,
  onChange,
}: {
  readonly preview: SealPreviewView;
  readonly sides: Sides;
  readonly onChange: (sides: Sides) => void;
}) {
  const set =
    <K extends keyof Sides>(key: K) =>
    (value: Sides[K]) =>
      onChange({ ...sides, [key]: value });
  return (
    <div className="grid gap-field">
      <section data-testid="seal-list" className="seal-list rounded-md border border-border p-card">
        <h3 className="font-semibold">{T.listHeading(preview.patientName || preview.patientId)}</h3>
        <ol className="list-decimal pl-6">
          {preview.items.map((item) => (
            <li key={`${item.id}@${item.rev}`} data-item={item.id}>
              {item.label} {item.id} · {item.rev.slice(0, 8)} · SM3 {item.sm3.slice(0, 16)}…
            </li>
          ))}
        </ol>
        <p className="text-sm text-ink-soft">{T.listDigest(preview.listSm3)}</p>
      </section>
      <div className="grid grid-cols-3 gap-field">
        <SelectField
          label={T.sideRole}
          path="confirmation.patientSide.role"
          value={sides.role}
          options={SIDE_OPTIONS}
          onChange={(v) => set('role')(v as PatientSideRole)}
        />
        <TextField label={T.sideName} path="confirmation.patientSide.name" value={sides.name} onChange={set('name')} />
        <TextField label={T.sideId} path="confirmation.patientSide.id_number" value={sides.idNumber} onChange={set('idNumber')} />
      </div>
      <CheckboxField label={T.patientConfirmed} path="confirmation.patientConfirmed" checked={sides.patientConfirmed} onChange={set('patientConfirmed')} />
      <CheckboxField
        label={T.institutionConfirmed}
        path="confirmation.institutionConfirmed"
        checked={sides.institutionConfirmed}
        onChange={set('institutionConfirmed')}
      />
    </div>
  );
}
