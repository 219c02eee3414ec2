import type { ReactNode } from 'react';
import { AppHeader } from '@/components/ui/app-header';
import { AppFooter } from '@/components/ui/app-footer';

// Pages anyone may read, signed in or not: the footer's accessibility statement and how
// information is used. Like the sign-in page, they bring their own header and footer.
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <AppHeader />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">{children}</div>
          </div>
        </main>
      </div>
      <AppFooter />
    </>
  );
}
