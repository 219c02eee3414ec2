-- CreateTable
CREATE TABLE "AuditQueue" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "userEmail" TEXT,
    "roles" TEXT[],
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "patientId" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "reason" TEXT,
    "breakGlassId" TEXT,
    "requestId" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "route" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditQueue_pkey" PRIMARY KEY ("id")
);

-- ---------------------------------------------------------------------------
-- Hand-written: the audit queue (docs/decisions/823-audit-queue-for-reads.md).
-- Reads made outside a transaction queue their audit row here without the chain's lock;
-- audit_queue_flush moves every queued row into "AuditEvent" in queue order, in one transaction
-- under the chain's advisory lock (the "AuditEvent" trigger takes the same lock again and
-- chains each row as before). One writer at a time, many rows per lock and per commit: reads
-- no longer queue one by one behind the lock and each other's commit.
-- ---------------------------------------------------------------------------

-- Queued rows are not yet in the trail: nobody may change them, only the flush removes them.
CREATE TRIGGER audit_queue_no_update BEFORE UPDATE ON "AuditQueue"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE FUNCTION audit_queue_flush(mine bigint DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  moved integer;
BEGIN
  -- Already chained by another flush: nothing to wait for.
  IF mine IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "AuditQueue" WHERE "id" = mine) THEN
    RETURN 0;
  END IF;
  PERFORM pg_advisory_xact_lock(727011983);
  WITH q AS (DELETE FROM "AuditQueue" RETURNING *)
  INSERT INTO "AuditEvent" ("occurredAt", "userId", "userEmail", "roles", "action",
      "entityType", "entityId", "patientId", "outcome", "reason", "breakGlassId", "requestId",
      "ipAddress", "userAgent", "route", "metadata")
  SELECT "occurredAt", "userId", "userEmail", "roles", "action", "entityType", "entityId",
      "patientId", "outcome", "reason", "breakGlassId", "requestId", "ipAddress", "userAgent",
      "route", "metadata"
    FROM q ORDER BY "id";
  GET DIAGNOSTICS moved = ROW_COUNT;
  RETURN moved;
END
$$;

-- Decision 825: the order's expiry (C1) is the MHA office's item; the RC has the renewal window
-- with the same last day. Open rows written before this change are moved over (later ones are
-- written so by lib/server/deadlines).
UPDATE "Deadline" SET "ownerRole" = 'MHA_ADMINISTRATOR', "ownerId" = NULL
 WHERE kind = 'CTO_EXPIRY' AND status = 'OPEN';
