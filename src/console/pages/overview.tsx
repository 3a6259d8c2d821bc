import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { projectPath, request } from '../api.ts';
import { Chart } from '../chart.tsx';
import { download, toCsv } from '../csv.ts';
import { project } from '../state.ts';
import { t } from '../strings.ts';

interface Counts {
  noticesShown: number;
  acceptAll: number;
  rejectAll: number;
  mix: number;
  noChoice: number;
  consentRate: number | null;
}
interface Analytics {
  from: string;
  to: string;
  totals: Counts;
  rows: (Counts & { key: string })[];
  types: {
    label: string;
    accepted: number;
    declined: number;
    implied: number;
    optInRate: number | null;
  }[];
}

const OUTCOMES = ['acceptAll', 'mix', 'rejectAll', 'noChoice'] as const;
const COLORS = {
  noticesShown: 'var(--c1)',
  acceptAll: 'var(--c2)',
  mix: 'var(--c3)',
  rejectAll: 'var(--c4)',
  noChoice: 'var(--c5)',
};
const DIMENSIONS = [
  ['geography', t.overview.byGeography],
  ['language', t.overview.byLanguage],
  ['surface', t.overview.bySurface],
] as const;

const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)} %`);
const day = (offset: number) => new Date(Date.now() - offset * 864e5).toISOString().slice(0, 10);

/** Resolves `var(--x)` against the document, for the canvas (which cannot read CSS variables). */
function color(value: string) {
  const name = /var\((--[\w-]+)\)/.exec(value)?.[1];
  return name ? getComputedStyle(document.body).getPropertyValue(name).trim() : value;
}

function CountsTable(props: {
  caption: string;
  keyName: string;
  rows: (Counts & { key: string })[];
}) {
  const header = [
    props.keyName,
    t.overview.noticesShown,
    t.overview.acceptAll,
    t.overview.rejectAll,
    t.overview.mix,
    t.overview.noChoice,
    t.overview.consentRate,
  ];
  const cells = (row: Counts & { key: string }) => [
    row.key || '(unknown)',
    row.noticesShown,
    row.acceptAll,
    row.rejectAll,
    row.mix,
    row.noChoice,
    percent(row.consentRate),
  ];
  return (
    <>
      <div
        class="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t.overview.tableOf(props.caption)}
      >
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {header.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}>
                {cells(row).map((cell, i) =>
                  i === 0 ? (
                    <th scope="row" key={i}>
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        onClick={() =>
          download(
            `assent-${props.keyName.toLowerCase()}.csv`,
            toCsv(header, props.rows.map(cells)),
          )
        }
      >
        {t.overview.downloadCsv} ({props.caption})
      </button>
    </>
  );
}

export function OverviewPage() {
  const p = project.value!;
  const range = useSignal({ from: day(29), to: day(0) });
  const byDay = useSignal<Analytics | null>(null);
  const split = useSignal<Record<string, Analytics>>({});
  const error = useSignal('');

  useEffect(() => {
    const base = `${projectPath(p.organizationId, p.id)}/analytics?from=${range.value.from}&to=${range.value.to}`;
    error.value = '';
    Promise.all([
      request<Analytics>(`${base}&by=day`),
      ...DIMENSIONS.map(([by]) => request<Analytics>(`${base}&by=${by}`)),
    ]).then(
      ([days, ...others]) => {
        byDay.value = days!;
        split.value = Object.fromEntries(DIMENSIONS.map(([by], i) => [by, others[i]!]));
      },
      (failure: Error) => (error.value = failure.message),
    );
  }, [p.id, range.value]);

  function choose(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const period = String(form.get('period'));
    if (period === 'range') {
      range.value = { from: String(form.get('from')), to: String(form.get('to')) };
    } else {
      range.value = { from: day(Number(period) - 1), to: day(0) };
    }
  }

  const data = byDay.value;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title" tabIndex={-1}>
        {t.overview.title}
      </h1>
      <form class="period" onSubmit={choose}>
        <label>
          {t.overview.period}
          <select name="period">
            {[7, 30, 90].map((days) => (
              <option value={String(days)} key={days} selected={days === 30}>
                {t.overview.last(days)}
              </option>
            ))}
            <option value="range">{t.overview.range}</option>
          </select>
        </label>
        <label>
          {t.overview.from}
          <input type="date" name="from" defaultValue={range.value.from} />
        </label>
        <label>
          {t.overview.to}
          <input type="date" name="to" defaultValue={range.value.to} />
        </label>
        <button type="submit">{t.overview.apply}</button>
      </form>
      {error.value && <p role="alert">{error.value}</p>}
      {data && (
        <>
          <dl class="totals" data-testid="totals">
            <div>
              <dt>{t.overview.noticesShown}</dt>
              <dd data-testid="notices-shown">{data.totals.noticesShown}</dd>
            </div>
            {OUTCOMES.map((name) => (
              <div key={name}>
                <dt>{t.overview[name]}</dt>
                <dd>{data.totals[name]}</dd>
              </div>
            ))}
            <div>
              <dt>{t.overview.consentRate}</dt>
              <dd>{percent(data.totals.consentRate)}</dd>
            </div>
          </dl>
          <h2>{t.overview.byDay}</h2>
          <Chart
            kind="line"
            title={t.overview.day}
            x={data.rows.map((row) => row.key.slice(5))}
            series={(['noticesShown', ...OUTCOMES] as const).map((name) => ({
              label: t.overview[name],
              values: data.rows.map((row) => row[name]),
              color: color(COLORS[name]),
            }))}
          />
          <CountsTable caption={t.overview.byDay} keyName={t.overview.day} rows={data.rows} />
          {DIMENSIONS.map(([by, title]) => {
            const rows = split.value[by]?.rows ?? [];
            return (
              <section key={by} aria-label={title}>
                <h2>{title}</h2>
                {rows.length === 0 ? (
                  <p>{t.overview.empty}</p>
                ) : (
                  <>
                    <Chart
                      kind="stacked"
                      title={title}
                      x={rows.map((row) => row.key || '(unknown)')}
                      series={OUTCOMES.map((name) => ({
                        label: t.overview[name],
                        values: rows.map((row) => row[name]),
                        color: color(COLORS[name]),
                      }))}
                    />
                    <CountsTable caption={title} keyName={by} rows={rows} />
                  </>
                )}
              </section>
            );
          })}
          <h2>{t.overview.types}</h2>
          <table>
            <caption>{t.overview.types}</caption>
            <thead>
              <tr>
                <th scope="col">{t.overview.label}</th>
                <th scope="col">{t.overview.accepted}</th>
                <th scope="col">{t.overview.declined}</th>
                <th scope="col">{t.overview.implied}</th>
                <th scope="col">{t.overview.optInRate}</th>
              </tr>
            </thead>
            <tbody>
              {data.types.map((type) => (
                <tr key={type.label}>
                  <th scope="row">{type.label}</th>
                  <td>{type.accepted}</td>
                  <td>{type.declined}</td>
                  <td>{type.implied}</td>
                  <td>{percent(type.optInRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() =>
              download(
                'assent-consent-types.csv',
                toCsv(
                  ['label', 'accepted', 'declined', 'implied', 'optInRate'],
                  data.types.map((x) => [x.label, x.accepted, x.declined, x.implied, x.optInRate]),
                ),
              )
            }
          >
            {t.overview.downloadCsv} ({t.overview.types})
          </button>
        </>
      )}
    </section>
  );
}
