import type { Metadata } from 'next';
import { AppHeader } from '@/components/ui/app-header';
import { AppFooter } from '@/components/ui/app-footer';
import { NotFoundContent } from '@/components/ui/error-pages';

export const metadata: Metadata = { title: 'Page not found' };

// Addresses that match no route: drawn with only the root layout around it, so it brings its
// own header and footer. Inside the signed-in pages, app/(app)/not-found.tsx is used instead.
export default function NotFoundPage() {
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <AppHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          <NotFoundContent />
        </main>
      </div>
      <AppFooter />
    </>
  );
}
