import type { JSONContent } from '@tiptap/core'
import { parseRichDoc, plainTextToDoc } from '~/editor/rich-text.server'
import { insertCase } from '~/modules/cases/case.server'
import { getDb } from '~/utils/db.server'
import type { ForumUser } from './content.server'
import { canDraftCase } from './permissions'
import type { DraftCaseInput } from './schema'

export type DraftCaseOutcome =
  | { ok: true; caseId: string }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'invalid-state' }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }

const CAUSE_LABEL = /^\s*(故障原因|根本原因|原因|root cause|cause)\s*[:：]/i
const FIX_LABEL = /^\s*(处理方法|处理方案|维修方法|维修方案|解决方法|解决办法|处理|维修|解决|排除方法|fix|solution|repair)\s*[:：]/i

const textOf = (node: JSONContent): string => node.text ?? (node.content ?? []).map(textOf).join('')
const docOf = (content: JSONContent[]): JSONContent => ({ type: 'doc', content })

/**
 * An answer written the workshop way ("原因：… 处理：…") is split at its labels into root cause
 * and fix; without labels the whole answer goes into both, for the author to trim. Paragraphs
 * before the first label are kept for the diagnosis.
 */
export function splitAnswer(answer: JSONContent) {
  const sections: Record<'lead' | 'cause' | 'fix', JSONContent[]> = { lead: [], cause: [], fix: [] }
  let current: keyof typeof sections = 'lead'
  for (const node of answer.content ?? []) {
    const text = textOf(node)
    if (FIX_LABEL.test(text)) current = 'fix'
    else if (CAUSE_LABEL.test(text)) current = 'cause'
    sections[current].push(node)
  }
  return {
    lead: sections.lead.length && (sections.cause.length || sections.fix.length) ? sections.lead : [],
    rootCause: sections.cause.length ? docOf(sections.cause) : answer,
    fix: sections.fix.length ? docOf(sections.fix) : answer,
  }
}

/**
 * The accepted answer becomes a draft repair case in one step, the way an assistance request
 * does: title, vehicle and DTCs from the question, symptoms from its body, root cause and fix
 * from the answer, the discussion (comments) as the diagnosis. The draft belongs to whoever made
 * it and to the asker's station; the question links to it. The asker, an engineer or an admin.
 */
export async function draftCaseFromAcceptedAnswer({ user, questionId, input }: { user: ForumUser; questionId: string; input: DraftCaseInput }): Promise<DraftCaseOutcome> {
  const db = getDb()
  const model = await db.vehicleModel.findUnique({ where: { id: input.modelId }, select: { id: true } })
  if (!model) return { ok: false, reason: 'invalid', errors: { modelId: 'choose a model from the catalogue' } }
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from "ForumQuestion" where id = ${questionId} for update`
    const question = await tx.forumQuestion.findUnique({
      where: { id: questionId },
      select: {
        title: true,
        body: true,
        bodyText: true,
        dtcs: true,
        caseId: true,
        author: { select: { id: true, stationId: true } },
        acceptedAnswer: { select: { body: true, author: { select: { name: true } } } },
        comments: { orderBy: { createdAt: 'asc' }, take: 50, select: { body: true, answerId: true, author: { select: { name: true } } } },
        acceptedAnswerId: true,
      },
    })
    if (!question) return { ok: false, reason: 'not-found' } as const
    if (!canDraftCase(user, question.author.id)) return { ok: false, reason: 'forbidden' } as const
    // Made once: a second click (or a second node) gets the same draft.
    if (question.caseId) return { ok: true, caseId: question.caseId } as const
    if (!question.acceptedAnswer) return { ok: false, reason: 'invalid-state' } as const

    const { lead, rootCause, fix } = splitAnswer(parseRichDoc(question.acceptedAnswer.body))
    const discussion = question.comments
      .filter((comment) => comment.answerId === null || comment.answerId === question.acceptedAnswerId)
      .map((comment) => `${comment.author.name}: ${comment.body}`)
    const diagnosis = [
      ...lead,
      ...plainTextToDoc([...discussion, `来自知道论坛 / From the forum: ${question.title}（${question.acceptedAnswer.author.name}）`].join('\n')).content!,
    ]
    const created = await insertCase(tx, {
      author: user,
      stationId: question.author.stationId,
      content: {
        title: question.title,
        modelId: model.id,
        year: input.year,
        systemCode: input.system,
        dtcs: question.dtcs,
        symptoms: parseRichDoc(question.body),
        diagnosis: docOf(diagnosis),
        rootCause,
        fix,
        parts: [],
        language: /[\u4e00-\u9fff]/.test(question.title + question.bodyText) ? 'zh' : 'en',
      },
    })
    await tx.forumQuestion.update({ where: { id: questionId }, data: { caseId: created.id }, select: { id: true } })
    return { ok: true, caseId: created.id } as const
  })
}
