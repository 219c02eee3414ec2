-- CreateIndex
CREATE INDEX "CommunityTreatmentOrder_patientId_proposedAt_idx" ON "CommunityTreatmentOrder"("patientId", "proposedAt");

-- CreateIndex
CREATE INDEX "CommunityTreatmentOrder_madeOn_id_idx" ON "CommunityTreatmentOrder"("madeOn", "id");

-- CreateIndex
CREATE INDEX "CommunityTreatmentOrder_currentExpiryDate_id_idx" ON "CommunityTreatmentOrder"("currentExpiryDate", "id");

-- CreateIndex
CREATE INDEX "CommunityTreatmentOrder_state_id_idx" ON "CommunityTreatmentOrder"("state", "id");

-- CreateIndex
CREATE INDEX "TribunalCase_orderId_status_idx" ON "TribunalCase"("orderId", "status");
