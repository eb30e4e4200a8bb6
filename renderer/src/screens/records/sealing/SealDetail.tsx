import { useState } from 'react';
import type { SealDetailView, SealPreviewView } from '../../../../../shared/api/custody';
import { rolesGrant, type Role } from '../../../../../shared/permissions';
import { clinicDate, clinicDateTime } from '../../../../../shared/time/clinic-time';
import { useClient } from '../../../app/client-context';
import { useClinicZone } from '../../../app/clinic-clock';
import { Button, TextField } from '../../../ui';
import { useDeskCall } from '../lending/use-call';
import { ConfirmSides, confirmationOf, NO_SIDES, type Sides } from './ConfirmSides';
import { SEALING_TEXT as T } from './text';

type Desk = ReturnType<typeof useDeskCall>;

/**
 * One seal opened (an audited read): its stages with every sealed revision checked against its
 * digest, printable as the 封存清单; staged sealing of later parts; approval and unsealing.
 */
export function SealDetail({
  seal,
  roles,
  desk,
  onChanged,
}: {
  readonly seal: SealDetailView;
  readonly roles: ReadonlyArray<Role>;
  readonly desk: Desk;
  readonly onChanged: (seal: SealDetailView) => void;
}) {
  const client = useClient();
  const zone = useClinicZone();
  const [reason, setReason] = useState('');
  const [stage, setStage] = useState<SealPreviewView | null>(null);
  const [sides, setSides] = useState<Sides>(NO_SIDES);
  const done = (value: SealDetailView | null) => {
    if (value) onChanged(value);
  };
  const sealed = seal.status === 'sealed';
  const unsealSide = sides.name ? { role: sides.role, name: sides.name, id_number: sides.idNumber } : null;

  return (
    <section data-testid="seal-detail" data-status={seal.status} className="grid gap-field">
      <p data-testid="seal-intact" className={seal.intact ? 'text-success' : 'text-danger'}>
        {seal.intact ? T.intact : T.altered}
      </p>
      <p>{T.noClaimDate(seal.noClaimUnsealDate)}</p>
      <div className="seal-list grid gap-2" data-testid="seal-print">
        <h3 className="font-semibold">
          {seal.patientName} · {seal.caseNumbers.join('、')} · {seal.reason}
        </h3>
        {seal.stages.map((s) => (
          <article key={s.number} className="rounded-md border border-border p-card">
            <h4 className="font-semibold">{T.stage(s.number, clinicDateTime(s.confirmedAt, zone))}</h4>
            <p>{T.sides(`${s.patientSide.roleLabel} ${s.patientSide.name}（${s.patientSide.idNumber}）`, s.institutionSide.displayName)}</p>
            <ol className="list-decimal pl-6">
              {s.items.map((item) => (
                <li key={`${item.id}@${item.rev}`} data-check={item.check}>
                  {item.label} {item.id} · SM3 {item.sm3.slice(0, 16)}… · {T.checks[item.check]}
                </li>
              ))}
            </ol>
            <p className="text-sm text-ink-soft">{T.listDigest(s.listSm3)}</p>
          </article>
        ))}
      </div>
      <div className="flex gap-field">
        <Button onClick={() => window.print()}>{T.print}</Button>
        {sealed && (
          <Button
            onClick={() =>
              void desk
                .run(
                  () => client.call('custody.sealPreview', { sealId: seal.id }),
                  () => null,
                )
                .then(setStage)
            }
          >
            {T.stagePreview}
          </Button>
        )}
      </div>
      {sealed && stage && (
        <>
          <ConfirmSides preview={stage} sides={sides} onChange={setSides} />
          <Button
            tone="primary"
            onClick={() =>
              void desk
                .run(
                  () => client.call('custody.addSealStage', { sealId: seal.id, confirmation: confirmationOf(stage, sides) }),
                  (v) => T.sealed(v.itemCount),
                )
                .then((v) => {
                  if (v) setStage(null);
                  done(v);
                })
            }
          >
            {T.addStage}
          </Button>
        </>
      )}
      {sealed && (
        <div className="grid gap-field" data-testid="unseal-form">
          <TextField label={T.unsealReason} path="reason" value={reason} onChange={setReason} />
          {!stage && <ConfirmSidesLite sides={sides} onChange={setSides} />}
          <div className="flex gap-field">
            {rolesGrant(roles, 'archive.approve') && !seal.unsealApproved && (
              <Button
                onClick={() =>
                  void desk
                    .run(
                      () => client.call('custody.approveUnseal', { sealId: seal.id, reason }),
                      () => T.approved,
                    )
                    .then(done)
                }
              >
                {T.approveUnseal}
              </Button>
            )}
            <Button
              tone="danger"
              onClick={() =>
                void desk
                  .run(
                    () => client.call('custody.unseal', { sealId: seal.id, kind: 'approved', reason, patientSide: unsealSide }),
                    () => T.unsealed,
                  )
                  .then(done)
              }
            >
              {T.unseal}
            </Button>
            {clinicDate(new Date(), zone) >= seal.noClaimUnsealDate && (
              <Button
                onClick={() =>
                  void desk
                    .run(
                      () => client.call('custody.unseal', { sealId: seal.id, kind: 'no_claim', reason, patientSide: null }),
                      () => T.unsealed,
                    )
                    .then(done)
                }
              >
                {T.unsealNoClaim}
              </Button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/** Who of the patient side is present at the unsealing (AR-30). */
function ConfirmSidesLite({ sides, onChange }: { readonly sides: Sides; readonly onChange: (sides: Sides) => void }) {
  return (
    <div className="grid grid-cols-2 gap-field">
      <TextField label={T.sideName} path="patientSide.name" value={sides.name} onChange={(name) => onChange({ ...sides, name })} />
      <TextField label={T.sideId} path="patientSide.id_number" value={sides.idNumber} onChange={(idNumber) => onChange({ ...sides, idNumber })} />
    </div>
  );
}
