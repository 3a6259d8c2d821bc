import { Hono, type Context } from 'hono';
import type { AppEnv } from './http/app-env.ts';
import type { RouteDeps } from './routes/route-deps.ts';
import { clientAddress } from './http/client-address.ts';
import { createConsentEventWriter } from './consent-events/writer.ts';
import type { Database } from './db/database.ts';
import { errorBody, handleError, handleNotFound } from './http/http-error.ts';
import { consentEventRoutes } from './routes/site/consent-events.ts';
import { consentStateRoutes } from './routes/site/consent-state.ts';
import { healthRoutes } from './routes/site/health.ts';
import { privacyConsentEventRoutes } from './routes/privacy/consent-events.ts';
import { profileRoutes } from './routes/site/profile.ts';
import { privacyConsentTypeRoutes } from './routes/privacy/consent-types.ts';
import { privacyWebhookRoutes } from './routes/privacy/webhooks.ts';
import { CONSENTS_DATA_PATH, consentsDataRoutes } from './routes/compat/consents-data.ts';
import { consentsEventsRoutes } from './routes/compat/consents-events.ts';
import { CONSENT_LINKS_PATH, consentLinkRoutes } from './routes/compat/consent-links.ts';
import { linkPageRoutes } from './routes/compat/link-page.ts';
import { authRoutes } from './routes/auth/auth.ts';
import { privacyAnalyticsRoutes } from './routes/privacy/analytics.ts';
import { privacyChainVerificationRoutes } from './routes/privacy/chain-verification.ts';
import { privacyOrganizationRoutes } from './routes/privacy/organizations.ts';
import { privacyApiKeyRoutes } from './routes/privacy/api-keys.ts';
import { privacyMemberRoutes } from './routes/privacy/members.ts';
import { privacyCollectionPointRoutes } from './routes/privacy/collection-points.ts';
import { privacyLinkSettingsRoutes } from './routes/privacy/link-settings.ts';
import { privacyConsentLinkRoutes } from './routes/privacy/consent-links.ts';
import { privacyDemoMailRoutes, type DemoMail } from './routes/privacy/demo-mail.ts';
import { privacyProjectRoutes } from './routes/privacy/projects.ts';
import { privacyPeopleRoutes } from './routes/privacy/people.ts';
import { privacyRequestRoutes } from './routes/privacy/privacy-requests.ts';
import { sitePrivacyRequestRoutes } from './routes/site/privacy-requests.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { sessionRoutes } from './routes/site/sessions.ts';
import { siteClientRoutes } from './routes/site/site-client.ts';
import { vendorListRoutes } from './routes/site/vendor-list.ts';
import { createGvlSource, type GvlSource } from './tcf/gvl-source.ts';
import { demoIdentityTokenRoutes } from './routes/demo/identity-token.ts';
import { privacyReceiptRoutes } from './routes/privacy/receipts.ts';
import { siteReceiptRoutes } from './routes/site/receipts.ts';
import { createProjectCache, PROJECT_CACHE_TTL_MS } from './projects/cache.ts';
import { readBody } from './middleware/body-read.ts';
import { createRateLimiter, rateLimit, type RateLimit } from './middleware/rate-limit.ts';
import { createSecret } from './crypto/random-secret.ts';
import { siteCors, siteCorsBeforeRouting } from './middleware/site-cors.ts';
import { HASHED_FILE, IMMUTABLE, RETRY_PATH, staticFiles } from './http/static-files.ts';
import { loaderScriptRoutes } from './routes/site/loader-script.ts';

