// Today's date and the time now in England, as the date and time fields' defaults.
import { londonDateOf } from '@/lib/cto';

export function londonNow(now: Date): { today: string; time: string } {
  return {
    today: londonDateOf(now),
    time: new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(now),
  };
}
