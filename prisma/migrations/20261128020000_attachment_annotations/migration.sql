-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "annotations" JSONB;

