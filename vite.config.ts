import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { NOTICE_FIELDS } from './src/ui/i18n/notice-strings.ts';

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
  name?: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The built-in languages (`src/ui/i18n/locales/<code>.ts`): one notice module each. */
export const NOTICE_LANGUAGES = readdirSync('src/ui/i18n/locales')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .sort();

/**
 * Every file each entry of the UI build needs (itself first, then every chunk it imports), from
 * the UI build's manifest (built first). The loader imports them all at once, instead of
 * discovering the chunks one request after another.
 */
export function bundleFiles(manifestPath = 'dist/.vite/manifest.json'): Record<string, string[]> {
  if (!existsSync(manifestPath)) return {};
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const bundles: Record<string, string[]> = {};
  for (const [key, entry] of Object.entries(manifest)) {
    if (!entry.isEntry || !entry.name || !LOADER_IMPORTS.includes(entry.name)) continue;
    const files = new Set<string>();
    const visit = (chunkKey: string) => {
      const chunk = manifest[chunkKey];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      chunk.imports?.forEach(visit);
    };
    visit(key);
    // Only what comes after the entry itself: the loader imports the entry by its name.
    bundles[entry.name] = [...files].slice(1);
  }
  return bundles;
}

/**
 * The file of the loader's second half (`chunks/rest-<hash>.js`), from the UI build's manifest:
 * hashed, so that it is cached for a year and a returning visitor's idle import is a cache hit.
 */
export function restFile(manifestPath = 'dist/.vite/manifest.json'): string {
  if (!existsSync(manifestPath)) return 'rest.js';
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  return (
    Object.values(manifest).find((entry) => entry.isEntry && entry.name === 'rest')?.file ??
    'rest.js'
  );
}

/** The bundles the loader imports by name (the notice modules need no list: one file each). */
const LOADER_IMPORTS = ['manager', 'preferences', 'gate', 'floating-button', 'cookies'];

const NOTICE_PREFIX = '\0assent-notice:';
const KERNEL_FILE = 'src/loader/kernel.ts';
/**
 * What the loader shares with the copies of the module graph in `rest.js` and the notice
 * modules (src/loader/kernel.ts): each module it imports from, by path under src/, and the
 * names it imports. Those copies read these names from the loader instead of carrying the module.
 */
let shared: Map<string, { name: string; index: number }[]> | undefined;
export function sharedWithLoader(): Map<string, { name: string; index: number }[]> {
  return (shared ??= readShared());
}

function readShared(): Map<string, { name: string; index: number }[]> {
  const source = readFileSync(KERNEL_FILE, 'utf8');
  const list = /^export const KERNEL = \[([^\]]+)\]/m.exec(source)?.[1] ?? '';
  const order = list.split(',').map((name) => name.trim());
  const result = new Map<string, { name: string; index: number }[]>();
  for (const [, names, path] of source.matchAll(
    /^import \{([^}]+)\} from '\.\.\/([\w/-]+)\.ts';/gm,
  )) {
    const imported = names!
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    result.set(
      path!,
      imported.map((name) => {
        const index = order.indexOf(name);
        if (index < 0) throw new Error(`${KERNEL_FILE}: ${name} is imported but not in KERNEL`);
        return { name, index };
      }),
    );
  }
  return result;
}
const KERNEL_PREFIX = '\0assent-kernel:';
/** The one reader of the kernel in each file that reads it (`kernelKey` below). */
const KERNEL_READ = '\0assent-kernel-read';

/**
 * Where the loader puts its kernel, `assent.kernel.<version>` (src/loader/kernel.ts): the version
 * hashes src/loader/kernel.ts, the modules it shares and the notice languages, so that a loader
 * and the files that read its kernel agree only when they were built from the same kernel. A
 * loader in a visitor's HTTP cache (`max-age=60, stale-while-revalidate`) can meet the
 * `notice-<code>.js` of a newer deploy (`no-cache`): that file then finds no kernel under its key
 * and fails with a message saying so (the loader reports it in an `error` event; nothing gated
 * runs), instead of calling whatever function the older loader keeps at an index.
 */
