-- Bulletins and questions join the search: what already exists goes through the outbox once.
INSERT INTO "SearchOutbox" ("entity", "entityId")
SELECT 'bulletin', "id" FROM "Bulletin" WHERE "publishedAt" IS NOT NULL;

INSERT INTO "SearchOutbox" ("entity", "entityId")
SELECT 'question', "id" FROM "ForumQuestion";
