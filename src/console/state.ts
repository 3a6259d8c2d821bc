import { computed, signal } from '@preact/signals';
import { organizationPath, request } from './api.ts';

export type Role = 'owner' | 'admin' | 'viewer';

export interface SessionInfo {
  member: { id: string; email: string; role: Role };
  organization: { id: string; name: string; slug: string };
  expiresAt: string;
}

export interface ProjectInfo {
  id: string;
  organizationId: string;
  name: string;
  slug: string;
  allowedOrigins: string[];
  policies: { default: string; regions: Record<string, string> };
  display: {
    layout?: string;
    theme?: string;
    blocking?: boolean;
    floatingButton?: boolean | 'left' | 'right';
  };
  texts: Record<string, Record<string, string>>;
  defaultLanguage: string;
}

/** `undefined` while unknown, `null` when signed out. */
export const session = signal<SessionInfo | null | undefined>(undefined);
export const projects = signal<ProjectInfo[]>([]);
export const projectId = signal<string | undefined>(undefined);
export const project = computed(() => projects.value.find((p) => p.id === projectId.value));
export const canConfigure = computed(() => session.value?.member.role !== 'viewer');
export const isOwner = computed(() => session.value?.member.role === 'owner');

export const pages = [
  'overview',
  'records',
  'requests',
  'types',
  'notice',
  'links',
  'settings',
  'snippet',
  'tcf',
] as const;
export type Page = (typeof pages)[number];

function pageOf(hash: string): Page {
  const name = hash.replace(/^#\/?/, '') as Page;
  return pages.includes(name) ? name : 'overview';
}
export const page = signal<Page>(pageOf(location.hash));
addEventListener('hashchange', () => {
  page.value = pageOf(location.hash);
});

export async function loadSession() {
  try {
    session.value = await request<SessionInfo>('/auth/v1/session');
    await loadProjects();
  } catch {
    session.value = null;
  }
}

export async function loadProjects() {
  const organizationId = session.value!.organization.id;
  const list = await request<{ items: ProjectInfo[] }>(
    `${organizationPath(organizationId)}/projects`,
  );
  projects.value = list.items;
  if (!list.items.some((p) => p.id === projectId.value)) projectId.value = list.items[0]?.id;
}

/** Replaces the current project with the server's answer to a change. */
export function updateProject(next: ProjectInfo) {
  projects.value = projects.value.map((p) => (p.id === next.id ? next : p));
}
