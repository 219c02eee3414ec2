-- CreateEnum
CREATE TYPE "RoleGrantStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- CreateTable
CREATE TABLE "RoleGrantRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "status" "RoleGrantStatus" NOT NULL DEFAULT 'PENDING',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "requestedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" TEXT,
    "userRoleId" TEXT,

    CONSTRAINT "RoleGrantRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RoleGrantRequest_userRoleId_key" ON "RoleGrantRequest"("userRoleId");

-- CreateIndex
CREATE INDEX "RoleGrantRequest_status_requestedAt_idx" ON "RoleGrantRequest"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "RoleGrantRequest_userId_status_idx" ON "RoleGrantRequest"("userId", "status");

-- AddForeignKey
ALTER TABLE "RoleGrantRequest" ADD CONSTRAINT "RoleGrantRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrantRequest" ADD CONSTRAINT "RoleGrantRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrantRequest" ADD CONSTRAINT "RoleGrantRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrantRequest" ADD CONSTRAINT "RoleGrantRequest_userRoleId_fkey" FOREIGN KEY ("userRoleId") REFERENCES "UserRole"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (issue 12, part 5; docs/decisions/611-one-trust-per-deployment.md): a deployment
-- serves exactly one trust. A unique index on a constant lets the table hold one row at most.
DO $$
BEGIN
  IF (SELECT count(*) FROM "Trust") > 1 THEN
    RAISE EXCEPTION 'This database holds % trusts, but a CTO Tracker deployment serves exactly one trust (each trust is its own data controller). Move the other trusts'' data to their own databases before migrating.', (SELECT count(*) FROM "Trust");
  END IF;
END
$$;
CREATE UNIQUE INDEX "Trust_one_per_deployment" ON "Trust" ((true));

-- Hand-written (issue 12, part 4; docs/decisions/612-two-administrators-for-a-role.md).
-- One open request per user and role.
CREATE UNIQUE INDEX "RoleGrantRequest_one_pending" ON "RoleGrantRequest" ("userId", "role")
  WHERE "status" = 'PENDING';
-- Nobody asks for a role for themselves; neither the requester nor the user decides it; a
-- decision has a decider and a time, an open request has neither; an approval made a role row.
ALTER TABLE "RoleGrantRequest"
  ADD CONSTRAINT "RoleGrantRequest_not_for_self" CHECK ("userId" <> "requestedById"),
  ADD CONSTRAINT "RoleGrantRequest_second_administrator"
    CHECK ("decidedById" IS NULL OR ("decidedById" <> "requestedById" AND "decidedById" <> "userId")),
  ADD CONSTRAINT "RoleGrantRequest_decision_complete"
    CHECK (("status" = 'PENDING') = ("decidedAt" IS NULL)),
  ADD CONSTRAINT "RoleGrantRequest_approval_made_role"
    CHECK (("status" = 'APPROVED') = ("userRoleId" IS NOT NULL));
