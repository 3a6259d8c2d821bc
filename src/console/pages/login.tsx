import { useSignal } from '@preact/signals';
import { request } from '../api.ts';
import { t } from '../strings.ts';

export function LoginPage(props: { onLoggedIn: () => Promise<void> }) {
  const error = useSignal('');
  const busy = useSignal(false);
  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    busy.value = true;
    error.value = '';
    try {
      await request('/auth/v1/login', {
        method: 'POST',
        body: { email: form.get('email'), password: form.get('password') },
      });
      await props.onLoggedIn();
    } catch {
      error.value = t.login.failed;
    } finally {
      busy.value = false;
    }
  }
  return (
    <main id="main" class="login">
      <h1 tabIndex={-1}>{t.login.title}</h1>
      <form onSubmit={submit}>
        <label>
          {t.login.email}
          <input name="email" type="email" autocomplete="username" required />
        </label>
        <label>
          {t.login.password}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {error.value && (
          <p role="alert" class="error">
            {error.value}
          </p>
        )}
        <button type="submit" disabled={busy.value}>
          {t.login.submit}
        </button>
      </form>
    </main>
  );
}
