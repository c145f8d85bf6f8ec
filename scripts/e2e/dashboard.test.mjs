// The dashboard (scripts/dashboard) in a real browser: a dev node, the dashboard's own
// server pointed at it, and Debian's Chromium driven headless through puppeteer-core.
//
// 1. The supply figures the page shows are azra_supply at the block the page says it drew
//    (main[data-block-hash]), to the plancks; so are the epoch progress and the epochs
//    (the "no epochs yet" state on a fresh chain, the charts once an epoch closed).
// 2. A build Alice submits shows up among the open and the recent builds, with its id.
// 3. A provider that registers a dev enclave shows with the enclave and its earnings, and a
//    parameter change the council announces shows among the pending governance changes.
// 4. Pointed at a port nothing listens on, the page says the node is unreachable and keeps
//    retrying.
// 5. On a phone-sized screen (390×844) nothing is wider than the screen, charts and
//    tables included.
// 6. Screenshots of the desktop and phone layouts land in scripts/e2e/output/.
//
// AZRA_CHROMIUM overrides the browser (default /usr/bin/chromium, from scripts/setup.sh).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import puppeteer from 'puppeteer-core';
import { azraRpc, councilAnnounces, devEnclave, eventOf } from './lib/azra.mjs';
import { freePort, submitAndWatch, useDevNode, withTimeout } from './lib/devnode.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const serveScript = join(here, '..', 'dashboard', 'serve.mjs');
const outputDir = join(here, 'output');
const chromium = process.env.AZRA_CHROMIUM ?? '/usr/bin/chromium';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
// Dev blocks come every 6 s; a redraw reads a few dozen RPC answers on top.
const PAGE_DRAWN_MS = 45_000;
const FIRST_EPOCH_MS = 100_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const SPEC_HASH = `0x${'d1'.repeat(32)}`;
const INPUT_HASH = `0x${'d2'.repeat(32)}`;

const ctx = useDevNode();
const spec = ctx.spec;

const dashboard = { server: null, url: null, lines: [], browser: null, userDataDir: null };
// Uncaught exceptions in any page: a dashboard that throws fails the test reading them.
const pageErrors = [];

/** The server's output and the page errors so far, for failure messages. */
function dashboardLog() {
  return `--- serve.mjs output ---\n${dashboard.lines.join('\n')}\n--- page errors ---\n${pageErrors.join('\n') || '(none)'}`;
}

