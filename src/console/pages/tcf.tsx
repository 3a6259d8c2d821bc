/**
 * The project's IAB TCF settings (issue 20), over the Privacy API's project PATCH like any
 * backend would (STYLE.md 23).
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { projectPath, request } from '../api.ts';
import { canConfigure, project } from '../state.ts';
import { t } from '../strings.ts';

interface TcfSettings {
  enabled: boolean;
  cmpId: number;
  cmpVersion: number;
  publisherCountryCode: string;
  vendors: number[];
  purposes: number[];
  specialFeatures: number[];
  legitimateInterestPurposes: number[];
  googleAcProviders: number[];
}

const LISTS = [
  'vendors',
  'purposes',
  'specialFeatures',
  'legitimateInterestPurposes',
  'googleAcProviders',
] as const;

const parseIds = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

export function TcfPage() {
  const p = project.value!;
  const settings = useSignal<TcfSettings | undefined>(undefined);
  const status = useSignal('');
  const path = projectPath(p.organizationId, p.id);
  useEffect(() => {
    request<{ tcf: TcfSettings }>(path).then(
      (answer) => (settings.value = answer.tcf),
      (failure: Error) => (status.value = failure.message),
    );
  }, [path]);
  const value = settings.value;
  // The heading is there from the first render: the shell focuses it on arrival.
  if (!value) {
    return (
      <section aria-labelledby="tcf-title">
        <h1 id="tcf-title" tabIndex={-1}>
          {t.tcf.title}
        </h1>
        <p role="status">{status.value}</p>
      </section>
    );
  }
  const set = (change: Partial<TcfSettings>) => (settings.value = { ...value, ...change });
  async function save(event: Event) {
    event.preventDefault();
    const wrong = LISTS.find((key) => !value![key].every(Number.isInteger));
    if (wrong) {
      status.value = t.tcf.notNumbers(t.tcf.lists[wrong]);
      return;
    }
    try {
      settings.value = (
        await request<{ tcf: TcfSettings }>(path, {
          method: 'PATCH',
          body: { tcf: settings.value },
        })
      ).tcf;
      status.value = t.tcf.saved;
    } catch (failure) {
      status.value = (failure as Error).message;
    }
  }
  return (
    <section aria-labelledby="tcf-title">
      <h1 id="tcf-title" tabIndex={-1}>
        {t.tcf.title}
      </h1>
      <p>{t.tcf.help}</p>
      <form onSubmit={(event) => void save(event)}>
        <fieldset disabled={!canConfigure.value}>
          <label class="check">
            <input
              type="checkbox"
              checked={value.enabled}
              onChange={(event) => set({ enabled: (event.target as HTMLInputElement).checked })}
            />{' '}
            {t.tcf.enabled}
          </label>
          <label>
            {t.tcf.cmpId}
            <input
              type="number"
              min={0}
              max={4095}
              value={value.cmpId}
              onInput={(event) => set({ cmpId: Number((event.target as HTMLInputElement).value) })}
            />
          </label>
          <label>
            {t.tcf.cmpVersion}
            <input
              type="number"
              min={1}
              max={4095}
              value={value.cmpVersion}
              onInput={(event) =>
                set({ cmpVersion: Number((event.target as HTMLInputElement).value) })
              }
            />
          </label>
          <label>
            {t.tcf.publisherCountry}
            <input
              value={value.publisherCountryCode}
              maxLength={2}
              onInput={(event) =>
                set({
                  publisherCountryCode: (event.target as HTMLInputElement).value.toUpperCase(),
                })
              }
            />
          </label>
          {LISTS.map((key) => (
            <label key={key}>
              {t.tcf.lists[key]}
              <input
                value={value[key].join(', ')}
                onChange={(event) =>
                  set({ [key]: parseIds((event.target as HTMLInputElement).value) })
                }
              />
            </label>
          ))}
        </fieldset>
        {canConfigure.value && <button type="submit">{t.tcf.save}</button>}
      </form>
      <p role="status">{status.value}</p>
    </section>
  );
}
