import type { ConsentType } from '../../src/core/types.ts';
import type { Queryable } from '../db/database.ts';
import { listConsentTypes } from '../db/repositories/consent-types.ts';
import { findVersionedProject, type Project } from '../db/repositories/projects.ts';

/** A project with its consent types, as of `version` (`projects.config_version`). */
export interface ProjectConfig {
  project: Project;
  types: ConsentType[];
  version: string;
}

/** Per-instance copies of projects and their consent types, the hot path's only reads. */
export interface ProjectCache {
  /** The project and its types, at most the time to live old; `undefined` when there is none. */
  get(projectId: string): Promise<ProjectConfig | undefined>;
  /** Reads the project afresh on `db` (a transaction's connection, say) and keeps the result. */
  load(db: Queryable, projectId: string): Promise<ProjectConfig | undefined>;
  /**
   * The copy this instance has, however old, without asking the database; `undefined` when it
   * has none. For answers that must cost nothing, such as a 429 (middleware/site-cors.ts).
   */
  peek(projectId: string): Promise<ProjectConfig | undefined> | undefined;
}

/** How long a cached project is used without asking the database (see the README). */
export const PROJECT_CACHE_TTL_MS = 1000;
/** More projects than this and the oldest entries are dropped; one instance rarely serves many. */
const MAX_ENTRIES = 10_000;

/**
 * Caches projects for `ttlMs` of real time (not the app's clock, which tests stop). Every
 * instance behind a load balancer has its own copy, so a change made anywhere (another
 * instance, `npm run admin`, SQL) shows here within `ttlMs`. Event writes do not rely on that:
 * they compare the version under the project's chain lock and reload on a change (see
 * `consent-events/writer.ts`). A project that does not exist is not cached, so it shows up as
 * soon as it is created.
 */
export function createProjectCache(
  db: Queryable,
  ttlMs = PROJECT_CACHE_TTL_MS,
  clock: () => number = () => performance.now(),
): ProjectCache {
  const entries = new Map<string, { at: number; config: Promise<ProjectConfig | undefined> }>();
  async function read(on: Queryable, projectId: string): Promise<ProjectConfig | undefined> {
    // The version first: types changed between the two reads make the copy look older than it
    // is (one extra reload later), never newer.
    const found = await findVersionedProject(on, projectId);
    if (!found) return undefined;
    return { ...found, types: await listConsentTypes(on, projectId) };
  }
  function keep(projectId: string, config: Promise<ProjectConfig | undefined>) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(projectId, { at: clock(), config });
    // Failures and missing projects are asked again next time.
    config.then(
      (found) => {
        if (!found && entries.get(projectId)?.config === config) entries.delete(projectId);
      },
      () => {
        if (entries.get(projectId)?.config === config) entries.delete(projectId);
      },
    );
    return config;
  }
  return {
    get(projectId) {
      const entry = entries.get(projectId);
      if (entry && clock() - entry.at < ttlMs) return entry.config;
      // Concurrent misses share one read.
      return keep(projectId, read(db, projectId));
    },
    load(on, projectId) {
      return keep(projectId, read(on, projectId));
    },
    peek(projectId) {
      return entries.get(projectId)?.config;
    },
  };
}