/** Starts serve.mjs on a free port for `nodeUrl`; resolves with the page's URL. */
async function startServer(nodeUrl) {
  const port = await freePort();
  const server = spawn(process.execPath, [serveScript, '--port', String(port), '--node', nodeUrl], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dashboard.server = server;
  const listening = new Promise((resolve, reject) => {
    const keep = (chunk) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        dashboard.lines.push(line);
        const match = line.match(/^dashboard: (http:\/\/\S+)/);
        if (match) resolve(match[1]);
      }
    };
    server.stdout.on('data', keep);
    server.stderr.on('data', keep);
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with code ${code}\n${dashboardLog()}`)));
  });
  return withTimeout(listening, 15_000, `serve.mjs to listen on port ${port}\n${dashboardLog()}`);
}

async function openPage(viewport, url) {
  await dashboardReady();
  const page = await dashboard.browser.newPage();
  page.setDefaultTimeout(PAGE_DRAWN_MS);
  page.on('pageerror', (err) => pageErrors.push(`${url ?? dashboard.url}: ${err.message}`));
  await page.setViewport(viewport);
  await page.goto(url ?? dashboard.url, { waitUntil: 'load', timeout: 30_000 });
  return page;
}

/** Waits until the page has drawn a block (at least `min`), and returns its number. */
async function drawnBlock(page, min = 1) {
  await page.waitForFunction(
    (least) => Number(document.getElementById('dashboard').dataset.block || 0) >= least,
    { timeout: PAGE_DRAWN_MS },
    min,
  ).catch((err) => { throw new Error(`the page drew no block ≥ ${min}: ${err.message}\n${dashboardLog()}`); });
  return page.$eval('#dashboard', (main) => Number(main.dataset.block));
}

/**
 * Waits until the page shows a closed epoch (the first closes in block 11 on the dev
 * chain): only then does it have its charts and epoch table, which layout checks and
 * screenshots should include.
 */
async function epochDrawn(page) {
  await page.waitForFunction(
    () => Number(document.getElementById('epochs').dataset.epochs || 0) >= 1,
    { timeout: FIRST_EPOCH_MS },
  ).catch((err) => { throw new Error(`no closed epoch drawn: ${err.message}\n${dashboardLog()}`); });
}

/** Plancks from a title such as "-13999999.960000000000 AZRA". */
function plancksOfExact(title) {
  const match = title.match(/^(-?)(\d+)\.(\d{12}) AZRA$/);
  assert.ok(match, `an exact amount, not ${JSON.stringify(title)}`);
  const value = BigInt(match[2]) * 10n ** 12n + BigInt(match[3]);
  return match[1] ? -value : value;
}

function assertPng(path) {
  const bytes = readFileSync(path);
  assert.ok(bytes.length > 1_000, `${path} holds an image (${bytes.length} bytes)`);
  assert.deepEqual(bytes.subarray(0, PNG_SIGNATURE.length), PNG_SIGNATURE, `${path} is a PNG`);
}

/**
 * Starts the server and the browser, once, for the first test that needs them. Not a
 * `before` hook: top-level hooks do not wait for one another under Node 20, so
 * useDevNode's node may not be up yet when a second `before` runs; tests run after both.
 */
let started = null;
function dashboardReady() {
  started ??= startDashboard();
  return started;
}

async function startDashboard() {
  dashboard.url = await startServer(ctx.devNode.url);
  dashboard.userDataDir = mkdtempSync(join(tmpdir(), 'azra-dashboard-chromium-'));
  dashboard.browser = await withTimeout(puppeteer.launch({
    executablePath: chromium,
    headless: true,
    timeout: 30_000,
    protocolTimeout: 60_000,
    // Without these, Chromium on a machine without Internet access waits on Google's
    // services (field trials, component updates, sync) before it serves the page.
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${dashboard.userDataDir}`,
    ],
  }), 45_000, `Chromium (${chromium}) to start`);
}

after(async () => {
  if (dashboard.browser) {
    await withTimeout(dashboard.browser.close(), 15_000, 'Chromium to close')
      .catch(() => dashboard.browser.process()?.kill('SIGKILL'));
  }
  if (dashboard.server && dashboard.server.exitCode === null) dashboard.server.kill('SIGTERM');
  if (dashboard.userDataDir) rmSync(dashboard.userDataDir, { recursive: true, force: true });
});

