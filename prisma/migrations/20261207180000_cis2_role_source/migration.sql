-- CreateEnum
CREATE TYPE "RoleSource" AS ENUM ('ADMIN', 'CIS2');

-- AlterTable
ALTER TABLE "UserRole" ADD COLUMN     "grantedVia" "RoleSource" NOT NULL DEFAULT 'ADMIN',
ADD COLUMN     "revokedVia" "RoleSource";

-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "idToken" TEXT;
