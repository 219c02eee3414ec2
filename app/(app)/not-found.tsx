import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/ui/error-pages';

export const metadata: Metadata = { title: 'Page not found' };

// notFound() in a signed-in page, drawn inside the app's layout (header, menu, footer). A patient
// outside the reader's scope looks exactly like one that does not exist (issue 4, part 2).
export default function AppNotFoundPage() {
  return <NotFoundContent />;
}
