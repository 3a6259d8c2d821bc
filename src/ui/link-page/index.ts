/**
 * The hosted consent-link page's script (issue 16), served as `/assent/link-page.js` under a
 * strict CSP: reads what the server put in the page (a JSON data block, never run), imports the
 * widget's own preference center by URL (`preferences.js`, the file the loader imports) and sends
 * the person's choice to the page's own address. Plain DOM, no Preact: that comes with the center.
 */
import type { LinkPreferencesOptions, PreferencesBundle } from '../../runtime/bundles.ts';
import type { ConsentState } from '../../core/types.ts';

type PageData = Omit<LinkPreferencesOptions, 'onChoose'> & {
  /** Where choices are posted: the page's own path. */
  action: string;
  /** Shown when the server refuses the choice. */
  failed: string;
};

async function start(): Promise<void> {
  const data = JSON.parse(document.getElementById('assent-link-data')!.textContent!) as PageData;
  const container = document.getElementById('assent-link-center')!;
  const status = document.getElementById('assent-link-status')!;
  const url = new URL('./preferences.js', import.meta.url).href;
  const bundle = (await import(/* @vite-ignore */ url)) as PreferencesBundle;
  const send = async (states: Record<string, ConsentState>) => {
    const response = await fetch(data.action, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ states }),
      credentials: 'omit',
    });
    if (!response.ok) throw new Error(String(response.status));
    // The server's page shows what is recorded now.
    location.assign(`${data.action}?lang=${encodeURIComponent(data.language)}&saved=1`);
  };
  await bundle.showLinkPreferences(container, {
    ...data,
    onChoose: (states) => {
      send(states).catch(() => {
        status.textContent = data.failed;
      });
    },
  });
}

start().catch((error: unknown) => console.error('assent:', error));