/** What the site API is made of. Production passes the database and settings; tests pass fakes. */
export interface AppDeps {
  /** Where projects, sessions and consent events live (PGlite or PostgreSQL). */
  db: Database;
  /**
   * The clock: session expiry, default consent dates, `dateCreated`.
   * @default () => new Date()
   */
  now?: () => Date;
  /**
   * A request header carrying the visitor's geography (`DE`, `US-CA`), set by a trusted proxy or
   * CDN, e.g. `cf-ipcountry`. Without it every visitor's geography is `unknown`.
   * @default undefined
   */
  geoHeader?: string;
  /**
   * Folders served as static files: `assets` at `/assent/*` (the built widget, `dist/`),
   * `console` at `/admin/` (the owner's console, `dist/console/`) and `site` at `/` (the demo
   * site, with the demo's login, `POST /demo/identity-token`). Without it only the APIs are served.
   * @default undefined
   */
  staticDirs?: { assets: string; site: string; console?: string };
  /**
   * Where unexpected errors go; the client only ever sees a bare 500.
   * @default console.error
   */
  logError?: (error: unknown) => void;
  /**
   * Signs session tokens (HMAC-SHA-256). Every instance behind one load balancer needs the same.
   * @default a random secret, so tokens die with the process
   */
  secret?: string;
  /**
   * Keep the raw User-Agent string of sessions; otherwise only its parsed browser, OS and device.
   * @default false
   */
  storeRawUserAgent?: boolean;
  /**
   * Token buckets per client IP (every API request) and per session (event batches); `false`
   * turns a limit off (load tests).
   * @default { perIp: { burst: 1000, perSecond: 200 }, perSession: { burst: 120, perSecond: 2 },
   *   loginPerAccount: { burst: 10, perSecond: 1 / 60 }, loginPerAddress: { burst: 30, perSecond: 1 / 10 } }
   */
  rateLimits?: {
    perIp?: RateLimit | false;
    perSession?: RateLimit | false;
    /** Login attempts per account (email), whatever the address. */
    loginPerAccount?: RateLimit | false;
    /** Login attempts per client address, whatever the account. */
    loginPerAddress?: RateLimit | false;
    /** Consent links made per API key or member (seed 004). */
    consentLinks?: RateLimit | false;
  };
  /**
   * Outbound mail (consent links, privacy-request codes): `mailerFromEnv(process.env)` in main.ts.
   * @default a mailer with no SMTP server, whose every send fails with that reason
   */
  mailer?: Mailer;
  /**
   * The base of the links Assent hands out (`ASSENT_PUBLIC_URL`, e.g. `https://consent.example`).
   * @default the origin of the request that asks for the link
   */
  publicUrl?: string;
  /**
   * `ASSENT_DEMO_MAIL=1`: the mail the demo's loopback catcher received, shown to the console's
   * Links page (`GET /privacy-v1/organizations/{id}/demo-mail`); absent, that route does not exist.
   * @default undefined
   */
  demoMail?: () => readonly DemoMail[];
  /**
   * How long a project and its consent types are used from this instance's memory before they
   * are read again; a change made elsewhere shows within this time. Event writes check the
   * current version under the project's chain lock whatever this is.
   * @default 1000
   */
  projectCacheTtlMs?: number;
  /**
   * Webhooks: `allowPrivate` lets `http` and private, loopback or link-local URLs be registered
   * (`ASSENT_WEBHOOK_ALLOW_PRIVATE=1`; tests, intranets); `wake` is called whenever deliveries
   * were queued (main.ts passes the deliverer's). The deliverer itself runs beside the app
   * (`webhooks/deliverer.ts`), so an app in a test sends nothing unless the test starts one.
   * @default { allowPrivate: false }
   */
  webhooks?: { allowPrivate?: boolean; wake?: () => void };
  /**
   * The IAB's Global Vendor List (issue 20): where it is fetched from (`ASSENT_GVL_URL`), or a
   * source of one's own (tests).
   * @default { url: IAB_GVL_URL }
   */
  gvl?: GvlSource | { url?: string };
}

/**
 * The console's CSP. `frame-src 'self'`: the notice preview frames the demo page of this server.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Largest request body taken: a batch of 100 events is about 25 KiB. */
