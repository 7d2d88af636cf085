-- CreateTable
CREATE TABLE "RateLimitAttempt" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "resetAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimitAttempt_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "RateLimitAttempt_resetAt_idx" ON "RateLimitAttempt"("resetAt");

