import type { ReactNode } from 'react'

/** A page's title with its introduction, and an action on the right (e.g. "manage" for trainers). */
export function PageHead({ title, intro, action }: { title: string; intro?: string; action?: ReactNode }) {
  return (
    <header className="search-head">
      <div>
        <h1>{title}</h1>
        {intro ? <p className="muted">{intro}</p> : null}
      </div>
      {action}
    </header>
  )
}
