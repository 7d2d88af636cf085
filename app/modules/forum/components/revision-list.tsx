import { useLocale, useMessages } from '~/i18n/use-t'
import { forumMessages } from '../messages'

export type Revision = { version: number; title?: string | null; bodyHtml: string; createdAt: string | Date; editor: { name: string } }

/** Every version, newest first: who wrote it and when, and what it said. */
export function RevisionList({ revisions }: { revisions: Revision[] }) {
  const t = useMessages(forumMessages)
  const locale = useLocale()
  const newest = revisions[0]?.version
  return (
    <ol className="revision-list" reversed>
      {revisions.map((revision) => (
        <li key={revision.version} className="card revision" data-version={revision.version}>
          <h2 className="revision__heading">
            {t('version', { version: revision.version })}
            {revision.version === newest ? <span className="badge badge--approved">{t('current')}</span> : null}
            {revision.version === 1 ? <span className="badge badge--draft">{t('original')}</span> : null}
          </h2>
          <p className="small muted">{t('editedBy', { name: revision.editor.name, time: new Date(revision.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB') })}</p>
          {revision.title ? <p className="revision__title">{revision.title}</p> : null}
          {/* Rendered from the editor's schema when that version was saved. */}
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
        </li>
      ))}
    </ol>
  )
}