export const MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_LIMITS = {
  perIp: { burst: 1000, perSecond: 200 },
  perSession: { burst: 120, perSecond: 2 },
  // Ten guesses at an account, then one a minute: an online attack on one password is hopeless.
  loginPerAccount: { burst: 10, perSecond: 1 / 60 },
  loginPerAddress: { burst: 30, perSecond: 1 / 10 },
  // A backend sending links after calls or at a counter: bursts of 60, then one a second.
  consentLinks: { burst: 60, perSecond: 1 },
};

/** The site API and, when given folders, the widget and demo files. Does no I/O until a request. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const now = deps.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...deps.rateLimits };
  const projects = createProjectCache(deps.db, deps.projectCacheTtlMs ?? PROJECT_CACHE_TTL_MS);
  const wake = deps.webhooks?.wake ?? (() => {});
  const routeDeps: RouteDeps = {
    db: deps.db,
    projects,
    events: createConsentEventWriter(deps.db, projects, undefined, wake),
    webhooks: { allowPrivate: deps.webhooks?.allowPrivate ?? false, wake },
    now,
    mailer: deps.mailer ?? createMailer(),
    secret: deps.secret ?? createSecret(),
    storeRawUserAgent: deps.storeRawUserAgent ?? false,
    perSessionLimit: limits.perSession ? createRateLimiter(limits.perSession, now) : undefined,
    loginLimits: {
      ...(limits.loginPerAccount && {
        perAccount: createRateLimiter(limits.loginPerAccount, now),
      }),
      ...(limits.loginPerAddress && {
        perAddress: createRateLimiter(limits.loginPerAddress, now),
      }),
    },
    ...(deps.geoHeader !== undefined && { geoHeader: deps.geoHeader.toLowerCase() }),
    ...(deps.publicUrl !== undefined && { publicUrl: deps.publicUrl }),
    linkLimit: limits.consentLinks ? createRateLimiter(limits.consentLinks, now) : undefined,
    gvl:
      deps.gvl && 'vendorList' in deps.gvl
        ? deps.gvl
        : createGvlSource({
            db: deps.db,
            now,
            ...(deps.gvl?.url && { url: deps.gvl.url }),
            ...(deps.logError && { logError: deps.logError }),
          }),
  };
  const app = new Hono<AppEnv>();
  app.onError(handleError(deps.logError ?? ((error) => console.error('assent:', error))));
  app.notFound(handleNotFound);
  const limit = readBody(MAX_BODY_BYTES, (c) => {
    // The rest of the body is left unread and the socket does not survive the answer: saying
    // `keep-alive` made the client send its next request on a socket being closed, which
    // failed ("other side closed", issue 13 §5; server/body-limit.test.ts). `close` makes the
    // client open a new connection instead.
    c.header('Connection', 'close');
    return c.json(errorBody(413, `the body is larger than ${MAX_BODY_BYTES} bytes`), 413);
  });
  if (limits.perIp) {
    // Before the body is read: a flood costs as little as possible.
    const limiter = createRateLimiter(limits.perIp, now);
    const byAddress = (c: Context<AppEnv>) => clientAddress(c) ?? 'unknown';
    const perIp = rateLimit(limiter, byAddress);
    app.use('/site-v1/*', rateLimit(limiter, byAddress, siteCorsBeforeRouting(projects)));
    app.use('/privacy-v1/*', perIp);
    app.use('/consents/*', perIp);
    app.use(CONSENTS_DATA_PATH, perIp);
    app.use('/auth/v1/*', perIp);
    app.use(`${CONSENT_LINKS_PATH}/*`, perIp);
    app.use(CONSENT_LINKS_PATH, perIp);
    app.use('/receipt-v1/*', perIp);
  }
  app.use('/site-v1/*', limit);
  app.use('/privacy-v1/*', limit);
  app.use('/consents/*', limit);
  app.use(CONSENTS_DATA_PATH, limit);
  app.use('/auth/v1/*', limit);
  app.use(CONSENT_LINKS_PATH, limit);
  app.use('/site-v1/:projectId/*', siteCors(projects));
  app.route('/', healthRoutes(routeDeps));
  app.route('/', siteClientRoutes(routeDeps));
  app.route('/', vendorListRoutes(routeDeps));
  app.route('/', sessionRoutes(routeDeps));
  app.route('/', consentEventRoutes(routeDeps));
  app.route('/', consentStateRoutes(routeDeps));
  app.route('/', profileRoutes(routeDeps));
  app.route('/', privacyConsentEventRoutes(routeDeps));
  app.route('/', privacyConsentTypeRoutes(routeDeps));
  app.route('/', privacyWebhookRoutes(routeDeps));
  // The seeds' own paths (routes/compat/).
  app.route('/', consentsDataRoutes(routeDeps));
  app.route('/', consentsEventsRoutes(routeDeps));
  app.route('/', consentLinkRoutes(routeDeps));
  app.route('/', authRoutes(routeDeps));
  app.route('/', privacyProjectRoutes(routeDeps));
  app.route('/', privacyAnalyticsRoutes(routeDeps));
  app.route('/', privacyChainVerificationRoutes(routeDeps));
  app.route('/', privacyOrganizationRoutes(routeDeps));
  app.route('/', privacyApiKeyRoutes(routeDeps));
  app.route('/', privacyMemberRoutes(routeDeps));
  app.route('/', privacyCollectionPointRoutes(routeDeps));
  app.route('/', privacyLinkSettingsRoutes(routeDeps));
  app.route('/', privacyConsentLinkRoutes(routeDeps));
  app.route('/', privacyDemoMailRoutes(routeDeps, deps.demoMail));
  // The hosted consent-link pages, `/{orgSlug}/{displayId}/{uuid}`: before the demo's files,
  // and never under a path of another route (routes/compat/link-page.ts).
  app.route('/', linkPageRoutes(routeDeps));
  app.route('/', privacyReceiptRoutes(routeDeps));
  app.route('/', siteReceiptRoutes(routeDeps));
  app.route('/', privacyPeopleRoutes(routeDeps));
  app.route('/', privacyRequestRoutes(routeDeps));
  app.route('/', sitePrivacyRequestRoutes(routeDeps));
  if (deps.staticDirs) {
    // The demo shop's login; a real site signs identities on its own backend.
    app.route('/', demoIdentityTokenRoutes(routeDeps));
    // The loader with the project's config embedded, before the widget's files.
    app.route('/', loaderScriptRoutes(routeDeps, deps.staticDirs.assets));
    app.get(
      '/assent/*',
      staticFiles(deps.staticDirs.assets, {
        prefix: '/assent',
        // The widget is embedded from other origins and its ES module chunks load with CORS.
        // `no-cache` for the entry files, whose names carry no hash: revalidated (ETag) each
        // time. Hashed chunks never change under their name: cached for a year.
        headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' },
        cacheControl: (path) => (HASHED_FILE.test(path) ? IMMUTABLE : undefined),
        // `/assent/r1/manager.js` is `/assent/manager.js`, and so are the chunks it imports.
        alias: RETRY_PATH,
      }),
    );
    const consoleDir = deps.staticDirs.console;
    if (consoleDir) {
      app.get('/admin', (c) => c.redirect('/admin/', 301));
      app.get(
        '/admin/*',
        staticFiles(consoleDir, {
          prefix: '/admin',
          // The console is a client of the public API like any other, under a strict CSP: no
          // inline script or style, nothing from elsewhere, never framed (clickjacking).
          headers: {
            'Content-Security-Policy': CONSOLE_CSP,
            'X-Frame-Options': 'DENY',
            'Referrer-Policy': 'same-origin',
            'Cache-Control': 'no-cache',
          },
        }),
      );
    }
    app.get('/*', staticFiles(deps.staticDirs.site, { headers: { 'Cache-Control': 'no-cache' } }));
  }
  return app;
}
