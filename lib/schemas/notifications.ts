// The inbox's forms (issue 8 §3): mark one read, mark all read, the email choice, and the
// administrator's "try again" for an email that failed.
import { z } from 'zod';
import { choice } from './common';

export const EMAIL_PREFERENCES = ['IMMEDIATE', 'DAILY_DIGEST', 'NONE'] as const;
export type EmailPreferenceValue = (typeof EMAIL_PREFERENCES)[number];

export const EMAIL_PREFERENCE_LABELS: Record<
  EmailPreferenceValue,
  { label: string; hint: string }
> = {
  IMMEDIATE: {
    label: 'Straight away for urgent items, and a daily summary of the rest',
    hint: 'Recalls to hospital, requests for your agreement as an AMHP and a nearest relative’s order for discharge are emailed as they happen.',
  },
  DAILY_DIGEST: {
    label: 'One daily summary',
    hint: 'Everything waiting for you, in one email each morning.',
  },
  NONE: {
    label: 'No emails',
    hint: 'You will see notifications only here, in CTO Tracker.',
  },
};

export const markNotificationReadSchema = z.object({
  notificationId: z.uuid({ error: 'This notification does not exist' }),
});

export const markAllReadSchema = z.object({
  // The newest notification the page showed: later ones stay unread until seen.
  upTo: z.iso.datetime({ error: 'Reload the page and try again', offset: true }),
});

export const notificationPreferencesSchema = z.object({
  email: choice(EMAIL_PREFERENCES, 'Select how you want to be emailed'),
});

export const retryEmailSchema = z.object({
  deliveryId: z.uuid({ error: 'This email does not exist' }),
});
