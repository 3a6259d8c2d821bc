import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { organizationPath, projectPath, request } from '../api.ts';
import {
  canConfigure,
  isOwner,
  project,
  session,
  updateProject,
  type ProjectInfo,
} from '../state.ts';
import { t } from '../strings.ts';

interface ApiKey {
  id: string;
  name: string;
  scope: string;
  createdAt: string;
}
interface Member {
  id: string;
  email: string;
  role: string;
}

/** The pattern of every slug (server/accounts/slug.ts), checked here before the server does. */
const SLUG = '[a-z0-9][a-z0-9\\-]{0,62}';

/**
 * One slug and its save button: the browser checks the pattern, the server its uniqueness, and
 * a taken slug's 409 is shown beside the field.
 */
function SlugForm(props: {
  label: string;
  save: string;
  value: string;
  editable: boolean;
  onSave: (slug: string) => Promise<void>;
}) {
  const status = useSignal('');
  const failed = useSignal(false);
  const id = props.label.toLowerCase().replace(/\W+/g, '-');
  async function submit(event: Event) {
    event.preventDefault();
    const slug = String(new FormData(event.target as HTMLFormElement).get('slug') ?? '');
    try {
      await props.onSave(slug);
      failed.value = false;
      status.value = t.settings.saved;
    } catch (failure) {
      failed.value = true;
      status.value = (failure as Error).message;
    }
  }
  return (
    <form class="inline" onSubmit={submit}>
      <label>
        {props.label}
        <input
          name="slug"
          required
          pattern={SLUG}
          maxLength={63}
          spellcheck={false}
          autocomplete="off"
          defaultValue={props.value}
          readOnly={!props.editable}
          aria-describedby={`slugs-help ${id}-status`}
          aria-invalid={failed.value || undefined}
        />
      </label>
      {props.editable && <button type="submit">{props.save}</button>}
      <p id={`${id}-status`} role="status" class={failed.value ? 'error' : undefined}>
        {status.value}
      </p>
    </form>
  );
}

function Slugs() {
  const p = project.value!;
  const organization = session.value!.organization;
  return (
    <section aria-labelledby="slugs-title">
      <h2 id="slugs-title">{t.settings.slugs}</h2>
      <p id="slugs-help" class="help">
        {t.settings.slugsHelp}
      </p>
      <SlugForm
        label={t.settings.organizationSlug}
        save={t.settings.saveOrganizationSlug}
        value={organization.slug}
        editable={isOwner.value}
        onSave={async (slug) => {
          const next = await request<{ slug: string }>(organizationPath(organization.id), {
            method: 'PATCH',
            body: { slug },
          });
          session.value = { ...session.value!, organization: { ...organization, slug: next.slug } };
        }}
      />
      <SlugForm
        label={t.settings.projectSlug}
        save={t.settings.saveProjectSlug}
        value={p.slug}
        editable={canConfigure.value}
        onSave={async (slug) =>
          updateProject(
            await request<ProjectInfo>(projectPath(p.organizationId, p.id), {
              method: 'PATCH',
              body: { slug },
            }),
          )
        }
      />
    </section>
  );
}

