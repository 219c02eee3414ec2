// Display formatting (presentation only, no law): dates as '4 April 2026', times in
// Europe/London, NHS numbers as '943 476 5919'.
const LONDON = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: LONDON,
  timeZoneName: 'short',
});

/** A calendar date: a 'YYYY-MM-DD' string or a DATE column value (midnight UTC). */
export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return dateFormat.format(date);
}

/** An instant, shown in UK time with GMT or BST: '12 January 2026, 23:47 GMT'. */
export function formatDateTime(value: Date | null | undefined): string {
  if (!value) return '';
  return dateTimeFormat.format(value).replace(' at ', ', ');
}

const londonTime = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: LONDON,
});
const londonDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: LONDON,
});

/** An instant as a time then a day in UK time: '01:15 on 8 December 2026'. */
export function formatTimeOnDay(value: Date): string {
  return `${londonTime.format(value)} on ${londonDate.format(value)}`;
}

export function formatNhsNumberForDisplay(value: string | null | undefined): string {
  if (!value) return 'Not known';
  const digits = value.replace(/\s+/g, '');
  return digits.length === 10
    ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
    : value;
}

export function ageOn(dateOfBirth: Date, today: Date): number {
  let age = today.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < dateOfBirth.getUTCMonth() ||
    (today.getUTCMonth() === dateOfBirth.getUTCMonth() &&
      today.getUTCDate() < dateOfBirth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
