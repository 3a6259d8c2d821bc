import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * The loader must stay free of UI code: a returning visitor downloads only it. Fails the loader
 * build as soon as Preact, signals or anything under src/ui or src/manager is pulled into it
 * (the loader reaches those only through `import(url)` at run time).
 */
export const FORBIDDEN_IN_LOADER =
  /[\\/](?:node_modules[\\/](?:preact|@preact)|src[\\/](?:ui|manager)[\\/])/;

function loaderBoundary(): Plugin {
  return {
    name: 'assent-loader-boundary',
    load(id) {
      if (FORBIDDEN_IN_LOADER.test(id)) {
        this.error(`the loader must not include ${id}: import it by URL at run time instead`);
      }
    },
  };
}

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/**
 * The files a first visit needs for its notice: the notice entry and every chunk it imports, from the UI build's manifest (built first). The loader imports them all at once,
 * instead of discovering the chunks one request after another.
 */
export function firstVisitFiles(manifestPath = 'dist/.vite/manifest.json'): string[] {
  if (!existsSync(manifestPath)) return ['notice.js'];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  visit('src/ui/notice/index.ts');
  return [...files];
}

/**
 * Two builds into one `dist/`:
 * - `--mode loader`: the classic script sites include, one IIFE (`dist/assent.js`).
 * - `--mode ui`: ES modules the loader imports by URL at run time (`manager.js`, `notice.js`,
 *   `preferences.js`, `gate.js`, `floating-button.js`, and the chunks they share).
 */
/**
 * `--mode console`: the owner's console (`src/console/`), an app of its own served at `/admin/`
 * from `dist/console/`; never loaded by the widget, so outside the widget's budgets. Its
 * `index.html` gets only external `<script>` and `<link>` tags: it runs under a CSP without
 * `unsafe-inline` (`server/app.ts`).
 */
const consoleConfig = {
  root: 'src/console',
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } },
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    reportCompressedSize: false,
    assetsInlineLimit: 0,
  },
};

export default defineConfig(({ mode }) =>
  mode === 'console'
    ? consoleConfig
    : {
        plugins: mode === 'loader' ? [loaderBoundary()] : [],
        define:
          mode === 'loader' ? { __ASSENT_FIRST_VISIT__: JSON.stringify(firstVisitFiles()) } : {},
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        build: {
          outDir: 'dist',
          target: 'es2022',
          emptyOutDir: mode === 'ui',
          modulePreload: false,
          manifest: mode === 'ui',
          reportCompressedSize: false,
          ...(mode === 'loader'
            ? {
                lib: {
                  entry: 'src/loader/index.ts',
                  formats: ['iife' as const],
                  name: 'assentLoader',
                  fileName: () => 'assent.js',
                },
              }
            : {
                // Library mode, so that dynamic imports (the languages) are not wrapped in Vite's
                // preload helper (1 kB on the notice's path, useless with modulePreload off).
                lib: {
                  entry: {
                    manager: 'src/manager/index.ts',
                    notice: 'src/ui/notice/index.ts',
                    // An entry, so that the loader can start the visitor's language on a first visit
                    // as soon as this small file is in, not after the whole notice.
                    strings: 'src/ui/i18n/ui-strings.ts',
                    preferences: 'src/ui/preferences/index.tsx',
                    // Deleting a withdrawn type's cookies: imported on a change, when a project lists any.
                    cookies: 'src/integrations/cookie-clearing.ts',
                    // Plain DOM, no Preact: imported only when a page holds an `<assent-gate>`, or
                    // when the floating button is on and the visitor has decided.
                    gate: 'src/ui/gate/index.ts',
                    'floating-button': 'src/ui/floating-button/index.ts',
                    // `<assent-request>`: once a page holds one, or the preference center's
                    // "Your data rights" link is followed.
                    request: 'src/ui/request/index.ts',
                    // Identity tokens and cross-device adoption: imported by the manager only when
                    // the site calls `assent.identify`, not on the notice's first load.
                    identity: 'src/manager/identity.ts',
                  },
                  formats: ['es' as const],
                },
                rollupOptions: {
                  preserveEntrySignatures: 'strict' as const,
                  output: {
                    format: 'es' as const,
                    // Library mode leaves ES output unminified; these files are only ever served.
                    minify: true,
                    entryFileNames: '[name].js',
                    // One module per language, apart from the shared chunks: a visitor downloads one.
                    chunkFileNames: (chunk: { facadeModuleId: string | null }) =>
                      /[\\/]src[\\/]ui[\\/]i18n[\\/]locales[\\/]/.test(chunk.facadeModuleId ?? '')
                        ? 'i18n/[name]-[hash].js'
                        : 'chunks/[name]-[hash].js',
                  },
                },
              }),
        },
      },
);
