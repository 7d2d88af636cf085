-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "questionId" TEXT;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "stemImageId" TEXT;

-- CreateIndex
CREATE INDEX "Attachment_questionId_idx" ON "Attachment"("questionId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

