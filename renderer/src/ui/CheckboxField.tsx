interface CheckboxFieldProps {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly path?: string;
}

export function CheckboxField({ label, checked, onChange, path }: CheckboxFieldProps) {
  return (
    <label data-field={path} className="inline-flex cursor-pointer items-center gap-2 select-none">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} className="size-4 accent-primary" />
      <span>{label}</span>
    </label>
  );
}
