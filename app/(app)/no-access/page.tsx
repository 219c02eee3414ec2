import type { Metadata } from 'next';
import { NoPermission } from '@/components/ui/no-permission';

export const metadata: Metadata = { title: 'No access' };

// Where someone lands whose roles give them no page at all (startPageFor's fallback).
export default function NoAccessPage() {
  return <NoPermission what="any part of CTO Tracker" />;
}