let kernelKeyOnce: string | undefined;
export function kernelKey(): string {
  if (kernelKeyOnce) return kernelKeyOnce;
  const hash = createHash('sha256').update(readFileSync(KERNEL_FILE, 'utf8'));
  for (const path of [...sharedWithLoader().keys()].sort())
    hash.update(readFileSync(resolvePath('src', `${path}.ts`), 'utf8'));
  hash.update(JSON.stringify(NOTICE_LANGUAGES));
  return (kernelKeyOnce = `assent.kernel.${hash.digest('base64url').slice(0, 8)}`);
}

/** `rest.js`: the loader's second half alone, its module graph copied like a notice's. */
const REST_ID = '\0assent-rest';
/** In a notice module's code until the `rest` entry's file name is known. */
const REST_PLACEHOLDER = '__assent_rest_file__';

/**
 * One notice module per language (`notice-<code>.js`): the notice's code, CSS and that
 * language's strings in one file, so that a first visit fetches one file after the loader. Each
 * is a copy of the notice's module graph (ids tagged `?notice=<code>`, which Rollup cannot share
 * between entries); the other languages stay the shared `i18n/` chunks that `strings.js` uses.
 */
function noticePerLanguage(): Plugin {
  const tag = (id: string, code: string) => `${id}${id.includes('?') ? '&' : '?'}notice=${code}`;
  return {
    name: 'assent-notice-per-language',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      // Vite makes library entries absolute paths under the root.
      const entry = /assent-notice-([a-z-]+)\.virtual$/.exec(source)?.[1];
      if (entry) return NOTICE_PREFIX + entry;
      if (source.endsWith('assent-rest.virtual')) return REST_ID;
      if (source.startsWith(KERNEL_READ)) return source;
      const code = importer && /[?&]notice=([a-z-]+)/.exec(importer)?.[1];
      // idb-keyval too: the loader's second half is in each notice module and in `rest.js`,
      // which would otherwise share it as a chunk of its own, one request more.
      const relative = /^\.{1,2}\//.test(source) || source === 'idb-keyval';
      if (!code || !relative || source.includes('/locales/')) return null;
      const resolved = await this.resolve(source, importer.replace(/[?&]notice=[a-z-]+/, ''), {
        ...options,
        skipSelf: true,
      });
      if (!resolved || resolved.external) return resolved;
      const shared = [...sharedWithLoader().keys()].find((path) =>
        resolved.id.endsWith(`${resolvePath('src', path)}.ts`),
      );
      // Tagged too: a shared virtual module would become a chunk of its own, one request more.
      return shared ? tag(KERNEL_PREFIX + shared, code) : tag(resolved.id, code);
    },
    load(id) {
      const src = resolvePath('src');
      if (id.startsWith(KERNEL_READ))
        return [
          `const kernel = globalThis[Symbol.for(${JSON.stringify(kernelKey())})];`,
          'export const read = (index) => {',
          '  if (!kernel) throw Error(`assent: ${import.meta.url} is of another build than the loader`);',
          '  return kernel[index];',
          '};',
        ].join('\n');
      const rest = (code: string) =>
        `export { startRest } from ${JSON.stringify(tag(`${src}/loader/rest.ts`, code))};`;
      if (id === REST_ID) return rest('rest');
      if (id.startsWith(KERNEL_PREFIX)) {
        const path = id.slice(KERNEL_PREFIX.length).replace(/\?.*$/, '');
        const names = sharedWithLoader().get(path) ?? [];
        // A pure call per name, not `kernel[index]`: a property read is kept even where its
        // name is not used (a statement of its own), and each such module has names these
        // files do not use.
        return [
          `import { read } from ${JSON.stringify(tag(KERNEL_READ, id.replace(/^[^?]*\?notice=/, '')))};`,
          ...names.map(
            ({ name, index }) => `export const ${name} = /* @__PURE__ */ read(${index});`,
          ),
        ].join('\n');
      }
      const locales = `${src}/ui/i18n/built-in-locales.ts`;
      if (id.startsWith(`${locales}?`)) {
        // The notice module's language is registered with it (below), and the loader chose the
        // module by the same rule: another language is for a rare case (a fresh config that
        // picks another), which imports `strings.js` for it, not 32 file names.
        return [
          "import { NOTICE_LANGUAGES } from '../../loader/notice-languages.ts';",
          'export const BUILT_IN = NOTICE_LANGUAGES;',
          `export const importLocale = (code) => import(${JSON.stringify(`${src}/ui/i18n/ui-strings.ts`)}).then((shared) => shared.importLocale(code));`,
        ].join('\n');
      }
      if (!id.startsWith(NOTICE_PREFIX)) return null;
      const code = id.slice(NOTICE_PREFIX.length);
      return [
        `import { registerStrings } from ${JSON.stringify(tag(`${src}/ui/i18n/ui-strings.ts`, code))};`,
        `import strings from ${JSON.stringify(tag(`${src}/ui/i18n/locales/${code}.ts`, code))};`,
        `import { showNotice } from ${JSON.stringify(tag(`${src}/ui/notice/index.ts`, code))};`,
        `import { startWithNotice } from ${JSON.stringify(tag(`${src}/loader/first-visit.ts`, code))};`,
        `registerStrings(${JSON.stringify(code)}, strings);`,
        'export { showNotice };',
        // A first visit's start: the notice, then the loader's second half, `rest.js` (the
        // entry below, one file for every language), imported after the notice's paint.
        // By a URL (the `rest` entry's file, set in generateBundle below), not a static
        // `import()`: a download that failed is asked for again under another URL
        // (src/loader/first-visit.ts).
        `const rest = ${JSON.stringify(`./${REST_PLACEHOLDER}`)};`,
        'export const startRest = (context) => startWithNotice(context, showNotice, (query) => import(rest + query));',
      ].join('\n');
    },
    generateBundle(_, bundle) {
      const rest = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.isEntry && file.name === 'rest',
      );
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.code.includes(REST_PLACEHOLDER)) continue;
        if (!rest) this.error(`${file.fileName} imports the loader's second half, not built`);
        file.code = file.code.replaceAll(REST_PLACEHOLDER, rest.fileName);
      }
    },
    // After the TypeScript is stripped: the notice module's copy of its language keeps only the
    // fields the notice reads (src/ui/i18n/notice-strings.ts), half of the language's bytes.
    transform: {
      order: 'post',
      handler(source, id) {
        if (!id.startsWith(`${resolvePath('src')}/ui/i18n/locales/`) || !id.includes('?notice='))
          return null;
        const declaration = this.parse(source).body.find(
          (node) => node.type === 'ExportDefaultDeclaration',
        )?.declaration;
        if (declaration?.type !== 'ObjectExpression') {
          return this.error(`${id}: the notice module expects \`export default { … }\``);
        }
        const kept = declaration.properties.filter((property) => {
          if (
            property.type !== 'Property' ||
            property.computed ||
            property.key.type !== 'Identifier'
          )
            this.error(
              `${id}: the notice module expects plain fields, not ${source.slice(property.start, property.end)}`,
            );
          return (NOTICE_FIELDS as readonly string[]).includes(property.key.name);
        });
        const fields = kept.map((property) => source.slice(property.start, property.end));
        return `${source.slice(0, declaration.start)}{${fields.join(',')}}${source.slice(declaration.end)}`;
      },
    },
  };
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

