//! The economy: builders, providers and attackers acting on the twin, epoch after epoch.
//!
//! Every participant's action is what a real client would send, as a signed extrinsic:
//! builders `burn.submitBuild`; providers register a dev enclave
//! (`attestation.requestNonce`, then `attestation.registerEnclave` with a dev-PKI DCAP quote
//! the runtime verifies), `burn.acceptBuild`, `mint.submitWork` with the enclave's
//! signature, and `mint.claimRewards` every `claim_every` epochs. Governance moves are
//! dispatched as Root, the way the council's enacted decisions run.
//!
//! The burn and mint figures of each epoch are the runtime's own epoch records (what
//! `azra_epochs` serves), read once final; supply and holdings are read from the runtime's
//! balances at each epoch's end.
//!
//! The run opens with a warm-up (collateral stored, every enclave registered) that ends at
//! an epoch boundary; scenario epoch 0 is the first chain epoch after it. It closes with
//! settlement epochs in which providers only claim, so the last epoch's rewards are in.

use std::collections::{BTreeMap, VecDeque};

use azra_dev_pki::{CollateralOptions, DevPki, Tee};
use azra_primitives::{BuildId, EpochIndex, Units};
use azra_runtime::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, UNIT};
use codec::Encode;
use frame_support::traits::{fungible::Inspect, Get, UnfilteredDispatchable};
use sp_core::H256;
use sp_io::hashing::blake2_256;
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	BoundedVec, FixedPointNumber, FixedU128, Perbill,
};

use super::{
	scenario::{azra, builds_per_epoch, Attacker, GovernanceMove, Scenario},
	twin::{Applied, Signer, Twin, START_MILLIS},
};
use crate::provider::enclave::{dev_collateral, dev_identity, DevEnclave, Enclave, EnclaveKeyPair};

type Mint = pallet_mint::Pallet<Runtime>;
type Burn = pallet_burn::Pallet<Runtime>;

/// What builders and providers start with.
pub const ACCOUNT_ENDOWMENT: Balance = 1_000_000 * UNIT;

/// Blocks the warm-up may take: every nonce must still be valid when its registration
/// lands (`NonceLifetime` is 20 blocks), so registrations that need longer are refused.
const MAX_WARM_UP_BLOCKS: u32 = 1_000;

/// Settlement epochs allowed for the last claims to fit in blocks.
const MAX_SETTLEMENT_EPOCHS: u32 = 8;

/// One epoch of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochRow {
	/// Scenario epoch (0 is the first after the warm-up).
	pub epoch: u32,
	/// Builds submitted (honest and attacker).
	pub builds_submitted: u32,
	/// AZRA that left supply: build prices, forfeited bonds (epoch record).
	pub burned: Balance,
	/// Burn that paid for the work proven in the epoch: what its budget draws on (epoch
	/// record).
	pub proven_burn: Balance,
	/// Rewards minted for the epoch's work, claimed later (epoch record).
	pub minted: Balance,
	/// AZRA minted back to builders during the epoch: unused units, expired builds (epoch
	/// record).
	pub refunded: Balance,
	/// `minted + refunded − burned` (epoch record).
	pub net_emission: i128,
	/// Total issuance at the end of the epoch.
	pub supply: Balance,
	/// The most the epoch's rewards could mint (epoch record).
	pub budget: Balance,
	/// Whether the ceiling capped the budget: the breaker (epoch record).
	pub capped: bool,
	/// The ratio in force when the epoch closed.
	pub ratio: FixedU128,
	/// The ceiling in force when the epoch closed.
	pub ceiling: Balance,
	/// Providers, honest or not, whose claim for the epoch minted something.
	pub providers_paid: u32,
	/// Everything the attackers' accounts hold (free and held), at the end of the epoch.
	pub attacker_holdings: Balance,
	/// Honest builds waiting for a provider at the end of the epoch.
	pub backlog: u32,
}

