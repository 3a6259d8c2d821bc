/**
 * An event's proof (issue 17): the notice snapshot a surface showed, made the same way by the
 * widget (which hashes it with `crypto.subtle`) and the server (which checks the hash and what it
 * can of the content against the project's config).
 */
import { canonicalJson } from './canonical-json.ts';
import type { ConsentType, NoticeSnapshot, NoticeSnapshotType, NoticeTexts } from './types.ts';

/** A snapshot's hash: lowercase hex SHA-256. */
export const NOTICE_HASH_PATTERN = '^[0-9a-f]{64}$';

/** The text whose SHA-256 is the snapshot's `noticeHash`. */
export function noticeSnapshotText(snapshot: NoticeSnapshot): string {
  return canonicalJson(snapshot);
}

/** The types as a snapshot keeps them: what a person reads about each. */
export function snapshotTypes(types: ConsentType[]): NoticeSnapshotType[] {
  return types.map((type) => ({
    id: type.id,
    label: type.label,
    version: type.version,
    category: type.category,
    name: type.name,
    description: type.description,
    ...(type.required && { required: true }),
    ...(type.url !== undefined && { url: type.url }),
  }));
}

/**
 * What in a snapshot disagrees with the project's config as the server knows it: each type must
 * be one of the project's at the same version, name and description, and texts the project set
 * for the language must be the ones shown (the widget's built-in strings the server does not
 * hold). Empty when everything it can check agrees.
 */
export function snapshotMismatches(
  snapshot: NoticeSnapshot,
  types: ConsentType[],
  texts: Record<string, NoticeTexts>,
): string[] {
  const problems: string[] = [];
  const byId = new Map(types.map((type) => [type.id, type]));
  for (const shown of snapshot.types) {
    const type = byId.get(shown.id);
    if (!type) problems.push(`type ${shown.id} is not a consent type of this project`);
    else if (type.version !== shown.version) {
      problems.push(`type "${type.label}" is at version ${type.version}, not ${shown.version}`);
    } else if (type.name !== shown.name || type.description !== shown.description) {
      problems.push(`type "${type.label}" has another name or description`);
    }
  }
  const primary = snapshot.language.toLowerCase();
  const key = Object.keys(texts).find(
    (language) =>
      language.toLowerCase() === primary || language.toLowerCase() === primary.split('-')[0],
  );
  const own = key ? (texts[key] as unknown as Record<string, string>) : undefined;
  if (own) {
    for (const [name, text] of Object.entries(snapshot.texts)) {
      // The preference center's heading is its own (`preferences.title`), not the notice's.
      if (name === 'title' && snapshot.surface !== 'notice') continue;
      if (name in own && own[name] !== text) problems.push(`text "${name}" is not the project's`);
    }
  }
  return problems;
}
