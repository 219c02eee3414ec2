-- AlterTable
ALTER TABLE "TribunalReportDraft" ADD COLUMN     "withheldAt" TIMESTAMPTZ(3),
ADD COLUMN     "withheldById" TEXT,
ADD COLUMN     "withheldReason" TEXT;

-- Rule 14: a report withheld from the patient says why (docs/decisions/783).
ALTER TABLE "TribunalReportDraft" ADD CONSTRAINT "TribunalReportDraft_withheld_reason"
  CHECK (NOT "withheldFromPatient" OR "withheldReason" IS NOT NULL);
