-- AlterTable
ALTER TABLE "CommunityTreatmentOrder" ADD COLUMN     "contactFrequencyDays" INTEGER;

-- CreateIndex
CREATE INDEX "Deadline_ownerRole_status_dueOn_idx" ON "Deadline"("ownerRole", "status", "dueOn");

-- CreateIndex
CREATE INDEX "Deadline_orderId_status_dueOn_idx" ON "Deadline"("orderId", "status", "dueOn");
