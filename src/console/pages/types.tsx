import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { projectPath, request } from '../api.ts';
import { canConfigure, project } from '../state.ts';
import { t } from '../strings.ts';

interface ConsentType {
  id: string;
  label: string;
  name: string;
  category: string;
  description: string;
  url?: string;
  version: number;
  status: string;
  requireReacceptVersion?: number | null;
}

function TypeForm(props: {
  type?: ConsentType;
  onSave: (fields: Record<string, string>) => Promise<void>;
  onCancel?: () => void;
}) {
  const error = useSignal('');
  async function submit(event: Event) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.target as HTMLFormElement)) as Record<
      string,
      string
    >;
    try {
      await props.onSave(form);
    } catch (failure) {
      error.value = (failure as Error).message;
    }
  }
  const type = props.type;
  return (
    <form class="type-form" onSubmit={submit}>
      {!type && (
        <>
          <label>
            {t.types.label}
            <input name="label" required pattern="[a-z0-9_]{1,36}" />
          </label>
          <label>
            {t.types.category}
            <select name="category">
              {['privacy_setting', 'communication', 'disclosure', 'custom'].map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </>
      )}
      <label>
        {t.types.name}
        <input name="name" required defaultValue={type?.name} />
      </label>
      <label>
        {t.types.description}
        <textarea name="description" required rows={3} defaultValue={type?.description} />
      </label>
      <label>
        {t.types.url}
        <input name="url" type="url" defaultValue={type?.url} />
      </label>
      {error.value && <p role="alert">{error.value}</p>}
      <button type="submit">{type ? t.types.save : t.types.create}</button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          {t.types.cancel}
        </button>
      )}
    </form>
  );
}

function AskAgain(props: { type: ConsentType; count: number; onDone: () => void; base: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  async function confirm() {
    await request(`${props.base}/${props.type.id}`, {
      method: 'PATCH',
      body: { requireReacceptVersion: props.type.version },
    });
    props.onDone();
  }
  return (
    <dialog ref={dialog} aria-labelledby="ask-title" onClose={props.onDone}>
      <h2 id="ask-title">{t.types.askAgain}</h2>
      <p>{t.types.confirmAskAgain(props.type.name, props.count)}</p>
      <button type="button" onClick={() => void confirm()}>
        {t.types.confirm}
      </button>
      <button type="button" onClick={() => dialog.current?.close()}>
        {t.types.cancel}
      </button>
    </dialog>
  );
}

export function TypesPage() {
  const p = project.value!;
  const base = `${projectPath(p.organizationId, p.id)}/consent-types`;
  const types = useSignal<ConsentType[]>([]);
  const editing = useSignal<string | null>(null);
  const asking = useSignal<{ type: ConsentType; count: number } | null>(null);
  const load = async () => {
    types.value = (await request<{ items: ConsentType[] }>(base)).items;
  };
  useEffect(() => void load(), [p.id]);

  async function change(type: ConsentType, fields: Record<string, unknown>) {
    await request(`${base}/${type.id}`, { method: 'PATCH', body: fields });
    editing.value = null;
    await load();
  }
  async function askAgain(type: ConsentType) {
    // Exactly the stored decisions it invalidates, counted by the server from the current state.
    const { count } = await request<{ count: number }>(
      `${base}/${type.id}/invalidated-decisions?requireReacceptVersion=${type.version}`,
    );
    asking.value = { type, count };
  }

  return (
    <section aria-labelledby="types-title">
      <h1 id="types-title" tabIndex={-1}>
        {t.types.title}
      </h1>
      {!canConfigure.value && <p class="note">{t.readOnly}</p>}
      <table>
        <caption>{t.types.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.types.label}</th>
            <th scope="col">{t.types.name}</th>
            <th scope="col">{t.types.category}</th>
            <th scope="col">{t.types.version}</th>
            <th scope="col">{t.types.status}</th>
            <th scope="col">{t.types.requireReaccept}</th>
            {canConfigure.value && <th scope="col">{t.types.edit}</th>}
          </tr>
        </thead>
        <tbody>
          {types.value.map((type) => (
            <tr key={type.id} data-label={type.label}>
              <th scope="row">{type.label}</th>
              <td>{type.name}</td>
              <td>{type.category}</td>
              <td data-testid="version">{type.version}</td>
              <td>{type.status}</td>
              <td>{type.requireReacceptVersion ?? '–'}</td>
              {canConfigure.value && (
                <td class="actions">
                  <button type="button" onClick={() => (editing.value = type.id)}>
                    {t.types.edit} <span class="sr-only">{type.label}</span>
                  </button>
                  {type.status !== 'archived' && (
                    <button type="button" onClick={() => void change(type, { status: 'archived' })}>
                      {t.types.archive} <span class="sr-only">{type.label}</span>
                    </button>
                  )}
                  <button type="button" onClick={() => void askAgain(type)}>
                    {t.types.askAgain} <span class="sr-only">({type.label})</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {editing.value && (
        <section aria-label={t.types.edit}>
          <h2>
            {t.types.edit}: {types.value.find((x) => x.id === editing.value)?.label}
          </h2>
          <TypeForm
            key={editing.value}
            type={types.value.find((x) => x.id === editing.value)}
            onSave={(fields) =>
              change(
                types.value.find((x) => x.id === editing.value)!,
                {
                  name: fields.name,
                  description: fields.description,
                  ...(fields.url ? { url: fields.url } : {}),
                },
              )
            }
            onCancel={() => (editing.value = null)}
          />
        </section>
      )}
      {canConfigure.value && (
        <section aria-label={t.types.create}>
          <h2>{t.types.create}</h2>
          <TypeForm
            onSave={async (fields) => {
              await request(base, {
                method: 'POST',
                body: {
                  label: fields.label,
                  category: fields.category,
                  name: fields.name,
                  description: fields.description,
                  ...(fields.url ? { url: fields.url } : {}),
                },
              });
              await load();
            }}
          />
        </section>
      )}
      {asking.value && (
        <AskAgain
          type={asking.value.type}
          count={asking.value.count}
          base={base}
          onDone={() => {
            asking.value = null;
            void load();
          }}
        />
      )}
    </section>
  );
}
