import 'server-only';
// Importing the MHA office's existing register (issue 10 §2; decision 751). Two use cases:
//
// - previewRegisterImport: the file read (lib/import/read-file.ts), every row read and checked
//   (lib/import), and the preview stored as a RegisterImport with its rows. Nothing else is
//   written: no patient, no order. With `dryRun: false` the preview is committed at once, in the
//   same transaction, with the decisions given.
// - commitRegisterImport: a stored preview applied, with a person's decisions: each row that is
//   accepted, or whose every question is answered, becomes a patient (unless already in the
//   app) and an order whose history is events marked as imported. One transaction: all or
//   nothing. Rows imported before are found again and left alone (idempotent).
//
// MHA office only ('import:register:trust'); every attempt, read and write is audited.
import { Prisma } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { londonDateOf } from '@/lib/server/dates';
import { loadImportContext } from '@/lib/server/import/context';
import { bulkInsert, uuidV7 } from '@/lib/server/import/bulk-insert';
import { releasePrismaDebugRing } from '@/lib/server/import/prisma-debug-ring';
import { writeImportedOrders, type RowToWrite } from '@/lib/server/import/write';
import { headerKey, mapColumns } from '@/lib/import/fields';
import { evaluateRow, previewInBatches, type RowPreview } from '@/lib/import/preview';
import { readRegisterFile, type ReadResult, type SheetTable } from '@/lib/import/read-file';
import type { Cell } from '@/lib/import/dates';
import {
  importKey,
  outcomeOf,
  type Decision,
  type ImportRecord,
  type Outcome,
  type RowMessage,
} from '@/lib/import/rows';
import { readNhsNumber, cellText } from '@/lib/import/values';
import {
  importCommitSchema,
  importUploadSchema,
  type ImportDecisionInput,
} from '@/lib/schemas/register-import';
import {
  Refusal,
  runService,
  type CallOptions,
  type ServiceActor,
  type ServiceContext,
  type ServiceResult,
} from './run-service';
import { createHash } from 'node:crypto';

/** The contract's answer (README "Importing the register"). */
export interface ImportAnswer {
  [key: string]: Prisma.InputJsonValue;
  id: string;
  rows: number;
  accepted: number;
  rejected: number;
  rowResults: {
    row: number;
    outcome: Outcome;
    messages: { column: string | null; code: string; message: string }[];
  }[];
}

export interface CommitAnswer extends ImportAnswer {
  imported: number;
  skipped: number;
}

// 10,000 rows commit in well under a minute (docs/performance.md); leave room on a busy machine.
const BULK_TRANSACTION_MS = 180_000;

// Rows read, checked, written and let go at a time (decision 814): memory stays flat as the file
// grows, and each batch is still large enough for the bulk inserts to pay.
export const IMPORT_BATCH_ROWS = 1000;

type RowResult = ImportAnswer['rowResults'][number];

/** The contract's answer from row results gathered a batch at a time. */
function answerOf(id: string, rowResults: RowResult[]): ImportAnswer {
  let accepted = 0;
  let rejected = 0;
  for (const r of rowResults) {
    if (r.outcome === 'ACCEPTED') accepted += 1;
    else if (r.outcome === 'REJECTED') rejected += 1;
  }
  return { id, rows: rowResults.length, accepted, rejected, rowResults };
}

function contractMessages(messages: readonly RowMessage[]) {
  return messages.map((m) => ({ column: m.column, code: m.code, message: m.message }));
}

async function theTrustId(ctx: ServiceContext<unknown>): Promise<string> {
  const trust = await ctx.tx.trust.findFirst({ select: { id: true } });
  if (!trust) throw new Refusal('NO_TRUST', 'The trust has not been set up yet.');
  return trust.id;
}

function toDecisions(input: readonly ImportDecisionInput[], row: number): Decision[] {
  return input
    .filter((d) => d.row === row)
    .map((d) => ({ code: d.code, column: d.column ?? null, choice: d.choice }));
}

/** Stored decisions, with those given now replacing any to the same question. */
function mergeDecisions(stored: readonly Decision[], given: readonly Decision[]): Decision[] {
  const key = (d: Decision) => `${d.code}|${d.column ?? ''}`;
  const byKey = new Map(stored.map((d) => [key(d), d]));
  for (const d of given) byKey.set(key(d), d);
  return [...byKey.values()];
}

