-- CreateEnum
CREATE TYPE "MappaCategory" AS ENUM ('NONE', 'CATEGORY_1', 'CATEGORY_2', 'CATEGORY_3');

-- CreateEnum
CREATE TYPE "MappaLevel" AS ENUM ('LEVEL_1', 'LEVEL_2', 'LEVEL_3');

-- CreateEnum
CREATE TYPE "PatientChangeKind" AS ENUM ('REGISTERED', 'CHANGE', 'CORRECTION');

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "mappaCategory" "MappaCategory",
ADD COLUMN     "mappaLevel" "MappaLevel",
ADD COLUMN     "otherNames" TEXT,
ADD COLUMN     "s117Icb" TEXT,
ADD COLUMN     "s117LocalAuthority" TEXT;

-- AlterTable
ALTER TABLE "StaffAssignment" ADD COLUMN     "recordedAt" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "recordedById" TEXT;

-- CreateTable
CREATE TABLE "PatientChange" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "patientVersion" INTEGER NOT NULL,
    "kind" "PatientChangeKind" NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "oldText" TEXT,
    "newText" TEXT,
    "reason" TEXT,
    "effectiveOn" DATE,
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientCarer" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" TEXT,
    "contact" TEXT,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientCarer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PatientChange_patientId_changedAt_idx" ON "PatientChange"("patientId", "changedAt");

-- CreateIndex
CREATE INDEX "PatientCarer_patientId_endedOn_idx" ON "PatientCarer"("patientId", "endedOn");

-- AddForeignKey
ALTER TABLE "PatientChange" ADD CONSTRAINT "PatientChange_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientCarer" ADD CONSTRAINT "PatientCarer_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
