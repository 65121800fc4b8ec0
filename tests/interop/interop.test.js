// The interop suite: a live CimdHost on loopback, and what real libraries do with what it publishes.
// Run with `bash tests/interop/run.sh`; it writes the verdict table to docs/interop.md.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { conventionalOAuthClientIdSchema, oauthClientIdDiscoverableSchema, oauthClientMetadataSchema } from '@atproto/oauth-types';
import { isHttpsUrl } from '@modelcontextprotocol/sdk/client/auth.js';
import { OAuthClientInformationFullSchema } from '@modelcontextprotocol/sdk/shared/auth.js';

import { CLIENTS_DIR, startCimdHost } from './lib/cimdhost.js';
import { getPublished, loopbackDispatcher, providerFetch } from './lib/loopback.js';
import { describeError, find, freshProvider, padTo, rewriteMember } from './lib/oidc.js';
import { addRow, control, verdict, writeReport } from './lib/report.js';
import { issueKeys, reasons } from './lib/verdicts.js';
import { COMMON_MEMBERS, NON_CANONICAL_URLS, PUBLISHED_CLIENTS, fillClientId, fillSpiffeId } from './published-clients.js';

const CIMD_SIZE_LIMIT = 5 * 1024; // oidc-provider's default fetchResponseBodyLimits['client_id metadata document']
// The one member phase 2 changes, and to what: `none` is the only method in oidc-provider's non-secret
// list that needs no other member (private_key_jwt and self_signed_tls_client_auth need jwks,
// tls_client_auth needs a subject member and the mTLS feature), and for a document without response
// types it relaxes no other check.
const STAND_IN_AUTH_METHOD = 'none';

let service;
let dispatcher;

before(async () => {
  service = await startCimdHost();
  dispatcher = loopbackDispatcher(Number(new URL(service.publicBase).port));
});

after(async () => {
  try {
    if (service) writeReport({ service: service.describe });
  } finally {
    await dispatcher?.close();
    await service?.stop();
  }
});

const documents = new Map();
/** The document CimdHost serves at a published URL, fetched once. */
async function served(url) {
  if (!documents.has(url)) documents.set(url, getPublished(dispatcher, url));
  return documents.get(url);
}
async function servedJson(url) {
  const response = await served(url);
  assert.equal(response.status, 200, `GET ${url} answered ${response.status}: ${response.text}`);
  return JSON.parse(response.text);
}

for (const row of PUBLISHED_CLIENTS) addRow(row.url, { form: `${row.form} (${row.file})`, url: row.url });

