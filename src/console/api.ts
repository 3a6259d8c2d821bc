/**
 * The console's one way to the server: the public HTTP APIs, with the session cookie the login
 * set (STYLE.md 23: whatever the console does, a backend can do with the same route).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function request<T>(
  path: string,
  init: { method?: string; body?: unknown; accept?: string } = {},
): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      accept: init.accept ?? 'application/json',
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      message = ((await response.json()) as { message?: string }).message ?? message;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiError(response.status, message);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const organizationPath = (organizationId: string) =>
  `/privacy-v1/organizations/${organizationId}`;
export const projectPath = (organizationId: string, projectId: string) =>
  `${organizationPath(organizationId)}/projects/${projectId}`;
