// Serves the AzraCode dashboard: the page in this folder, the browser bundles it loads
// from this folder's node_modules, and a generated config.js that tells the page which
// node to read.
//
//   node serve.mjs [--port 8090] [--host 127.0.0.1] [--node ws://127.0.0.1:9944]
//
// `--port 0` picks a free port. The line `dashboard: <url>` on stdout says where the page
// is once the server listens (the e2e test waits for it).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '8090' },
    host: { type: 'string', default: '127.0.0.1' },
    node: { type: 'string', default: 'ws://127.0.0.1:9944' },
  },
});
const port = Number(options.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${options.port}`);
  process.exit(2);
}
if (!/^wss?:\/\//.test(options.node)) {
  console.error(`--node must be a ws:// or wss:// URL, not ${options.node}`);
  process.exit(2);
}

// Every path the server answers, and the file behind it. A fixed table rather than a
// path joined from the request: nothing outside it can be read, whatever the URL says.
// The polkadot.js bundles are UMD files that set globals (polkadotUtil,
// polkadotUtilCrypto, polkadotKeyring, polkadotTypes, polkadotApi) and load in that order
// (index.html), each after the ones it reads, with bundle-externals.js just before the api
// bundle; chart.umd.js sets `Chart`.
const files = {
  '/': join(here, 'index.html'),
  '/index.html': join(here, 'index.html'),
  '/app.js': join(here, 'app.js'),
  '/style.css': join(here, 'style.css'),
  '/bundle-externals.js': join(here, 'bundle-externals.js'),
  '/vendor/chart.umd.js': join(modules, 'chart.js', 'dist', 'chart.umd.js'),
  '/vendor/bundle-polkadot-util.js': join(modules, '@polkadot', 'util', 'bundle-polkadot-util.js'),
  '/vendor/bundle-polkadot-util-crypto.js': join(modules, '@polkadot', 'util-crypto', 'bundle-polkadot-util-crypto.js'),
  '/vendor/bundle-polkadot-keyring.js': join(modules, '@polkadot', 'keyring', 'bundle-polkadot-keyring.js'),
  '/vendor/bundle-polkadot-types.js': join(modules, '@polkadot', 'types', 'bundle-polkadot-types.js'),
  '/vendor/bundle-polkadot-api.js': join(modules, '@polkadot', 'api', 'bundle-polkadot-api.js'),
};

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function contentType(path) {
  const dot = path.lastIndexOf('.');
  return contentTypes[path.slice(dot)] ?? 'application/octet-stream';
}

// The node URL reaches the page as a script rather than inside the HTML, so index.html
// stays a static file; JSON.stringify makes any URL a safe JavaScript string literal.
const configJs = `window.AZRA_DASHBOARD = ${JSON.stringify({ node: options.node })};\n`;

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://dashboard').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (path === '/config.js') {
    res.writeHead(200, { 'content-type': contentTypes['.js'], 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : configJs);
    return;
  }
  const file = files[path];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${path}\n`);
    return;
  }
  try {
    const body = await readFile(file);
    // no-store: a developer editing app.js sees the change on reload, and a bundle
    // upgraded by npm ci is never mixed with an old one from the cache.
    res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    const missing = err.code === 'ENOENT' && file.startsWith(modules);
    const hint = missing ? ' (run `npm ci` in scripts/dashboard, or scripts/dashboard.sh)' : '';
    console.error(`cannot read ${file}: ${err.message}${hint}`);
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`cannot read ${path}${hint}\n`);
  }
});

server.on('error', (err) => {
  console.error(`dashboard server: ${err.message}`);
  process.exit(1);
});

server.listen(port, options.host, () => {
  const { port: bound } = server.address();
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  console.log(`dashboard: http://${host}:${bound}/ (node ${options.node})`);
});

// Ctrl-C and the test's kill end the server at once; no request is long enough to wait for.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