/**
 * The classic scripts, one IIFE each: `assent.js` (the plain loader, with the IAB stubs), and for
 * the per-project loader the server serves (server/routes/site/loader-script.ts)
 * `project-loader.js` (the same loader without them) and `iab-stubs.js` (them alone, put in
 * front of it for a project that uses the TCF or GPP): src/loader/iab-stubs.ts.
 */
const CLASSIC_SCRIPTS: Record<string, { entry: string; file: string }> = {
  loader: { entry: 'src/loader/index.ts', file: 'assent.js' },
  'project-loader': { entry: 'src/loader/index.ts', file: 'project-loader.js' },
  'iab-stubs': { entry: 'src/loader/iab-stubs-script.ts', file: 'iab-stubs.js' },
};

export default defineConfig(({ mode }) => {
  const classic = CLASSIC_SCRIPTS[mode];
  return mode === 'console'
    ? consoleConfig
    : {
        plugins: classic ? [loaderBoundary()] : [noticePerLanguage()],
        define: classic
          ? {
              __ASSENT_BUNDLE_FILES__: JSON.stringify(bundleFiles()),
              __ASSENT_NOTICE_LANGUAGES__: JSON.stringify(NOTICE_LANGUAGES),
              __ASSENT_REST_FILE__: JSON.stringify(restFile()),
              __ASSENT_KERNEL_KEY__: JSON.stringify(kernelKey()),
            }
          : {},
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        build: {
          outDir: 'dist',
          target: 'es2022',
          emptyOutDir: mode === 'ui',
          modulePreload: false,
          manifest: mode === 'ui',
          reportCompressedSize: false,
          ...(classic
            ? {
                lib: {
                  entry: classic.entry,
                  formats: ['iife' as const],
                  name: 'assentLoader',
                  fileName: () => classic.file,
                },
              }
            : {
                // Library mode, so that dynamic imports (the languages) are not wrapped in Vite's
                // preload helper (1 kB on the notice's path, useless with modulePreload off).
                lib: {
                  entry: {
                    manager: 'src/manager/index.ts',
                    notice: 'src/ui/notice/index.ts',
                    // The notice of each language in one file (noticePerLanguage above).
                    ...Object.fromEntries(
                      NOTICE_LANGUAGES.map((code) => [
                        `notice-${code}`,
                        `assent-notice-${code}.virtual`,
                      ]),
                    ),
                    // The loader's second half (src/loader/rest.ts) for a returning visitor, at
                    // idle: one file, like the notice modules (noticePerLanguage above).
                    rest: 'assent-rest.virtual',
                    // An entry, so that the loader can start the visitor's language on a first visit
                    // as soon as this small file is in, not after the whole notice.
                    strings: 'src/ui/i18n/ui-strings.ts',
                    preferences: 'src/ui/preferences/index.tsx',
                    // The hosted consent-link page's script: imports preferences.js by URL.
                    'link-page': 'src/ui/link-page/index.ts',
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
                    // The IAB GPP CMP API (issue 21): only for GPP projects' US visitors.
                    gpp: 'src/gpp/index.ts',
                    // An event's proof (issue 17): imported by the manager after the notice
                    // shows, to hash what it showed; nothing waits for it to render.
                    proof: 'src/manager/proof.ts',
                    // IAB TCF 2.3 (issue 20): imported only for projects that enable it.
                    tcf: 'src/tcf/index.ts',
                  },
                  formats: ['es' as const],
                },
                rollupOptions: {
                  preserveEntrySignatures: 'strict' as const,
                  output: {
                    format: 'es' as const,
                    // Library mode leaves ES output unminified; these files are only ever served.
                    minify: true,
                    // Without the pure annotations (`/* @__PURE__ */`) minifying keeps: only a
                    // bundler reading these files would use them (0.08 kB of preferences.js).
                    comments: { legal: true, annotation: false, jsdoc: false },
                    // The loader's second half is hashed (the loader knows its name from the
                    // manifest): immutable, a returning visitor's copy comes from the cache.
                    entryFileNames: (chunk: { name: string }) =>
                      chunk.name === 'rest' ? 'chunks/rest-[hash].js' : '[name].js',
                    // One module per language, apart from the shared chunks: a visitor downloads one.
                    chunkFileNames: (chunk: { facadeModuleId: string | null }) =>
                      /[\\/]src[\\/]ui[\\/]i18n[\\/]locales[\\/]/.test(chunk.facadeModuleId ?? '')
                        ? 'i18n/[name]-[hash].js'
                        : // The TCF notice's own words, a file per language beside the TCF chunk.
                          /[\\/]src[\\/]tcf[\\/]locales[\\/]/.test(chunk.facadeModuleId ?? '')
                          ? 'tcf/[name]-[hash].js'
                          : 'chunks/[name]-[hash].js',
                  },
                },
              }),
        },
      };
});
