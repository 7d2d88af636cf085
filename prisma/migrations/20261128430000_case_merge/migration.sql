-- AlterTable
ALTER TABLE "RepairCase" ADD COLUMN     "mergedAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" TEXT;

-- CreateIndex
CREATE INDEX "RepairCase_mergedIntoId_idx" ON "RepairCase"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "RepairCase" ADD CONSTRAINT "RepairCase_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "RepairCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

