// Small instant helpers for the part-B services (no law).
export function minInstant(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
