-- Bulletins and questions join the search, and every document gains the stemmed shadow of its
-- English words: what already exists goes through the outbox once.
INSERT INTO "SearchOutbox" ("entity", "entityId")
SELECT 'case', "id" FROM "RepairCase" WHERE "status" IN ('APPROVED', 'CLASSIC');

INSERT INTO "SearchOutbox" ("entity", "entityId")
SELECT 'bulletin', "id" FROM "Bulletin" WHERE "publishedAt" IS NOT NULL;

INSERT INTO "SearchOutbox" ("entity", "entityId")
SELECT 'question', "id" FROM "ForumQuestion";
