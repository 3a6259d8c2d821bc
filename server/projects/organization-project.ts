import { httpError } from '../http/http-error.ts';
import type { ProjectCache } from './cache.ts';
import type { Project } from '../db/repositories/projects.ts';
import { requireUuid } from '../http/uuid.ts';

/**
 * The project a Privacy API path names, or a 404 when it does not exist or belongs to another
 * organization (the two are not told apart, so a key cannot probe other organizations' projects).
 */
export async function requireOrganizationProject(
  projects: ProjectCache,
  params: { organizationId: string | undefined; projectId: string | undefined },
): Promise<Project> {
  const organizationId = requireUuid(params.organizationId, 'organizationId');
  const projectId = requireUuid(params.projectId, 'projectId');
  // A cached copy: a project never moves to another organization.
  const project = (await projects.get(projectId))?.project;
  if (!project || project.organizationId !== organizationId) {
    throw httpError(404, `project ${projectId} not found in organization ${organizationId}`);
  }
  return project;
}