/// A finished run.
pub struct Outcome {
	/// What ran.
	pub scenario: Scenario,
	/// One row per scenario epoch.
	pub rows: Vec<EpochRow>,
	/// Total issuance when scenario epoch 0 opened.
	pub start_issuance: Balance,
	/// Total issuance after settlement.
	pub end_issuance: Balance,
	/// Attackers' holdings when scenario epoch 0 opened.
	pub attacker_start: Balance,
	/// Attackers' holdings after settlement.
	pub attacker_end: Balance,
	/// Builds the attackers submitted.
	pub attacker_builds: u32,
	/// Rewards minted to honest providers over the run.
	pub honest_rewards: Balance,
	/// Each governance move and what became of it.
	pub governance: Vec<String>,
	/// Calls that failed on chain and `try_state` violations, by kind: an honest run has
	/// none.
	pub failures: BTreeMap<String, u32>,
	/// Blocks executed, warm-up and settlement included.
	pub blocks: u32,
	/// Signed extrinsics applied.
	pub extrinsics: u64,
}

/// A provider account and its enclave.
struct Provider {
	signer: Signer,
	enclave: DevEnclave,
	registered: bool,
	/// Units it may still prove this epoch (honest providers only).
	capacity_left: Units,
	/// Epochs it earned points in and has not claimed.
	unclaimed: Vec<EpochIndex>,
	/// Whether an attacker owns it.
	attacker: bool,
}

/// A build waiting for an honest provider.
struct OpenBuild {
	id: BuildId,
	builder: usize,
	units: Units,
	expires_at: u32,
}

/// The next things to send, in order.
enum Action {
	StoreCollateral,
	RequestNonce { provider: usize },
	Register { provider: usize },
	Submit { builder: usize, units: Units, self_dealt_to: Option<usize> },
	Accept { provider: usize, build: BuildId, units: Units },
	Prove { provider: usize, build: BuildId, units: Units },
	Claim { provider: usize, epochs: Vec<EpochIndex> },
	Reclaim { builder: usize, build: BuildId },
}

/// Who signs an action.
#[derive(Clone, Copy)]
enum Who {
	Alice,
	Builder(usize),
	Provider(usize),
}

/// A running simulation of one scenario.
struct Economy<'a> {
	scenario: &'a Scenario,
	twin: Twin,
	/// Pays for storing the collateral.
	alice: Signer,
	/// Honest builders, then one per attacker.
	builders: Vec<Signer>,
	/// Honest providers are `0..honest`; attackers' follow.
	providers: Vec<Provider>,
	honest: usize,
	/// Each attacker's builder (an index into `builders`) and providers.
	attackers: Vec<(usize, Vec<usize>)>,
	queue: VecDeque<Action>,
	backlog: VecDeque<OpenBuild>,
	/// Next honest provider to offer a build to.
	next_provider: usize,
	/// Chain epoch of scenario epoch 0, once the warm-up is over.
	first_epoch: Option<EpochIndex>,
	submitted: BTreeMap<EpochIndex, u32>,
	paid: BTreeMap<EpochIndex, u32>,
	supply_at_end: BTreeMap<EpochIndex, Balance>,
	holdings_at_end: BTreeMap<EpochIndex, Balance>,
	backlog_at_end: BTreeMap<EpochIndex, u32>,
	parameters_at_close: BTreeMap<EpochIndex, (FixedU128, Balance)>,
	/// Rows of the epochs whose records are final.
	rows: Vec<EpochRow>,
	attacker_builds: u32,
	honest_rewards: Balance,
	failures: BTreeMap<String, u32>,
	governance: Vec<String>,
	extrinsics: u64,
	/// Whether work is still handed out (false in settlement).
	working: bool,
}

