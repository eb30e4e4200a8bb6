import { useEffect, useReducer } from 'react';
import type { ConflictChoice } from '../../../../shared/api/sync';
import { useClinicZone } from '../../app/clinic-clock';
import { useClient } from '../../app/client-context';
import { Button, ErrorBanner } from '../../ui';
import { conflictDetailReducer, INITIAL_CONFLICT_DETAIL } from './conflict-detail-state';
import { choiceFromPicks, pickedSide } from './conflict-picks';
import { formatWhen } from './format';
import { fieldLabel, SYNC_TEXT } from './text';

const T = SYNC_TEXT.inbox;
/** The winner is the base a per-field choice starts from. */
const BASE = 0;

interface ConflictDetailProps {
  readonly id: string;
  readonly onResolved: (label: string) => void;
  readonly onClose: () => void;
}

/** Both versions side by side, the differing fields marked; keep one whole or pick per field. */
export function ConflictDetail({ id, onResolved, onClose }: ConflictDetailProps) {
  const client = useClient();
  const zone = useClinicZone();
  const [{ detail, picks, error, saving }, dispatch] = useReducer(conflictDetailReducer, INITIAL_CONFLICT_DETAIL);

  useEffect(() => {
    void (async () => {
      const result = await client.api.sync['conflicts.show']({ id });
      dispatch(result.ok ? { type: 'read', detail: result.value } : { type: 'failed', error: result.error });
    })();
  }, [client, id]);

  const resolve = async (choice: ConflictChoice) => {
    if (!detail || saving) return;
    dispatch({ type: 'saveStarted' });
    const result = await client.api.sync['conflicts.resolve']({ id: detail.id, seenRevs: detail.seenRevs, choice });
    if (!result.ok) return dispatch({ type: 'failed', error: result.error });
    onResolved(detail.label);
  };

  return (
    <div data-testid="conflict-detail" data-conflict={id} className="grid gap-4">
      <div className="flex items-center gap-3">
        <h3 className="text-lg font-semibold">{detail?.label ?? id}</h3>
        <span className="flex-1" />
        <Button onClick={onClose}>{T.close}</Button>
      </div>
      <ErrorBanner error={error} onDismiss={() => dispatch({ type: 'dismissError' })} />
      {detail && (
        <>
          <p className="text-ink-soft">{T.pickHint}</p>
          <div className="overflow-x-auto">
            <table className="w-full table-fixed border-collapse text-left">
              <thead>
                <tr className="align-bottom">
                  <th className="w-40 px-2 py-2 text-sm font-medium text-muted">{T.field}</th>
                  {detail.sides.map((side, index) => (
                    <th key={side.rev} data-side={index} className="px-2 py-2">
                      <div className="font-semibold">{side.winner ? T.winner : T.other}</div>
                      <div className="text-sm font-normal text-muted">{T.changedBy(side.updatedBy, formatWhen(side.updatedAt, zone))}</div>
                      <Button className="mt-2" disabled={saving} onClick={() => void resolve({ kind: 'keep', rev: side.rev })}>
                        {T.keepThis}
                      </Button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {detail.fields.map((field) => (
                  <tr key={field.name} data-field-row={field.name} data-differs={field.differs} className="border-t border-divider align-top">
                    <th scope="row" className={`px-2 py-2 font-normal ${field.pickable ? 'text-ink' : 'text-faint'}`}>
                      {fieldLabel(detail.type, field.name)}
                      {field.differs && field.pickable && <span className="ml-1 rounded bg-warning-tint px-1 text-xs text-warning-ink">{T.differs}</span>}
                      {!field.pickable && <span className="block text-xs">{T.recordField}</span>}
                    </th>
                    {field.values.map((value, index) => {
                      const choosable = field.pickable && field.differs;
                      const chosen = choosable && pickedSide(picks, field.name, BASE) === index;
                      const text = value ?? '（无此项）';
                      if (!choosable) {
                        return (
                          <td
                            key={index}
                            data-side={index}
                            className={`px-2 py-2 break-words ${field.differs ? 'bg-warning-soft' : ''} ${field.pickable ? '' : 'text-faint'}`}
                          >
                            {text}
                          </td>
                        );
                      }
                      return (
                        <td key={index} data-side={index} className="px-1 py-1">
                          <button
                            type="button"
                            aria-pressed={chosen}
                            onClick={() => dispatch({ type: 'pick', field: field.name, side: index })}
                            className={`w-full rounded-md border px-2 py-1.5 text-left break-words ${
                              chosen
                                ? 'border-primary-bright bg-primary-soft font-semibold ring-2 ring-primary-line'
                                : 'border-warning-line bg-warning-soft hover:bg-warning-muted'
                            }`}
                          >
                            {text}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <Button tone="primary" disabled={saving} onClick={() => void resolve(choiceFromPicks(detail, BASE, picks))}>
              {saving ? T.saving : T.saveChoice}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
