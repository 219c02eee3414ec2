'use client';
// An unexpected error outside the signed-in pages (or in their layout): brings its own header
// and footer. The digest is the reference the server logged with the error.
import { AppHeader } from '@/components/ui/app-header';
import { AppFooter } from '@/components/ui/app-footer';
import { ProblemContent } from '@/components/ui/error-pages';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <AppHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          <ProblemContent digest={error.digest} reset={reset} />
        </main>
      </div>
      <AppFooter />
    </>
  );
}
