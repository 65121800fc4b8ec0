// A fresh oidc-provider per case, and the response rewrites the suite allows itself, each of which
// changes exactly one thing and says what it changed.
import crypto from 'node:crypto';
import Provider from 'oidc-provider';

// No stored clients: every client the provider knows comes from a metadata document.
class NoStoredClients {
  async upsert() {}
  async find() { return undefined; }
  async findByUserCode() { return undefined; }
  async findByUid() { return undefined; }
  async consume() {}
  async destroy() {}
  async revokeByGrantId() {}
}

// RS256, the provider's default ID token algorithm, so no client is refused for the key the suite picked.
const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

/**
 * A provider with CIMD (draft-02 ack) and client credentials on, and nothing else changed that bears on
 * client validation. spiffe_id and spiffe_bundle_endpoint are declared as extra client metadata only so
 * that the resolved client shows them (a SPIFFE-aware deployment would do the same); this adds no check.
 */
export function freshProvider(fetchHook) {
  return new Provider('https://as.interop.invalid', {
    adapter: NoStoredClients,
    jwks: { keys: [signingKey] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      clientIdMetadataDocument: { enabled: true, ack: 'draft-02' },
    },
    extraClientMetadata: { properties: ['spiffe_id', 'spiffe_bundle_endpoint'] },
    fetch: fetchHook,
  });
}

/** The innermost message along an error's cause chain (e.g. "fetch failed" → the socket's reason). */
function rootCause(error) {
  let message;
  for (let cause = error.cause; cause instanceof Error; cause = cause.cause) message = cause.message;
  return message;
}

/** Client.find's outcome as data: { client } or { error } with the provider's error fields. */
export async function find(provider, id) {
  try {
    return { client: await provider.Client.find(id) };
  } catch (error) {
    return {
      error: {
        name: error.name,
        error: error.error,
        description: error.error_description,
        detail: error.error_detail,
        cause: rootCause(error),
      },
    };
  }
}

export function describeError(error) {
  const cause = error.cause && error.cause !== error.detail ? `(${error.cause})` : undefined;
  return [error.error, `"${error.description}"`, error.detail, cause]
    .filter(Boolean).join(' ');
}

function rebuilt(response, text) {
  const headers = new Headers(response.headers);
  headers.set('content-length', String(Buffer.byteLength(text)));
  return new Response(text, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Rewrites the value of one top-level string member in the served bytes, leaving every other byte as
 * served, and checks by parsing both versions that nothing else differs. Each rewrite is pushed to
 * `changes` as { member, from, to }; a document it cannot rewrite exactly once is passed on unchanged
 * and the failure is recorded instead.
 */
export function rewriteMember(member, to, changes) {
  return async (response) => {
    const text = await response.text();
    const pattern = new RegExp(`("${member}"\\s*:\\s*)"((?:[^"\\\\]|\\\\.)*)"`, 'g');
    const matches = [...text.matchAll(pattern)];
    if (response.status !== 200 || matches.length !== 1) {
      changes.push({ member, error: `status ${response.status}, ${matches.length} occurrences of "${member}"` });
      return rebuilt(response, text);
    }
    const served = JSON.parse(text);
    const value = typeof to === 'function' ? to(served[member]) : to;
    const changed = text.replace(pattern, (_all, key) => `${key}${JSON.stringify(value)}`);
    const parsed = JSON.parse(changed);
    const others = (doc) => JSON.stringify({ ...doc, [member]: null });
    if (others(parsed) !== others(served) || parsed[member] !== value) {
      changes.push({ member, error: 'the rewrite changed more than one member' });
      return rebuilt(response, text);
    }
    changes.push({ member, from: served[member], to: value });
    return rebuilt(response, changed);
  };
}

/** Appends JSON whitespace after the document until it is `size` bytes long: still valid JSON. */
export function padTo(size) {
  return async (response) => {
    const text = await response.text();
    return rebuilt(response, text + ' '.repeat(Math.max(0, size - Buffer.byteLength(text))));
  };
}
