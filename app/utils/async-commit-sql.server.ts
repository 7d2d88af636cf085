import { lazyPgPool } from './pg-pool.server'

/**
 * A plain `pg` pool whose commits do not wait for the write-ahead log to reach the disk
 * (`synchronous_commit=off`): for small, frequent writes whose latency people feel, the live
 * chat above all. A committed row is at once visible to every reader and the database stays
 * consistent; only a crash of the database server itself (not of the app) can lose the last
 * ~0.6 s of such commits (three WAL writer cycles). The fsync it skips was most of a chat
 * message's latency (2.7 ms p50 of ~5 ms on these machines).
 */
const asyncCommit = lazyPgPool('async-commit', { settings: { synchronous_commit: 'off' }, max: 4, idleMs: 60_000 })

export const getAsyncCommitSql = asyncCommit.get
