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

/**
 * Reads an NDJSON answer line by line as it arrives (the chain check streams its progress), and
 * calls `onLine` with each parsed line.
 */
export async function readLines<T>(path: string, onLine: (line: T) => void): Promise<void> {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { accept: 'application/x-ndjson' },
  });
  if (!response.ok || !response.body) {
    let message = `${response.status} ${response.statusText}`;
    try {
      message = ((await response.json()) as { message?: string }).message ?? message;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiError(response.status, message);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split('\n');
    buffered = done ? '' : lines.pop()!;
    for (const text of lines) if (text.trim()) onLine(JSON.parse(text) as T);
    if (done) return;
  }
}
