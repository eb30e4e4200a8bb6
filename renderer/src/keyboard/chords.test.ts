import { describe, expect, it } from 'vitest';
import { chordLabel, chordOf, isCanonical, typesCharacter } from './chords';

const press = (key: string, extra: Partial<{ code: string; ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...extra,
});

describe('chords', () => {
  it('spells a press one way: modifiers in order, letters upper case, digits from the physical key', () => {
    expect(chordOf(press('F8'))).toBe('F8');
    expect(chordOf(press('F1', { shiftKey: true }))).toBe('Shift+F1');
    expect(chordOf(press('s', { ctrlKey: true, code: 'KeyS' }))).toBe('Ctrl+S');
    expect(chordOf(press('¡', { altKey: true, code: 'Digit1' }))).toBe('Alt+1');
    expect(chordOf(press('Escape'))).toBe('Escape');
    expect(chordOf(press('Shift', { shiftKey: true }))).toBeNull();
  });

  it('every spelling chordOf produces is canonical', () => {
    for (const chord of ['F8', 'Shift+F1', 'Ctrl+S', 'Alt+1', 'Escape', 'ArrowUp']) expect(isCanonical(chord)).toBe(true);
    for (const chord of ['f8', 'Ctrl+s', 'Shift+Ctrl+S', 'Esc', 'Control+S']) expect(isCanonical(chord)).toBe(false);
  });

  it('knows which presses type a character', () => {
    expect(typesCharacter('S')).toBe(true);
    expect(typesCharacter('Shift+?')).toBe(true);
    expect(typesCharacter('Ctrl+S')).toBe(false);
    expect(typesCharacter('F8')).toBe(false);
  });

  it('labels keys for people', () => {
    expect(chordLabel('Escape')).toBe('Esc');
    expect(chordLabel('Shift+F1')).toBe('Shift+F1');
    expect(chordLabel('ArrowDown')).toBe('↓');
  });
});
