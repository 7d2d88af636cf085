-- CreateTable
CREATE TABLE "SearchSynonymGroup" (
    "id" TEXT NOT NULL,
    "standard" TEXT NOT NULL,
    "colloquial" TEXT[],
    "english" TEXT[],
    "systemCode" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchSynonymGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchQueryLog" (
    "id" BIGSERIAL NOT NULL,
    "q" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "hitCount" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "clickedHitId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchQueryLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchSynonymGroup_standard_idx" ON "SearchSynonymGroup"("standard");

-- CreateIndex
CREATE INDEX "SearchQueryLog_createdAt_idx" ON "SearchQueryLog"("createdAt");

-- CreateIndex
CREATE INDEX "SearchQueryLog_userId_createdAt_idx" ON "SearchQueryLog"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "SearchSynonymGroup" ADD CONSTRAINT "SearchSynonymGroup_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchQueryLog" ADD CONSTRAINT "SearchQueryLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

