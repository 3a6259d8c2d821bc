import { useSignal } from '@preact/signals';
import { projectPath, request } from '../api.ts';
import { download } from '../csv.ts';
import { project } from '../state.ts';
import { t } from '../strings.ts';
import { NoticeShown, type ShownNotice } from './notice-shown.tsx';

interface EventRecord {
  id: string;
  label: string;
  consentState: string;
  consentAction: string;
  consentDate: string;
  expirationDate: string;
  version: number;
  session?: { geography?: string };
  /** With `view=full` (issue 17). */
  proof?: { noticeHash?: string };
}

const KINDS = ['concordId', 'email', 'phoneNumber', 'userId', 'projectUserId'] as const;

export function RecordsPage() {
  const p = project.value!;
  const kind = useSignal<(typeof KINDS)[number]>('concordId');
  const value = useSignal('');
  const events = useSignal<EventRecord[] | null>(null);
  const error = useSignal('');
  const shown = useSignal<ShownNotice | null>(null);
  const base = `${projectPath(p.organizationId, p.id)}/consent-events`;
  const query = () => `${kind.value}=${encodeURIComponent(value.value.trim())}`;

  async function find(event: Event) {
    event.preventDefault();
    error.value = '';
    try {
      const items: EventRecord[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: EventRecord[]; nextCursor: string | null } = await request(
          `${base}?${query()}&view=full&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < 1000);
      events.value = items.sort((a, b) => a.consentDate.localeCompare(b.consentDate));
    } catch (failure) {
      error.value = (failure as Error).message;
      events.value = null;
    }
  }

  async function showNotice(hash: string) {
    try {
      shown.value = await request<ShownNotice>(
        `${projectPath(p.organizationId, p.id)}/notice-snapshots/${hash}`,
      );
    } catch (failure) {
      error.value = (failure as Error).message;
    }
  }

  async function exportAs(format: 'csv' | 'ndjson') {
    const accept = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
    const text = await request<string>(`${base}?${query()}`, { accept });
    download(`consent-events.${format}`, text, accept);
  }

  return (
    <section aria-labelledby="records-title">
      <h1 id="records-title" tabIndex={-1}>
        {t.records.title}
      </h1>
      <form class="search" onSubmit={find}>
        <label>
          {t.records.kind}
          <select
            value={kind.value}
            onChange={(e) =>
              (kind.value = (e.target as HTMLSelectElement).value as typeof kind.value)
            }
          >
            {KINDS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.records.search}
          <input
            name="identifier"
            required
            value={value.value}
            onInput={(e) => (value.value = (e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit">{t.records.find}</button>
      </form>
      {error.value && <p role="alert">{error.value}</p>}
      {events.value && (
        <>
          <h2>{t.records.history}</h2>
          {events.value.length === 0 ? (
            <p>{t.records.none}</p>
          ) : (
            <table data-testid="history">
              <caption>
                {t.records.history}: {value.value}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.records.date}</th>
                  <th scope="col">{t.records.type}</th>
                  <th scope="col">{t.records.state}</th>
                  <th scope="col">{t.records.action}</th>
                  <th scope="col">{t.records.geography}</th>
                  <th scope="col">{t.records.expires}</th>
                  <th scope="col">{t.records.eventId}</th>
                  <th scope="col">{t.records.proof}</th>
                </tr>
              </thead>
              <tbody>
                {events.value.map((e) => (
                  <tr key={e.id}>
                    <td>{e.consentDate.replace('T', ' ').slice(0, 19)}</td>
                    <td>
                      {e.label} v{e.version}
                    </td>
                    <td>{e.consentState}</td>
                    <td>{e.consentAction}</td>
                    <td>{e.session?.geography ?? '–'}</td>
                    <td>{e.expirationDate.slice(0, 10)}</td>
                    <td>
                      <code>{e.id}</code>
                    </td>
                    <td>
                      {e.proof?.noticeHash && (
                        <button type="button" onClick={() => void showNotice(e.proof!.noticeHash!)}>
                          {t.records.showNotice}
                        </button>
                      )}{' '}
                      <a
                        href={`${base}/${e.id}/receipt?format=html`}
                        target="_blank"
                        rel="noopener"
                      >
                        {t.records.receipt}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {shown.value && <NoticeShown notice={shown.value} />}
          <div class="actions">
            <button type="button" onClick={() => void exportAs('csv')}>
              {t.records.exportCsv}
            </button>
            <button type="button" onClick={() => void exportAs('ndjson')}>
              {t.records.exportNdjson}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
