import { useSignal } from '@preact/signals';
import { projectPath, readLines } from '../api.ts';
import { project } from '../state.ts';
import { t } from '../strings.ts';

type Line =
  | { type: 'progress'; checked: number; total: number }
  | {
      type: 'result';
      intact: boolean;
      events: number;
      unchained: number;
      total: number;
      broken?: { seq?: string; id?: string; reason: string };
    }
  | { type: 'error'; message: string };

/**
 * The records page's chain check: `GET …/chain-verification` streams its progress, shown in a
 * `<progress>` while it runs, then whether the chain is intact or where it first breaks.
 */
export function ChainCheck() {
  const p = project.value!;
  const running = useSignal(false);
  const progress = useSignal<{ checked: number; total: number } | null>(null);
  const result = useSignal<Extract<Line, { type: 'result' }> | null>(null);
  const error = useSignal('');

  async function run() {
    running.value = true;
    result.value = null;
    error.value = '';
    progress.value = null;
    try {
      await readLines<Line>(`${projectPath(p.organizationId, p.id)}/chain-verification`, (line) => {
        if (line.type === 'progress') progress.value = line;
        else if (line.type === 'result') result.value = line;
        else error.value = line.message;
      });
    } catch (failure) {
      error.value = (failure as Error).message;
    } finally {
      running.value = false;
    }
  }

  const r = result.value;
  return (
    <section aria-labelledby="chain-title">
      <h2 id="chain-title">{t.chain.title}</h2>
      <p class="note">{t.chain.hint}</p>
      <button type="button" onClick={() => void run()} disabled={running.value}>
        {running.value ? t.chain.running : t.chain.verify}
      </button>
      {progress.value && (
        <p>
          <label>
            {t.chain.progress(progress.value.checked, progress.value.total)}
            <progress
              data-testid="chain-progress"
              max={Math.max(progress.value.total, 1)}
              value={progress.value.checked}
            />
          </label>
        </p>
      )}
      <div aria-live="polite">
        {r &&
          (r.intact ? (
            <p data-testid="chain-result" class="ok">
              {t.chain.intact(r.events, r.unchained)}
            </p>
          ) : (
            <p data-testid="chain-result" class="error">
              {t.chain.broken(r.broken?.id ?? r.broken?.seq ?? '', r.broken?.reason ?? '')}
            </p>
          ))}
        {error.value && <p role="alert">{error.value}</p>}
      </div>
    </section>
  );
}
