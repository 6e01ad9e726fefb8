// HTTP bridge: requests derived from the op table (route params, query strings, JSON bodies),
// binary results as Uint8Array, server errors surfaced with their message.
import { describe, expect, it } from 'vitest';
import { ApiError, operationNames } from '../../../shared/api';
import { buildRequest, createHttpApi } from '../../../renderer/bridge/http-bridge';

describe('buildRequest', () => {
  it('puts GET arguments in the query string, skipping undefined', () => {
    const { url, init } = buildRequest('listCaptures', {
      limit: 50,
      verdict: 'invalid',
      q: undefined,
    });
    expect(init.method).toBe('GET');
    expect(url).toBe('/api/captures?limit=50&verdict=invalid');
    expect(init.body).toBeUndefined();
  });
  it('fills route parameters and escapes them', () => {
    expect(buildRequest('getCapture', { id: 12 }).url).toBe('/api/captures/12');
    expect(buildRequest('deleteCapture', { id: 3 }).init.method).toBe('DELETE');
  });
  it('sends other verbs as a JSON body', () => {
    const { url, init } = buildRequest('updateSettings', {
      patch: { jwtIssuer: 'x' },
      reverify: true,
    });
    expect(url).toBe('/api/settings');
    expect(init.method).toBe('PUT');
    expect(JSON.parse(String(init.body))).toEqual({ patch: { jwtIssuer: 'x' }, reverify: true });
  });
});

type Call = { url: string; init: RequestInit };

function fakeFetch(reply: (call: Call) => Response) {
  const calls: Call[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return reply(call);
  }) as unknown as typeof fetch;
  return { impl, calls };
}

describe('createHttpApi', () => {
  it('has one method per operation', () => {
    const api = createHttpApi(fakeFetch(() => new Response('{}')).impl);
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort());
  });

  it('parses JSON and uses same-origin credentials (the HttpOnly cookie)', async () => {
    const { impl, calls } = fakeFetch(() => Response.json({ count: 7 }));
    await expect(createHttpApi(impl).countCaptures({})).resolves.toEqual({ count: 7 });
    expect(calls[0]?.init.credentials).toBe('same-origin');
  });

  it('returns binary bodies as Uint8Array', async () => {
    const { impl } = fakeFetch(() => new Response(new Uint8Array([0, 255, 10])));
    const body = await createHttpApi(impl).getCaptureBody({ id: 1 });
    expect(body).toBeInstanceOf(Uint8Array);
    expect([...body]).toEqual([0, 255, 10]);
  });

  it("throws the server's message", async () => {
    const { impl } = fakeFetch(() =>
      Response.json(
        { error: { code: 'not_found', message: 'Capture 5 does not exist.' } },
        { status: 404 },
      ),
    );
    const err = await createHttpApi(impl)
      .getCapture({ id: 5 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('Capture 5 does not exist.');
    expect((err as ApiError).status).toBe(404);
  });

  it('falls back to a generic message for non-JSON errors', async () => {
    const { impl } = fakeFetch(() => new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(createHttpApi(impl).health({})).rejects.toThrow('Request failed with HTTP 502');
  });
});
