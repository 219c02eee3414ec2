'use client';
// An unexpected error in a signed-in page, drawn inside the app's layout. No internal detail.
import { ProblemContent } from '@/components/ui/error-pages';

export default function AppErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ProblemContent digest={error.digest} reset={reset} />;
}
