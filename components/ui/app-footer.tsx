'use client';
import { Footer } from 'nhsuk-react-components';

export function AppFooter() {
  return (
    <Footer>
      <Footer.Meta>
        <Footer.List>
          <Footer.ListItem href="/accessibility">Accessibility statement</Footer.ListItem>
          <Footer.ListItem href="/privacy">How we use information</Footer.ListItem>
        </Footer.List>
        <Footer.Copyright>
          CTO Tracker, open-source software for NHS mental health trusts
        </Footer.Copyright>
      </Footer.Meta>
    </Footer>
  );
}
