-- CreateTable
CREATE TABLE "TribunalReportDraft" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "templateVersion" INTEGER NOT NULL,
    "template" JSONB NOT NULL,
    "prefill" JSONB NOT NULL,
    "prefilledAt" TIMESTAMPTZ(3) NOT NULL,
    "withheldFromPatient" BOOLEAN NOT NULL DEFAULT false,
    "signedById" TEXT,
    "signedName" TEXT,
    "signedRole" TEXT,
    "signedOn" DATE,
    "signedAt" TIMESTAMPTZ(3),
    "countersignRequired" BOOLEAN NOT NULL DEFAULT false,
    "countersignedById" TEXT,
    "countersignedName" TEXT,
    "countersignedRole" TEXT,
    "countersignedOn" DATE,
    "countersignedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TribunalReportDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TribunalReportSectionVersion" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "savedById" TEXT NOT NULL,
    "savedByName" TEXT NOT NULL,
    "savedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TribunalReportSectionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TribunalReportDraft_documentId_key" ON "TribunalReportDraft"("documentId");

-- CreateIndex
CREATE INDEX "TribunalReportSectionVersion_draftId_sectionKey_idx" ON "TribunalReportSectionVersion"("draftId", "sectionKey");

-- CreateIndex
CREATE UNIQUE INDEX "TribunalReportSectionVersion_draftId_sectionKey_version_key" ON "TribunalReportSectionVersion"("draftId", "sectionKey", "version");

-- AddForeignKey
ALTER TABLE "TribunalReportDraft" ADD CONSTRAINT "TribunalReportDraft_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "TribunalDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TribunalReportSectionVersion" ADD CONSTRAINT "TribunalReportSectionVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "TribunalReportDraft"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
