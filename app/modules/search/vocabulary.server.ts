import type { Prisma } from '~/generated/prisma/client'
import { getDb } from '~/utils/db.server'
import { enqueueIndexing } from '~/utils/search-outbox.server'
import type { SessionUser } from '~/utils/session-user'
import type { SynonymGroupInput } from './schema'
import { thesaurusRewriteOf } from '../../../search/thesaurus-rewrites'
import { thesaurusSeed } from './thesaurus-seed'

/** Engineers and admins keep the search vocabulary. */
export const isVocabularyCurator = (user: Pick<SessionUser, 'role'>) => user.role === 'ENGINEER' || user.role === 'ADMIN'

export const GROUPS_PER_PAGE = 50

const groupSelect = { id: true, standard: true, colloquial: true, english: true, systemCode: true, updatedAt: true, updatedBy: { select: { name: true } } } satisfies Prisma.SearchSynonymGroupSelect

/** Groups holding the word (in any of their lists), alphabetical by standard term. */
export async function listSynonymGroups({ q, page }: { q: string; page: number }) {
  const word = q.trim()
  const where: Prisma.SearchSynonymGroupWhereInput = word
    ? { OR: [{ standard: { contains: word, mode: 'insensitive' } }, { colloquial: { has: word } }, { english: { has: word.toLowerCase() } }, { english: { has: word } }] }
    : {}
  const db = getDb()
  const [groups, total] = await Promise.all([
    db.searchSynonymGroup.findMany({ where, select: groupSelect, orderBy: [{ standard: 'asc' }, { id: 'asc' }], skip: (page - 1) * GROUPS_PER_PAGE, take: GROUPS_PER_PAGE }),
    db.searchSynonymGroup.count({ where }),
  ])
  return { groups, total }
}

export const getSynonymGroup = (id: string) => getDb().searchSynonymGroup.findUnique({ where: { id }, select: groupSelect })

const dataOf = (input: SynonymGroupInput, userId: string) => ({
  standard: input.standard,
  colloquial: input.colloquial,
  english: input.english.map((term) => term.toLowerCase()),
  systemCode: input.systemCode ?? null,
  updatedById: userId,
})

/** Saves a group; the indexes take the new synonyms through the outbox (no reindex). Null when the group is gone. */
export async function saveSynonymGroup({ user, id, input }: { user: Pick<SessionUser, 'id'>; id?: string; input: SynonymGroupInput }) {
  return getDb().$transaction(async (tx) => {
    const saved = id
      ? await tx.searchSynonymGroup.update({ where: { id }, data: dataOf(input, user.id), select: { id: true } }).catch(() => null)
      : await tx.searchSynonymGroup.create({ data: dataOf(input, user.id), select: { id: true } })
    if (saved) await enqueueIndexing(tx, 'thesaurus', ['all'])
    return saved
  })
}

export async function deleteSynonymGroup(id: string) {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.searchSynonymGroup.deleteMany({ where: { id } })
    if (count > 0) await enqueueIndexing(tx, 'thesaurus', ['all'])
    return count > 0
  })
}

/** Of these groups' words, those search looks up as another word of their group (too long to expand). */
export function searchedAs(groups: Array<{ standard: string; colloquial: string[]; english: string[] }>) {
  const rewrites: Record<string, string> = {}
  for (const term of groups.flatMap((group) => [group.standard, ...group.colloquial, ...group.english])) {
    const replacement = thesaurusRewriteOf(term)
    if (replacement) rewrites[term] = replacement
  }
  return rewrites
}

/** Every installation starts with the built-in thesaurus (once: curators' deletions stay deleted). */
export async function seedThesaurusIfEmpty() {
  const db = getDb()
  if ((await db.searchSynonymGroup.count()) > 0) return 0
  await db.$transaction(async (tx) => {
    await tx.searchSynonymGroup.createMany({ data: thesaurusSeed.map((entry) => ({ ...entry, english: entry.english.map((term) => term.toLowerCase()) })) })
    await enqueueIndexing(tx, 'thesaurus', ['all'])
  })
  return thesaurusSeed.length
}

/** Every word the search knows by name: thesaurus terms and vehicle models (for "did you mean"). */
export async function knownTerms() {
  const db = getDb()
  const [groups, models] = await Promise.all([
    db.searchSynonymGroup.findMany({ select: { standard: true, colloquial: true, english: true } }),
    db.vehicleModel.findMany({ select: { nameZh: true, nameEn: true } }),
  ])
  return [...groups.flatMap((group) => [group.standard, ...group.colloquial, ...group.english]), ...models.flatMap((model) => [model.nameZh, model.nameEn])]
}