spec('the page shows azra_supply and the epoch of the block it drew, exactly', async () => {
  const { api } = ctx;
  const page = await openPage(DESKTOP);
  try {
    await drawnBlock(page);
    // One evaluate reads the block and every figure: the page cannot redraw in between.
    const shown = await page.evaluate(() => {
      const figure = (id) => {
        const el = document.getElementById(id);
        return { planck: el.dataset.planck, title: el.title, text: el.textContent };
      };
      const bar = document.getElementById('epoch-progress');
      return {
        block: Number(document.getElementById('dashboard').dataset.block),
        hash: document.getElementById('dashboard').dataset.blockHash,
        totalIssuance: figure('supply-total'),
        burned: figure('supply-burned'),
        minted: figure('supply-minted'),
        refunded: figure('supply-refunded'),
        netEmission: figure('supply-net'),
        epochIndex: document.getElementById('epoch-index').textContent,
        blockInEpoch: Number(bar.dataset.blockInEpoch),
        epochLength: Number(bar.dataset.epochLength),
        progressWidth: document.getElementById('epoch-progress-fill').style.width,
        epochsEmptyShown: !document.getElementById('epochs-empty').hidden,
        epochsContentShown: !document.getElementById('epochs-content').hidden,
        epochRows: [...document.querySelectorAll('#epochs-table tbody tr')].map((tr) => Number(tr.dataset.epoch)),
      };
    });

    assert.equal((await api.rpc.chain.getBlockHash(shown.block)).toHex(), shown.hash,
      'data-block-hash is the canonical hash of data-block');
    const supply = await azraRpc(api, 'azra_supply', [shown.hash]);
    for (const field of ['totalIssuance', 'burned', 'minted', 'refunded', 'netEmission']) {
      const { planck, title, text } = shown[field];
      assert.equal(planck, supply[field], `${field}: data-planck is azra_supply's at block ${shown.block}`);
      assert.equal(plancksOfExact(title), BigInt(supply[field]), `${field}: the exact amount in the title`);
      // The text is the exact amount cut to a few digits, with thousands separators.
      const digits = text.replace(/,/g, '').replace('−', '-').replace(/ AZRA$/, '');
      assert.ok(title.startsWith(digits), `${field}: "${text}" is "${title}" shortened`);
    }

    const at = await api.at(shown.hash);
    const epoch = await at.query.mint.currentEpoch();
    assert.equal(shown.epochIndex, epoch.index.toString());
    assert.equal(shown.epochLength, epoch.length.toNumber());
    assert.equal(shown.blockInEpoch, shown.block - epoch.start.toNumber() + 1, 'block within the epoch');
    assert.equal(shown.progressWidth, `${(100 * shown.blockInEpoch) / shown.epochLength}%`);

    const current = epoch.index.toNumber();
    const closed = current === 0 ? [] : await azraRpc(api, 'azra_epochs', [0, current - 1, shown.hash]);
    if (closed.length === 0) {
      assert.ok(shown.epochsEmptyShown && !shown.epochsContentShown, 'the "no epochs yet" state shows');
    } else {
      assert.ok(!shown.epochsEmptyShown && shown.epochsContentShown, 'the epoch charts and table show');
      const newest = closed.map((record) => record.epoch).reverse().slice(0, 6);
      assert.deepEqual(shown.epochRows, newest, 'the table lists the newest closed epochs');
    }
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await page.close();
  }
});

spec('a build Alice submits shows among the open and recent builds, with its id', async () => {
  const { api, devNode } = ctx;
  const page = await openPage(DESKTOP);
  try {
    await drawnBlock(page);
    const alice = new Keyring({ type: 'sr25519', ss58Format: 4242 }).addFromUri('//Alice');
    const units = 321n;
    const price = units * (await api.query.burn.pricePerUnit()).toBigInt();
    const { events } = await submitAndWatch(
      api, api.tx.burn.submitBuild(SPEC_HASH, INPUT_HASH, units, null, price), alice, devNode,
    );
    const submitted = events.find(({ event }) => api.events.burn.BuildSubmitted.is(event));
    assert.ok(submitted, 'a burn.BuildSubmitted event');
    const id = submitted.event.data.buildId.toString();

    for (const table of ['open-builds', 'recent-builds']) {
      const selector = `#${table} tr[data-build-id="${id}"]`;
      await page.waitForSelector(selector, { timeout: PAGE_DRAWN_MS }).catch((err) => {
        throw new Error(`build ${id} never showed in #${table}: ${err.message}\n${dashboardLog()}`);
      });
      const cells = await page.$$eval(`${selector} td`, (tds) => tds.map((td) => ({
        text: td.textContent.trim(),
        planck: td.querySelector('[data-planck]')?.dataset.planck ?? null,
        title: td.querySelector('code')?.title ?? null,
      })));
      assert.equal(cells[0].text, `#${id}`, `${table}: the id`);
      assert.equal(cells[1].title, alice.address, `${table}: the builder`);
      assert.equal(cells[2].text, units.toString(), `${table}: the units`);
      assert.equal(cells[3].planck, price.toString(), `${table}: the price`);
    }
    const state = await page.$eval(`#recent-builds tr[data-build-id="${id}"] td:last-child`, (td) => td.textContent);
    assert.match(state, /open/);
  } finally {
    await page.close();
  }
});

