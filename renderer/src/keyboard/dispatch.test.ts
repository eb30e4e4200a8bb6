import { describe, expect, it } from 'vitest';
import { pickShortcut, type Binding } from './dispatch';
import type { ShortcutId } from './keymap';

/** A stand-in for a DOM element: `contains` is all the dispatcher asks of it. */
const area = (...inside: object[]) => ({ contains: (node: unknown) => inside.includes(node as object) }) as unknown as Element;

let order = 0;
const bind = (ids: ShortcutId[], extra: Partial<Binding> = {}): Binding => ({ order: order++, ids, within: null, modal: false, ...extra });

const home = bind(['home.registration', 'home.records', 'app.help']);
const registration = bind(['registration.register', 'registration.escape', 'registration.enter']);

describe('picking the shortcut a key means', () => {
  it('opens sections with F1–F5 and Alt+1–5', () => {
    expect(pickShortcut('F1', [home], null)?.id).toBe('home.registration');
    expect(pickShortcut('Alt+3', [home], null)?.id).toBe('home.records');
    expect(pickShortcut('F9', [home], null)).toBeNull();
  });

  it('lets a dialog’s key win over the screen’s, but only with the cursor in the dialog', () => {
    const field = {};
    const editor = bind(['editPatient.close', 'editPatient.save'], { within: () => area(field) });
    const bindings = [home, registration, editor];
    expect(pickShortcut('Escape', bindings, field as Node)?.id).toBe('editPatient.close');
    expect(pickShortcut('Escape', bindings, {} as Node)?.id).toBe('registration.escape');
    expect(pickShortcut('Ctrl+S', bindings, {} as Node)).toBeNull();
    // F8 means one thing: 挂号, wherever the cursor is.
    expect(pickShortcut('F8', bindings, field as Node)?.id).toBe('registration.register');
  });

  it('acts nowhere while the element of a `within` binding is not there', () => {
    const editor = bind(['editPatient.close'], { within: () => null });
    expect(pickShortcut('Escape', [editor], {} as Node)).toBeNull();
  });

  it('never dispatches a key the field handles itself', () => {
    expect(pickShortcut('Enter', [registration], null)).toBeNull();
  });

  it('gives only the modal dialog keys while it is open', () => {
    const help = bind(['help.close'], { modal: true });
    const bindings = [home, registration, help];
    expect(pickShortcut('Escape', bindings, null)?.id).toBe('help.close');
    expect(pickShortcut('F8', bindings, null)).toBeNull();
    expect(pickShortcut('Shift+F1', bindings, null)?.id).toBe('help.close');
    expect(pickShortcut('Shift+F1', [home, registration], null)?.id).toBe('app.help');
  });

  it('prefers the binding mounted last within one layer', () => {
    const first = bind(['merge.back'], { within: null });
    const second = bind(['duplicates.back'], { within: null });
    expect(pickShortcut('Escape', [first, second], null)?.id).toBe('duplicates.back');
  });
});