export function previewRegisterImport(
  actor: ServiceActor,
  input: {
    fileName: string;
    bytes: Uint8Array;
    mapping?: unknown;
    dryRun?: unknown;
    decisions?: unknown;
    fromImportId?: unknown;
  },
  options: CallOptions = {},
): Promise<ServiceResult<ImportAnswer | CommitAnswer>> {
  // Whatever a caller sent: the bytes aside (never given to a schema), the rest parsed below.
  const raw: Record<string, unknown> =
    typeof input === 'object' && input !== null ? { ...input } : {};
  const bytes = raw.bytes instanceof Uint8Array ? raw.bytes : new Uint8Array();
  delete raw.bytes;
  const rest = raw;
  let read: Promise<ReadResult> | null = null;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return runService({
    ...options,
    action: 'import:register',
    auditAction: 'register-import.preview',
    schema: importUploadSchema,
    actor,
    input: rest,
    transactionTimeoutMs: BULK_TRANSACTION_MS,
    subject: { entityType: 'RegisterImport' },
    execute: async (ctx) => {
      const { tx } = ctx;
      let table: SheetTable;
      let fileName = ctx.input.fileName;
      let fileSha256 = sha256;
      let fileBytes = bytes.byteLength;
      if (ctx.input.fromImportId) {
        // A mapping fixed on the preview page: the sheet the earlier upload stored.
        const earlierImport = await tx.registerImport.findUnique({
          where: { id: ctx.input.fromImportId },
        });
        if (!earlierImport)
          throw new Refusal('NOT_FOUND', 'The import was not found.', undefined, 'NOT_FOUND');
        table = sheetFromJson(earlierImport.sheet, earlierImport);
        fileName = earlierImport.fileName;
        fileSha256 = earlierImport.fileSha256;
        fileBytes = earlierImport.fileBytes;
      } else {
        // The file is read only once the permission and the options have been checked.
        read ??= readRegisterFile(bytes, ctx.input.fileName);
        const file = await read;
        if (!file.ok) throw new Refusal(file.refusal.code, file.refusal.message);
        table = file.table;
      }
      const trustId = await theTrustId(ctx);
      const today = londonDateOf(ctx.now);
      const remembered = Object.fromEntries(
        (await tx.importColumnMapping.findMany({ where: { trustId } })).map((m) => [
          m.header,
          m.field,
        ]),
      );
      const { columns } = mapColumns(table.headers, ctx.input.mapping, remembered);
      const nhsColumn = columns.find((c) => c.field === 'nhsNumber');
      const localColumn = columns.find((c) => c.field === 'localId');
      const nhsNumbers = nhsColumn
        ? table.rows.flatMap((r) => {
            const n = readNhsNumber(r.cells[nhsColumn.index] ?? null);
            return n.ok ? [n.value] : [];
          })
        : [];
      const localIds = localColumn
        ? table.rows.map((r) => cellText(r.cells[localColumn.index] ?? null)).filter(Boolean)
        : [];
      const context = await loadImportContext(tx, {
        trustId,
        today,
        nhsNumbers,
        localIds,
        patientWhere: ctx.patientWhere,
      });
      const preview = previewInBatches(
        table,
        ctx.input.mapping,
        remembered,
        context,
        IMPORT_BATCH_ROWS,
      );

      // The headings the person mapped are remembered for the trust's next file: only those that
      // stand in this file's header row (a mapping cannot teach the trust a heading it never saw,
      // such as a `constructor` key sent by a hostile client).
      const inFile = new Set(table.headers.map(headerKey));
      for (const [header, field] of Object.entries(ctx.input.mapping)) {
        if (!inFile.has(headerKey(header))) continue;
        await tx.importColumnMapping.upsert({
          where: { trustId_headerKey: { trustId, headerKey: headerKey(header) } },
          create: {
            trustId,
            headerKey: headerKey(header),
            header,
            field,
            updatedById: actor.userId,
          },
          update: { header, field, updatedById: actor.userId },
        });
      }

      const notes = [
        ...table.notes,
        ...(preview.unmapped.length
          ? [
              `Columns not mapped, so not imported: ${preview.unmapped.map((h) => `"${h}"`).join(', ')}.`,
            ]
          : []),
        ...(preview.duplicateMappings.length
          ? [
              `Columns mapped to a field another column already fills (not imported): ${preview.duplicateMappings.map((h) => `"${h}"`).join(', ')}.`,
            ]
          : []),
      ];
      const earlier = await tx.registerImport.findFirst({
        where: { trustId, fileSha256, status: 'COMMITTED' },
        select: { createdAt: true },
      });
      if (earlier)
        notes.push(
          'This same file was imported before: rows already imported are left as they are.',
        );

      const created = await tx.registerImport.create({
        data: {
          trustId,
          fileName,
          fileSha256,
          fileBytes,
          fileKind: table.kind,
          sheetName: table.sheetName,
          headerRow: table.headerRow,
          columns: preview.columns.map((c) => ({ ...c })) as Prisma.InputJsonValue,
          notes,
          sheet: sheetToJson(table),
          rowCount: table.rows.length,
          accepted: 0,
          warnings: 0,
          rejected: 0,
          createdById: actor.userId,
        },
        select: { id: true },
      });
      // Each batch of outcomes is stored and let go; only the contract's short answer is kept.
      const tally: Record<Outcome, number> = { ACCEPTED: 0, WARNING: 0, REJECTED: 0 };
      const rowResults: RowResult[] = [];
      for (const batch of preview.batches()) {
        await storeRows(ctx, created.id, batch);
        releasePrismaDebugRing();
        for (const r of batch) {
          tally[r.outcome] += 1;
          if (ctx.input.dryRun)
            rowResults.push({
              row: r.row,
              outcome: r.outcome,
              messages: contractMessages(r.messages),
            });
        }
      }
      await tx.registerImport.update({
        where: { id: created.id },
        data: { accepted: tally.ACCEPTED, warnings: tally.WARNING, rejected: tally.REJECTED },
      });
      await ctx.audit({
        action: 'register-import.preview',
        outcome: 'SUCCESS',
        entityType: 'RegisterImport',
        entityId: created.id,
        metadata: {
          rows: table.rows.length,
          existingPatientsMatched: context.patientsByNhsNumber.size,
          fileSha256,
        },
      });
      if (ctx.input.dryRun) return answerOf(created.id, rowResults);
      return applyImport(ctx, created.id, ctx.input.decisions);
    },
  });
}

