/**
 * Consent links (issue 16): the project's collection points (list, add, rename), the
 * organization's links with their status, and, when the demo runs with `ASSENT_DEMO_MAIL=1`,
 * the mail its loopback catcher received. Only public routes, like any backend (STYLE.md 23).
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ApiError, organizationPath, projectPath, request } from '../api.ts';
import { canConfigure, project, session } from '../state.ts';
import { linkStrings as s } from '../link-strings.ts';

interface CollectionPoint {
  id: string;
  displayId: string;
  name: string;
  consentTypes: string[];
}

interface TypeInfo {
  id: string;
  label: string;
  name: string;
}

interface LinkItem {
  eventId: string;
  collectionPointDisplayId: string;
  phone: string;
  email: boolean;
  createdAt: string;
  expiresAt: string;
  status: string;
}

interface Mail {
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

const when = (iso: string) => new Date(iso).toLocaleString();

export function LinksPage() {
  const p = project.value!;
  const organizationId = session.value!.organization.id;
  const points = useSignal<CollectionPoint[]>([]);
  const types = useSignal<TypeInfo[]>([]);
  const links = useSignal<LinkItem[]>([]);
  const mails = useSignal<Mail[] | undefined>(undefined);
  const error = useSignal('');

  async function load() {
    const base = projectPath(organizationId, p.id);
    const [pointList, typeList, linkList] = await Promise.all([
      request<{ items: CollectionPoint[] }>(`${base}/collection-points`),
      request<{ items: TypeInfo[] }>(`${base}/consent-types`),
      request<{ items: LinkItem[] }>(`${organizationPath(organizationId)}/consent-links`),
    ]);
    points.value = pointList.items;
    types.value = typeList.items;
    links.value = linkList.items;
    try {
      const demo = await request<{ items: Mail[] }>(
        `${organizationPath(organizationId)}/demo-mail`,
      );
      mails.value = demo.items;
    } catch (failure) {
      // 404: the demo's mail catcher is off (no ASSENT_DEMO_MAIL=1).
      if (!(failure instanceof ApiError && failure.status === 404)) throw failure;
    }
  }

  useEffect(() => {
    load().catch((failure: Error) => (error.value = failure.message));
  }, [p.id]);

  async function add(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const displayId = String(data.get('displayId') ?? '').trim();
    try {
      await request(`${projectPath(organizationId, p.id)}/collection-points`, {
        method: 'POST',
        body: {
          name: String(data.get('name')),
          consentTypes: data.getAll('type').map(String),
          ...(displayId && { displayId }),
        },
      });
      form.reset();
      error.value = '';
      await load();
    } catch (failure) {
      error.value = (failure as Error).message;
    }
  }

  const typeName = (id: string) => types.value.find((type) => type.id === id)?.name ?? id;
  return (
    <section aria-labelledby="links-title">
      <h1 id="links-title" tabIndex={-1}>
        {s.title}
      </h1>
      <p>{s.help}</p>
      <p role="alert">{error.value}</p>
      <h2>{s.points}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{s.displayId}</th>
            <th scope="col">{s.name}</th>
            <th scope="col">{s.types}</th>
          </tr>
        </thead>
        <tbody>
          {points.value.map((point) => (
            <tr key={point.id}>
              <td>
                <code>{point.displayId}</code>
              </td>
              <td>{point.name}</td>
              <td>{point.consentTypes.map(typeName).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canConfigure.value ? (
        <form class="type-form" onSubmit={(event) => void add(event)}>
          <label>
            {s.name}
            <input name="name" required maxLength={200} />
          </label>
          <label>
            {s.displayIdOptional}
            <input name="displayId" pattern="[A-Za-z0-9_\-]{1,32}" />
          </label>
          <fieldset>
            <legend>{s.types}</legend>
            {types.value.map((type) => (
              <label class="check" key={type.id}>
                <input type="checkbox" name="type" value={type.id} /> {type.name}
              </label>
            ))}
          </fieldset>
          <button type="submit">{s.add}</button>
        </form>
      ) : null}
      <h2>{s.links}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{s.created}</th>
            <th scope="col">{s.point}</th>
            <th scope="col">{s.phone}</th>
            <th scope="col">{s.status}</th>
            <th scope="col">{s.expires}</th>
          </tr>
        </thead>
        <tbody>
          {links.value.map((link) => (
            <tr key={link.eventId}>
              <td>{when(link.createdAt)}</td>
              <td>
                <code>{link.collectionPointDisplayId}</code>
              </td>
              <td>{link.phone}</td>
              <td>{s.statuses[link.status] ?? link.status}</td>
              <td>{when(link.expiresAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mails.value ? (
        <>
          <h2>{s.mail}</h2>
          <p>{s.mailHelp}</p>
          {mails.value.map((mail) => (
            <article class="mail" key={mail.receivedAt + mail.subject}>
              <h3>{mail.subject}</h3>
              <p>
                {s.to} {mail.to.join(', ')} · {when(mail.receivedAt)}
              </p>
              <pre>{mail.text}</pre>
            </article>
          ))}
        </>
      ) : null}
    </section>
  );
}
