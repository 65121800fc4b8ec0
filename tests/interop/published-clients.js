// What the interop suite tests: one published document per shipped definition in clients.d/.
//
// PUBLISHED_CLIENTS is the one table to edit when a definition is added to clients.d/. The suite checks
// it against the folder (every *.yaml must have exactly one row, and each row's client_id template,
// spiffe_id template and auth method must equal the file's), so a new shipped client cannot be skipped
// silently. When the management listener's GET /clients answers, the suite also checks that this table
// agrees with what the running service says it publishes.
//
//   file                  the definition in clients.d/
//   form                  how the client_id is made, as shown in docs/interop.md
//   clientIdTemplate      the file's client_id, placeholders included
//   params                example values, in the order the definition declares them (query order matters)
//   url                   the published client_id URL the suite fetches: the template filled with params
//   spiffeIdTemplate      the file's spiffe_id
//   spiffeId              the spiffe_id the document must carry for these params
//   authMethod            the file's token_endpoint_auth_method
export const PUBLISHED_CLIENTS = [
  {
    file: 'example.yaml',
    form: 'query',
    clientIdTemplate: 'https://example.com/client.json',
    params: { instance_id: '7' },
    url: 'https://example.com/client.json?instance_id=7',
    spiffeIdTemplate: 'spiffe://example.org/client/{instance_id}',
    spiffeId: 'spiffe://example.org/client/7',
    authMethod: 'spiffe_jwt',
  },
  {
    file: 'pods.yaml',
    form: 'two-param query',
    clientIdTemplate: 'https://example.com/pods.json',
    params: { namespace: 'payments', pod: '7' },
    url: 'https://example.com/pods.json?namespace=payments&pod=7',
    spiffeIdTemplate: 'spiffe://example.org/ns/{namespace}/pod/{pod}',
    spiffeId: 'spiffe://example.org/ns/payments/pod/7',
    authMethod: 'spiffe_jwt',
  },
  {
    file: 'web-path.yaml',
    form: 'path',
    clientIdTemplate: 'https://example.com/clients/web/{instance_id}.json',
    params: { instance_id: '7' },
    url: 'https://example.com/clients/web/7.json',
    spiffeIdTemplate: 'spiffe://example.org/web/{instance_id}',
    spiffeId: 'spiffe://example.org/web/7',
    authMethod: 'spiffe_jwt',
  },
  {
    file: 'fleet-wildcard.yaml',
    form: 'wildcard',
    clientIdTemplate: 'https://example.com/clients/fleet.json',
    params: {},
    url: 'https://example.com/clients/fleet.json',
    spiffeIdTemplate: 'spiffe://example.org/fleet/*',
    spiffeId: 'spiffe://example.org/fleet/*',
    authMethod: 'spiffe_jwt',
  },
  {
    file: 'billing-x509.yaml',
    form: 'x509',
    clientIdTemplate: 'https://example.com/clients/billing.json',
    params: {},
    url: 'https://example.com/clients/billing.json',
    spiffeIdTemplate: 'spiffe://example.org/billing/api',
    spiffeId: 'spiffe://example.org/billing/api',
    authMethod: 'spiffe_x509',
  },
];

// Members every shipped document has, whatever its form.
export const COMMON_MEMBERS = {
  grant_types: ['client_credentials'],
  response_types: [],
  spiffe_bundle_endpoint: 'https://example.org/bundle',
};

// Requests CimdHost must refuse with 400 problem+json because the URL is not the canonical client_id of
// any document (the .NET request-case tests have the full list; these are the ones an AS could be handed).
// oidc-provider is given each as a client_id and must fail to resolve it.
export const NON_CANONICAL_URLS = [
  { why: 'a parameter given twice', url: 'https://example.com/client.json?instance_id=7&instance_id=8' },
  { why: 'an undeclared parameter', url: 'https://example.com/client.json?instance_id=7&scope=admin' },
  { why: 'a percent-encoded dot segment', url: 'https://example.com/client.json?instance_id=%2e%2e' },
  { why: 'parameters out of declared order', url: 'https://example.com/pods.json?pod=7&namespace=payments' },
  { why: 'a query on a fixed client_id', url: 'https://example.com/clients/fleet.json?instance_id=7' },
];

/** Fills a client_id template the way CimdHost publishes it: path placeholders, else a query in order. */
export function fillClientId(template, params) {
  let filled = template;
  const unused = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (filled.includes(`{${name}}`)) {
      filled = filled.replaceAll(`{${name}}`, value);
      delete unused[name];
    }
  }
  const query = Object.entries(unused).map(([name, value]) => `${name}=${value}`).join('&');
  return query ? `${filled}?${query}` : filled;
}

/** Fills a spiffe_id template with params. */
export function fillSpiffeId(template, params) {
  return Object.entries(params).reduce((id, [name, value]) => id.replaceAll(`{${name}}`, value), template);
}