/// Runs `scenario` (a single run: expand sweeps first), calling `progress(epochs done)`
/// after each epoch.
pub fn run(scenario: &Scenario, mut progress: impl FnMut(u32)) -> Result<Outcome, String> {
	scenario.validate()?;
	if scenario.sweep.is_some() {
		return Err(format!("scenario `{}`: expand the sweep into its runs first", scenario.name));
	}
	let mut economy = Economy::new(scenario)?;
	economy.warm_up()?;
	let start_issuance = economy.issuance();
	let attacker_start = economy.attacker_holdings();
	let demand = builds_per_epoch(&scenario.demand, scenario.epochs);
	let first = economy.first_epoch.ok_or("the warm-up ends at an epoch boundary")?;

	for (epoch, builds) in demand.iter().enumerate() {
		economy.open_epoch(epoch as u32, *builds)?;
		economy.run_epoch(first + epoch as EpochIndex)?;
		progress(epoch as u32 + 1);
	}
	economy.settle(first)?;

	Ok(Outcome {
		scenario: scenario.clone(),
		rows: std::mem::take(&mut economy.rows),
		start_issuance,
		end_issuance: economy.issuance(),
		attacker_start,
		attacker_end: economy.attacker_holdings(),
		attacker_builds: economy.attacker_builds,
		honest_rewards: economy.honest_rewards,
		governance: economy.governance,
		failures: economy.failures,
		blocks: economy.twin.block_number(),
		extrinsics: economy.extrinsics,
	})
}

/// Most epochs one `claimRewards` call may name.
fn max_epochs_per_claim() -> usize {
	<<Runtime as pallet_mint::Config>::MaxEpochsPerClaim as Get<u32>>::get() as usize
}

impl<'a> Economy<'a> {
	fn new(scenario: &'a Scenario) -> Result<Self, String> {
		let mut builders: Vec<Signer> = (0..scenario.demand.builders)
			.map(|i| Signer::from_uri(&format!("//sim/builder/{i}")))
			.collect();
		let mut providers = Vec::new();
		let provider = |uri: String, attacker| -> Result<Provider, String> {
			let key = EnclaveKeyPair::from_secret_uri(&format!("{uri}/enclave"))
				.map_err(|e| e.to_string())?;
			Ok(Provider {
				signer: Signer::from_uri(&uri),
				enclave: DevEnclave::new(key, Tee::Sgx).map_err(|e| e.to_string())?,
				registered: false,
				capacity_left: 0,
				unclaimed: Vec::new(),
				attacker,
			})
		};
		for i in 0..scenario.providers.count {
			providers.push(provider(format!("//sim/provider/{i}"), false)?);
		}
		let honest = providers.len();
		let mut attackers = Vec::new();
		for (a, attacker) in scenario.attackers.iter().enumerate() {
			let Attacker::SelfDealer { providers: count, .. } = attacker;
			builders.push(Signer::from_uri(&format!("//sim/attacker/{a}/builder")));
			let mut own = Vec::new();
			for p in 0..*count {
				own.push(providers.len());
				providers.push(provider(format!("//sim/attacker/{a}/provider/{p}"), true)?);
			}
			attackers.push((builders.len() - 1, own));
		}

		let endowed: Vec<_> = builders
			.iter()
			.map(|b| b.account.clone())
			.chain(providers.iter().map(|p| p.signer.account.clone()))
			.collect();
		let genesis = &scenario.genesis;
		let twin = Twin::from_dev_preset(|config| {
			config.balances.balances.extend(endowed.into_iter().map(|a| (a, ACCOUNT_ENDOWMENT)));
			if let Some(r) = genesis.ratio {
				config.mint.ratio = FixedU128::from_float(r);
			}
			if let Some(c) = genesis.ceiling {
				config.mint.ceiling = azra(c);
			}
			if let Some(p) = genesis.price_per_unit {
				config.burn.price_per_unit = azra(p);
			}
		})?;
		Ok(Self {
			scenario,
			twin,
			alice: Signer::from_uri("//Alice"),
			builders,
			providers,
			honest,
			attackers,
			queue: VecDeque::new(),
			backlog: VecDeque::new(),
			next_provider: 0,
			first_epoch: None,
			submitted: BTreeMap::new(),
			paid: BTreeMap::new(),
			supply_at_end: BTreeMap::new(),
			holdings_at_end: BTreeMap::new(),
			backlog_at_end: BTreeMap::new(),
			parameters_at_close: BTreeMap::new(),
			rows: Vec::new(),
			attacker_builds: 0,
			honest_rewards: 0,
			failures: BTreeMap::new(),
			governance: Vec::new(),
			extrinsics: 0,
			working: true,
		})
	}

	fn issuance(&mut self) -> Balance {
		self.twin.with(Balances::total_issuance)
	}

