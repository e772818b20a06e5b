// The one way to tell the user their input has a problem: role="alert", what is wrong and where.
import type { ReactNode } from 'react';

interface AlertProps {
  readonly children: ReactNode;
  readonly id?: string;
  readonly tone?: 'error' | 'warning';
}

export function Alert({ children, id, tone = 'error' }: AlertProps) {
  const colours =
    tone === 'error'
      ? 'border-danger bg-danger-bg text-danger'
      : 'border-warn bg-warn-bg text-warn';
  return (
    <div role="alert" id={id} className={`rounded-md border-l-4 px-3 py-2 text-sm ${colours}`}>
      {children}
    </div>
  );
}

/** A non-urgent caution: shown, but not announced as an error. */
export function Note({
  children,
  tone = 'warning',
}: {
  readonly children: ReactNode;
  readonly tone?: 'warning' | 'info';
}) {
  const colours =
    tone === 'warning' ? 'border-warn bg-warn-bg text-warn' : 'border-line bg-sunken text-muted';
  return <p className={`rounded-md border-l-4 px-3 py-2 text-sm ${colours}`}>{children}</p>;
}
