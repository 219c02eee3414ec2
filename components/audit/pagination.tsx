// The NHS pagination of a list drawn on the server (the audit trail): plain links, so that it
// works without JavaScript.

export function Pagination({
  page,
  pages,
  href,
  label,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  label: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label={label}>
      <ul className="nhsuk-list nhsuk-pagination__list">
        {page > 1 ? (
          <li className="nhsuk-pagination-item--previous">
            <a
              className="nhsuk-pagination__link nhsuk-pagination__link--prev"
              href={href(page - 1)}
            >
              <span className="nhsuk-pagination__title">Previous</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page - 1} of {pages}
              </span>
            </a>
          </li>
        ) : null}
        {page < pages ? (
          <li className="nhsuk-pagination-item--next">
            <a
              className="nhsuk-pagination__link nhsuk-pagination__link--next"
              href={href(page + 1)}
            >
              <span className="nhsuk-pagination__title">Next</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page + 1} of {pages}
              </span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
