import type { ReactNode } from 'react';
import { Button } from './Button';
import { ErrorBanner } from './ErrorBanner';
import type { Editor } from './form/use-editor';
import { KeyboardForm } from './KeyboardForm';
import { UI_TEXT as T } from './text';

interface InlineEditorProps<D> {
  /** `data-form` of the form, for tests: `edit-user`, `password`, `edit-department`. */
  readonly name: string;
  readonly title: string;
  readonly editor: Editor<D>;
  readonly children: ReactNode;
}

/** The frame of an editor opened under a list row: title, the server's message, fields, 保存 and 取消. */
export function InlineEditor<D>({ name, title, editor, children }: InlineEditorProps<D>) {
  return (
    <div>
      <KeyboardForm
        ref={editor.formRef}
        data-form={name}
        aria-label={title}
        onSubmit={() => void editor.submit()}
        className="my-2 grid gap-3 rounded-md border-2 border-primary-bright bg-primary-soft/40 p-4"
      >
        <h3 className="font-semibold">{title}</h3>
        <ErrorBanner error={editor.error} onDismiss={editor.dismissError} />
        {children}
        <div className="flex justify-end gap-3">
          <Button onClick={editor.cancel}>{T.cancel}</Button>
          <Button tone="primary" type="submit" disabled={editor.saving}>
            {editor.saving ? T.saving : T.save}
          </Button>
        </div>
      </KeyboardForm>
    </div>
  );
}
