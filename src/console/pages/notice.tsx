import { useSignal } from '@preact/signals';
import { projectPath, request } from '../api.ts';
import { canConfigure, project, updateProject, type ProjectInfo } from '../state.ts';
import { t } from '../strings.ts';

const FIELDS = Object.keys(t.notice.fields) as (keyof typeof t.notice.fields)[];

export function NoticePage() {
  const p = project.value!;
  const language = useSignal(p.defaultLanguage);
  const status = useSignal('');
  const previewKey = useSignal(0);
  const texts = p.texts[language.value] ?? {};

  async function save(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const own = Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? '')]));
    const floating = String(form.get('floatingButton'));
    try {
      const next = await request<ProjectInfo>(projectPath(p.organizationId, p.id), {
        method: 'PATCH',
        body: {
          texts: { ...p.texts, [language.value]: own },
          display: {
            layout: form.get('layout'),
            theme: form.get('theme'),
            blocking: form.get('blocking') === 'on',
            floatingButton: floating === 'off' ? false : floating,
          },
        },
      });
      updateProject(next);
      status.value = t.notice.saved;
      previewKey.value += 1;
    } catch (failure) {
      status.value = (failure as Error).message;
    }
  }

  const display = p.display;
  const floating = display.floatingButton === true ? 'left' : display.floatingButton || 'off';
  return (
    <section aria-labelledby="notice-title">
      <h1 id="notice-title" tabIndex={-1}>
        {t.notice.title}
      </h1>
      {!canConfigure.value && <p class="note">{t.readOnly}</p>}
      <div class="split">
        <form onSubmit={save} key={`${language.value}-${previewKey.value}`}>
          <label>
            {t.notice.language}
            <select
              value={language.value}
              onChange={(e) => (language.value = (e.target as HTMLSelectElement).value)}
            >
              {Object.keys(p.texts).map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
          <fieldset disabled={!canConfigure.value}>
            <legend>{t.notice.title}</legend>
            {FIELDS.map((name) =>
              name === 'description' ? (
                <label key={name}>
                  {t.notice.fields[name]}
                  <textarea name={name} rows={4} required defaultValue={texts[name]} />
                </label>
              ) : (
                <label key={name}>
                  {t.notice.fields[name]}
                  <input name={name} required defaultValue={texts[name]} />
                </label>
              ),
            )}
          </fieldset>
          <fieldset disabled={!canConfigure.value}>
            <legend>{t.notice.display}</legend>
            <label>
              {t.notice.layout}
              <select name="layout" defaultValue={display.layout ?? 'bar-bottom'}>
                {['bar-bottom', 'bar-top', 'box', 'modal'].map((v) => (
                  <option key={v}>{v}</option>
                ))}
              </select>
            </label>
            <label>
              {t.notice.theme}
              <select name="theme" defaultValue={display.theme ?? 'auto'}>
                {['auto', 'light', 'dark'].map((v) => (
                  <option key={v}>{v}</option>
                ))}
              </select>
            </label>
            <label class="check">
              <input type="checkbox" name="blocking" defaultChecked={display.blocking === true} />
              {t.notice.blocking}
            </label>
            <label>
              {t.notice.floatingButton}
              <select name="floatingButton" defaultValue={floating}>
                <option value="off">{t.notice.off}</option>
                <option value="left">{t.notice.left}</option>
                <option value="right">{t.notice.right}</option>
              </select>
            </label>
          </fieldset>
          {canConfigure.value && <button type="submit">{t.notice.save}</button>}
          <p role="status">{status.value}</p>
        </form>
        <div class="preview">
          <h2>{t.notice.preview}</h2>
          {/* The site page of this server with the real widget; reloaded after each save. */}
          <iframe key={previewKey.value} title={t.notice.preview} src={`/?v=${previewKey.value}`} />
        </div>
      </div>
    </section>
  );
}
