import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { projectPath, request } from '../api.ts';
import { canConfigure, project } from '../state.ts';
import { t } from '../strings.ts';

const STATUSES = ['received', 'verified', 'in_progress', 'completed', 'refused'] as const;
type Status = (typeof STATUSES)[number];

/** The steps the server lets a request take from each status (server/requests/privacy-request.ts). */
const NEXT: Record<Status, Status[]> = {
  received: ['verified', 'refused'],
  verified: ['in_progress', 'completed', 'refused'],
  in_progress: ['completed', 'refused'],
  completed: [],
  refused: [],
};

interface PrivacyRequest {
  id: string;
  kind: string;
  email?: string;
  geography: string;
  status: Status;
  note?: string;
  dueAt: string;
  createdAt: string;
  overdue: boolean;
}

interface Detail extends PrivacyRequest {
  history: {
    id: string;
    actor: string;
    action: string;
    detail: { note?: string };
    createdAt: string;
  }[];
}

const day = (iso: string) => iso.slice(0, 10);
const time = (iso: string) => iso.replace('T', ' ').slice(0, 19);

/** Privacy requests: filter by status, open one with its history, move it a step with a note. */
export function RequestsPage() {
  const p = project.value!;
  const base = `${projectPath(p.organizationId, p.id)}/privacy-requests`;
  const status = useSignal<Status | ''>('');
  const items = useSignal<PrivacyRequest[] | null>(null);
  const open = useSignal<Detail | null>(null);
  const note = useSignal('');
  const error = useSignal('');
  const done = useSignal('');

  async function load() {
    try {
      const list = await request<{ items: PrivacyRequest[] }>(
        status.value ? `${base}?status=${status.value}` : base,
      );
      items.value = list.items;
    } catch (failure) {
      error.value = (failure as Error).message;
    }
  }
  useEffect(() => void load(), [status.value]);

  async function show(id: string) {
    error.value = '';
    done.value = '';
    note.value = '';
    try {
      open.value = await request<Detail>(`${base}/${id}`);
    } catch (failure) {
      error.value = (failure as Error).message;
    }
  }

  async function step(to: Status) {
    const current = open.value!;
    error.value = '';
    try {
      const answer = await request<PrivacyRequest & { erasure?: unknown }>(
        `${base}/${current.id}`,
        {
          method: 'PATCH',
          body: { status: to, ...(note.value.trim() && { note: note.value.trim() }) },
        },
      );
      await show(current.id);
      done.value = answer.erasure ? t.requests.erased : t.requests.moved(t.requests.statuses[to]);
      await load();
    } catch (failure) {
      error.value = (failure as Error).message;
    }
  }

  const current = open.value;
  return (
    <section aria-labelledby="requests-title">
      <h1 id="requests-title" tabIndex={-1}>
        {t.requests.title}
      </h1>
      <label>
        {t.requests.filter}{' '}
        <select
          value={status.value}
          onChange={(e) => (status.value = (e.target as HTMLSelectElement).value as Status | '')}
        >
          <option value="">{t.requests.all}</option>
          {STATUSES.map((name) => (
            <option key={name} value={name}>
              {t.requests.statuses[name]}
            </option>
          ))}
        </select>
      </label>
      {error.value && <p role="alert">{error.value}</p>}
      {items.value &&
        (items.value.length === 0 ? (
          <p>{t.requests.none}</p>
        ) : (
          <table data-testid="requests">
            <caption>{t.requests.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.requests.received}</th>
                <th scope="col">{t.requests.kind}</th>
                <th scope="col">{t.requests.email}</th>
                <th scope="col">{t.requests.status}</th>
                <th scope="col">{t.requests.due}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.requests.open}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.value.map((r) => (
                <tr key={r.id} data-overdue={r.overdue ? 'true' : undefined}>
                  <td>{time(r.createdAt)}</td>
                  <td>{t.requests.kinds[r.kind as keyof typeof t.requests.kinds] ?? r.kind}</td>
                  <td>{r.email ?? t.requests.erasedEmail}</td>
                  <td>{t.requests.statuses[r.status]}</td>
                  <td>
                    {day(r.dueAt)}
                    {r.overdue && <strong class="overdue"> {t.requests.overdue}</strong>}
                  </td>
                  <td>
                    <button type="button" onClick={() => void show(r.id)}>
                      {t.requests.open}
                      <span class="visually-hidden">: {r.email ?? r.id}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {current && (
        <section aria-labelledby="request-title" data-testid="request">
          <h2 id="request-title">
            {t.requests.kinds[current.kind as keyof typeof t.requests.kinds] ?? current.kind} ·{' '}
            {t.requests.statuses[current.status]}
          </h2>
          <p>
            {current.email ?? t.requests.erasedEmail} · {current.geography} · {t.requests.due}{' '}
            {day(current.dueAt)}
            {current.overdue && <strong class="overdue"> {t.requests.overdue}</strong>}
          </p>
          <h3>{t.requests.history}</h3>
          <ol>
            {current.history.map((entry) => (
              <li key={entry.id}>
                {time(entry.createdAt)} · {entry.action.replace('privacy_request.', '')} ·{' '}
                {entry.actor}
                {entry.detail.note ? ` · “${entry.detail.note}”` : ''}
              </li>
            ))}
          </ol>
          {NEXT[current.status].length > 0 &&
            (canConfigure.value ? (
              <div>
                <label>
                  {t.requests.note}
                  <textarea
                    value={note.value}
                    onInput={(e) => (note.value = (e.target as HTMLTextAreaElement).value)}
                  />
                </label>
                {current.kind === 'delete' && NEXT[current.status].includes('completed') && (
                  <p>{t.requests.completeErases}</p>
                )}
                <div class="actions">
                  {NEXT[current.status].map((to) => (
                    <button type="button" key={to} onClick={() => void step(to)}>
                      {t.requests.moveTo(t.requests.statuses[to])}
                    </button>
                  ))}
                </div>
              </div>
            ) : (
              <p>{t.readOnly}</p>
            ))}
          {done.value && <p role="status">{done.value}</p>}
        </section>
      )}
    </section>
  );
}
