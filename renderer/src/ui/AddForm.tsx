import type { ReactNode } from 'react';
import { Button } from './Button';
import { ErrorBanner } from './ErrorBanner';
import type { CreateForm } from './form/use-create-form';
import { KeyboardForm } from './KeyboardForm';
import { StatusLine } from './StatusLine';
import { UI_TEXT } from './text';

interface AddFormProps<D> {
  /** The heading, and the label of the button that adds (新增科室, 新增用户). */
  readonly title: string;
  readonly form: CreateForm<D>;
  readonly children: ReactNode;
}

/** The frame of an add form under a list: heading, what was just added, the server's refusal, the fields, the add button. */
export function AddForm<D>({ title, form, children }: AddFormProps<D>) {
  return (
    <KeyboardForm
      ref={form.formRef}
      data-form="add"
      aria-label={title}
      onSubmit={() => void form.submit()}
      className="grid gap-3 rounded-md border border-border-soft bg-surface-muted p-4"
    >
      <h3 className="font-semibold">{title}</h3>
      {form.added && <StatusLine>{form.added}</StatusLine>}
      <ErrorBanner error={form.error} onDismiss={form.dismissError} />
      {children}
      <div className="flex justify-end">
        <Button tone="primary" type="submit" disabled={form.saving}>
          {form.saving ? UI_TEXT.saving : title}
        </Button>
      </div>
    </KeyboardForm>
  );
}
