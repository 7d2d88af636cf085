import { Link } from '@remix-run/react'
import { useLocalName, useLocale, useMessages } from '~/i18n/use-t'
import { forumMessages } from '../messages'

type Named = { nameZh: string; nameEn: string }
export type QuestionListItem = {
  id: string
  title: string
  excerpt: string
  createdAt: string | Date
  score: number
  answerCount: number
  solved: boolean
  closed: boolean
  expertAnswered: boolean
  dtcs: string[]
  tags: string[]
  author: { name: string }
  model: Named | null
  system: Named | null
}

/** Questions as a list: votes and answers beside the title, state badges, vehicle, codes and tags. */
export function QuestionList({ questions, tagHref }: { questions: QuestionListItem[]; tagHref: (tag: string) => string }) {
  const t = useMessages(forumMessages)
  const locale = useLocale()
  const localName = useLocalName()
  return (
    <ul className="question-list">
      {questions.map((question) => (
        <li key={question.id} className="question-item" data-question={question.id}>
          <div className="question-item__stats" aria-hidden="true">
            <span>{t('votes', { count: question.score })}</span>
            <span className={question.solved ? 'question-item__answers question-item__answers--solved' : 'question-item__answers'}>{t('answers', { count: question.answerCount })}</span>
          </div>
          <div className="question-item__main">
            <h2 className="question-item__title">
              <Link to={`/forum/${question.id}`}>{question.title}</Link>
            </h2>
            <p className="question-item__badges">
              <span className="visually-hidden">{t('votes', { count: question.score })}, {t('answers', { count: question.answerCount })}</span>
              {question.solved ? <span className="badge badge--approved">{t('solved')}</span> : null}
              {question.closed ? <span className="badge badge--draft">{t('duplicate')}</span> : null}
              {question.expertAnswered ? <span className="badge badge--expert">{t('expertAnswered')}</span> : null}
              {question.model ? <span className="small muted">{localName(question.model)}</span> : null}
              {question.system ? <span className="small muted">{localName(question.system)}</span> : null}
              {question.dtcs.map((code) => <code key={code} className="dtc">{code}</code>)}
            </p>
            {question.excerpt ? <p className="question-item__excerpt">{question.excerpt}</p> : null}
            <p className="question-item__meta">
              <span>{question.tags.map((tag) => <Link key={tag} to={tagHref(tag)} className="tag">{tag}</Link>)}</span>
              <span className="small muted">{t('asked', { name: question.author.name, time: new Date(question.createdAt).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en-GB') })}</span>
            </p>
          </div>
        </li>
      ))}
    </ul>
  )
}
