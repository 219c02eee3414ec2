// Inputs for the social factors, contact and quality-of-life services, as the forms send them.
import type { SocialDomain } from '@/lib/generated/prisma/client';
import { SOCIAL_DOMAINS } from '@/lib/schemas/social-factors';
import { londonDateOf } from '@/lib/server/dates';

export function dateParts(iso: string) {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? '' };
}

export function today(now = new Date()) {
  return londonDateOf(now);
}

type Entry = { rating: string; significance: string; notes?: string };

/** Every domain 'No concern' / 'Not relevant', with the given domains replaced. */
export function socialValue(
  overrides: Partial<Record<SocialDomain, Entry>> = {},
  summary?: string,
) {
  const social: Record<string, unknown> = {};
  for (const domain of SOCIAL_DOMAINS) {
    social[domain] = overrides[domain] ?? { rating: 'NO_CONCERN', significance: 'NOT_RELEVANT' };
  }
  if (summary) social.summary = summary;
  return social;
}

export function reviewInput(
  overrides: Partial<Record<SocialDomain, Entry>> = {},
  extra: Record<string, unknown> = {},
) {
  return { assessedOn: dateParts(today()), social: socialValue(overrides), ...extra };
}

export function contactInput(extra: Record<string, unknown> = {}) {
  const at = new Date(Date.now() - 2 * 3_600_000);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return {
    occurredAt: { date: dateParts(londonDateOf(at)), time },
    mode: 'HOME_VISIT',
    durationMinutes: '45',
    withCarer: 'no',
    summary: 'Seen at home. Settled; talked about the lunch club and the housing benefit form.',
    activities: {
      '0': { kind: 'BENEFITS_AND_MONEY', description: 'Helped fill in the housing benefit form' },
      '1': { kind: '', description: '' },
    },
    ...extra,
  };
}

export function qolInput(extra: Record<string, unknown> = {}) {
  return {
    ratedOn: dateParts(today()),
    instrument: 'ReQoL-10',
    score: '27',
    selfRated: 'yes',
    ...extra,
  };
}
