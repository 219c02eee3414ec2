// The query of GET /api/v1/work-items: ?scope=trust&kind=&team=&hospital=&rc=&cc=&detail=full.
// Every message is plain English; an unknown parameter is refused (strict).
import { z } from 'zod';
import { isWorkItemKind } from '@/lib/work-items';

const uuid = (what: string) => z.uuid({ error: `${what} must be an id from the list` });

export const workItemsQuerySchema = z.strictObject(
  {
    scope: z.enum(['mine', 'trust'], { error: "scope is 'mine' or 'trust'" }).optional(),
    detail: z.enum(['full'], { error: "detail is 'full' or absent" }).optional(),
    kind: z
      .string({ error: 'kind must be text' })
      .max(60, 'kind is at most 60 characters')
      .refine(isWorkItemKind, { message: 'Unknown kind of work item.' })
      .optional(),
    team: uuid('team').optional(),
    hospital: uuid('hospital').optional(),
    rc: uuid('rc').optional(),
    cc: uuid('cc').optional(),
  },
  { error: 'Unknown query parameter: use scope, kind, team, hospital, rc, cc or detail' },
);
export type WorkItemsQuery = z.infer<typeof workItemsQuerySchema>;