spec('a provider that registers a dev enclave shows with its enclave and earnings', async () => {
  const { api, devNode } = ctx;
  const page = await openPage(DESKTOP);
  try {
    const charlie = new Keyring({ type: 'sr25519', ss58Format: 4242 }).addFromUri('//Charlie');
    const collateral = devEnclave('collateral', '--tee', 'sgx');
    await submitAndWatch(
      api, api.tx.attestation.submitCollateral(collateral.fmspc, collateral.collateral, collateral.witnessQuote),
      charlie, devNode,
    );
    const { events } = await submitAndWatch(api, api.tx.attestation.requestNonce(), charlie, devNode);
    const nonce = eventOf(events, 'attestation', 'NonceIssued').nonce.toHex();
    const enclave = devEnclave(
      'quote', '--provider', charlie.address, '--enclave-seed', '//CharlieDashboardEnclave',
      '--nonce', nonce, '--genesis', api.genesisHash.toHex(),
    );
    const { blockHash } = await submitAndWatch(
      api, api.tx.attestation.registerEnclave(enclave.quote, enclave.enclaveKey, nonce, enclave.measurement, enclave.sealingKey),
      charlie, devNode,
    );
    const registeredAt = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();

    const selector = `#providers-list li[data-provider="${charlie.address}"]`;
    await page.waitForSelector(selector, { timeout: PAGE_DRAWN_MS }).catch((err) => {
      throw new Error(`provider ${charlie.address} never showed: ${err.message}\n${dashboardLog()}`);
    });
    const shown = await page.evaluate((sel) => {
      const li = document.querySelector(sel);
      return {
        hash: document.getElementById('dashboard').dataset.blockHash,
        block: Number(document.getElementById('dashboard').dataset.block),
        enclaves: [...li.querySelectorAll('.enclaves li')].map((e) => ({
          text: e.textContent,
          titles: [...e.querySelectorAll('code')].map((code) => code.title),
        })),
        facts: [...li.querySelectorAll('.facts dd')].map((dd) => ({
          text: dd.textContent, planck: dd.querySelector('[data-planck]')?.dataset.planck ?? null,
        })),
      };
    }, selector);
    assert.ok(shown.block >= registeredAt, `drawn at block ${shown.block}, after the registration in ${registeredAt}`);
    const view = await azraRpc(api, 'azra_provider', [charlie.address, shown.hash]);
    assert.equal(shown.enclaves.length, view.enclaves.length, 'one row per enclave');
    assert.equal(view.enclaves[0].measurement, enclave.measurement);
    assert.ok(shown.enclaves[0].titles.includes(`measurement ${enclave.measurement}`), 'the enclave\'s measurement');
    assert.ok(shown.enclaves[0].titles.includes(view.enclaves[0].key.public), 'the enclave\'s key');
    assert.match(shown.enclaves[0].text, view.enclaves[0].eligible ? /^eligible/ : /^not eligible/);
    assert.equal(shown.facts[0].text, view.currentPoints.toLocaleString('en'), 'points in the epoch in progress');
    const unpaid = view.unpaid.reduce((sum, share) => sum + BigInt(share.amount), 0n);
    assert.equal(shown.facts[1].planck, unpaid.toString(), 'unclaimed rewards');
  } finally {
    await page.close();
  }
});

