// The NHS task list (nhsuk-frontend 10 `nhsuk-task-list`): each task's name (a link when it can
// be worked on), a hint, and its status. Markup as in nhsuk-frontend's task-list template.
import Link from 'next/link';

export interface TaskListItem {
  id: string;
  title: string;
  /** Where the task is done; none when it cannot be started yet. */
  href?: string | null;
  hint?: string | null;
  status: string;
  /** Completed: plain text; to do: a blue tag; cannot start yet: grey secondary text. */
  tone: 'done' | 'todo' | 'waiting' | 'cannot';
}

const TAG_CLASSES: Record<TaskListItem['tone'], string> = {
  done: 'nhsuk-tag nhsuk-tag--no-colour nhsuk-tag--no-border nhsuk-u-font-weight-normal',
  todo: 'nhsuk-tag nhsuk-tag--blue',
  waiting: 'nhsuk-tag nhsuk-tag--yellow',
  cannot:
    'nhsuk-tag nhsuk-tag--no-colour nhsuk-tag--no-border nhsuk-u-font-weight-normal nhsuk-u-secondary-text-colour',
};

export function TaskList({ id, items }: { id: string; items: readonly TaskListItem[] }) {
  return (
    <ul className="nhsuk-task-list" id={id}>
      {items.map((item) => {
        const hintId = `${id}-${item.id}-hint`;
        const statusId = `${id}-${item.id}-status`;
        return (
          <li
            key={item.id}
            className={`nhsuk-task-list__item${item.href ? ' nhsuk-task-list__item--with-link' : ''}`}
          >
            <div className="nhsuk-task-list__name-and-hint">
              {item.href ? (
                <Link
                  className="nhsuk-task-list__link nhsuk-link"
                  href={item.href}
                  aria-describedby={item.hint ? `${hintId} ${statusId}` : statusId}
                >
                  {item.title}
                </Link>
              ) : (
                <div>{item.title}</div>
              )}
              {item.hint ? (
                <div className="nhsuk-task-list__hint" id={hintId}>
                  {item.hint}
                </div>
              ) : null}
            </div>
            <div className="nhsuk-task-list__status" id={statusId}>
              <strong className={TAG_CLASSES[item.tone]}>{item.status}</strong>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
