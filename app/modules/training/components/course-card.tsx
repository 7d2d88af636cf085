import { Form, Link } from '@remix-run/react'
import { useMessages } from '~/i18n/use-t'
import { trainingMessages } from '../messages'
import { ProgressMeter } from './progress-meter'

export type CourseRow = {
  id: string
  title: string
  description: string | null
  requiredForLevel: string | null
  assigned: boolean
  enrolled: boolean
  done: number
  total: number
  percent: number
  complete: boolean
  nextLessonId: string | null
}

/** One course in "my courses" (with progress and where to carry on) or in the catalogue (with an enrol button). */
export function CourseCard({ course, inCatalogue = false }: { course: CourseRow; inCatalogue?: boolean }) {
  const t = useMessages(trainingMessages)
  return (
    <li className="card course-card" data-testid="course-card">
      <div className="course-card__head">
        <h3 className="course-card__title">
          <Link to={`/training/${course.id}`}>{course.title}</Link>
        </h3>
        {course.complete ? <span className="badge badge--passed">{t('complete')}</span> : null}
        {course.assigned ? <span className="badge badge--submitted">{t('assigned')}</span> : null}
        {course.requiredForLevel ? <span className="badge">{t('requiredFor', { level: t(`level.${course.requiredForLevel}` as 'level.TECHNICIAN') })}</span> : null}
      </div>
      {course.description ? <p className="muted small course-card__description">{course.description}</p> : null}
      {inCatalogue ? (
        <div className="button-row">
          <span className="small muted">{t('lessonCount', { count: course.total })}</span>
          <Form method="post">
            <input type="hidden" name="courseId" value={course.id} />
            <button type="submit" name="intent" value="enrol" className="button button--ghost" aria-label={`${t('enrol')}: ${course.title}`}>{t('enrol')}</button>
          </Form>
        </div>
      ) : (
        <>
          <ProgressMeter done={course.done} total={course.total} percent={course.percent} />
          {course.nextLessonId && !course.complete ? (
            <Link className="button" to={`/training/${course.id}/lessons/${course.nextLessonId}`}>{course.done > 0 ? t('resume') : t('start')}</Link>
          ) : null}
        </>
      )}
    </li>
  )
}