spec('a parameter change the council announces shows among the pending governance changes', async () => {
  const { api, devNode } = ctx;
  const page = await openPage(DESKTOP);
  try {
    await drawnBlock(page);
    assert.equal(await page.$eval('#governance-empty', (el) => el.hidden), false, 'none pending at first');
    const now = await api.query.mint.parameters();
    // 85 % from 90 %: within the largest change one epoch may see (10 %).
    const ratio = 850_000_000_000_000_000n;
    const change = api.tx.mint.setParameters({ ratio, ceiling: now.ceiling, epochLength: now.epochLength });
    const announced = await councilAnnounces(api, change, devNode);
    const index = announced.index.toString();
    const enactAt = announced.enactAt.toNumber();

    const selector = `#governance li[data-announcement="${index}"]`;
    await page.waitForSelector(selector, { timeout: PAGE_DRAWN_MS }).catch((err) => {
      throw new Error(`announcement ${index} never showed: ${err.message}\n${dashboardLog()}`);
    });
    const text = await page.$eval(selector, (li) => li.textContent.replace(/\s+/g, ' '));
    assert.match(text, /mint\.setParameters: ratio 85 %/);
    assert.ok(text.includes(`runs at block ${enactAt.toLocaleString('en')}`), `enactAt ${enactAt} in: ${text}`);
    assert.equal(await page.$eval('#governance-empty', (el) => el.hidden), true, '"none announced" is gone');
  } finally {
    await page.close();
  }
});

spec('pointed at a port nothing listens on, the page says the node is unreachable and retries', async () => {
  const closed = `ws://127.0.0.1:${await freePort()}`;
  await dashboardReady();
  const page = await openPage(DESKTOP, `${dashboard.url}?node=${encodeURIComponent(closed)}`);
  try {
    await page.waitForSelector('#unreachable:not([hidden])', { visible: true, timeout: 15_000 });
    const banner = await page.$eval('#unreachable', (el) => el.textContent.replace(/\s+/g, ' '));
    assert.match(banner, /Node unreachable/);
    assert.ok(banner.includes(closed), `the banner names ${closed}: ${banner}`);
    // WsProvider retries every 2.5 s; a second failed attempt shows it is still trying.
    await page.waitForFunction(() => Number(document.getElementById('retry-attempt').textContent) >= 2, { timeout: 15_000 });
    assert.equal(await page.$eval('#dashboard', (main) => main.dataset.block), '', 'no block was drawn');
  } finally {
    await page.close();
  }
});

spec('on a 390×844 phone screen nothing is wider than the screen', async () => {
  const page = await openPage(PHONE);
  try {
    await drawnBlock(page);
    await epochDrawn(page);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      widest: [...document.querySelectorAll('main *')]
        .map((el) => ({ el: `${el.tagName.toLowerCase()}#${el.id}.${el.className}`, right: el.getBoundingClientRect().right }))
        .filter(({ right }) => right > window.innerWidth + 0.5)
        .map(({ el }) => el)
        .slice(0, 5),
      supplyCanvasWidth: document.getElementById('chart-supply').clientWidth,
      // Wide tables may scroll inside their own box; with this chain's figures none needs to.
      scrollingTables: [...document.querySelectorAll('.table-scroll')]
        .filter((box) => box.offsetParent !== null && box.scrollWidth > box.clientWidth)
        .map((box) => `${box.querySelector('table').id} (${box.scrollWidth} > ${box.clientWidth} px)`),
    }));
    assert.equal(layout.innerWidth, PHONE.width, 'the page lays out at the phone width');
    assert.ok(layout.scrollWidth <= PHONE.width,
      `page is ${layout.scrollWidth} px wide on a ${PHONE.width} px screen; sticking out: ${layout.widest.join(', ')}`);
    assert.deepEqual(layout.scrollingTables, [], 'every table fits the screen');
    assert.ok(layout.supplyCanvasWidth > 200 && layout.supplyCanvasWidth <= PHONE.width,
      `the supply chart fits the screen (${layout.supplyCanvasWidth} px)`);
  } finally {
    await page.close();
  }
});

spec('screenshots of the desktop and phone layouts are written to scripts/e2e/output', async () => {
  mkdirSync(outputDir, { recursive: true });
  const shots = [];
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const page = await openPage(viewport);
    try {
      await drawnBlock(page);
      await epochDrawn(page);
      const path = join(outputDir, `dashboard-${name}.png`);
      rmSync(path, { force: true });
      await page.screenshot({ path, fullPage: true });
      shots.push(path);
    } finally {
      await page.close();
    }
  }
  for (const path of shots) assertPng(path);
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
