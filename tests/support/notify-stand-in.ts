// A stand-in for the GOV.UK Notify API on localhost (a real HTTP server): it checks the bearer
// token as Notify does (a JWT signed HS256 with the key's secret, `iss` the service id, `iat`
// recent), records each email it is sent, and answers with the statuses a test queues (500,
// 429, 400 …) before answering 201 as Notify does.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentEmail {
  email_address: string;
  template_id: string;
  personalisation: Record<string, unknown>;
  reference?: string;
  /** The whole body as sent, to search for what must never be in it. */
  raw: string;
}

export interface NotifyStandIn {
  baseUrl: string;
  apiKey: string;
  serviceId: string;
  /** Emails answered 201. */
  sent: SentEmail[];
  /** Every request, whatever the answer. */
  attempts: { reference?: string; status: number }[];
  /** Answer the next requests with these statuses (then 201). */
  failNext(...statuses: number[]): void;
  /** Answer the next requests for this reference with these statuses (then 201). */
  failNextFor(reference: string, ...statuses: number[]): void;
  /** Answer every request with this status until cleared (null). */
  failAlways(status: number | null): void;
  close(): Promise<void>;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function tokenIsValid(header: string | undefined, serviceId: string, secret: string): boolean {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return false;
  const expected = base64url(createHmac('sha256', secret).update(`${head}.${body}`).digest());
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return false;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as {
    iss?: string;
    iat?: number;
  };
  return claims.iss === serviceId && Math.abs(Date.now() / 1000 - (claims.iat ?? 0)) < 30;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startNotifyStandIn(): Promise<NotifyStandIn> {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const queue: number[] = [];
  const byReference = new Map<string, number[]>();
  let always: number | null = null;
  const sent: SentEmail[] = [];
  const attempts: { reference?: string; status: number }[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method !== 'POST' || request.url !== '/v2/notifications/email') {
        answer(404, { status_code: 404, errors: [{ error: 'NotFound', message: 'Not found' }] });
        return;
      }
      if (!tokenIsValid(request.headers.authorization, serviceId, secret)) {
        answer(403, {
          status_code: 403,
          errors: [{ error: 'AuthError', message: 'Invalid token: signature' }],
        });
        return;
      }
      const body = JSON.parse(raw) as Omit<SentEmail, 'raw'>;
      const mine = body.reference ? byReference.get(body.reference) : undefined;
      const status = always ?? mine?.shift() ?? queue.shift() ?? 201;
      attempts.push({ reference: body.reference, status });
      if (status !== 201) {
        const error =
          status === 429
            ? { error: 'RateLimitError', message: 'Exceeded rate limit for key type LIVE' }
            : status >= 500
              ? { error: 'Exception', message: 'Internal server error' }
              : { error: 'BadRequestError', message: 'Template not found' };
        answer(status, { status_code: status, errors: [error] });
        return;
      }
      sent.push({ ...body, raw });
      const id = randomUUID();
      answer(201, {
        id,
        reference: body.reference ?? null,
        content: { subject: 'CTO Tracker', body: 'stand-in', from_email: 'cto@notify' },
        uri: `http://stand-in/v2/notifications/${id}`,
        template: { id: body.template_id, version: 1, uri: 'http://stand-in/template' },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey: `cto_tracker_test-${serviceId}-${secret}`,
    serviceId,
    sent,
    attempts,
    failNext: (...statuses) => queue.push(...statuses),
    failNextFor: (reference, ...statuses) => {
      byReference.set(reference, [...(byReference.get(reference) ?? []), ...statuses]);
    },
    failAlways: (status) => {
      always = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
