import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { request } from './api.ts';
import { t } from './strings.ts';
import { loadSession, page, pages, project, projectId, projects, session } from './state.ts';
import { LoginPage } from './pages/login.tsx';
import { OverviewPage } from './pages/overview.tsx';
import { RecordsPage } from './pages/records.tsx';
import { RequestsPage } from './pages/requests.tsx';
import { TypesPage } from './pages/types.tsx';
import { NoticePage } from './pages/notice.tsx';
import { SettingsPage } from './pages/settings.tsx';
import { SnippetPage } from './pages/snippet.tsx';
import { LinksPage } from './pages/links.tsx';
import { TcfPage } from './pages/tcf.tsx';

const PAGES = {
  overview: OverviewPage,
  records: RecordsPage,
  requests: RequestsPage,
  types: TypesPage,
  notice: NoticePage,
  links: LinksPage,
  settings: SettingsPage,
  snippet: SnippetPage,
  tcf: TcfPage,
};

async function logOut() {
  await request('/auth/v1/logout', { method: 'POST' }).catch(() => undefined);
  session.value = null;
  location.hash = '';
}

function Shell() {
  const current = page.value;
  const Page = PAGES[current];
  useEffect(() => {
    document.title = `${t.nav[current]} · ${t.appName}`;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [current]);
  return (
    <>
      <a class="skip" href="#main">
        {t.skip}
      </a>
      <header class="top" aria-label={t.appName}>
        <strong class="brand">{t.appName}</strong>
        <label class="project-picker">
          {t.project}{' '}
          <select
            value={projectId.value}
            onChange={(event) => (projectId.value = (event.target as HTMLSelectElement).value)}
          >
            {projects.value.map((p) => (
              <option value={p.id} key={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <span class="who">
          {t.signedInAs} {session.value!.member.email} ({session.value!.member.role})
        </span>
        <button type="button" onClick={logOut}>
          {t.logOut}
        </button>
      </header>
      <nav aria-label="Console">
        <ul>
          {pages.map((name) => (
            <li key={name}>
              <a href={`#/${name}`} aria-current={name === current ? 'page' : undefined}>
                {t.nav[name]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" aria-label={t.nav[current]}>
        {project.value ? <Page key={project.value.id} /> : null}
      </main>
    </>
  );
}

function App() {
  if (session.value === undefined) return null;
  if (session.value === null) return <LoginPage onLoggedIn={loadSession} />;
  return <Shell />;
}

render(<App />, document.getElementById('app')!);
void loadSession();