	fn attacker_holdings(&mut self) -> Balance {
		let accounts: Vec<_> = self
			.attackers
			.iter()
			.flat_map(|(builder, providers)| {
				std::iter::once(self.builders[*builder].account.clone())
					.chain(providers.iter().map(|p| self.providers[*p].signer.account.clone()))
			})
			.collect();
		self.twin.with(|| accounts.iter().map(Balances::total_balance).sum())
	}

	fn current_epoch(&mut self) -> EpochIndex {
		self.twin.with(Mint::current_epoch)
	}

	fn claims_queued(&self) -> bool {
		self.queue.iter().any(|a| matches!(a, Action::Claim { .. }))
	}

	/// Stores collateral and registers every enclave, then runs to the first block of the
	/// next epoch.
	fn warm_up(&mut self) -> Result<(), String> {
		self.queue.push_back(Action::StoreCollateral);
		for provider in 0..self.providers.len() {
			self.queue.push_back(Action::RequestNonce { provider });
		}
		self.twin.start_block()?;
		let mut previous = self.current_epoch();
		loop {
			self.drain_queue()?;
			self.twin.end_block();
			self.twin.start_block()?;
			let epoch = self.current_epoch();
			let epoch_opened = epoch != previous;
			previous = epoch;
			if epoch_opened && self.queue.is_empty() {
				if let Some(p) = self.providers.iter().position(|p| !p.registered) {
					return Err(format!(
						"provider {p} did not register in the warm-up: {:?}",
						self.failures
					));
				}
				self.first_epoch = Some(epoch);
				return Ok(());
			}
			if self.twin.block_number() > MAX_WARM_UP_BLOCKS {
				return Err(format!(
					"the warm-up did not end within {MAX_WARM_UP_BLOCKS} blocks: too many providers to register"
				));
			}
		}
	}

	/// Does what the first block of scenario epoch `epoch` brings: records the epoch that
	/// closed, checks every pallet's invariants, queues claims, governance, reclaims of
	/// expired builds, and `builds` honest builds plus the attackers'.
	fn open_epoch(&mut self, epoch: u32, builds: u32) -> Result<(), String> {
		let chain_epoch = self.current_epoch();
		if epoch > 0 {
			self.note_closed(chain_epoch - 1);
		}
		// An epoch is claimed within `claim_every` epochs after it closes, and its record is
		// final once those claims are in. Records leave state after `HistoryDepth` epochs,
		// so each is read as soon as it is final; while claims wait for room in blocks,
		// reading waits too.
		let lag = self.scenario.providers.claim_every + 1;
		if epoch >= lag && !self.claims_queued() {
			self.snapshot_until(chain_epoch - lag)?;
		}
		if epoch.is_multiple_of(self.scenario.providers.claim_every) {
			self.queue_claims();
		}

		let moves: Vec<_> =
			self.scenario.governance.iter().filter(|m| m.epoch == epoch).cloned().collect();
		for governance in moves {
			let outcome = self.govern(&governance);
			self.governance.push(format!("epoch {epoch}: {outcome}"));
		}
		let capacity = self.scenario.providers.capacity_per_epoch;
		for provider in self.providers.iter_mut().take(self.honest) {
			provider.capacity_left = capacity;
		}
		// Builds nobody took before they expired go back to their builders.
		let now = self.twin.block_number();
		while self.backlog.front().is_some_and(|b| b.expires_at < now) {
			if let Some(build) = self.backlog.pop_front() {
				self.queue.push_back(Action::Reclaim { builder: build.builder, build: build.id });
			}
		}
		self.dispatch_backlog();

		let demand = &self.scenario.demand;
		for i in 0..builds {
			self.queue.push_back(Action::Submit {
				builder: (i % demand.builders) as usize,
				units: demand.units_per_build,
				self_dealt_to: None,
			});
		}
		for (a, attacker) in self.scenario.attackers.iter().enumerate() {
			let Attacker::SelfDealer { builds_per_epoch, units_per_build, from_epoch, .. } =
				attacker;
			if epoch < *from_epoch {
				continue;
			}
			let (builder, own) = &self.attackers[a];
			for i in 0..*builds_per_epoch as usize {
				self.queue.push_back(Action::Submit {
					builder: *builder,
					units: *units_per_build,
					self_dealt_to: Some(own[i % own.len()]),
				});
			}
		}
		Ok(())
	}

