-- CreateEnum
CREATE TYPE "BulletinType" AS ENUM ('TSB', 'CAMPAIGN', 'NOTICE');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "bulletinId" TEXT;

-- CreateTable
CREATE TABLE "Bulletin" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "type" "BulletinType" NOT NULL,
    "body" JSONB NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "modelIds" TEXT[],
    "yearFrom" INTEGER,
    "yearTo" INTEGER,
    "vinFrom" TEXT,
    "vinTo" TEXT,
    "systems" TEXT[],
    "dtcs" TEXT[],
    "audienceRoles" "Role"[],
    "audienceRegions" TEXT[],
    "audienceStations" TEXT[],
    "requiresAck" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "notifiedAt" TIMESTAMP(3),
    "supersedesId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Bulletin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulletinRead" (
    "bulletinId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),

    CONSTRAINT "BulletinRead_pkey" PRIMARY KEY ("bulletinId","userId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Bulletin_number_key" ON "Bulletin"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Bulletin_supersedesId_key" ON "Bulletin"("supersedesId");

-- CreateIndex
CREATE INDEX "Bulletin_publishedAt_idx" ON "Bulletin"("publishedAt");

-- CreateIndex
CREATE INDEX "Bulletin_dtcs_idx" ON "Bulletin" USING GIN ("dtcs");

-- CreateIndex
CREATE INDEX "Bulletin_modelIds_idx" ON "Bulletin" USING GIN ("modelIds");

-- CreateIndex
CREATE INDEX "BulletinRead_userId_idx" ON "BulletinRead"("userId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_bulletinId_idx" ON "Attachment"("bulletinId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "Bulletin"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bulletin" ADD CONSTRAINT "Bulletin_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bulletin" ADD CONSTRAINT "Bulletin_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Bulletin"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulletinRead" ADD CONSTRAINT "BulletinRead_bulletinId_fkey" FOREIGN KEY ("bulletinId") REFERENCES "Bulletin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulletinRead" ADD CONSTRAINT "BulletinRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

