import { useSignal } from '@preact/signals';
import { projectPath, request } from '../api.ts';
import { download } from '../csv.ts';
import { project } from '../state.ts';
import { t } from '../strings.ts';
import { ChainCheck } from './chain-check.tsx';
import { NoticeShown, type ShownNotice } from './notice-shown.tsx';

interface EventRecord {
  id: string;
  label: string;
  consentState: string;
  consentAction: string;
  consentDate: string;
  expirationDate: string;
  version: number;
  concordId: string;
  surface?: string;
  session?: { geography?: string };
  /** With `view=full` (issue 17). */
  proof?: {
    noticeHash?: string;
    signals?: { gpc?: boolean; gpcHonoured?: boolean };
    tcf?: { tcString: string; acString?: string };
    gpp?: { gppString: string };
  };
}

/** What the search takes: a person identifier, or one event's id (then that person's history). */
const KINDS = ['concordId', 'email', 'phoneNumber', 'userId', 'projectUserId', 'id'] as const;
type Kind = (typeof KINDS)[number];

export function RecordsPage() {
  const p = project.value!;
  const kind = useSignal<Kind>('concordId');
  const value = useSignal('');
  const events = useSignal<EventRecord[] | null>(null);
  /** The event searched for by id, marked in its person's history. */
  const found = useSignal<string | null>(null);
  /** The person the history is of (what the export filters by). */
  const person = useSignal<{ kind: Kind; value: string } | null>(null);
  const error = useSignal('');
  const shown = useSignal<ShownNotice | null>(null);
  const base = `${projectPath(p.organizationId, p.id)}/consent-events`;
  const query = () =>
    person.value ? `${person.value.kind}=${encodeURIComponent(person.value.value)}` : '';

  async function history(filter: string): Promise<EventRecord[]> {
    const items: EventRecord[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: EventRecord[]; nextCursor: string | null } = await request(
        `${base}?${filter}&view=full&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && items.length < 1000);
    return items.sort((a, b) => a.consentDate.localeCompare(b.consentDate));
  }

  async function find(event: Event) {
    event.preventDefault();
    error.value = '';
    found.value = null;
    const searched = value.value.trim();
    try {
      if (kind.value === 'id') {
        // An event id names one event; its concordId names the person whose history it is in.
        const [match] = await history(`id=${encodeURIComponent(searched)}`);
        person.value = match ? { kind: 'concordId', value: match.concordId } : null;
        found.value = match?.id ?? null;
        events.value = match ? await history(query()) : [];
        return;
      }
      person.value = { kind: kind.value, value: searched };
      events.value = await history(query());
    } catch (failure) {
      error.value = (failure as Error).message;
      events.value = null;
      person.value = null;
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
            onChange={(e) => (kind.value = (e.target as HTMLSelectElement).value as Kind)}
          >
            {KINDS.map((name) => (
              <option key={name} value={name}>
                {name === 'id' ? t.records.eventId : name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {kind.value === 'id' ? t.records.eventId : t.records.search}
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
            <p>{kind.value === 'id' && !person.value ? t.records.noEvent : t.records.none}</p>
          ) : (
            // Its own scroll box on a narrow screen, focusable so the keyboard can scroll it.
            <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="history-caption">
              <table data-testid="history">
                <caption id="history-caption">
                  {t.records.history}: {person.value?.value}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.records.date}</th>
                    <th scope="col">{t.records.type}</th>
                    <th scope="col">{t.records.state}</th>
                    <th scope="col">{t.records.action}</th>
                    <th scope="col">{t.records.surface}</th>
                    <th scope="col">{t.records.geography}</th>
                    <th scope="col">{t.records.expires}</th>
                    <th scope="col">{t.records.eventId}</th>
                    <th scope="col">{t.records.proof}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.value.map((e) => (
                    <tr
                      key={e.id}
                      class={e.id === found.value ? 'found' : undefined}
                      aria-current={e.id === found.value ? 'true' : undefined}
                    >
                      <td>{e.consentDate.replace('T', ' ').slice(0, 19)}</td>
                      <td>
                        {e.label} v{e.version}
                      </td>
                      <td>{e.consentState}</td>
                      <td>{e.consentAction}</td>
                      <td>{e.surface ?? '–'}</td>
                      <td>{e.session?.geography ?? '–'}</td>
                      <td>{e.expirationDate.slice(0, 10)}</td>
                      <td>
                        <code>{e.id}</code>
                      </td>
                      <td>
                        {e.proof?.noticeHash && (
                          <button
                            type="button"
                            onClick={() => void showNotice(e.proof!.noticeHash!)}
                          >
                            {t.records.showNotice}
                          </button>
                        )}{' '}
                        {e.proof?.signals?.gpcHonoured && (
                          <span class="chip">{t.records.gpcHonoured}</span>
                        )}{' '}
                        {e.proof?.tcf && (
                          <span class="chip" title={e.proof.tcf.tcString}>
                            {t.records.tcString}
                          </span>
                        )}{' '}
                        {e.proof?.gpp && (
                          <span class="chip" title={e.proof.gpp.gppString}>
                            {t.records.gppString}
                          </span>
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
            </div>
          )}
          {person.value && (
            <div class="actions">
              <button type="button" onClick={() => void exportAs('csv')}>
                {t.records.exportCsv}
              </button>
              <button type="button" onClick={() => void exportAs('ndjson')}>
                {t.records.exportNdjson}
              </button>
            </div>
          )}
          {shown.value && <NoticeShown notice={shown.value} />}
        </>
      )}
      <ChainCheck />
    </section>
  );
}