	/// Notes what chain epoch `closed` ended with, from the first block after it: supply,
	/// holdings, backlog and the parameters its budget was computed with. Also runs the
	/// burn and mint pallets' `try_state` checks.
	fn note_closed(&mut self, closed: EpochIndex) {
		let supply = self.issuance();
		let holdings = self.attacker_holdings();
		self.supply_at_end.insert(closed, supply);
		self.holdings_at_end.insert(closed, holdings);
		self.backlog_at_end.insert(closed, self.backlog.len() as u32);
		let parameters = self.twin.with(|| Mint::parameters_with_bounds().current);
		self.parameters_at_close.insert(closed, (parameters.ratio, parameters.ceiling));
		let checks = self.twin.with(|| (Burn::do_try_state(), Mint::do_try_state()));
		for (pallet, result) in [("burn", checks.0), ("mint", checks.1)] {
			if let Err(error) = result {
				*self.failures.entry(format!("{pallet} try_state: {error:?}")).or_default() += 1;
			}
		}
	}

	/// Queues every provider's unclaimed epochs.
	fn queue_claims(&mut self) {
		for p in 0..self.providers.len() {
			let unclaimed = std::mem::take(&mut self.providers[p].unclaimed);
			for chunk in unclaimed.chunks(max_epochs_per_claim()) {
				self.queue.push_back(Action::Claim { provider: p, epochs: chunk.to_vec() });
			}
		}
	}

	/// Runs blocks until chain epoch `epoch` has closed; the next epoch's first block is
	/// then open.
	fn run_epoch(&mut self, epoch: EpochIndex) -> Result<(), String> {
		loop {
			self.drain_queue()?;
			self.twin.end_block();
			self.twin.start_block()?;
			if self.current_epoch() > epoch {
				return Ok(());
			}
			if self.working {
				self.dispatch_backlog();
			}
		}
	}

	/// After the last scenario epoch: providers claim everything, and nothing else happens,
	/// so the last epochs' records become final without new burn or refunds.
	fn settle(&mut self, first: EpochIndex) -> Result<(), String> {
		self.working = false;
		let last = first + self.scenario.epochs as EpochIndex - 1;
		self.note_closed(last);
		// Work that spilled past the last epoch would burn and refund in an epoch without a
		// row, and the figures would no longer add up.
		let spilled = self.queue.iter().filter(|a| !matches!(a, Action::Claim { .. })).count();
		if spilled > 0 {
			return Err(format!(
				"{spilled} actions of the last epoch did not fit in its blocks: lower the demand"
			));
		}
		self.queue_claims();
		for _ in 0..MAX_SETTLEMENT_EPOCHS {
			let epoch = self.current_epoch();
			self.run_epoch(epoch)?;
			if self.queue.is_empty() {
				return self.snapshot_until(last);
			}
		}
		Err(format!("claims did not fit in {MAX_SETTLEMENT_EPOCHS} settlement epochs"))
	}

	/// A Root call, as an enacted council decision runs: what became of it.
	fn govern(&mut self, governance: &GovernanceMove) -> String {
		let mut calls = Vec::new();
		if governance.ratio.is_some() || governance.ceiling.is_some() {
			let mut parameters = self.twin.with(|| Mint::parameters_with_bounds().current);
			if let Some(r) = governance.ratio {
				parameters.ratio = FixedU128::from_float(r);
			}
			if let Some(c) = governance.ceiling {
				parameters.ceiling = azra(c);
			}
			calls.push((
				format!("ratio {:?}, ceiling {} AZRA", governance.ratio, parameters.ceiling / UNIT),
				RuntimeCall::Mint(pallet_mint::Call::set_parameters { parameters }),
			));
		}
		if let Some(price) = governance.price_per_unit {
			calls.push((
				format!("price per unit {price} AZRA"),
				RuntimeCall::Burn(pallet_burn::Call::set_price_per_unit { new: azra(price) }),
			));
		}
		let outcomes: Vec<String> = calls
			.into_iter()
			.map(|(what, call)| {
				match self.twin.with(|| call.dispatch_bypass_filter(RuntimeOrigin::root())) {
					Ok(_) => format!("{what}: applied"),
					Err(e) => format!("{what}: refused ({:?})", e.error),
				}
			})
			.collect();
		outcomes.join("; ")
	}

