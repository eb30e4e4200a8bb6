import { useState, type InputHTMLAttributes } from 'react';
import type { FieldErrors } from '../forms/field-errors';
import type { TextKey } from './form/form-state';
import { TextField } from './TextField';
import { UI_TEXT } from './text';

/** Turns what was typed into what is kept (codes in lower case); `note` says so under the field. */
export interface Normaliser {
  readonly apply: (typed: string) => string;
  readonly note: (typed: string, kept: string) => string;
}

export const LOWER_CASE: Normaliser = { apply: (typed) => typed.toLowerCase(), note: UI_TEXT.lowerCased };
export const UPPER_CASE: Normaliser = { apply: (typed) => typed.toUpperCase(), note: UI_TEXT.upperCased };

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'className'>;

/** One text field of a form, declared as data. */
export interface ListedField<D> {
  /** The draft's field. */
  readonly name: TextKey<D>;
  /** The contract path its errors come under; the name when left out. */
  readonly path?: string;
  readonly label: string;
  readonly hint?: string;
  readonly optional?: boolean;
  readonly normalise?: Normaliser;
  /** Other paths whose messages an edit of this field clears (the second password when the first changes). */
  readonly clears?: ReadonlyArray<string>;
  readonly input?: InputProps;
  /** Classes of the input (width, font); `className` styles the whole field. */
  readonly inputClassName?: string;
  readonly className?: string;
}

interface FieldListProps<D> {
  /** `false` leaves a field out (one shown only under 更多). */
  readonly fields: ReadonlyArray<ListedField<D> | false>;
  readonly draft: D;
  readonly errors: FieldErrors;
  /** The whole draft after the edit, and the paths whose messages go. */
  readonly onChange: (next: D, ...paths: string[]) => void;
  readonly className?: string;
}

/**
 * Labelled text fields in a column (or a grid, by `className`), each bound to one field of a draft.
 * A field that changes what is typed (lower case) says so under itself at once, never silently.
 */
export function FieldList<D>({ fields, draft, errors, onChange, className = 'grid gap-5' }: FieldListProps<D>) {
  const [notes, setNotes] = useState<Readonly<Record<string, string>>>({});
  return (
    <div className={className}>
      {fields.map((field) => {
        if (field === false) return null;
        const path = field.path ?? field.name;
        const change = (typed: string) => {
          const kept = field.normalise ? field.normalise.apply(typed) : typed;
          // The note stays while the field holds what it changed, and goes when the field is emptied.
          if (field.normalise && kept !== typed) setNotes((current) => ({ ...current, [path]: field.normalise!.note(typed, kept) }));
          else if (kept === '') setNotes((current) => ({ ...current, [path]: '' }));
          onChange({ ...draft, [field.name]: kept }, path, ...(field.clears ?? []));
        };
        return (
          <TextField
            key={path}
            {...field.input}
            label={field.label}
            path={path}
            value={draft[field.name] as string}
            onChange={change}
            error={errors[path]}
            hint={field.hint}
            note={notes[path] || undefined}
            optional={field.optional}
            inputClassName={field.inputClassName}
            className={field.className}
          />
        );
      })}
    </div>
  );
}
