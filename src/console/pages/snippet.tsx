import { useSignal } from '@preact/signals';
import { project } from '../state.ts';
import { t } from '../strings.ts';

export function SnippetPage() {
  const p = project.value!;
  const status = useSignal('');
  const origin = location.origin;
  const snippet = `<script src="${origin}/assent/assent.js" data-project="${p.id}" data-api="${origin}"></script>`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet);
      status.value = t.snippet.copied;
    } catch (failure) {
      status.value = (failure as Error).message;
    }
  }
  return (
    <section aria-labelledby="snippet-title">
      <h1 id="snippet-title" tabIndex={-1}>
        {t.snippet.title}
      </h1>
      <p>{t.snippet.help}</p>
      <pre>
        <code data-testid="snippet">{snippet}</code>
      </pre>
      <button type="button" onClick={() => void copy()}>
        {t.snippet.copy}
      </button>
      <p role="status">{status.value}</p>
    </section>
  );
}
