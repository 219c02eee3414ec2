'use client';
// When even the root layout fails: a complete page of its own, with no stack trace or detail.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <head>
        <title>Sorry, there is a problem with the service – CTO Tracker</title>
        {/* eslint-disable-next-line @next/next/no-css-tags */}
        <link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css" />
      </head>
      <body className="nhsuk-frontend-supported">
        <header className="nhsuk-header" role="banner">
          <div className="nhsuk-header__container nhsuk-width-container">
            <div className="nhsuk-header__service">
              <span className="nhsuk-header__service-name">CTO Tracker</span>
            </div>
          </div>
        </header>
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            <h1>Sorry, there is a problem with the service</h1>
            <p>Try again later.</p>
            {error.digest ? (
              <p>
                If you contact the service desk, give them this reference:{' '}
                <strong>{error.digest}</strong>
              </p>
            ) : null}
            <p>
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/">Go to CTO Tracker’s start page</a>
            </p>
          </main>
        </div>
      </body>
    </html>
  );
}
