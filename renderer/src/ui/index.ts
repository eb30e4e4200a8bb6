// The renderer's toolkit: screens are composed of these parts (see renderer/README.md).
export { Button, type ButtonSize, type ButtonTone } from './Button';
export { Card, Panel } from './Card';
export { CheckboxField } from './CheckboxField';
export { ChoiceGroup } from './ChoiceGroup';
export { DataTable, type Column } from './data-table/DataTable';
export { Confirm, Dialog } from './Dialog';
export { ErrorBanner } from './ErrorBanner';
export { InlineEditor } from './InlineEditor';
export { KeyboardForm } from './KeyboardForm';
export { RowButton } from './RowButton';
export { SelectField, type SelectOption } from './SelectField';
export { Notice, StatusLine } from './StatusLine';
export { TextField } from './TextField';
export { Toast } from './Toast';
export { useCreateForm } from './form/use-create-form';
export { useEditor, type Editor } from './form/use-editor';
export { useForm, type FormHandle } from './form/use-form';