/** The sheet as stored: cells as JSON (a workbook's dates as ISO 8601 text). */
function sheetToJson(table: SheetTable): Prisma.InputJsonValue {
  return {
    kind: table.kind,
    sheetName: table.sheetName,
    headerRow: table.headerRow,
    headers: table.headers,
    notes: table.notes,
    rows: table.rows.map((r) => ({
      row: r.row,
      cells: r.cells.map((c) => (c instanceof Date ? c.toISOString() : c)),
    })),
  };
}

function sheetFromJson(
  value: Prisma.JsonValue,
  fallback: { fileKind: string; sheetName: string | null; headerRow: number },
): SheetTable {
  const sheet = (value ?? {}) as {
    headers?: string[];
    notes?: string[];
    rows?: { row: number; cells: Cell[] }[];
  };
  return {
    kind: fallback.fileKind === 'XLSX' ? 'XLSX' : 'CSV',
    sheetName: fallback.sheetName,
    headerRow: fallback.headerRow,
    headers: sheet.headers ?? [],
    notes: sheet.notes ?? [],
    rows: sheet.rows ?? [],
  };
}

async function storeRows(
  ctx: ServiceContext<unknown>,
  importId: string,
  rows: readonly RowPreview[],
) {
  await bulkInsert(
    ctx.tx,
    'RegisterImportRow',
    rows.map((r): Prisma.RegisterImportRowCreateManyInput => ({
      id: uuidV7(),
      importId,
      row: r.row,
      outcome: r.outcome,
      messages: r.messages as unknown as Prisma.InputJsonValue,
      readMessages: r.readMessages as unknown as Prisma.InputJsonValue,
      record: r.record ? (r.record as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
    })),
  );
}

export function commitRegisterImport(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<CommitAnswer>> {
  const raw = input as { importId?: unknown } | null;
  return runService({
    ...options,
    action: 'import:register',
    auditAction: 'register-import.commit',
    schema: importCommitSchema,
    actor,
    input,
    transactionTimeoutMs: BULK_TRANSACTION_MS,
    ids: [{ value: raw?.importId, what: 'The import' }],
    subject: {
      entityType: 'RegisterImport',
      ...(typeof raw?.importId === 'string' ? { entityId: raw.importId } : {}),
    },
    execute: (ctx) => applyImport(ctx, ctx.input.importId, ctx.input.decisions),
  });
}

async function applyImport(
  ctx: ServiceContext<unknown>,
  importId: string,
  given: readonly ImportDecisionInput[],
): Promise<CommitAnswer> {
  const { tx, now, actor } = ctx;
  const trustId = await theTrustId(ctx);
  // One commit of an import at a time: a second waits here, then finds the rows done.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "RegisterImport" WHERE id = ${importId} AND "trustId" = ${trustId} FOR UPDATE`;
  if (locked.length === 0) ctx.notFound('The import');
  const registerImport = await tx.registerImport.findUniqueOrThrow({
    where: { id: importId },
    select: {
      fileName: true,
      fileSha256: true,
      status: true,
      committedAt: true,
      committedById: true,
    },
  });
  const today = londonDateOf(now);
  // The app as it stands before this commit (patients already in it, orders imported before),
  // looked up once by the identifiers of the rows still to import: only those, not the rows.
  const identifiers = await tx.$queryRaw<{ nhs: string | null; local: string | null }[]>`
    SELECT record->>'nhsNumber' AS nhs, record->>'localId' AS local FROM "RegisterImportRow"
    WHERE "importId" = ${importId} AND "importedAt" IS NULL AND record IS NOT NULL
      AND jsonb_typeof(record) = 'object'`;
  const context = await loadImportContext(tx, {
    trustId,
    today,
    nhsNumbers: identifiers.flatMap((r) => (r.nhs ? [r.nhs] : [])),
    localIds: identifiers.flatMap((r) => (r.local ? [r.local] : [])),
    patientWhere: ctx.patientWhere,
  });
  identifiers.length = 0;

  // The rows still to import, a batch at a time (decision 814): each batch is evaluated with
  // the decisions, written, its rows updated and audited, then let go. One transaction still.
  let imported = 0;
  let skipped = 0;
  for (let after = 0; ;) {
    const batch = await tx.registerImportRow.findMany({
      where: { importId, importedAt: null, row: { gt: after } },
      orderBy: { row: 'asc' },
      take: IMPORT_BATCH_ROWS,
      select: { id: true, row: true, record: true, readMessages: true, decisions: true },
    });
    const last = batch[batch.length - 1];
    if (!last) break;
    after = last.row;
    const done = await applyBatch(ctx, {
      trustId,
      importId,
      registerImport,
      context,
      today,
      given,
      pending: batch.filter((r) => r.record !== null),
    });
    imported += done.imported;
    skipped += done.skipped;
    releasePrismaDebugRing();
  }

  // Counted by the database: the rows as they stand now.
  const counted = await tx.registerImportRow.groupBy({
    by: ['outcome'],
    where: { importId },
    _count: { _all: true },
  });
  const count = (o: Outcome) => counted.find((c) => c.outcome === o)?._count._all ?? 0;
  await tx.registerImport.update({
    where: { id: importId },
    data: {
      status: imported > 0 || registerImport.status === 'COMMITTED' ? 'COMMITTED' : 'PREVIEWED',
      committedAt: imported > 0 ? now : registerImport.committedAt,
      committedById: imported > 0 ? actor.userId : registerImport.committedById,
      importedCount: { increment: imported },
      accepted: count('ACCEPTED'),
      warnings: count('WARNING'),
      rejected: count('REJECTED'),
    },
  });

  await ctx.audit({
    action: 'register-import.commit',
    outcome: 'SUCCESS',
    entityType: 'RegisterImport',
    entityId: importId,
    metadata: { imported, skipped, fileSha256: registerImport.fileSha256 },
  });

  // The contract's answer: every row's outcome, read back a batch at a time.
  const rowResults: RowResult[] = [];
  for (let after = 0; ;) {
    const batch = await tx.registerImportRow.findMany({
      where: { importId, row: { gt: after } },
      orderBy: { row: 'asc' },
      take: IMPORT_BATCH_ROWS * 5,
      select: { row: true, outcome: true, messages: true },
    });
    const last = batch[batch.length - 1];
    if (!last) break;
    after = last.row;
    for (const r of batch)
      rowResults.push({
        row: r.row,
        outcome: r.outcome,
        messages: contractMessages(r.messages as unknown as RowMessage[]),
      });
  }
  return { ...answerOf(importId, rowResults), imported, skipped };
}

/** One batch of stored rows: evaluated, written, updated and audited. */
async function applyBatch(
  ctx: ServiceContext<unknown>,
  input: {
    trustId: string;
    importId: string;
    registerImport: { fileName: string; fileSha256: string };
    context: Awaited<ReturnType<typeof loadImportContext>>;
    today: ReturnType<typeof londonDateOf>;
    given: readonly ImportDecisionInput[];
    pending: {
      id: string;
      row: number;
      record: Prisma.JsonValue;
      readMessages: Prisma.JsonValue;
      decisions: Prisma.JsonValue;
    }[];
  },
): Promise<{ imported: number; skipped: number }> {
  const { tx, now, actor } = ctx;
  const { context, today, pending, importId } = input;
  if (pending.length === 0) return { imported: 0, skipped: 0 };
  const toWrite: RowToWrite[] = [];
  const results = new Map<
    number,
    { row: number; outcome: Outcome; messages: RowMessage[]; decisions: Decision[] }
  >();
  let skipped = 0;
  for (const r of pending) {
    const stale = r.record as unknown as ImportRecord;
    const existing = context.patientsByNhsNumber.get(stale.nhsNumber);
    // What the app holds now, not at the preview: someone may have added the patient since.
    const record: ImportRecord = {
      ...stale,
      existingPatientId: existing?.patientId ?? null,
      existingHasOrderInForce: existing?.hasOrderInForce ?? false,
      alreadyImportedOrderId:
        'date' in stale.ctoStart
          ? (context.importedOrders.get(importKey(stale.nhsNumber, stale.ctoStart.date)) ?? null)
          : null,
    };
    const decisions = mergeDecisions(
      r.decisions as unknown as Decision[],
      toDecisions(input.given, r.row),
    );
    const evaluated = evaluateRow(
      r.row,
      record,
      r.readMessages as unknown as RowMessage[],
      decisions,
      today,
    );
    let { outcome, messages } = evaluated;
    if (
      evaluated.plan &&
      context.importedOrders.has(importKey(record.nhsNumber, evaluated.plan.madeOn))
    ) {
      messages = [
        ...messages,
        {
          column: record.columns.nhsNumber ?? null,
          code: 'ALREADY_IMPORTED',
          severity: 'info',
          message: 'This order was imported before: nothing is changed.',
        },
      ];
      outcome = outcomeOf(messages);
      skipped += 1;
    } else if (evaluated.plan) {
      toWrite.push({ row: r.row, record, plan: evaluated.plan });
    } else if (evaluated.skipped || record.alreadyImportedOrderId) {
      skipped += 1;
    }
    results.set(r.row, { row: r.row, outcome, messages, decisions });
  }

  let written: Awaited<ReturnType<typeof writeImportedOrders>>;
  try {
    written = await writeImportedOrders(tx, {
      trustId: input.trustId,
      importId,
      fileName: input.registerImport.fileName,
      fileSha256: input.registerImport.fileSha256,
      actorId: actor.userId,
      rows: toWrite,
      today,
      now,
      deadlineOptions: { rightsTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new Refusal(
        'IMPORT_CONFLICT',
        'Someone added one of these patients or orders while you were checking the preview. Nothing was imported: upload the file again to see the register as it is now.',
        undefined,
        'CONFLICT',
      );
    }
    throw error;
  }

  // The batch's rows as they stand now, in one statement.
  const byRow = new Map(written.map((w) => [w.row, w]));
  const ids = pending.map((r) => r.id);
  const rowOf = new Map(pending.map((r) => [r.id, r.row]));
  const field = <T>(f: (row: number) => T) => ids.map((id) => f(rowOf.get(id) ?? 0));
  await tx.$executeRaw`
    UPDATE "RegisterImportRow" AS r SET
      outcome = u.outcome::"RegisterImportOutcome",
      messages = u.messages::jsonb,
      decisions = u.decisions::jsonb,
      "patientId" = u.patient,
      "orderId" = u.ord,
      "importedAt" = CASE WHEN u.ord IS NULL THEN NULL ELSE ${now}::timestamptz END
    FROM unnest(
      ${ids}::text[],
      ${field((row) => results.get(row)?.outcome ?? 'REJECTED')}::text[],
      ${field((row) => JSON.stringify(results.get(row)?.messages ?? []))}::text[],
      ${field((row) => JSON.stringify(results.get(row)?.decisions ?? []))}::text[],
      ${field((row) => byRow.get(row)?.patientId ?? null)}::text[],
      ${field((row) => byRow.get(row)?.orderId ?? null)}::text[]
    ) AS u(id, outcome, messages, decisions, patient, ord)
    WHERE r.id = u.id`;

  // The audit trail: each patient and order the batch made (identifiers only).
  const base = {
    userId: actor.userId,
    userEmail: actor.email,
    roles: [...actor.roles],
    outcome: 'SUCCESS' as const,
    metadata: { importId } as Prisma.InputJsonValue,
  };
  const entries: Prisma.AuditEventCreateManyInput[] = written.flatMap((w) => [
    ...(w.newPatient
      ? [
          {
            ...base,
            action: 'patient.import',
            entityType: 'Patient',
            entityId: w.patientId,
            patientId: w.patientId,
          },
        ]
      : []),
    {
      ...base,
      action: 'order.import',
      entityType: 'CommunityTreatmentOrder',
      entityId: w.orderId,
      patientId: w.patientId,
    },
  ]);
  await bulkInsert(tx, 'AuditEvent', entries);
  return { imported: written.length, skipped };
}
