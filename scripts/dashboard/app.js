// The AzraCode dashboard: on every new block it reads the chain's burn-and-mint figures
// through the public RPC and redraws the page. Every figure of one redraw is read at the
// same block hash, which <main data-block data-block-hash> names, so the page never mixes
// two blocks' state.
//
// Sources: the azra_* RPC methods (docs/rpc.md) for supply, epochs, parameters, builds and
// providers; storage through @polkadot/api for what they do not cover: the epoch in
// progress (mint.currentEpoch), build ids (burn.ledger), pending governance
// (enactment.announcements) and the list of providers (attestation.providerEnclaves).
'use strict';

(() => {
  const { ApiPromise, WsProvider } = globalThis.polkadotApi;
  const Chart = globalThis.Chart;

  const DECIMALS = 12;
  const PLANCKS_PER_AZRA = 10n ** BigInt(DECIMALS);
  // Fraction digits shown; the exact amount is in each figure's title.
  const SHOWN_DIGITS = 4;
  const RETRY_MS = 2_500;
  // One redraw reads a few dozen RPC answers; one that has not finished by then is
  // reported and the next block's redraw goes ahead.
  const REDRAW_TIMEOUT_MS = 20_000;
  const EPOCHS_CHARTED = 24;
  const EPOCHS_TABLED = 6;
  const OPEN_BUILDS_SHOWN = 20;
  const RECENT_BUILDS_SHOWN = 10;
  const PROVIDERS_SHOWN = 50;
  const SUPPLY_BLOCKS_CHARTED = 60;
  // Blocks before the first one seen whose supply the line starts with; well inside the
  // 256 blocks of state a pruning node keeps.
  const SUPPLY_BLOCKS_BACKFILLED = 30;

  const COLORS = {
    burned: '#d9480f',
    minted: '#2b8a3e',
    refunded: '#1971c2',
    net: '#7048e8',
    supply: '#0b7285',
    grid: '#e9ecef',
    text: '#495057',
  };

  const query = new URLSearchParams(location.search);
  const nodeUrl = query.get('node') ?? globalThis.AZRA_DASHBOARD?.node ?? 'ws://127.0.0.1:9944';

  const $ = (id) => document.getElementById(id);

  // ---- amounts --------------------------------------------------------------------

  /** 1234567 → "1,234,567". */
  function grouped(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  /** Sign, whole AZRA and the 12-digit fraction of an amount in plancks. */
  function splitAmount(plancks) {
    let value = BigInt(plancks);
    const negative = value < 0n;
    if (negative) value = -value;
    return {
      negative,
      whole: value / PLANCKS_PER_AZRA,
      fraction: (value % PLANCKS_PER_AZRA).toString().padStart(DECIMALS, '0'),
    };
  }

  /**
   * "13,999,999.96 AZRA": truncated to SHOWN_DIGITS, never rounded up. Tables leave the
   * unit out (their headers name it), so that their columns fit a phone.
   */
  function formatAzra(plancks, unit = true) {
    const { negative, whole, fraction } = splitAmount(plancks);
    const shown = fraction.slice(0, SHOWN_DIGITS).replace(/0+$/, '');
    let text = grouped(whole.toString()) + (shown ? `.${shown}` : '');
    if (whole === 0n && !shown && BigInt(fraction) > 0n) text = `< 0.${'0'.repeat(SHOWN_DIGITS - 1)}1`;
    return `${negative ? '−' : ''}${text}${unit ? ' AZRA' : ''}`;
  }

  /** "13999999.960000000000 AZRA": every digit, for titles. */
  function exactAzra(plancks) {
    const { negative, whole, fraction } = splitAmount(plancks);
    return `${negative ? '-' : ''}${whole}.${fraction} AZRA`;
  }

  /** AZRA as a float, for chart axes only (a chart has no use for the 12th digit). */
  function azraNumber(plancks) {
    return Number(BigInt(plancks)) / 10 ** DECIMALS;
  }

  function compactNumber(value) {
    return new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 3 }).format(value);
  }

  /**
   * Axis ticks with as many digits as the step between them needs: supply moves by a
   * fraction of an AZRA on fourteen million, which compact notation would show as
   * "14M" on every tick.
   */
  function tickLabel(value, index, ticks) {
    const step = ticks.length > 1 ? Math.abs(ticks[1].value - ticks[0].value) : Math.abs(value);
    const magnitude = Math.max(...ticks.map((tick) => Math.abs(tick.value)));
    if (step === 0 || step * 1000 >= magnitude) return compactNumber(value);
    const digits = Math.min(Math.max(0, -Math.floor(Math.log10(step))), DECIMALS);
    return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  /** A span showing an amount, with the exact value in its title and data-planck. */
  function amountCell(plancks, { className = '', unit = true } = {}) {
    const span = document.createElement('span');
    setAmount(span, plancks, unit);
    if (className) span.classList.add(className);
    return span;
  }

  function setAmount(element, plancks, unit = true) {
    element.textContent = formatAzra(plancks, unit);
    element.title = exactAzra(plancks);
    element.dataset.planck = BigInt(plancks).toString();
  }

  function shortHex(hex, keep = 6) {
    return hex.length <= 2 + 2 * keep ? hex : `${hex.slice(0, 2 + keep)}…${hex.slice(-keep)}`;
  }

  function shortAccount(account) {
    return account.length <= 14 ? account : `${account.slice(0, 6)}…${account.slice(-6)}`;
  }

  function accountCell(account) {
    const code = document.createElement('code');
    code.textContent = shortAccount(account);
    code.title = account;
    return code;
  }

  function duration(ms) {
    const seconds = Math.round(ms / 1000);
    if (seconds < 90) return `${seconds} s`;
    const minutes = Math.round(seconds / 60);
    if (minutes < 90) return `${minutes} min`;
    const hours = Math.round(minutes / 6) / 10;
    if (hours < 48) return `${hours} h`;
    return `${Math.round(hours / 2.4) / 10} days`;
  }

  // ---- DOM helpers ----------------------------------------------------------------

  /** amountCell's options inside a table, whose header names the unit. */
  const inTable = { unit: false };

  /** A table row of cells, each a string or a node. */
  function row(cells, attributes = {}) {
    const tr = document.createElement('tr');
    for (const [name, value] of Object.entries(attributes)) tr.setAttribute(name, value);
    for (const cell of cells) {
      const td = document.createElement('td');
      if (cell && typeof cell === 'object' && 'node' in cell) {
        td.append(cell.node);
        if (cell.className) td.className = cell.className;
      } else if (cell instanceof Node) {
        td.append(cell);
      } else {
        td.textContent = String(cell);
      }
      tr.append(td);
    }
    return tr;
  }

  function fillTable(table, rows) {
    table.tBodies[0].replaceChildren(...rows);
  }

  function badge(text, kind) {
    const span = document.createElement('span');
    span.className = `badge badge-${kind}`;
    span.textContent = text;
    return span;
  }

  // ---- charts ---------------------------------------------------------------------

  Chart.defaults.color = COLORS.text;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  const azraAxis = {
    grid: { color: COLORS.grid },
    ticks: { callback: tickLabel },
  };
  const azraTooltip = {
    callbacks: { label: (item) => `${item.dataset.label}: ${compactNumber(item.parsed.y)} AZRA` },
  };

  const charts = {
    flows: new Chart($('chart-flows'), {
      type: 'bar',
      data: {
        labels: [],
        datasets: [
          { label: 'Burned', backgroundColor: COLORS.burned, data: [] },
          { label: 'Minted', backgroundColor: COLORS.minted, data: [] },
          { label: 'Refunded', backgroundColor: COLORS.refunded, data: [] },
        ],
      },
      options: {
        scales: { x: { grid: { display: false } }, y: { ...azraAxis, beginAtZero: true } },
        plugins: { tooltip: azraTooltip, legend: { labels: { boxWidth: 12 } } },
      },
    }),
    net: new Chart($('chart-net'), {
      type: 'line',
      data: {
        labels: [],
        datasets: [{
          label: 'Net emission', borderColor: COLORS.net, backgroundColor: COLORS.net, data: [],
          pointRadius: 3, spanGaps: false,
        }],
      },
      options: {
        scales: {
          // offset: a lone first epoch sits mid-axis rather than on its edge.
          x: { grid: { display: false }, offset: true },
          // The axis always shows zero, so the sign of net emission reads at a glance.
          y: { ...azraAxis, suggestedMin: 0, suggestedMax: 0 },
        },
        plugins: { tooltip: azraTooltip, legend: { display: false } },
      },
    }),
    supply: new Chart($('chart-supply'), {
      type: 'line',
      data: {
        labels: [],
        datasets: [{
          label: 'Total supply', borderColor: COLORS.supply, backgroundColor: COLORS.supply, data: [],
          pointRadius: 0, borderWidth: 2, stepped: true,
        }],
      },
      options: {
        scales: {
          x: { grid: { display: false }, ticks: { maxTicksLimit: 6, maxRotation: 0 } },
          // Supply moves by fractions of a percent: an axis from zero would flatten it.
          y: { ...azraAxis, ticks: { callback: tickLabel, maxTicksLimit: 5 } },
        },
        plugins: {
          tooltip: { callbacks: { title: (items) => `block ${items[0].label}`, label: (item) => `${item.parsed.y.toLocaleString('en')} AZRA` } },
          legend: { display: false },
        },
      },
    }),
  };

  /** Total supply by block number, from blocks the page redrew at or backfilled. */
  const supplyByBlock = new Map();

  function drawSupplyLine() {
    const blocks = [...supplyByBlock.keys()].sort((a, b) => a - b).slice(-SUPPLY_BLOCKS_CHARTED);
    for (const block of supplyByBlock.keys()) if (block < blocks[0]) supplyByBlock.delete(block);
    charts.supply.data.labels = blocks.map(String);
    charts.supply.data.datasets[0].data = blocks.map((block) => azraNumber(supplyByBlock.get(block)));
    charts.supply.update('none');
  }

  // ---- connection -----------------------------------------------------------------

  $('node-url').textContent = nodeUrl;
  $('unreachable-url').textContent = nodeUrl;
  $('retry-seconds').textContent = String(RETRY_MS / 1000);

  const connection = { connected: false, failures: 0 };

  function setStatus(kind, text) {
    $('status-dot').className = `dot dot-${kind}`;
    $('status-text').textContent = text;
  }

  function showUnreachable() {
    connection.connected = false;
    connection.failures += 1;
    $('retry-attempt').textContent = String(connection.failures);
    const drawn = $('dashboard').dataset.block;
    $('stale-note').textContent = drawn
      ? `The figures below are from block #${Number(drawn).toLocaleString('en')}.`
      : 'Nothing has been read from it yet.';
    if (!drawn) $('chain').textContent = 'not connected';
    $('unreachable').hidden = false;
    document.body.classList.add('stale');
    setStatus('down', `unreachable: ${nodeUrl}`);
  }

  function showReachable() {
    connection.connected = true;
    connection.failures = 0;
    $('unreachable').hidden = true;
    document.body.classList.remove('stale');
    setStatus('up', `connected to ${nodeUrl}`);
  }

  // WsProvider reconnects by itself every RETRY_MS and, once back, renews the new-heads
  // subscription: the page only has to say what state it is in.
  const provider = new WsProvider(nodeUrl, RETRY_MS);
  provider.on('connected', showReachable);
  // A refused connection fires both 'error' and 'disconnected'; count one attempt.
  let lastFailure = 0;
  const onFailure = () => {
    const now = Date.now();
    if (now - lastFailure < RETRY_MS / 2) return;
    lastFailure = now;
    showUnreachable();
  };
  provider.on('error', onFailure);
  provider.on('disconnected', onFailure);

  const api = new ApiPromise({ provider, noInitWarn: true });
  api.on('error', (err) => console.error('api:', err));
  // ApiPromise keeps a second ready promise that rejects on the first refused connection;
  // the page waits on isReady, which outlives retries, so that rejection is expected.
  api.isReadyOrError.catch(() => {});
  // Block time for "≈" estimates: Aura's slot is twice the timestamp pallet's minimum period.
  let blockTimeMs = 6_000;

  /** Calls an azra_* method (or any method the api has no decoration for). */
  function rpc(method, params) {
    return provider.send(method, params);
  }

  function withTimeout(promise, ms, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  // ---- reading one block ----------------------------------------------------------

  /** The builds with the highest ids still in state, newest first. */
  async function recentBuilds(ledger, hash) {
    const next = ledger.nextBuildId.toNumber();
    const oldest = ledger.oldestBuildId.toNumber();
    const ids = [];
    for (let id = next - 1; id >= Math.max(oldest, next - RECENT_BUILDS_SHOWN); id -= 1) ids.push(id);
    return Promise.all(ids.map((id) => rpc('azra_build', [id, hash])));
  }

  async function providers(at, hash) {
    const keys = await at.query.attestation.providerEnclaves.keys();
    const accounts = keys.map((key) => key.args[0].toString()).sort();
    const shown = accounts.slice(0, PROVIDERS_SHOWN);
    const views = await Promise.all(shown.map((account) => rpc('azra_provider', [account, hash])));
    return { total: accounts.length, views };
  }

  async function announcements(at) {
    const entries = await at.query.enactment.announcements.entries();
    return entries
      .map(([key, value]) => ({ index: key.args[0].toNumber(), announcement: value.unwrap() }))
      .sort((a, b) => a.index - b.index);
  }

  /** Everything the page shows, read at one block. */
  async function readBlock(header) {
    const hash = header.hash.toHex();
    const number = header.number.toNumber();
    const at = await api.at(hash);
    const [supply, parameters, epochInfo, ledger, pending, openPage, providerViews] = await Promise.all([
      rpc('azra_supply', [hash]),
      rpc('azra_parameters', [hash]),
      at.query.mint.currentEpoch(),
      at.query.burn.ledger(),
      announcements(at),
      rpc('azra_openBuilds', [null, OPEN_BUILDS_SHOWN, hash]),
      providers(at, hash),
    ]);
    const current = epochInfo.index.toNumber();
    const [epochs, recent] = await Promise.all([
      current === 0 ? [] : rpc('azra_epochs', [Math.max(0, current - EPOCHS_CHARTED), current - 1, hash]),
      recentBuilds(ledger, hash),
    ]);
    return {
      hash, number, supply, parameters, ledger, pending, openPage, providerViews, epochs, recent,
      epoch: { index: current, start: epochInfo.start.toNumber(), length: epochInfo.length.toNumber() },
    };
  }

  // ---- drawing --------------------------------------------------------------------

  function drawSupply(state) {
    const { supply, number } = state;
    setAmount($('supply-total'), supply.totalIssuance);
    setAmount($('supply-burned'), supply.burned);
    setAmount($('supply-minted'), supply.minted);
    setAmount($('supply-refunded'), supply.refunded);
    const net = $('supply-net');
    setAmount(net, supply.netEmission);
    net.classList.toggle('negative', BigInt(supply.netEmission) < 0n);
    net.classList.toggle('positive', BigInt(supply.netEmission) > 0n);
    setAmount($('supply-genesis'), supply.genesisIssuance);
    $('supply-block').textContent = `at block #${number.toLocaleString('en')}`;
    supplyByBlock.set(number, supply.totalIssuance);
    drawSupplyLine();
  }

  function drawEpoch(state) {
    const { epoch, number, ledger } = state;
    // The epoch holds blocks start … start + length − 1; the next one opens (and this one
    // closes) in block start + length.
    const inEpoch = Math.min(Math.max(number - epoch.start + 1, 0), epoch.length);
    const closesAt = epoch.start + epoch.length;
    const left = Math.max(closesAt - number, 0);
    const percent = epoch.length ? (100 * inEpoch) / epoch.length : 0;
    $('epoch-index').textContent = String(epoch.index);
    $('epoch-progress-fill').style.width = `${percent}%`;
    const bar = $('epoch-progress');
    bar.setAttribute('aria-valuemax', String(epoch.length));
    bar.setAttribute('aria-valuenow', String(inEpoch));
    bar.dataset.blockInEpoch = String(inEpoch);
    bar.dataset.epochLength = String(epoch.length);
    $('epoch-progress-text').textContent =
      `block ${inEpoch} of ${epoch.length} · closes in ${left} block${left === 1 ? '' : 's'} (≈ ${duration(left * blockTimeMs)})`;
    $('epoch-start').textContent = `#${epoch.start.toLocaleString('en')}`;
    $('epoch-close').textContent = `#${closesAt.toLocaleString('en')}`;
    $('epoch-burned').replaceChildren(amountCell(ledger.burnedThisEpoch.toString()));
    $('epochs-first-close').textContent = `#${closesAt.toLocaleString('en')}`;
  }

  function drawEpochs(state) {
    const { epochs } = state;
    const empty = epochs.length === 0;
    $('epochs-empty').hidden = !empty;
    $('epochs-content').hidden = empty;
    $('epochs').dataset.epochs = String(epochs.length);
    if (empty) return;

    // A pruned epoch (its record left state and this node no longer has it) is a gap.
    const value = (record, field) => (record.pruned ? null : azraNumber(record[field]));
    const labels = epochs.map((record) => String(record.epoch));
    charts.flows.data.labels = labels;
    charts.flows.data.datasets[0].data = epochs.map((record) => value(record, 'burned'));
    charts.flows.data.datasets[1].data = epochs.map((record) => value(record, 'mintedRewards'));
    charts.flows.data.datasets[2].data = epochs.map((record) => value(record, 'refunded'));
    charts.flows.update('none');
    charts.net.data.labels = labels;
    charts.net.data.datasets[0].data = epochs.map((record) => value(record, 'netEmission'));
    charts.net.update('none');

    const rows = epochs.slice(-EPOCHS_TABLED).reverse().map((record) => {
      if (record.pruned) {
        const where = record.prunedAt ?? record.prunedAtOrBefore;
        return row([record.epoch, `pruned at block ${where}`, '', '', '', '', '', ''], { 'data-epoch': record.epoch });
      }
      const net = BigInt(record.netEmission);
      return row([
        record.epoch,
        amountCell(record.burned, inTable),
        amountCell(record.mintedRewards, inTable),
        amountCell(record.refunded, inTable),
        amountCell(record.netEmission, { ...inTable, className: net < 0n ? 'negative' : net > 0n ? 'positive' : '' }),
        { node: document.createTextNode(record.points.toLocaleString('en')), className: 'optional' },
        { node: amountCell(record.budget, inTable), className: 'optional' },
        { node: document.createTextNode(String(record.providers)), className: 'optional' },
      ], { 'data-epoch': record.epoch });
    });
    fillTable($('epochs-table'), rows);
  }

  function drawParameters(state) {
    const { parameters: p } = state;
    const ratio = (r) => `${(Number(r) * 100).toLocaleString('en', { maximumFractionDigits: 4 })}\u00a0%`;
    const blocks = (n) => n.toLocaleString('en');
    const rows = [
      row(['Reward ratio', ratio(p.current.ratio), ratio(p.min.ratio), ratio(p.max.ratio)], { 'data-parameter': 'ratio' }),
      row(['Budget ceiling per epoch (AZRA)', amountCell(p.current.ceiling, inTable), amountCell(p.min.ceiling, inTable), amountCell(p.max.ceiling, inTable)], { 'data-parameter': 'ceiling' }),
      row(['Epoch length (blocks)', blocks(p.current.epochLength), blocks(p.min.epochLength), blocks(p.max.epochLength)], { 'data-parameter': 'epochLength' }),
      row(['Price per compute unit (AZRA)', amountCell(p.pricePerUnit, inTable), '—', '—'], { 'data-parameter': 'pricePerUnit' }),
    ];
    fillTable($('parameters-table'), rows);
    const change = (p.maxChangePerEpochPerbill / 1e7).toLocaleString('en', { maximumFractionDigits: 4 });
    $('parameters-note').textContent =
      `Governance may move a mint parameter by at most ${change} % per epoch, within the bounds above; ` +
      `the reward budget of an epoch is min(ratio × proven burn, ceiling).`;

    const items = state.pending.map(({ index, announcement }) => {
      const li = document.createElement('li');
      li.dataset.announcement = String(index);
      const enactAt = announcement.enactAt.toNumber();
      const left = Math.max(enactAt - state.number, 0);
      const what = document.createElement('code');
      what.textContent = describeCall(announcement.call);
      what.title = `call hash ${announcement.callHash.toHex()}`;
      const when = document.createElement('span');
      when.className = 'when';
      when.textContent = `#${index} · runs at block ${enactAt.toLocaleString('en')}, in ${left} blocks (≈ ${duration(left * blockTimeMs)})`;
      li.append(what, when);
      return li;
    });
    $('governance').replaceChildren(...items);
    $('governance-empty').hidden = items.length > 0;
  }

  /** A FixedU128 (18 decimal digits) as a percentage. */
  function fixedPercent(bits) {
    const percent = Number(BigInt(bits.toString()) * 1_000_000n / 10n ** 16n) / 1_000_000;
    return `${percent.toLocaleString('en', { maximumFractionDigits: 4 })}\u00a0%`;
  }

  /** "section.method(args)" for an inline call; the preimage hash for a long one. */
  function describeCall(bounded) {
    if (bounded.isInline) {
      try {
        const call = api.registry.createType('Call', bounded.asInline.toU8a(true));
        // The change this dashboard's parameters table is about, in the table's units.
        if (call.section === 'mint' && call.method === 'setParameters') {
          const { ratio, ceiling, epochLength } = call.args[0];
          return `mint.setParameters: ratio ${fixedPercent(ratio)}, ceiling ${formatAzra(ceiling.toString())}, ` +
            `epoch length ${epochLength.toNumber().toLocaleString('en')} blocks`;
        }
        const args = JSON.stringify(call.toHuman().args);
        return `${call.section}.${call.method}(${args.length > 160 ? `${args.slice(0, 160)}…` : args.replace(/^\{|\}$/g, '')})`;
      } catch (err) {
        return `inline call ${shortHex(bounded.asInline.toHex())} (not decodable: ${err.message})`;
      }
    }
    if (bounded.isLookup) {
      const { hash, len } = bounded.asLookup;
      return `call in preimage ${shortHex(hash.toHex())} (${len.toNumber()} bytes)`;
    }
    return `call in preimage ${shortHex(bounded.asLegacy.hash_.toHex())}`;
  }

  function stateBadge(build) {
    const { state } = build;
    switch (state.status) {
      case 'open': return badge('open', 'open');
      case 'assigned': {
        const span = document.createElement('span');
        span.append(badge('assigned', 'assigned'), ' ', accountCell(state.provider), ` until #${state.deadline}`);
        return span;
      }
      case 'completed': {
        const span = document.createElement('span');
        span.append(badge('completed', 'completed'), ' ', accountCell(state.provider), ` · ${state.unitsUsed} units used`);
        return span;
      }
      default: return badge(state.status, 'expired');
    }
  }

  function buildRow(build, last) {
    return row([
      `#${build.id}`,
      accountCell(build.builder),
      build.units.toLocaleString('en'),
      amountCell(build.price, inTable),
      last,
    ], { 'data-build-id': String(build.id) });
  }

  function drawBuilds(state) {
    const open = state.openPage.builds;
    fillTable($('open-builds'), open.map((build) => buildRow(build, {
      node: build.requiredMeasurement ? accountCell(build.requiredMeasurement) : document.createTextNode('any'),
      className: 'optional',
    })));
    $('open-builds').hidden = open.length === 0;
    $('open-builds-empty').hidden = open.length > 0;
    const more = state.openPage.next !== null ? '+' : '';
    $('open-builds-count').textContent = `(${open.length}${more})`;

    fillTable($('recent-builds'), state.recent.map((build) => buildRow(build, stateBadge(build))));
    $('recent-builds').hidden = state.recent.length === 0;
    $('recent-builds-empty').hidden = state.recent.length > 0;
  }

  function drawProviders(state) {
    const { total, views } = state.providerViews;
    $('providers-count').textContent = total > views.length ? `(${views.length} of ${total})` : `(${total})`;
    $('providers-empty').hidden = total > 0;
    const items = views.map((view) => {
      const li = document.createElement('li');
      li.className = 'provider';
      li.dataset.provider = view.account;
      const head = document.createElement('div');
      head.className = 'provider-head';
      head.append(accountCell(view.account));
      const unpaid = view.unpaid.reduce((sum, share) => sum + BigInt(share.amount), 0n);
      const earnings = document.createElement('dl');
      earnings.className = 'facts';
      const fact = (label, content) => {
        const div = document.createElement('div');
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.append(content);
        div.append(dt, dd);
        return div;
      };
      earnings.append(
        fact(`Points in epoch ${view.currentEpoch}`, view.currentPoints.toLocaleString('en')),
        fact(`Unclaimed (${view.unpaid.length} epoch${view.unpaid.length === 1 ? '' : 's'})`, amountCell(unpaid.toString())),
      );
      const enclaves = document.createElement('ul');
      enclaves.className = 'enclaves';
      for (const enclave of view.enclaves) {
        const e = document.createElement('li');
        const key = document.createElement('code');
        key.textContent = `${enclave.key.scheme} ${shortHex(enclave.key.public)}`;
        key.title = enclave.key.public;
        const measurement = document.createElement('code');
        measurement.textContent = shortHex(enclave.measurement);
        measurement.title = `measurement ${enclave.measurement}`;
        e.append(
          enclave.eligible ? badge('eligible', 'completed') : badge('not eligible', 'expired'), ' ',
          key, ' · measurement ', measurement,
          ` · ${enclave.tcbStatus} · expires #${enclave.expiresAt.toLocaleString('en')}`,
        );
        enclaves.append(e);
      }
      if (view.enclaves.length === 0) enclaves.append(Object.assign(document.createElement('li'), { textContent: 'no enclaves registered' }));
      li.append(head, earnings, enclaves);
      return li;
    });
    $('providers-list').replaceChildren(...items);
  }

  function draw(state) {
    drawSupply(state);
    drawEpoch(state);
    drawEpochs(state);
    drawParameters(state);
    drawBuilds(state);
    drawProviders(state);
    // Last, so that a reader of data-block finds every figure above already drawn for it.
    const main = $('dashboard');
    main.dataset.block = String(state.number);
    main.dataset.blockHash = state.hash;
    $('updated').textContent = `Drawn at block #${state.number.toLocaleString('en')}, ${new Date().toLocaleTimeString('en-GB')}.`;
    if (connection.connected) setStatus('up', `block #${state.number.toLocaleString('en')} · ${nodeUrl}`);
  }

  // ---- the block loop -------------------------------------------------------------

  // New heads may arrive while a redraw is still reading; only the newest one is drawn
  // next, so a slow node makes the page skip blocks rather than fall behind.
  let newest = null;
  let drawing = false;

  function onHead(header) {
    newest = header;
    if (!drawing) drawNewest();
  }

  async function drawNewest() {
    drawing = true;
    while (newest) {
      const header = newest;
      newest = null;
      try {
        draw(await withTimeout(readBlock(header), REDRAW_TIMEOUT_MS, `reading block #${header.number}`));
      } catch (err) {
        console.error(err);
        if (connection.connected) setStatus('warn', `block #${header.number.toNumber()} not drawn: ${err.message}`);
      }
    }
    drawing = false;
  }

  /** Starts the supply line with the blocks before the first one drawn. */
  async function backfillSupply(first) {
    const numbers = [];
    for (let n = Math.max(first - SUPPLY_BLOCKS_BACKFILLED, 0); n < first; n += 1) numbers.push(n);
    const answers = await Promise.allSettled(numbers.map(async (n) => {
      const hash = (await api.rpc.chain.getBlockHash(n)).toHex();
      return [n, (await rpc('azra_supply', [hash])).totalIssuance];
    }));
    for (const answer of answers) {
      if (answer.status === 'fulfilled' && !supplyByBlock.has(answer.value[0])) supplyByBlock.set(...answer.value);
    }
    drawSupplyLine();
  }

  api.isReady.then(async () => {
    const [chain, version] = await Promise.all([api.rpc.system.chain(), api.rpc.state.getRuntimeVersion()]);
    $('chain').textContent = `${chain} · ${version.specName} v${version.specVersion}`;
    const minimumPeriod = api.consts.timestamp?.minimumPeriod;
    if (minimumPeriod) blockTimeMs = 2 * minimumPeriod.toNumber();
    let first = true;
    await api.rpc.chain.subscribeNewHeads((header) => {
      if (first) {
        first = false;
        backfillSupply(header.number.toNumber()).catch((err) => console.error('supply backfill:', err));
      }
      onHead(header);
    });
  }).catch((err) => {
    console.error(err);
    setStatus('warn', `cannot follow ${nodeUrl}: ${err.message}`);
  });
})();
