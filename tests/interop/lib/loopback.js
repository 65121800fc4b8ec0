// The only thing the suite changes in the libraries' network path: where the socket goes.
//
// oidc-provider fetches https://example.com/... through Node's fetch with an SSRF-guarded dispatcher that
// refuses loopback addresses. The hook below keeps the provider's URL, method, headers, redirect mode and
// timeout, and swaps only that dispatcher for one whose every socket is a plain TCP connection to CimdHost
// on 127.0.0.1. The request still says Host: example.com, and the provider still compares the document's
// client_id with the https URL it was given.
import net from 'node:net';

function undiciAgent() {
  // Node bundles undici; its global dispatcher is created when fetch is first touched.
  void Response;
  const dispatcher = globalThis[Symbol.for('undici.globalDispatcher.2')]
    ?? globalThis[Symbol.for('undici.globalDispatcher.1')];
  if (!dispatcher) throw new Error('cannot find the undici dispatcher that Node fetch uses');
  return dispatcher.constructor;
}

/** A dispatcher that connects every request to 127.0.0.1:port, whatever the URL's host. */
export function loopbackDispatcher(port) {
  const Agent = undiciAgent();
  return new Agent({
    connect(_options, callback) {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => callback(null, socket));
      socket.once('error', (error) => callback(error, null));
    },
  });
}

/**
 * oidc-provider's top-level `fetch` option. Records every request and the provider's own dispatcher (its
 * SSRF guard) so tests can show that the guard is the one thing replaced. `transform` may rewrite the
 * response for the controls and for phase 2; without it the provider sees CimdHost's bytes as served.
 */
export function providerFetch(dispatcher, { transform } = {}) {
  const requests = [];
  const hook = async (url, options) => {
    const { dispatcher: ssrfGuard, ...kept } = options;
    const request = {
      url,
      method: kept.method,
      headers: Object.fromEntries(new Headers(kept.headers)),
      redirect: kept.redirect,
      hadSsrfGuard: ssrfGuard !== undefined,
    };
    requests.push(request);
    const response = await fetch(url, { ...kept, dispatcher });
    request.status = response.status;
    request.contentType = response.headers.get('content-type');
    return transform ? transform(response, request) : response;
  };
  return { hook, requests };
}

/** A GET of a published URL (Host: example.com) straight to CimdHost, outside any library. */
export async function getPublished(dispatcher, url, headers = {}) {
  const response = await fetch(url, { dispatcher, headers, redirect: 'manual', signal: AbortSignal.timeout(5_000) });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}