	/// Offers waiting honest builds to honest providers with capacity left, round robin.
	fn dispatch_backlog(&mut self) {
		if self.honest == 0 || !self.working {
			return;
		}
		while let Some(build) = self.backlog.front() {
			let units = build.units;
			let chosen =
				(0..self.honest).map(|k| (self.next_provider + k) % self.honest).find(|p| {
					let p = &self.providers[*p];
					p.registered && p.capacity_left >= units
				});
			let Some(provider) = chosen else { return };
			let Some(build) = self.backlog.pop_front() else { return };
			self.providers[provider].capacity_left -= units;
			self.next_provider = (provider + 1) % self.honest;
			self.queue.push_back(Action::Accept { provider, build: build.id, units: build.units });
		}
	}

	/// Applies queued actions until the queue is empty or the block is full.
	fn drain_queue(&mut self) -> Result<(), String> {
		let mut applied = 0u32;
		while let Some(action) = self.queue.pop_front() {
			if let Some(action) = self.act(action)? {
				if applied == 0 {
					return Err(format!(
						"block {}: an extrinsic does not fit even in an empty block",
						self.twin.block_number()
					));
				}
				// The block is full: the rest waits for the next one.
				self.queue.push_front(action);
				return Ok(());
			}
			applied += 1;
		}
		Ok(())
	}

	/// The call `action` sends, who signs it, and a name for reports.
	fn call_of(&mut self, action: &Action) -> Result<(&'static str, Who, RuntimeCall), String> {
		Ok(match action {
			Action::StoreCollateral => {
				let pki = DevPki::new().map_err(|e| e.to_string())?;
				// Issued an hour before the first block, as a platform's collateral would be.
				let issued_at = START_MILLIS / 1000 - 3600;
				let collateral = dev_collateral(
					&pki,
					&dev_identity(Tee::Sgx, false),
					&CollateralOptions::issued_at(issued_at),
				)
				.map_err(|e| e.to_string())?;
				let call = RuntimeCall::Attestation(pallet_attestation::Call::submit_collateral {
					fmspc: collateral.fmspc,
					collateral: BoundedVec::try_from(collateral.collateral)
						.map_err(|_| "dev collateral too large")?,
					witness_quote: BoundedVec::try_from(collateral.witness_quote)
						.map_err(|_| "witness quote too large")?,
				});
				("submit_collateral", Who::Alice, call)
			}
			Action::RequestNonce { provider } => (
				"request_nonce",
				Who::Provider(*provider),
				RuntimeCall::Attestation(pallet_attestation::Call::request_nonce {}),
			),
			Action::Register { provider } => {
				let account = self.providers[*provider].signer.account.clone();
				let nonce = self
					.twin
					.with(|| pallet_attestation::Nonces::<Runtime>::get(&account))
					.last()
					.map(|n| n.nonce)
					.ok_or("a provider registers only after its nonce was issued")?;
				let genesis = self.twin.genesis_hash();
				let enclave = &self.providers[*provider].enclave;
				let quote = enclave
					.registration_quote(&genesis, &account, &nonce)
					.map_err(|e| e.to_string())?;
				let call = RuntimeCall::Attestation(pallet_attestation::Call::register_enclave {
					quote: BoundedVec::try_from(quote).map_err(|_| "quote too large")?,
					enclave_key: enclave.enclave_key(),
					nonce,
					measurement: enclave
						.measurement_id()
						.ok_or("the dev enclave knows its measurement")?,
					sealing_key: enclave.sealing_key(),
				});
				("register_enclave", Who::Provider(*provider), call)
			}
			Action::Submit { builder, units, .. } => {
				let max_price = self.twin.with(|| Burn::quote(*units)).unwrap_or(Balance::MAX);
				// Each build gets its own input.
				let input = blake2_256(&(self.extrinsics, *builder as u32, *units).encode());
				let call = RuntimeCall::Burn(pallet_burn::Call::submit_build {
					spec_hash: H256(blake2_256(b"azra/simulate/program")),
					input_hash: H256(input),
					units: *units,
					required_measurement: None,
					max_price,
				});
				("submit_build", Who::Builder(*builder), call)
			}
			Action::Accept { provider, build, .. } => (
				"accept_build",
				Who::Provider(*provider),
				RuntimeCall::Burn(pallet_burn::Call::accept_build { build_id: *build }),
			),
			Action::Prove { provider, build, units } => {
				let stored = self
					.twin
					.with(|| pallet_burn::Builds::<Runtime>::get(build))
					.ok_or("a proven build is in state")?;
				let used = Perbill::from_float(self.scenario.demand.utilization)
					.mul_ceil(*units)
					.clamp(1, *units);
				let claim = azra_primitives::WorkClaim {
					genesis_hash: self.twin.genesis_hash(),
					build_id: *build,
					spec_hash: stored.spec_hash,
					input_hash: stored.input_hash,
					output_hash: H256(blake2_256(&build.to_le_bytes())),
					units_used: used,
					provider: self.providers[*provider].signer.account.clone(),
				};
				let proof = self.providers[*provider].enclave.sign_work(&claim);
				let call = RuntimeCall::Mint(pallet_mint::Call::submit_work {
					build_id: *build,
					output_hash: claim.output_hash,
					units_used: used,
					proof,
				});
				("submit_work", Who::Provider(*provider), call)
			}
			Action::Claim { provider, epochs } => (
				"claim_rewards",
				Who::Provider(*provider),
				RuntimeCall::Mint(pallet_mint::Call::claim_rewards {
					epochs: BoundedVec::truncate_from(epochs.clone()),
				}),
			),
			Action::Reclaim { builder, build } => (
				"reclaim_expired",
				Who::Builder(*builder),
				RuntimeCall::Burn(pallet_burn::Call::reclaim_expired { build_id: *build }),
			),
		})
	}

