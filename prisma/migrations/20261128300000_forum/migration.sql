-- CreateTable
CREATE TABLE "ForumQuestion" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "modelId" TEXT,
    "systemCode" TEXT,
    "dtcs" TEXT[],
    "tags" TEXT[],
    "score" INTEGER NOT NULL DEFAULT 0,
    "answerCount" INTEGER NOT NULL DEFAULT 0,
    "acceptedAnswerId" TEXT,
    "solvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "duplicateOfQuestionId" TEXT,
    "duplicateOfCaseId" TEXT,
    "caseId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "editedAt" TIMESTAMP(3),
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumAnswer" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "score" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "editedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumComment" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answerId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumVote" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "questionId" TEXT,
    "answerId" TEXT,
    "value" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ForumVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumRevision" (
    "id" TEXT NOT NULL,
    "questionId" TEXT,
    "answerId" TEXT,
    "version" INTEGER NOT NULL,
    "editorId" TEXT NOT NULL,
    "title" TEXT,
    "body" JSONB NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ForumQuestion_acceptedAnswerId_key" ON "ForumQuestion"("acceptedAnswerId");

-- CreateIndex
CREATE UNIQUE INDEX "ForumQuestion_caseId_key" ON "ForumQuestion"("caseId");

-- CreateIndex
CREATE INDEX "ForumQuestion_createdAt_idx" ON "ForumQuestion"("createdAt");

-- CreateIndex
CREATE INDEX "ForumQuestion_lastActivityAt_idx" ON "ForumQuestion"("lastActivityAt");

-- CreateIndex
CREATE INDEX "ForumQuestion_score_createdAt_idx" ON "ForumQuestion"("score", "createdAt");

-- CreateIndex
CREATE INDEX "ForumQuestion_authorId_createdAt_idx" ON "ForumQuestion"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "ForumQuestion_dtcs_idx" ON "ForumQuestion" USING GIN ("dtcs");

-- CreateIndex
CREATE INDEX "ForumQuestion_tags_idx" ON "ForumQuestion" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "ForumAnswer_questionId_createdAt_idx" ON "ForumAnswer"("questionId", "createdAt");

-- CreateIndex
CREATE INDEX "ForumAnswer_authorId_createdAt_idx" ON "ForumAnswer"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "ForumComment_questionId_createdAt_idx" ON "ForumComment"("questionId", "createdAt");

-- CreateIndex
CREATE INDEX "ForumComment_authorId_createdAt_idx" ON "ForumComment"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "ForumVote_questionId_idx" ON "ForumVote"("questionId");

-- CreateIndex
CREATE INDEX "ForumVote_answerId_idx" ON "ForumVote"("answerId");

-- CreateIndex
CREATE UNIQUE INDEX "ForumVote_userId_questionId_key" ON "ForumVote"("userId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "ForumVote_userId_answerId_key" ON "ForumVote"("userId", "answerId");

-- CreateIndex
CREATE UNIQUE INDEX "ForumRevision_questionId_version_key" ON "ForumRevision"("questionId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ForumRevision_answerId_version_key" ON "ForumRevision"("answerId", "version");

-- AddForeignKey
ALTER TABLE "ForumQuestion" ADD CONSTRAINT "ForumQuestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumQuestion" ADD CONSTRAINT "ForumQuestion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "VehicleModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumQuestion" ADD CONSTRAINT "ForumQuestion_systemCode_fkey" FOREIGN KEY ("systemCode") REFERENCES "VehicleSystem"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumQuestion" ADD CONSTRAINT "ForumQuestion_acceptedAnswerId_fkey" FOREIGN KEY ("acceptedAnswerId") REFERENCES "ForumAnswer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumQuestion" ADD CONSTRAINT "ForumQuestion_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumQuestion" ADD CONSTRAINT "ForumQuestion_duplicateOfQuestionId_fkey" FOREIGN KEY ("duplicateOfQuestionId") REFERENCES "ForumQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumQuestion" ADD CONSTRAINT "ForumQuestion_duplicateOfCaseId_fkey" FOREIGN KEY ("duplicateOfCaseId") REFERENCES "RepairCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumQuestion" ADD CONSTRAINT "ForumQuestion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RepairCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumAnswer" ADD CONSTRAINT "ForumAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ForumQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumAnswer" ADD CONSTRAINT "ForumAnswer_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumComment" ADD CONSTRAINT "ForumComment_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ForumQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumComment" ADD CONSTRAINT "ForumComment_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "ForumAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumComment" ADD CONSTRAINT "ForumComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumVote" ADD CONSTRAINT "ForumVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumVote" ADD CONSTRAINT "ForumVote_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ForumQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumVote" ADD CONSTRAINT "ForumVote_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "ForumAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumRevision" ADD CONSTRAINT "ForumRevision_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "ForumQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumRevision" ADD CONSTRAINT "ForumRevision_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "ForumAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumRevision" ADD CONSTRAINT "ForumRevision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Written by hand (Prisma's schema has no CHECK): a vote or a revision belongs to exactly one
-- post, a vote is +1 or -1, and a question is a duplicate of one thing at most.
ALTER TABLE "ForumVote" ADD CONSTRAINT "ForumVote_one_post_check" CHECK (("questionId" IS NULL) <> ("answerId" IS NULL));
ALTER TABLE "ForumVote" ADD CONSTRAINT "ForumVote_value_check" CHECK ("value" IN (-1, 1));
ALTER TABLE "ForumRevision" ADD CONSTRAINT "ForumRevision_one_post_check" CHECK (("questionId" IS NULL) <> ("answerId" IS NULL));
ALTER TABLE "ForumQuestion" ADD CONSTRAINT "ForumQuestion_duplicate_check" CHECK ("duplicateOfQuestionId" IS NULL OR "duplicateOfCaseId" IS NULL);