function ProjectSettings() {
  const p = project.value!;
  const status = useSignal('');
  async function save(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const lines = (name: string) =>
      String(form.get(name) ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    const regions = Object.fromEntries(
      lines('regions').map((line) => line.split('=').map((x) => x.trim())),
    );
    try {
      updateProject(
        await request<ProjectInfo>(projectPath(p.organizationId, p.id), {
          method: 'PATCH',
          body: {
            allowedOrigins: lines('origins'),
            policies: { default: form.get('default'), regions },
          },
        }),
      );
      status.value = t.settings.saved;
    } catch (failure) {
      status.value = (failure as Error).message;
    }
  }
  return (
    <form onSubmit={save}>
      <fieldset disabled={!canConfigure.value}>
        <legend>{t.settings.origins}</legend>
        <label>
          {t.settings.origins}
          <textarea
            name="origins"
            rows={3}
            aria-describedby="origins-help"
            defaultValue={p.allowedOrigins.join('\n')}
          />
        </label>
        <p id="origins-help" class="help">
          {t.settings.originsHelp}
        </p>
      </fieldset>
      <fieldset disabled={!canConfigure.value}>
        <legend>{t.settings.policies}</legend>
        <label>
          {t.settings.defaultPolicy}
          <select name="default" defaultValue={p.policies.default}>
            {['opt-in', 'opt-out', 'notice-only'].map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label>
          {t.settings.regions}
          <textarea
            name="regions"
            rows={6}
            aria-describedby="regions-help"
            defaultValue={Object.entries(p.policies.regions)
              .map(([region, policy]) => `${region}=${policy}`)
              .join('\n')}
          />
        </label>
        <p id="regions-help" class="help">
          {t.settings.regionsHelp}
        </p>
      </fieldset>
      {canConfigure.value && <button type="submit">{t.settings.save}</button>}
      <p role="status">{status.value}</p>
    </form>
  );
}

function Keys(props: { base: string }) {
  const keys = useSignal<ApiKey[]>([]);
  const shown = useSignal('');
  const error = useSignal('');
  const load = async () => {
    keys.value = (await request<{ items: ApiKey[] }>(props.base)).items;
  };
  useEffect(() => void load().catch((e: Error) => (error.value = e.message)), []);
  async function create(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      const created = await request<ApiKey & { key: string }>(props.base, {
        method: 'POST',
        body: { name: form.get('name'), scope: form.get('scope') },
      });
      shown.value = created.key;
      (event.target as HTMLFormElement).reset();
      await load();
    } catch (failure) {
      error.value = (failure as Error).message;
    }
  }
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t.settings.keys}</h2>
      {error.value && <p role="alert">{error.value}</p>}
      <table>
        <caption>{t.settings.keys}</caption>
        <thead>
          <tr>
            <th scope="col">{t.settings.keyName}</th>
            <th scope="col">{t.settings.scope}</th>
            <th scope="col">{t.settings.created}</th>
            {isOwner.value && <th scope="col">{t.settings.revoke}</th>}
          </tr>
        </thead>
        <tbody>
          {keys.value.map((key) => (
            <tr key={key.id}>
              <th scope="row">{key.name}</th>
              <td>{key.scope}</td>
              <td>{key.createdAt.slice(0, 10)}</td>
              {isOwner.value && (
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      void request(`${props.base}/${key.id}`, { method: 'DELETE' }).then(load)
                    }
                  >
                    {t.settings.revoke} <span class="sr-only">{key.name}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {isOwner.value && (
        <form class="inline" onSubmit={create}>
          <label>
            {t.settings.keyName}
            <input name="name" required />
          </label>
          <label>
            {t.settings.scope}
            <select name="scope">
              <option>consent</option>
              <option>admin</option>
            </select>
          </label>
          <button type="submit">{t.settings.createKey}</button>
        </form>
      )}
      {shown.value && (
        <p role="status">
          {t.settings.keyShownOnce} <code data-testid="new-key">{shown.value}</code>
        </p>
      )}
    </section>
  );
}

interface WebhookEndpoint {
  id: string;
  url: string;
  createdAt: string;
}
interface WebhookDelivery {
  id: string;
  type: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

/** The project's webhook endpoints (issue 15), over the Privacy API's `…/webhooks` routes. */
function Webhooks(props: { base: string }) {
  const endpoints = useSignal<WebhookEndpoint[]>([]);
  const deliveries = useSignal<{ endpoint: string; items: WebhookDelivery[] } | undefined>();
  const shown = useSignal('');
  const error = useSignal('');
  const load = async () => {
    endpoints.value = (await request<{ items: WebhookEndpoint[] }>(props.base)).items;
  };
  useEffect(() => void load().catch((e: Error) => (error.value = e.message)), [props.base]);
  const act = (work: Promise<unknown>) =>
    work.then(load, (failure: Error) => (error.value = failure.message));
  async function showDeliveries(endpoint: WebhookEndpoint) {
    const { items } = await request<{ items: WebhookDelivery[] }>(
      `${props.base}/${endpoint.id}/deliveries`,
    );
    deliveries.value = { endpoint: endpoint.url, items };
  }
  async function add(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      const created = await request<WebhookEndpoint & { secret: string }>(props.base, {
        method: 'POST',
        body: { url: form.get('url') },
      });
      shown.value = `${t.settings.secretShownOnce} ${created.secret}`;
      (event.target as HTMLFormElement).reset();
      await load();
    } catch (failure) {
      error.value = (failure as Error).message;
    }
  }
  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t.settings.webhooks}</h2>
      <p class="note">{t.settings.webhookHelp}</p>
      {error.value && <p role="alert">{error.value}</p>}
      {endpoints.value.length === 0 && <p>{t.settings.noWebhooks}</p>}
      <table hidden={endpoints.value.length === 0}>
        <caption>{t.settings.webhooks}</caption>
        <thead>
          <tr>
            <th scope="col">{t.settings.webhookUrl}</th>
            <th scope="col">{t.settings.created}</th>
            <th scope="col">{t.settings.deliveries}</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.value.map((endpoint) => (
            <tr key={endpoint.id}>
              <th scope="row">{endpoint.url}</th>
              <td>{endpoint.createdAt.slice(0, 10)}</td>
              <td>
                <button type="button" onClick={() => void showDeliveries(endpoint)}>
                  {t.settings.showDeliveries} <span class="sr-only">{endpoint.url}</span>
                </button>{' '}
                <button
                  type="button"
                  onClick={() =>
                    void act(
                      request(`${props.base}/${endpoint.id}/test`, { method: 'POST' }).then(() => {
                        shown.value = t.settings.testQueued;
                      }),
                    )
                  }
                >
                  {t.settings.sendTest} <span class="sr-only">{endpoint.url}</span>
                </button>{' '}
                <button
                  type="button"
                  onClick={() =>
                    void act(request(`${props.base}/${endpoint.id}`, { method: 'DELETE' }))
                  }
                >
                  {t.settings.remove} <span class="sr-only">{endpoint.url}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="inline" onSubmit={add}>
        <label>
          {t.settings.webhookUrl}
          <input name="url" type="url" required placeholder="https://hooks.example.com/assent" />
        </label>
        <button type="submit">{t.settings.addWebhook}</button>
      </form>
      {shown.value && <p role="status">{shown.value}</p>}
      {deliveries.value && (
        <table>
          <caption>
            {t.settings.deliveries}: {deliveries.value.endpoint}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.settings.created}</th>
              <th scope="col">{t.settings.status}</th>
              <th scope="col">{t.settings.attempts}</th>
              <th scope="col">{t.settings.lastAnswer}</th>
              <th scope="col">{t.settings.nextAttempt}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.value.items.length === 0 && (
              <tr>
                <td colSpan={5}>{t.settings.noDeliveries}</td>
              </tr>
            )}
            {deliveries.value.items.map((delivery) => (
              <tr key={delivery.id}>
                <th scope="row">{delivery.createdAt.replace('T', ' ').slice(0, 19)}</th>
                <td>
                  {delivery.status} ({delivery.type})
                </td>
                <td>{delivery.attempts}</td>
                <td>{delivery.lastStatus ?? '–'}</td>
                <td>{delivery.nextAttemptAt?.replace('T', ' ').slice(0, 19) ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Members(props: { base: string }) {
  const members = useSignal<Member[]>([]);
  const shown = useSignal('');
  const error = useSignal('');
  const load = async () => {
    members.value = (await request<{ items: Member[] }>(props.base)).items;
  };
  useEffect(() => void load().catch((e: Error) => (error.value = e.message)), []);
  const act = (work: Promise<unknown>) =>
    work.then(load, (failure: Error) => (error.value = failure.message));
  async function add(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      const created = await request<Member & { password: string }>(props.base, {
        method: 'POST',
        body: { email: form.get('email'), role: form.get('role') },
      });
      shown.value = `${t.settings.passwordShownOnce(created.email)} ${created.password}`;
      await load();
    } catch (failure) {
      error.value = (failure as Error).message;
    }
  }
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t.settings.members}</h2>
      {error.value && <p role="alert">{error.value}</p>}
      <table>
        <caption>{t.settings.members}</caption>
        <thead>
          <tr>
            <th scope="col">{t.settings.email}</th>
            <th scope="col">{t.settings.role}</th>
            {isOwner.value && <th scope="col">{t.settings.remove}</th>}
          </tr>
        </thead>
        <tbody>
          {members.value.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.email}</th>
              <td>
                {isOwner.value && m.id !== session.value?.member.id ? (
                  <select
                    aria-label={`${t.settings.role}: ${m.email}`}
                    value={m.role}
                    onChange={(e) =>
                      void act(
                        request(`${props.base}/${m.id}`, {
                          method: 'PATCH',
                          body: { role: (e.target as HTMLSelectElement).value },
                        }),
                      )
                    }
                  >
                    {['owner', 'admin', 'viewer'].map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                ) : (
                  m.role
                )}
              </td>
              {isOwner.value && (
                <td>
                  {m.id !== session.value?.member.id && (
                    <button
                      type="button"
                      onClick={() =>
                        void act(request(`${props.base}/${m.id}`, { method: 'DELETE' }))
                      }
                    >
                      {t.settings.remove} <span class="sr-only">{m.email}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {isOwner.value && (
        <form class="inline" onSubmit={add}>
          <label>
            {t.settings.email}
            <input name="email" type="email" required />
          </label>
          <label>
            {t.settings.role}
            <select name="role" defaultValue="viewer">
              {['viewer', 'admin', 'owner'].map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <button type="submit">{t.settings.addMember}</button>
        </form>
      )}
      {shown.value && <p role="status">{shown.value}</p>}
    </section>
  );
}

export function SettingsPage() {
  const organization = organizationPath(session.value!.organization.id);
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1}>
        {t.settings.title}
      </h1>
      {!canConfigure.value && <p class="note">{t.readOnly}</p>}
      <Slugs />
      <ProjectSettings />
      {canConfigure.value && (
        <>
          <Webhooks
            base={`${projectPath(project.value!.organizationId, project.value!.id)}/webhooks`}
          />
          <Keys base={`${organization}/api-keys`} />
          <Members base={`${organization}/members`} />
        </>
      )}
    </section>
  );
}