describe('shipped definitions', () => {
  const topLevel = (text, key) => {
    const match = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*(?:#.*)?$`, 'm').exec(text);
    return match?.[1].replace(/^(['"])(.*)\1$/, '$2');
  };

  test('every clients.d/*.yaml has exactly one row in PUBLISHED_CLIENTS, and every row a file', () => {
    const files = readdirSync(CLIENTS_DIR).filter((name) => /\.ya?ml$/.test(name)).sort();
    assert.deepEqual(PUBLISHED_CLIENTS.map((row) => row.file).sort(), files);
  });

  for (const row of PUBLISHED_CLIENTS) {
    test(`${row.file}: the row matches the file and its URL is the filled template`, () => {
      const text = readFileSync(path.join(CLIENTS_DIR, row.file), 'utf8');
      assert.equal(topLevel(text, 'client_id'), row.clientIdTemplate);
      assert.equal(topLevel(text, 'spiffe_id'), row.spiffeIdTemplate);
      assert.equal(topLevel(text, 'token_endpoint_auth_method'), row.authMethod);
      assert.equal(fillClientId(row.clientIdTemplate, row.params), row.url);
      assert.equal(fillSpiffeId(row.spiffeIdTemplate, row.params), row.spiffeId);
    });
  }

  test('the management listener\'s GET /clients serves every file, with the same client_id and example URL', async (t) => {
    const response = service.managementBase
      ? await fetch(`${service.managementBase}/clients`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined)
      : undefined;
    if (!response || response.status === 404) {
      await response?.body?.cancel();
      t.skip(`GET /clients is not available (${response ? response.status : 'no answer'}); PUBLISHED_CLIENTS is used as is`);
      return;
    }
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.ok(Array.isArray(body.definitions), `expected { definitions: [...] }, got ${JSON.stringify(body)}`);
    const listed = body.definitions.map((entry) => ({
      file: path.basename(String(entry.path)),
      state: entry.state,
      clientId: entry.client_id,
      exampleUrl: entry.example_url,
    }));
    const byFile = (a, b) => a.file.localeCompare(b.file);
    assert.deepEqual(listed.sort(byFile), PUBLISHED_CLIENTS.map((row) => ({
      file: row.file,
      state: 'served',
      clientId: row.clientIdTemplate,
      exampleUrl: row.url,
    })).sort(byFile));
  });
});

describe('CimdHost serves each published URL', () => {
  for (const row of PUBLISHED_CLIENTS) {
    test(`${row.form}: GET ${row.url} is the document for that client_id`, async () => {
      const response = await served(row.url);
      assert.equal(response.status, 200, response.text);
      assert.match(response.headers.get('content-type'), /^application\/json(\s*;|$)/);
      const cacheControl = response.headers.get('cache-control') ?? '';
      assert.match(cacheControl, /(^|,)\s*public\s*(,|$)/, `Cache-Control: ${cacheControl}`);
      assert.match(cacheControl, /(^|,)\s*max-age=300\s*(,|$)/, `Cache-Control: ${cacheControl}`);
      assert.ok(response.headers.get('etag'), 'an ETag');
      assert.notEqual(response.bytes[0], 0xef, 'no UTF-8 BOM');
      assert.ok(response.bytes.length <= CIMD_SIZE_LIMIT, `${response.bytes.length} bytes`);
      addRow(row.url, { bytes: response.bytes.length });

      const document = JSON.parse(response.text);
      assert.equal(document.client_id, row.url);
      assert.equal(document.spiffe_id, row.spiffeId);
      assert.equal(document.token_endpoint_auth_method, row.authMethod);
      assert.equal(typeof document.client_name, 'string');
      for (const [member, value] of Object.entries(COMMON_MEMBERS)) assert.deepEqual(document[member], value, member);
    });
  }

  test('the same bytes whatever Accept an AS sends (application/cimd+json is proposed in CIMD PR #63)', async () => {
    const { url } = PUBLISHED_CLIENTS[0];
    const plain = await served(url);
    for (const accept of ['application/json', 'application/cimd+json', 'application/cimd+json, application/json;q=0.9', '*/*']) {
      const response = await getPublished(dispatcher, url, { accept });
      assert.equal(response.status, 200, `Accept: ${accept}`);
      assert.equal(response.text, plain.text, `Accept: ${accept}`);
    }
  });

  for (const { why, url } of NON_CANONICAL_URLS) {
    test(`refuses ${why}: GET ${url} is 400 problem+json`, async () => {
      const response = await served(url);
      assert.equal(response.status, 400, response.text);
      assert.match(response.headers.get('content-type'), /^application\/problem\+json(\s*;|$)/);
      assert.equal(JSON.parse(response.text).status, 400);
    });
  }
});

describe('oidc-provider resolves each client_id through its own fetch', () => {
  const phases = new Map();
  const record = (row, phase, text) => {
    const done = { ...phases.get(row.url), [phase]: text };
    phases.set(row.url, done);
    verdict(row.url, 'oidc', false, `as served: ${done.asServed ?? 'not run'}. With only `
      + `token_endpoint_auth_method ${row.authMethod} → ${STAND_IN_AUTH_METHOD}: ${done.changed ?? 'not run'}`);
  };

  for (const row of PUBLISHED_CLIENTS) {
    test(`${row.form}: as served, the only objection is the unknown auth method (client_secret is mandatory)`, async () => {
      const { hook, requests } = providerFetch(dispatcher);
      const outcome = await find(freshProvider(hook), row.url);
      record(row, 'asServed', outcome.client ? 'resolves' : describeError(outcome.error));

      assert.equal(requests.length, 1, 'one fetch');
      assert.equal(requests[0].url, row.url, 'the provider fetched the https URL itself');
      assert.equal(requests[0].hadSsrfGuard, true, 'the provider sent its SSRF guard (which the hook replaces)');
      assert.equal(requests[0].headers.accept, 'application/json');
      assert.equal(requests[0].redirect, 'manual');
      assert.equal(requests[0].status, 200);
      assert.ok(outcome.error, 'a spiffe_* document must not resolve unchanged');
      assert.deepEqual(
        { error: outcome.error.error, description: outcome.error.description },
        { error: 'invalid_client_metadata', description: 'client_secret is mandatory property' },
      );
    });

    test(`${row.form}: resolves, client.clientId = the URL, when only token_endpoint_auth_method is changed`, async () => {
      const changes = [];
      const { hook, requests } = providerFetch(dispatcher, {
        transform: rewriteMember('token_endpoint_auth_method', STAND_IN_AUTH_METHOD, changes),
      });
      const outcome = await find(freshProvider(hook), row.url);
      record(row, 'changed', outcome.client
        ? '**resolves**, clientId = the URL'
        : `still refused: ${describeError(outcome.error)}`);

      assert.equal(requests.length, 1);
      assert.deepEqual(changes, [{ member: 'token_endpoint_auth_method', from: row.authMethod, to: STAND_IN_AUTH_METHOD }]);
      assert.ok(outcome.client, outcome.error && describeError(outcome.error));
      const { client } = outcome;
      assert.equal(client.clientId, row.url);
      const metadata = client.metadata();
      const document = await servedJson(row.url);
      assert.equal(metadata.client_id, row.url);
      assert.equal(metadata.token_endpoint_auth_method, STAND_IN_AUTH_METHOD);
      assert.equal(metadata.client_name, document.client_name);
      assert.equal(metadata.spiffe_id, row.spiffeId);
      assert.deepEqual(metadata.grant_types, COMMON_MEMBERS.grant_types);
      assert.deepEqual(metadata.response_types, COMMON_MEMBERS.response_types);
      assert.deepEqual(metadata.redirect_uris, []);
      assert.equal(metadata.spiffe_bundle_endpoint, COMMON_MEMBERS.spiffe_bundle_endpoint);
    });
  }

  describe('negative controls', () => {
    for (const { why, url } of NON_CANONICAL_URLS) {
      test(`a non-canonical URL (${why}) does not resolve: ${url}`, async () => {
        const { hook, requests } = providerFetch(dispatcher);
        const outcome = await find(freshProvider(hook), url);
        const refusal = await served(url);
        const problem = refusal.status === 400 ? JSON.parse(refusal.text) : undefined;
        const observed = `${outcome.client ? 'resolved' : describeError(outcome.error)} `
          + `(CimdHost: ${refusal.status}${problem?.code ? ` ${problem.code}` : ''})`;
        const passed = outcome.error?.error === 'invalid_client'
          && outcome.error.description === 'client_id metadata document fetch failed'
          && outcome.error.detail === 'unexpected response status 400';
        control('oidc-provider', `client_id ${url} (${why})`, 'invalid_client, CimdHost answers 400', observed, passed);
        assert.equal(requests.length, 1, 'the provider did fetch it');
        assert.ok(passed, observed);
      });
    }

    const tamperings = [
      { row: PUBLISHED_CLIENTS[0], how: 'the query left out, as in the mailing-list sample', to: (id) => id.split('?')[0] },
      {
        row: PUBLISHED_CLIENTS[1],
        how: 'the parameters swapped',
        to: (id) => id.replace('namespace=payments&pod=7', 'pod=7&namespace=payments'),
      },
      { row: PUBLISHED_CLIENTS[2], how: 'an explicit :443', to: (id) => id.replace('example.com/', 'example.com:443/') },
      { row: PUBLISHED_CLIENTS[4], how: 'an upper-case host', to: (id) => id.replace('example.com', 'EXAMPLE.com') },
    ];
    for (const { row, how, to } of tamperings) {
      test(`${row.form}: a document whose client_id has ${how} is refused`, async () => {
        const changes = [];
        const authMethod = rewriteMember('token_endpoint_auth_method', STAND_IN_AUTH_METHOD, changes);
        const clientId = rewriteMember('client_id', to, changes);
        const { hook } = providerFetch(dispatcher, { transform: async (response) => clientId(await authMethod(response)) });
        const outcome = await find(freshProvider(hook), row.url);
        const observed = outcome.client ? 'resolved' : describeError(outcome.error);
        const expected = 'client_id metadata document client_id does not match the expected value';
        const passed = outcome.error?.error === 'invalid_client_metadata' && outcome.error.description === expected;
        control('oidc-provider', `${row.url} serving client_id ${to(row.url)} (${how})`,
          `invalid_client_metadata "${expected}"`, observed, passed);
        assert.equal(changes.length, 2, JSON.stringify(changes));
        assert.ok(changes.every((change) => !change.error), JSON.stringify(changes));
        assert.ok(passed, observed);
      });
    }

    test('a document padded past the 5 KiB limit is refused, one at the limit resolves', async () => {
      const row = PUBLISHED_CLIENTS[0];
      const outcomes = [];
      for (const size of [CIMD_SIZE_LIMIT + 1, CIMD_SIZE_LIMIT]) {
        const changes = [];
        const authMethod = rewriteMember('token_endpoint_auth_method', STAND_IN_AUTH_METHOD, changes);
        const pad = padTo(size);
        const { hook } = providerFetch(dispatcher, { transform: async (response) => pad(await authMethod(response)) });
        outcomes.push(await find(freshProvider(hook), row.url));
      }
      const [over, at] = outcomes;
      const overPassed = over.error?.error === 'invalid_client' && over.error.cause === 'response too large';
      control('oidc-provider', `${row.url} padded with JSON whitespace to ${CIMD_SIZE_LIMIT + 1} bytes`,
        'invalid_client (response too large)',
        over.client ? 'resolved' : describeError(over.error), overPassed);
      control('oidc-provider', `${row.url} padded to ${CIMD_SIZE_LIMIT} bytes (positive control)`, 'resolves',
        at.client ? 'resolved' : describeError(at.error), Boolean(at.client));
      assert.ok(overPassed, JSON.stringify(over.error));
      assert.ok(at.client, JSON.stringify(at.error));
    });

    test('private_key_jwt as the stand-in method would need a second change (jwks), so none is used', async () => {
      const row = PUBLISHED_CLIENTS[0];
      const changes = [];
      const transform = rewriteMember('token_endpoint_auth_method', 'private_key_jwt', changes);
      const { hook } = providerFetch(dispatcher, { transform });
      const outcome = await find(freshProvider(hook), row.url);
      const observed = outcome.client ? 'resolved' : describeError(outcome.error);
      const passed = outcome.error?.description === 'jwks or jwks_uri is mandatory for this client';
      control('oidc-provider', `${row.url} with token_endpoint_auth_method → private_key_jwt`,
        'invalid_client_metadata "jwks or jwks_uri is mandatory for this client"', observed, passed);
      assert.ok(passed, observed);
    });

    test('the SSRF guard the hook replaces is real: kept, it refuses the loopback socket', async () => {
      const row = PUBLISHED_CLIENTS[0];
      const target = new URL(service.publicBase);
      const hook = (url, options) => {
        const { pathname, search } = new URL(url);
        return fetch(`${target.origin}${pathname}${search}`, options); // the provider's own dispatcher
      };
      const outcome = await find(freshProvider(hook), row.url);
      const observed = outcome.client ? 'resolved' : describeError(outcome.error);
      const passed = outcome.error?.error === 'invalid_client'
        && outcome.error.description === 'client_id metadata document fetch failed'
        && outcome.error.cause === 'hostname resolves to a special-use IP address';
      control('oidc-provider', `${row.url} fetched from CimdHost on 127.0.0.1 through the provider's own SSRF-guarded dispatcher`,
        'invalid_client (hostname resolves to a special-use IP address)', observed, passed);
      assert.ok(passed, observed);
    });
  });
});

describe('@atproto/oauth-types', () => {
  for (const row of PUBLISHED_CLIENTS) {
    test(`${row.form}: oauthClientIdDiscoverableSchema accepts ${row.url}`, () => {
      const result = oauthClientIdDiscoverableSchema.safeParse(row.url);
      verdict(row.url, 'atprotoId', result.success, result.success ? '' : reasons(result.error, row.url));
      assert.ok(result.success, result.error && reasons(result.error, row.url));
    });

    test(`${row.form}: conventionalOAuthClientIdSchema verdict recorded (it wants /oauth-client-metadata.json, no query)`, () => {
      const result = conventionalOAuthClientIdSchema.safeParse(row.url);
      const messages = result.success ? [] : result.error.issues.map((issue) => issue.message);
      verdict(row.url, 'atprotoConventional', result.success, messages.join('; '));
      const expected = new URL(row.url).search
        ? 'ClientID must not contain a query string'
        : 'ClientID must be "/oauth-client-metadata.json"';
      assert.deepEqual(messages, [expected]);
    });

    test(`${row.form}: oauthClientMetadataSchema verdict recorded (refused: no redirect_uris, SPIFFE method)`, async () => {
      const document = await servedJson(row.url);
      const result = oauthClientMetadataSchema.safeParse(document);
      verdict(row.url, 'atprotoMetadata', result.success, result.success ? '' : reasons(result.error, document));
      assert.equal(result.success, false, 'a client_credentials-only SPIFFE document cannot pass this schema');
      assert.deepEqual(issueKeys(result.error), [
        { path: 'redirect_uris', code: 'invalid_type' },
        { path: 'response_types', code: 'too_small' },
        { path: 'token_endpoint_auth_method', code: 'invalid_enum_value' },
      ]);
    });
  }

  describe('negative controls', () => {
    const refused = [
      ['a trailing slash', 'https://example.com/clients/web/7.json/', 'ClientID path must not end with a trailing slash'],
      [
        'a dot segment',
        'https://example.com/clients/../client.json?instance_id=7',
        'ClientID must be in canonical form ("https://example.com/client.json?instance_id=7", '
          + 'got "https://example.com/clients/../client.json?instance_id=7")',
      ],
      ['a root path', 'https://example.com/', 'ClientID must contain a path component (e.g. "/client-metadata.json")'],
      ['a fragment', 'https://example.com/client.json?instance_id=7#top', 'ClientID must not contain a fragment'],
      ['an IP-literal host', 'https://192.0.2.1/client.json', 'ClientID hostname must not be an IP address'],
    ];
    for (const [why, url, message] of refused) {
      test(`oauthClientIdDiscoverableSchema refuses ${why}: ${url}`, () => {
        const result = oauthClientIdDiscoverableSchema.safeParse(url);
        const messages = result.success ? [] : result.error.issues.map((issue) => issue.message);
        const observed = result.success ? 'accepted' : messages.join('; ');
        control('@atproto/oauth-types', `client_id ${url} (${why})`, `refused: ${message}`, observed, messages.includes(message));
        assert.equal(result.success, false);
        assert.deepEqual(messages, [message]);
      });
    }

    test('oauthClientIdDiscoverableSchema refuses http:', () => {
      const url = 'http://example.com/client.json?instance_id=7';
      const result = oauthClientIdDiscoverableSchema.safeParse(url);
      const observed = result.success ? 'accepted' : result.error.issues.map((issue) => issue.message).join('; ');
      control('@atproto/oauth-types', `client_id ${url}`, 'refused', observed, !result.success);
      assert.equal(result.success, false);
    });
  });
});

describe('@modelcontextprotocol/sdk', () => {
  for (const row of PUBLISHED_CLIENTS) {
    test(`${row.form}: isHttpsUrl accepts ${row.url} as a client metadata URL`, () => {
      const accepted = isHttpsUrl(row.url);
      verdict(row.url, 'mcpUrl', accepted, accepted ? '' : 'not https with a non-root path');
      assert.equal(accepted, true);
    });

    test(`${row.form}: OAuthClientInformationFullSchema verdict recorded (refused only for missing redirect_uris)`, async () => {
      const document = await servedJson(row.url);
      const result = OAuthClientInformationFullSchema.safeParse(document);
      verdict(row.url, 'mcpInfo', result.success, result.success ? '' : reasons(result.error, document));
      assert.equal(result.success, false);
      assert.deepEqual(issueKeys(result.error), [{ path: 'redirect_uris', code: 'invalid_type' }]);
      const withRedirects = OAuthClientInformationFullSchema.safeParse({
        ...document,
        redirect_uris: ['https://example.com/callback'],
      });
      assert.ok(withRedirects.success, 'with redirect_uris added, the rest of the document passes');
      assert.equal(withRedirects.data.token_endpoint_auth_method, row.authMethod);
    });
  }

  describe('negative controls', () => {
    const refused = [
      ['http:', 'http://example.com/client.json'],
      ['a root path', 'https://example.com/'],
      ['not a URL', 'example.com/client.json'],
    ];
    for (const [why, url] of refused) {
      test(`isHttpsUrl refuses ${why}: ${url}`, () => {
        const accepted = isHttpsUrl(url);
        control('@modelcontextprotocol/sdk', `isHttpsUrl(${url}) (${why})`, 'false', String(accepted), accepted === false);
        assert.equal(accepted, false);
      });
    }
  });
});
