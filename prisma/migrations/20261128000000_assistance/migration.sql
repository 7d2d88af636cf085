-- CreateEnum
CREATE TYPE "AssistanceStatus" AS ENUM ('OPEN', 'CLAIMED', 'ONSITE', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "AssistanceUrgency" AS ENUM ('VOR', 'NORMAL');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "assistanceMessageId" TEXT,
ADD COLUMN     "assistanceRequestId" TEXT;

-- CreateTable
CREATE TABLE "ExpertProfile" (
    "userId" TEXT NOT NULL,
    "systems" TEXT[],
    "available" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "AssistanceRequest" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "requesterId" TEXT NOT NULL,
    "stationId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "vin" TEXT,
    "mileageKm" INTEGER,
    "systemCode" TEXT NOT NULL,
    "dtcs" TEXT[],
    "symptoms" TEXT NOT NULL,
    "tried" TEXT,
    "readings" TEXT,
    "urgency" "AssistanceUrgency" NOT NULL DEFAULT 'NORMAL',
    "status" "AssistanceStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" TEXT,
    "cause" TEXT,
    "fix" TEXT,
    "firstTimeFix" BOOLEAN,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "caseId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "responseDueAt" TIMESTAMP(3) NOT NULL,
    "resolutionDueAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssistanceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistanceMessage" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistanceMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistanceEvent" (
    "id" BIGSERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistanceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnsiteVisit" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "visitedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnsiteVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseDeflection" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseDeflection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssistanceRequest_number_key" ON "AssistanceRequest"("number");

-- CreateIndex
CREATE UNIQUE INDEX "AssistanceRequest_caseId_key" ON "AssistanceRequest"("caseId");

-- CreateIndex
CREATE INDEX "AssistanceRequest_status_systemCode_urgency_createdAt_idx" ON "AssistanceRequest"("status", "systemCode", "urgency", "createdAt");

-- CreateIndex
CREATE INDEX "AssistanceRequest_stationId_createdAt_idx" ON "AssistanceRequest"("stationId", "createdAt");

-- CreateIndex
CREATE INDEX "AssistanceRequest_assigneeId_status_idx" ON "AssistanceRequest"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "AssistanceRequest_createdAt_idx" ON "AssistanceRequest"("createdAt");

-- CreateIndex
CREATE INDEX "AssistanceMessage_requestId_createdAt_idx" ON "AssistanceMessage"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "AssistanceEvent_requestId_id_idx" ON "AssistanceEvent"("requestId", "id");

-- CreateIndex
CREATE INDEX "OnsiteVisit_requestId_idx" ON "OnsiteVisit"("requestId");

-- CreateIndex
CREATE INDEX "CaseDeflection_createdAt_idx" ON "CaseDeflection"("createdAt");

-- CreateIndex
CREATE INDEX "Attachment_assistanceRequestId_idx" ON "Attachment"("assistanceRequestId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_assistanceRequestId_fkey" FOREIGN KEY ("assistanceRequestId") REFERENCES "AssistanceRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_assistanceMessageId_fkey" FOREIGN KEY ("assistanceMessageId") REFERENCES "AssistanceMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertProfile" ADD CONSTRAINT "ExpertProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceRequest" ADD CONSTRAINT "AssistanceRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceRequest" ADD CONSTRAINT "AssistanceRequest_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceRequest" ADD CONSTRAINT "AssistanceRequest_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "VehicleModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceRequest" ADD CONSTRAINT "AssistanceRequest_systemCode_fkey" FOREIGN KEY ("systemCode") REFERENCES "VehicleSystem"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceRequest" ADD CONSTRAINT "AssistanceRequest_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceRequest" ADD CONSTRAINT "AssistanceRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RepairCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceMessage" ADD CONSTRAINT "AssistanceMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AssistanceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceMessage" ADD CONSTRAINT "AssistanceMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceEvent" ADD CONSTRAINT "AssistanceEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AssistanceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistanceEvent" ADD CONSTRAINT "AssistanceEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnsiteVisit" ADD CONSTRAINT "OnsiteVisit_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AssistanceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnsiteVisit" ADD CONSTRAINT "OnsiteVisit_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDeflection" ADD CONSTRAINT "CaseDeflection_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RepairCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDeflection" ADD CONSTRAINT "CaseDeflection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

