import { Form, useActionData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { MessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { AdminNav } from './admin-nav'
import { useFieldErrors } from './field-errors'
import { PagePagination } from './pagination'

/** The create form's state: the action answers `{ errors }` (message keys) or `{ created }`. */
export function useAdminForm<Created extends { id: string }>(idPrefix: string) {
  const actionData = useActionData<{ errors?: Record<string, string>; created?: Created }>()
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const { fieldError, invalid } = useFieldErrors(actionData?.errors ?? {}, idPrefix, (message) => t(message as MessageKey))
  return { created: actionData?.created, busy, fieldError, invalid }
}

/** An admin list with a create form beside it (below it on a phone). */
export function AdminListPage({
  id,
  title,
  summary,
  emptyText,
  table,
  page,
  pages,
  formTitle,
  createdNotice,
  formKey,
  busy,
  children,
}: {
  id: string
  title: string
  summary: string
  emptyText: string | null
  table: ReactNode
  page: number
  pages: number
  formTitle: string
  createdNotice: string | null
  formKey: string
  busy: boolean
  children: ReactNode
}) {
  const t = useT()
  return (
    <>
      <AdminNav />
      <div className="case-layout">
        <section style={{ minWidth: 0 }} aria-labelledby={`${id}-title`}>
          <h1 id={`${id}-title`}>{title}</h1>
          <p className="results__summary">{summary}</p>
          {emptyText ? <p className="empty-state">{emptyText}</p> : <div style={{ overflowX: 'auto' }}>{table}</div>}
          <PagePagination page={page} pages={pages} />
        </section>
        <aside>
          <section className="card" aria-labelledby={`new-${id}-title`}>
            <h2 id={`new-${id}-title`}>{formTitle}</h2>
            {createdNotice ? (
              <p className="notice notice--ok" role="status">
                {createdNotice}
              </p>
            ) : null}
            <Form method="post" noValidate key={formKey}>
              {children}
              <button type="submit" className="button button--wide" disabled={busy}>
                {busy ? t('common.loading') : t('common.create')}
              </button>
            </Form>
          </section>
        </aside>
      </div>
    </>
  )
}
