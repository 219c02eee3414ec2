-- CreateEnum
CREATE TYPE "RegisterImportStatus" AS ENUM ('PREVIEWED', 'COMMITTED');

-- CreateEnum
CREATE TYPE "RegisterImportOutcome" AS ENUM ('ACCEPTED', 'WARNING', 'REJECTED');

-- CreateTable
CREATE TABLE "RegisterImport" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "fileKind" TEXT NOT NULL,
    "sheetName" TEXT,
    "headerRow" INTEGER NOT NULL,
    "columns" JSONB NOT NULL,
    "notes" JSONB NOT NULL,
    "sheet" JSONB NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "warnings" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "status" "RegisterImportStatus" NOT NULL DEFAULT 'PREVIEWED',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMPTZ(3),
    "committedById" TEXT,
    "importedCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RegisterImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisterImportRow" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "outcome" "RegisterImportOutcome" NOT NULL,
    "messages" JSONB NOT NULL,
    "readMessages" JSONB NOT NULL,
    "record" JSONB,
    "decisions" JSONB NOT NULL DEFAULT '[]',
    "patientId" TEXT,
    "orderId" TEXT,
    "importedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RegisterImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedOrder" (
    "key" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedOrder_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ImportColumnMapping" (
    "id" TEXT NOT NULL,
    "trustId" TEXT NOT NULL,
    "headerKey" TEXT NOT NULL,
    "header" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportColumnMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegisterImport_createdAt_idx" ON "RegisterImport"("createdAt");

-- CreateIndex
CREATE INDEX "RegisterImport_fileSha256_idx" ON "RegisterImport"("fileSha256");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterImportRow_importId_row_key" ON "RegisterImportRow"("importId", "row");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedOrder_orderId_key" ON "ImportedOrder"("orderId");

-- CreateIndex
CREATE INDEX "ImportedOrder_importId_idx" ON "ImportedOrder"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportColumnMapping_trustId_headerKey_key" ON "ImportColumnMapping"("trustId", "headerKey");

-- AddForeignKey
ALTER TABLE "RegisterImportRow" ADD CONSTRAINT "RegisterImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "RegisterImport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
