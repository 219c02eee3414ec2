import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'CTO Tracker', template: '%s – CTO Tracker' },
  description: 'Community treatment orders under the Mental Health Act 1983',
  robots: { index: false, follow: false },
  icons: { icon: '/nhsuk/assets/images/favicon.ico' },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <head>
        {/* Copied from nhsuk-frontend at install time (Turbopack cannot parse it): docs/decisions/006. */}
        {/* eslint-disable-next-line @next/next/no-css-tags */}
        <link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css" />
      </head>
      <body className="nhsuk-frontend-supported">{children}</body>
    </html>
  );
}
