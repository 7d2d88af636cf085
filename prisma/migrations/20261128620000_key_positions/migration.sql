-- CreateEnum
CREATE TYPE "KeyPosition" AS ENUM ('STATION_MANAGER', 'TECHNICAL_DIRECTOR', 'SERVICE_ADVISOR', 'PARTS_CLERK', 'WARRANTY_CLERK', 'CUSTOMER_RELATIONS');

-- AlterTable
ALTER TABLE "ExamPaper" ADD COLUMN     "position" "KeyPosition";

-- AlterTable
ALTER TABLE "ExamAttempt" ADD COLUMN     "position" "KeyPosition";

-- CreateTable
CREATE TABLE "PositionCertificate" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" "KeyPosition" NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attemptId" TEXT,
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "PositionCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PositionCertificate_attemptId_key" ON "PositionCertificate"("attemptId");

-- CreateIndex
CREATE INDEX "PositionCertificate_userId_position_expiresAt_idx" ON "PositionCertificate"("userId", "position", "expiresAt");

-- CreateIndex
CREATE INDEX "PositionCertificate_expiresAt_remindedAt_idx" ON "PositionCertificate"("expiresAt", "remindedAt");

-- AddForeignKey
ALTER TABLE "PositionCertificate" ADD CONSTRAINT "PositionCertificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionCertificate" ADD CONSTRAINT "PositionCertificate_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

