/** The demo talks to the engine as any client would: over HTTP, with the admin token, then an API key. */
export const demoClient = (baseUrl: string) => {
  const call = async <B = any>(
    method: string,
    path: string,
    key: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<B> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': contentType } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as B;
  };
  return {
    post: <B = any>(path: string, key: string, body?: unknown) => call<B>('POST', path, key, body),
    put: <B = any>(path: string, key: string, body: unknown) => call<B>('PUT', path, key, body),
    patch: <B = any>(path: string, key: string, body: unknown) => call<B>('PATCH', path, key, body),
    get: <B = any>(path: string, key: string) => call<B>('GET', path, key),
    csv: <B = any>(path: string, key: string, csv: string) => call<B>('POST', path, key, csv, 'text/csv'),
  };
};

export type DemoClient = ReturnType<typeof demoClient>;
