// A titled card: a landmark region named by its heading, unless a name would shadow a contract name.
import { useId, type ReactNode } from 'react';

interface PanelProps {
  readonly title: string;
  /** False when a region of this name would clash with a contract name (the JWT "Claims" table). */
  readonly landmark?: boolean;
  readonly children: ReactNode;
}

export function Panel({ title, landmark = true, children }: PanelProps) {
  const id = useId();
  const Element = landmark ? 'section' : 'div';
  return (
    <Element
      aria-labelledby={landmark ? id : undefined}
      className="card flex min-w-0 flex-col gap-4"
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </Element>
  );
}
