import { type KeyboardEvent, useRef } from 'react';
import { useStore } from '../state/store';
import { VIEWS } from '../views/registry';

/**
 * The list of views as buttons; the open one has aria-current="page". Tab reaches each
 * button; the arrow keys (and Home/End) move to the previous or next view and open it.
 */
export function ViewNav() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = VIEWS.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    setView(VIEWS[target]!.id);
    buttons.current[target]?.focus();
  };

  return (
    <nav aria-label="Views" className="views">
      <ul>
        {VIEWS.map((v, i) => (
          <li key={v.id}>
            <button
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              className={v.id === view ? 'tab active' : 'tab'}
              aria-current={v.id === view ? 'page' : undefined}
              data-view={v.id}
              onClick={() => setView(v.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              {v.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
