import type { Chord } from './chords';
import { LAYER_RANK, shortcut, type ShortcutId } from './keymap';

/** What a mounted component offers the listener: the shortcuts it acts on, while it is mounted. */
export interface Binding {
  /** Later bindings win over earlier ones in the same layer (the part opened last). */
  readonly order: number;
  readonly ids: ReadonlyArray<ShortcutId>;
  /**
   * Only for key presses inside the element it returns (an inline editor acts where the cursor is);
   * null: wherever the focus is.
   */
  readonly within: (() => Element | null) | null;
  /** While a modal binding is mounted, only modal bindings receive keys. */
  readonly modal: boolean;
}

export interface Picked<B extends Binding> {
  readonly binding: B;
  readonly id: ShortcutId;
}

/**
 * The shortcut a chord means right now: among the mounted bindings that declare it (and whose
 * `within` holds the focus), the highest layer wins — dialog, then section, then global — and
 * within a layer the binding mounted last. Keys a field handles itself are never picked.
 */
export function pickShortcut<B extends Binding>(chord: Chord, bindings: ReadonlyArray<B>, target: Node | null): Picked<B> | null {
  const modal = bindings.some((binding) => binding.modal);
  let best: (Picked<B> & { readonly rank: number }) | null = null;
  for (const binding of bindings) {
    if (modal && !binding.modal) continue;
    if (binding.within !== null) {
      const area = binding.within();
      if (area === null || target === null || !area.contains(target)) continue;
    }
    for (const id of binding.ids) {
      const declared = shortcut(id);
      if (declared.byField || !declared.keys.includes(chord)) continue;
      const rank = LAYER_RANK[declared.layer];
      if (best === null || rank > best.rank || (rank === best.rank && binding.order > best.binding.order)) best = { binding, id, rank };
    }
  }
  return best && { binding: best.binding, id: best.id };
}
