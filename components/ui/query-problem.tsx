// A page's query string could not be used (a hostile or mistyped link): the page says so in
// plain English at the top, as an NHS error summary, and shows what it can instead.
import type { ReactNode } from 'react';

export function QueryProblem({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className="nhsuk-error-summary" role="alert" tabIndex={-1} aria-labelledby={id}>
      <h2 className="nhsuk-error-summary__title" id={id}>
        There is a problem
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>{children}</p>
      </div>
    </div>
  );
}