	/// Sends `action`; gives it back if the block is full.
	fn act(&mut self, action: Action) -> Result<Option<Action>, String> {
		let (name, who, call) = self.call_of(&action)?;
		// This extrinsic's events are the ones after those already in the block.
		let events_before = self.twin.with(azra_runtime::System::event_count);
		let signer = match who {
			Who::Alice => &mut self.alice,
			Who::Builder(b) => &mut self.builders[b],
			Who::Provider(p) => &mut self.providers[p].signer,
		};
		match self.twin.apply(signer, call) {
			Applied::BlockFull => return Ok(Some(action)),
			Applied::Invalid(TransactionValidityError::Invalid(InvalidTransaction::Payment)) => {
				return Err(format!(
					"{name}: the signer cannot pay the fee at block {}: it spent its endowment \
					 of {} AZRA; lower the demand or the epochs",
					self.twin.block_number(),
					ACCOUNT_ENDOWMENT / UNIT
				))
			}
			Applied::Invalid(error) => {
				return Err(format!(
					"{name} was refused at block {}: {error:?}",
					self.twin.block_number()
				))
			}
			Applied::Failed(error) => {
				self.extrinsics += 1;
				*self.failures.entry(format!("{name}: {error:?}")).or_default() += 1;
				return Ok(None);
			}
			Applied::Done => self.extrinsics += 1,
		}

		// Follow-ups of a call that went through.
		match action {
			Action::RequestNonce { provider } => {
				self.queue.push_back(Action::Register { provider })
			}
			Action::Register { provider } => self.providers[provider].registered = true,
			Action::Submit { builder, units, self_dealt_to } => {
				let id = self.twin.with(|| pallet_burn::Ledger::<Runtime>::get().next_build_id) - 1;
				let epoch = self.current_epoch();
				*self.submitted.entry(epoch).or_default() += 1;
				match self_dealt_to {
					Some(provider) => {
						self.attacker_builds += 1;
						self.queue.push_back(Action::Accept { provider, build: id, units });
					}
					None => {
						let expires_at = self
							.twin
							.with(|| pallet_burn::Builds::<Runtime>::get(id).map(|b| b.expires_at))
							.ok_or("a submitted build is in state")?;
						self.backlog.push_back(OpenBuild { id, builder, units, expires_at });
						self.dispatch_backlog();
					}
				}
			}
			Action::Accept { provider, build, units } => {
				self.queue.push_back(Action::Prove { provider, build, units })
			}
			Action::Prove { provider, .. } => {
				let epoch = self.current_epoch();
				let unclaimed = &mut self.providers[provider].unclaimed;
				if unclaimed.last() != Some(&epoch) {
					unclaimed.push(epoch);
				}
			}
			Action::Claim { provider, .. } => {
				let paid: Vec<(EpochIndex, Balance)> = self.twin.with(|| {
					azra_runtime::System::events()
						.into_iter()
						.skip(events_before as usize)
						.filter_map(|record| match record.event {
							RuntimeEvent::Mint(pallet_mint::Event::RewardsClaimed {
								epoch,
								amount,
								..
							}) => Some((epoch, amount)),
							_ => None,
						})
						.collect()
				});
				for (epoch, amount) in paid.into_iter().filter(|(_, amount)| *amount > 0) {
					if !self.providers[provider].attacker {
						self.honest_rewards = self.honest_rewards.saturating_add(amount);
					}
					*self.paid.entry(epoch).or_default() += 1;
				}
			}
			Action::StoreCollateral | Action::Reclaim { .. } => {}
		}
		Ok(None)
	}

