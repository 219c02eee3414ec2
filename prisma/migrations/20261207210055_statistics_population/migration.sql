-- CreateTable
CREATE TABLE "StatisticsPopulation" (
    "id" TEXT NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadedById" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "cells" JSONB NOT NULL,
    "total" INTEGER NOT NULL,

    CONSTRAINT "StatisticsPopulation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatisticsPopulation_uploadedAt_idx" ON "StatisticsPopulation"("uploadedAt");
