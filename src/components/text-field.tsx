// Labelled text inputs and outputs; every read-only output gets its Copy button here, once.
import { useId, type ReactNode } from 'react';
import { CopyButton } from './copy-button.tsx';

interface FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange?: (value: string) => void;
  readonly placeholder?: string;
  /** Outputs are read-only and get a Copy button. */
  readonly readOnly?: boolean;
  /** An editable field whose value is also worth copying (a generated secret the user may edit). */
  readonly copyable?: boolean;
  /** What Copy copies when it is more than what is shown (a truncated preview). */
  readonly copyValue?: string | (() => string);
  /** Id of the alert describing this field's problem, if any. */
  readonly describedBy?: string;
  readonly invalid?: boolean;
  /** Buttons beside the label (Generate, Swap, …). */
  readonly actions?: ReactNode;
  readonly hint?: ReactNode;
}

interface ControlProps {
  readonly id: string;
  readonly value: string;
  readonly placeholder?: string;
  readonly readOnly: boolean;
  readonly spellCheck: false;
  readonly autoComplete: 'off';
  readonly autoCapitalize: 'off';
  readonly autoCorrect: 'off';
  readonly 'aria-invalid'?: true;
  readonly 'aria-describedby'?: string;
  readonly onChange?: (event: { target: { value: string } }) => void;
}

/** The frame every field shares: label, actions and Copy on one row, the control, then a hint. */
function Field({
  label,
  value,
  onChange,
  placeholder,
  readOnly = false,
  copyable = false,
  copyValue,
  describedBy,
  invalid = false,
  actions,
  hint,
  control,
}: FieldProps & { readonly control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const describedByIds =
    [describedBy, hint ? hintId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-semibold">
          {label}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          {actions}
          {(readOnly || copyable) && (
            <CopyButton
              value={copyValue ?? value}
              label={label.toLowerCase()}
              disabled={value === ''}
            />
          )}
        </div>
      </div>
      {control({
        id,
        value,
        placeholder,
        readOnly,
        spellCheck: false,
        autoComplete: 'off',
        autoCapitalize: 'off',
        autoCorrect: 'off',
        ...(invalid ? { 'aria-invalid': true } : {}),
        ...(describedByIds ? { 'aria-describedby': describedByIds } : {}),
        ...(onChange
          ? {
              onChange: (event: { target: { value: string } }) => {
                onChange(event.target.value);
              },
            }
          : {}),
      })}
      {hint && (
        <div id={hintId} className="text-xs text-muted">
          {hint}
        </div>
      )}
    </div>
  );
}

export function TextAreaField({
  rows = 6,
  wrap = 'soft',
  ...props
}: FieldProps & { readonly rows?: number; readonly wrap?: 'soft' | 'off' }) {
  return (
    <Field
      {...props}
      control={(control) => (
        <textarea
          {...control}
          rows={rows}
          wrap={wrap}
          className={`w-full resize-y ${wrap === 'soft' ? 'break-all' : 'whitespace-pre'} ${props.invalid ? 'border-danger' : ''}`}
        />
      )}
    />
  );
}

export function TextInputField({
  type = 'text',
  ...props
}: FieldProps & { readonly type?: 'text' | 'url' }) {
  return (
    <Field
      {...props}
      control={(control) => (
        <input
          {...control}
          type={type}
          className={`w-full font-mono text-sm ${props.invalid ? 'border-danger' : ''}`}
        />
      )}
    />
  );
}
