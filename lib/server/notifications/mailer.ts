// Sending an email: through GOV.UK Notify with its official client (notifications-node-client),
// or, with no API key set, written to the log. The personalisation is built by this module's
// callers from fixed words, counts and a link to the app: never a patient's details
// (docs/security.md, "Emails name no patient").
import axios from 'axios';
import { NotifyClient } from 'notifications-node-client';

export type Template = 'IMMEDIATE' | 'DIGEST';

export interface Email {
  to: string;
  template: Template;
  personalisation: Record<string, string>;
  /** Our delivery id, kept by Notify with the email (to trace a complaint or a duplicate). */
  reference: string;
}

/** Why a send failed; `retriable` for 429, 5xx and a network failure. */
export class MailerError extends Error {
  constructor(
    message: string,
    public readonly retriable: boolean,
    public readonly status: number | null,
  ) {
    super(message);
  }
}

export interface Mailer {
  readonly name: string;
  send(email: Email): Promise<{ id: string | null }>;
}

export interface NotifySettings {
  apiKey: string;
  baseUrl: string;
  templates: Record<Template, string>;
  /** Milliseconds before a request is given up (and retried later). */
  timeoutMs?: number;
}

function describe(error: unknown): MailerError {
  const e = error as {
    response?: { status?: number; data?: { errors?: { error?: string; message?: string }[] } };
    code?: string;
    message?: string;
  };
  const status = e.response?.status ?? null;
  if (status === null) {
    return new MailerError(
      `Notify could not be reached (${e.code ?? 'network error'})`,
      true,
      null,
    );
  }
  const first = e.response?.data?.errors?.[0];
  const said = first ? `${first.error ?? ''}: ${first.message ?? ''}` : '';
  // Notify's own messages name the problem (a bad template id, a bad key); not the recipient.
  return new MailerError(
    `Notify answered ${status}${said ? ` (${said.slice(0, 200)})` : ''}`,
    status === 429 || status >= 500,
    status,
  );
}

export function notifyMailer(settings: NotifySettings): Mailer {
  const client = new NotifyClient(settings.baseUrl, settings.apiKey);
  // The client's HTTP library waits for ever by default: a hung request would stop the worker.
  client.setClient(axios.create({ timeout: settings.timeoutMs ?? 15_000 }));
  return {
    name: 'notify',
    async send(email) {
      try {
        const response = await client.sendEmail(settings.templates[email.template], email.to, {
          personalisation: email.personalisation,
          reference: email.reference,
        });
        const id = (response as { data?: { id?: unknown } }).data?.id;
        return { id: typeof id === 'string' ? id : null };
      } catch (error) {
        throw describe(error);
      }
    },
  };
}

/** No Notify key: each email is written to the log, and counts as sent. */
export function logMailer(log: (line: string) => void = (line) => console.info(line)): Mailer {
  return {
    name: 'log',
    send(email) {
      log(
        `[email] NOTIFY_API_KEY is not set, so this email was not sent: ${email.template} to ${email.to} ${JSON.stringify(email.personalisation)} (reference ${email.reference})`,
      );
      return Promise.resolve({ id: null });
    },
  };
}
