// The NHS warning callout. Its heading is read as "Important: <label>" (the prefix is visually
// hidden), except when the label already says "important": then the prefix is left out, as
// nhsuk-frontend's own template does, so no one hears "Important: Important".
import type { ReactNode } from 'react';

export function WarningCallout({
  label,
  headingLevel = 2,
  children,
  ...rest
}: {
  label: string;
  headingLevel?: 2 | 3 | 4;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const Heading = `h${headingLevel}` as const;
  const prefix = /important/i.test(label) ? null : (
    <span className="nhsuk-u-visually-hidden">Important: </span>
  );
  return (
    <div className="nhsuk-warning-callout" {...rest}>
      <Heading className="nhsuk-warning-callout__label">
        <span role="text">
          {prefix}
          {label}
        </span>
      </Heading>
      {children}
    </div>
  );
}