	/// Adds the rows of every chain epoch up to `last` not read yet; their records must be
	/// final.
	fn snapshot_until(&mut self, last: EpochIndex) -> Result<(), String> {
		let first = self.first_epoch.ok_or("rows start after the warm-up")?;
		while first + (self.rows.len() as EpochIndex) <= last {
			self.snapshot(first + self.rows.len() as EpochIndex)?;
		}
		Ok(())
	}

	/// Adds the row of chain epoch `chain_epoch` from its record, which must be final.
	fn snapshot(&mut self, chain_epoch: EpochIndex) -> Result<(), String> {
		let first = self.first_epoch.ok_or("rows start after the warm-up")?;
		let record = self
			.twin
			.with(|| Mint::epoch_record(chain_epoch))
			.ok_or_else(|| format!("no record of epoch {chain_epoch}"))?;
		let (ratio, ceiling) =
			self.parameters_at_close.get(&chain_epoch).copied().ok_or_else(|| {
				format!("no parameters noted at the close of epoch {chain_epoch}")
			})?;
		let net = if record.net_emission.positive {
			record.net_emission.magnitude as i128
		} else {
			-(record.net_emission.magnitude as i128)
		};
		let at = |map: &BTreeMap<EpochIndex, Balance>| map.get(&chain_epoch).copied().unwrap_or(0);
		self.rows.push(EpochRow {
			epoch: chain_epoch - first,
			builds_submitted: self.submitted.get(&chain_epoch).copied().unwrap_or(0),
			burned: record.burned,
			proven_burn: record.proven_burn,
			minted: record.minted_rewards,
			refunded: record.refunded,
			net_emission: net,
			supply: at(&self.supply_at_end),
			budget: record.budget,
			capped: record.capped_at_ceiling,
			ratio,
			ceiling,
			providers_paid: self.paid.get(&chain_epoch).copied().unwrap_or(0),
			attacker_holdings: at(&self.holdings_at_end),
			backlog: self.backlog_at_end.get(&chain_epoch).copied().unwrap_or(0),
		});
		Ok(())
	}
}

/// The budget the rule gives an epoch with `proven_burn` under `ratio` and `ceiling`:
/// `min(⌊ratio × proven burn⌋, ceiling)`. Written out here, not taken from the mint pallet,
/// so that the check compares the pallet with the rule.
pub fn rule_budget(proven_burn: Balance, ratio: FixedU128, ceiling: Balance) -> Balance {
	ratio.saturating_mul_int(proven_burn).min(ceiling)
}
