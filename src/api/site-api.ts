import { parseSiteConfig, SITE_CONFIG_LIMITS } from '../core/site-config.ts';
import type {
  ConsentEventInput,
  ConsentEventRecord,
  ConsentStateItem,
  ErrorBody,
  SiteConfig,
  SiteSession,
} from '../core/types.ts';

/** The outcome of a call: never an exception, so nothing reaches the host page. */
export type ApiResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** HTTP status, or 0 when no answer came (offline, refused, CORS). */
      status: number;
      message: string;
      /** Seconds from a `Retry-After` header. */
      retryAfter?: number;
    };

export interface SiteApi {
  getConfig(): Promise<ApiResult<SiteConfig>>;
  /**
   * A session for a known visitor (its id and the secret it is bound to), or for a new one
   * (`undefined`: the server answers a new id and its secret).
   */
  createSession(
    visitor: { concordId: string; visitorSecret: string } | undefined,
  ): Promise<ApiResult<SiteSession>>;
  /** `keepalive` lets the request outlive the page (at most 64 KiB of such bodies in flight). */
  sendEvents(
    token: string,
    items: ConsentEventInput[],
    options?: { keepalive?: boolean },
  ): Promise<ApiResult<{ count: number; items: ConsentEventRecord[] }>>;
  /**
   * Links the session's visitor to the identifier an identity token (signed by the site's
   * backend) vouches for; answers the merged state.
   */
  putProfile(token: string, identityToken: string): Promise<ApiResult<ConsentStateBody>>;
  /** The merged state of the session's visitor and everyone linked to the same identifiers. */
  getConsentState(token: string): Promise<ApiResult<ConsentStateBody>>;
  /**
   * The receipt of one of the session's visitor's events (issue 17): `htmlUrl` is a short-lived
   * link to its printable page, which a new tab opens without the Bearer token.
   */
  getReceipt(token: string, eventId: string): Promise<ApiResult<{ htmlUrl: string }>>;
  /**
   * `POST …/privacy-requests` `{kind, email, language?}` files a request (the server mails a
   * code); with `id`, `POST …/privacy-requests/{id}/verify` `{code}` confirms it.
   */
  privacyRequest(
    token: string,
    body: { kind: string; email: string; language?: string } | { code: string },
    id?: string,
  ): Promise<ApiResult<PrivacyRequestAnswer>>;
}

/** What the server answers about a privacy request the visitor filed. */
export interface PrivacyRequestAnswer {
  id: string;
  dueAt: string;
}

/**
 * `GET …/consent-state` and `PUT …/profile`: the latest valid decision per consent type across
 * every visitor id linked to the same person, as stored events (seed 001's shape).
 */
export interface ConsentStateBody {
  items: ConsentStateItem[];
}

export interface SiteApiOptions {
  /** Origin (and optional path) of the site API, without a trailing slash. */
  base: string;
  projectId: string;
  /** Extra query for `site-client` (such as `region` for testing). */
  configQuery?: Record<string, string>;
  fetch?: typeof fetch;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' && value !== null && typeof (value as ErrorBody).message === 'string'
  );
}

export function createSiteApi(options: SiteApiOptions): SiteApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const root = `${options.base.replace(/\/+$/, '')}/site-v1/${encodeURIComponent(options.projectId)}`;

  async function call<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await doFetch(root + path, { credentials: 'omit', ...init });
    } catch (error) {
      return { ok: false, status: 0, message: `site API unreachable: ${String(error)}` };
    }
    let body: unknown;
    try {
      const text = await response.text();
      // No answer is read as JSON past the size of the largest config the widget takes.
      if (text.length > SITE_CONFIG_LIMITS.length) {
        return { ok: false, status: response.status, message: 'answer too large' };
      }
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (response.ok) return { ok: true, value: body as T };
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      status: response.status,
      message: isErrorBody(body) ? body.message : `site API answered ${response.status}`,
      ...(retryAfter >= 0 && response.headers.has('retry-after') ? { retryAfter } : {}),
    };
  }

  const bearer = (token: string): RequestInit => ({
    headers: { authorization: `Bearer ${token}` },
  });

  const json = (method: string, body: unknown, token?: string): RequestInit => ({
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

  return {
    async getConfig() {
      const query = new URLSearchParams(options.configQuery).toString();
      const result = await call<unknown>(`/site-client${query ? `?${query}` : ''}`);
      if (!result.ok) return result;
      const config = parseSiteConfig(result.value);
      return typeof config === 'string'
        ? { ok: false, status: 200, message: config }
        : { ok: true, value: config };
    },
    createSession(visitor) {
      return call('/sessions', json('POST', visitor ?? {}));
    },
    sendEvents(token, items, { keepalive = false } = {}) {
      return call('/consent-events', { ...json('POST', { items }, token), keepalive });
    },
    putProfile(token, identityToken) {
      return call('/profile', json('PUT', { token: identityToken }, token));
    },
    getConsentState(token) {
      return call('/consent-state', bearer(token));
    },
    getReceipt(token, eventId) {
      return call(`/consent-events/${encodeURIComponent(eventId)}/receipt`, bearer(token));
    },
    privacyRequest(token, body, id) {
      return call(`/privacy-requests${id ? `/${id}/verify` : ''}`, json('POST', body, token));
    },
  };
}
