'use client';
// "Print this chronology": the browser's own print, with the page's print stylesheet.
export function ChronologyPrintButton() {
  return (
    <button
      type="button"
      className="nhsuk-button nhsuk-button--secondary app-no-print"
      onClick={() => window.print()}
    >
      Print this chronology
    </button>
  );
}
