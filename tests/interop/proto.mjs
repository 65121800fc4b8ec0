import net from 'node:net';
import Provider from 'oidc-provider';
void Response;
const Agent = (globalThis[Symbol.for('undici.globalDispatcher.2')] ?? globalThis[Symbol.for('undici.globalDispatcher.1')])?.constructor;
console.log('Agent', Agent?.name);
const agent = new Agent({ connect(opts, cb) { console.log('connect', opts.hostname, opts.protocol, opts.port); const s = net.connect({ host: '127.0.0.1', port: 5123 }); s.once('connect', () => cb(null, s)); s.once('error', (e) => cb(e, null)); } });
function mk(transform) {
  return new Provider('https://as.example', {
    features: { clientIdMetadataDocument: { enabled: true, ack: 'draft-02' }, clientCredentials: { enabled: true } },
    extraClientMetadata: { properties: ['spiffe_id', 'spiffe_bundle_endpoint'] },
    fetch: async (url, options) => { console.log('fetch', url, Object.keys(options), options.dispatcher?.constructor?.name, [...options.headers]); const r = await fetch(url, { ...options, dispatcher: agent }); return transform ? transform(r) : r; },
  });
}
const id = 'https://example.com/client.json?instance_id=7';
try { await mk().Client.find(id); console.log('resolved?!'); } catch (e) { console.log(e.name, e.error, e.error_description, e.error_detail); }
const p2 = mk(async (r) => { const t = await r.text(); const t2 = t.replace(/("token_endpoint_auth_method"\s*:\s*)"spiffe_jwt"/, '$1"none"'); const h = new Headers(r.headers); h.delete('content-length'); return new Response(t2, { status: r.status, headers: h }); });
try { const c = await p2.Client.find(id); console.log('resolved', c.clientId, c.tokenEndpointAuthMethod, c.grantTypes, c.responseTypes, c.metadata()); } catch (e) { console.log(e.name, e.error, e.error_description, e.error_detail); }
try { await mk().Client.find('https://example.com/client.json?instance_id=1&scope=admin'); } catch (e) { console.log(e.name, e.error, e.error_description, e.error_detail); }
