-- AlterTable
ALTER TABLE "Recall" ALTER COLUMN "ground" DROP NOT NULL,
ALTER COLUMN "serviceMethod" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Revocation" ALTER COLUMN "amhpAgreementId" DROP NOT NULL;
