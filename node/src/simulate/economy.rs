//! The economy: builders, providers and attackers acting on the twin, epoch after epoch.
//!
//! Every action is what a real client would send: builders `burn.submitBuild`, providers
//! register a dev enclave (`attestation.requestNonce`, `attestation.registerEnclave` with a
//! dev-PKI DCAP quote the runtime verifies), `burn.acceptBuild`, `mint.submitWork` with the
//! enclave's signature, and `mint.claimRewards` for the epoch before. Governance moves are
//! Root calls, as the council's enacted decisions run. The figures of each epoch are the
//! runtime's own epoch records (what `azra_epochs` serves), read once final.
//!
//! The run opens with a warm-up (collateral stored, every enclave registered) that ends at
//! an epoch boundary; scenario epoch 0 is the first chain epoch after it. It closes with a
//! settlement epoch in which providers only claim, so the last epoch's rewards are in.

use std::collections::{BTreeMap, VecDeque};

use azra_dev_enclave::{CollateralOptions, DevPki, Tee};
use azra_primitives::{BuildId, EpochIndex, Units};
use azra_runtime::{Balance, Balances, Runtime, RuntimeCall, RuntimeOrigin, UNIT};
use codec::Encode;
use frame_support::traits::{fungible::Inspect, UnfilteredDispatchable};
use sp_core::H256;
use sp_io::hashing::blake2_256;
use sp_runtime::{BoundedVec, FixedU128};

use super::{
	scenario::{builds_per_epoch, Attacker, Scenario},
	twin::{Applied, Signer, Twin, START_MILLIS},
};
use crate::provider::enclave::{dev_collateral, dev_identity, DevEnclave, Enclave, EnclaveKeyPair};

type Mint = pallet_mint::Pallet<Runtime>;
type Burn = pallet_burn::Pallet<Runtime>;

/// What builders and honest providers start with.
const ACCOUNT_ENDOWMENT: Balance = 1_000_000 * UNIT;

/// The most epochs a run may span: enclaves re-attest daily, and the dev chain's day is
/// 1,440 epochs; runs longer than that would measure re-attestation, not the economy.
pub const MAX_EPOCHS: u32 = 1_400;

/// One epoch of a run, as the chain recorded it.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochRow {
	/// Scenario epoch (0 is the first after the warm-up).
	pub epoch: u32,
	/// Builds submitted (honest and attacker).
	pub builds_submitted: u32,
	/// AZRA that left supply: build prices, forfeited bonds.
	pub burned: Balance,
	/// Burn that paid for the work proven in the epoch: what its budget draws on.
	pub proven_burn: Balance,
	/// Rewards minted for the epoch's work (claimed in the next epoch).
	pub minted: Balance,
	/// AZRA minted back to builders during the epoch (unused units, expired builds).
	pub refunded: Balance,
	/// `minted + refunded − burned`.
	pub net_emission: i128,
	/// Total issuance at the end of the epoch.
	pub supply: Balance,
	/// The most the epoch's rewards could mint: `min(ratio × proven burn, ceiling)`.
	pub budget: Balance,
	/// Whether the ceiling capped the budget (the breaker).
	pub capped: bool,
	/// Providers whose claim for the epoch paid out.
	pub providers_paid: u32,
	/// Everything the attackers' accounts hold (free and held), at the end of the epoch.
	pub attacker_balance: Balance,
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
	/// Total issuance after the settlement epoch.
	pub end_issuance: Balance,
	/// Attackers' holdings when scenario epoch 0 opened and after settlement.
	pub attacker_start: Balance,
	/// See [`Outcome::attacker_start`].
	pub attacker_end: Balance,
	/// Honest providers' rewards over the run.
	pub honest_rewards: Balance,
	/// Each governance move and what became of it.
	pub governance: Vec<String>,
	/// Calls that failed on chain, by call and error: an honest run has none.
	pub failures: BTreeMap<String, u32>,
	/// Blocks executed, warm-up and settlement included.
	pub blocks: u32,
	/// Signed extrinsics applied.
	pub extrinsics: u64,
}

/// Who acts.
struct Provider {
	signer: Signer,
	enclave: DevEnclave,
	registered: bool,
	/// Units it may still prove this epoch (honest providers only).
	capacity_left: u64,
	/// Epochs it earned points in and has not claimed.
	unclaimed: Vec<EpochIndex>,
	/// Index of its attacker, for attackers' providers.
	attacker: Option<usize>,
}

struct Builder {
	signer: Signer,
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

/// A running simulation of one scenario.
struct Economy<'a> {
	scenario: &'a Scenario,
	twin: Twin,
	genesis_hash: H256,
	/// Alice: pays for the collateral.
	alice: Signer,
	builders: Vec<Builder>,
	providers: Vec<Provider>,
	/// Honest providers are `0..honest`; attackers' follow.
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
	attacker_at_end: BTreeMap<EpochIndex, Balance>,
	backlog_at_end: BTreeMap<EpochIndex, u32>,
	/// Rows of the epochs whose records are final.
	rows: Vec<EpochRow>,
	honest_rewards: Balance,
	failures: BTreeMap<String, u32>,
	governance: Vec<String>,
	extrinsics: u64,
	/// Whether new work is still handed out (false in the settlement epoch).
	working: bool,
}

/// Runs `scenario` (a single run: expand sweeps first), calling `progress(epochs done)`
/// after each epoch.
pub fn run(scenario: &Scenario, mut progress: impl FnMut(u32)) -> Result<Outcome, String> {
	scenario.validate()?;
	if scenario.sweep.is_some() {
		return Err(format!("scenario `{}`: expand the sweep into its runs first", scenario.name));
	}
	if scenario.epochs > MAX_EPOCHS {
		return Err(format!(
			"scenario `{}`: at most {MAX_EPOCHS} epochs (enclaves would need to re-attest)",
			scenario.name
		));
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
	// Settlement: only claims, so the last epoch's rewards are minted.
	economy.working = false;
	economy.open_epoch(scenario.epochs, 0)?;
	economy.run_epoch(first + scenario.epochs as EpochIndex)?;

	economy.snapshot_until(first + scenario.epochs as EpochIndex - 1)?;
	Ok(Outcome {
		scenario: scenario.clone(),
		rows: std::mem::take(&mut economy.rows),
		start_issuance,
		end_issuance: economy.issuance(),
		attacker_start,
		attacker_end: economy.attacker_holdings(),
		honest_rewards: economy.honest_rewards,
		governance: economy.governance,
		failures: economy.failures,
		blocks: economy.twin.block_number(),
		extrinsics: economy.extrinsics,
	})
}

/// `x` AZRA in plancks.
fn azra(x: f64) -> Balance {
	(x * UNIT as f64).round().max(0.0) as Balance
}

/// `x` as a fixed-point ratio.
fn ratio(x: f64) -> FixedU128 {
	FixedU128::from_inner((x * 1e18).round().max(0.0) as u128)
}

impl<'a> Economy<'a> {
	fn new(scenario: &'a Scenario) -> Result<Self, String> {
		let builders: Vec<Builder> = (0..scenario.demand.builders)
			.map(|i| Builder { signer: Signer::from_uri(&format!("//sim/builder/{i}")) })
			.collect();
		let mut economy_builders = builders;
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
			providers.push(provider(format!("//sim/provider/{i}"), None)?);
		}
		let honest = providers.len();
		let mut attackers = Vec::new();
		for (a, attacker) in scenario.attackers.iter().enumerate() {
			let Attacker::SelfDealer { providers: count, .. } = attacker;
			economy_builders
				.push(Builder { signer: Signer::from_uri(&format!("//sim/attacker/{a}/builder")) });
			let mut own = Vec::new();
			for p in 0..*count {
				own.push(providers.len());
				providers.push(provider(format!("//sim/attacker/{a}/provider/{p}"), Some(a))?);
			}
			attackers.push((economy_builders.len() - 1, own));
		}

		let endowed: Vec<_> = economy_builders
			.iter()
			.map(|b| b.signer.account.clone())
			.chain(providers.iter().map(|p| p.signer.account.clone()))
			.collect();
		let genesis = &scenario.genesis;
		let mut twin = Twin::from_dev_preset(|config| {
			config.balances.balances.extend(endowed.into_iter().map(|a| (a, ACCOUNT_ENDOWMENT)));
			if let Some(r) = genesis.ratio {
				config.mint.ratio = ratio(r);
			}
			if let Some(c) = genesis.ceiling {
				config.mint.ceiling = azra(c);
			}
			if let Some(p) = genesis.price_per_unit {
				config.burn.price_per_unit = azra(p);
			}
		})?;
		let genesis_hash = twin.genesis_hash();
		Ok(Self {
			scenario,
			twin,
			genesis_hash,
			alice: Signer::from_uri("//Alice"),
			builders: economy_builders,
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
			attacker_at_end: BTreeMap::new(),
			backlog_at_end: BTreeMap::new(),
			rows: Vec::new(),
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
				std::iter::once(self.builders[*builder].signer.account.clone())
					.chain(providers.iter().map(|p| self.providers[*p].signer.account.clone()))
			})
			.collect();
		self.twin.with(|| accounts.iter().map(Balances::total_balance).sum())
	}

	fn current_epoch(&mut self) -> EpochIndex {
		self.twin.with(Mint::current_epoch)
	}

	/// Stores collateral and registers every enclave, then runs to the next epoch boundary.
	fn warm_up(&mut self) -> Result<(), String> {
		self.queue.push_back(Action::StoreCollateral);
		for provider in 0..self.providers.len() {
			self.queue.push_back(Action::RequestNonce { provider });
		}
		let start = {
			self.twin.start_block()?;
			self.current_epoch()
		};
		loop {
			self.drain_queue()?;
			self.twin.end_block();
			self.twin.start_block()?;
			let epoch = self.current_epoch();
			if epoch > start && self.queue.is_empty() {
				if let Some(p) = self.providers.iter().position(|p| !p.registered) {
					return Err(format!(
						"provider {p} did not register in the warm-up: {:?}",
						self.failures
					));
				}
				self.first_epoch = Some(epoch);
				return Ok(());
			}
			if self.twin.block_number() > 1_000 {
				return Err("the warm-up did not end within 1,000 blocks".into());
			}
		}
	}

	/// Queues what scenario epoch `epoch` opens with: governance, claims, expired builds'
	/// reclaims and `builds` honest builds plus the attackers'. The first block of the
	/// epoch is open.
	fn open_epoch(&mut self, epoch: u32, builds: u32) -> Result<(), String> {
		let chain_epoch = self.current_epoch();
		// The epoch before has closed: its supply and the attackers' holdings are final.
		if epoch > 0 {
			let closed = chain_epoch - 1;
			let supply = self.issuance();
			let holdings = self.attacker_holdings();
			self.supply_at_end.insert(closed, supply);
			self.attacker_at_end.insert(closed, holdings);
			self.backlog_at_end.insert(closed, self.backlog.len() as u32);
		}
		// An epoch is claimed within `claim_every` epochs after it closes, and those claims
		// are in by the end of the epoch that carries them: from then on its record is
		// final. Records leave state after `HistoryDepth` epochs, so each is read as soon
		// as it is final.
		let lag = self.scenario.providers.claim_every.max(1) + 1;
		if epoch >= lag {
			self.snapshot_until(chain_epoch - lag)?;
		}
		// Providers claim every `claim_every` epochs, and everything in the settlement epoch.
		let claim_every = self.scenario.providers.claim_every.max(1);
		if epoch % claim_every == 0 || !self.working {
			for p in 0..self.providers.len() {
				let unclaimed = std::mem::take(&mut self.providers[p].unclaimed);
				for chunk in unclaimed.chunks(16) {
					self.queue.push_back(Action::Claim { provider: p, epochs: chunk.to_vec() });
				}
			}
		}
		if !self.working {
			return Ok(());
		}
		let moves: Vec<_> =
			self.scenario.governance.iter().filter(|m| m.epoch == epoch).cloned().collect();
		for governance in moves {
			let outcome = self.govern(&governance);
			self.governance.push(format!("epoch {epoch}: {outcome}"));
		}
		let capacity = self.scenario.providers.capacity_per_epoch as u64;
		for provider in self.providers.iter_mut().take(self.honest) {
			provider.capacity_left = capacity;
		}
		let now = self.twin.block_number();
		while self.backlog.front().is_some_and(|b| b.expires_at < now) {
			if let Some(build) = self.backlog.pop_front() {
				self.queue.push_back(Action::Reclaim { builder: build.builder, build: build.id });
			}
		}
		self.dispatch_backlog();

		let demand = &self.scenario.demand;
		for i in 0..builds {
			let builder = (i % demand.builders) as usize;
			self.queue.push_back(Action::Submit {
				builder,
				units: demand.units_per_build as Units,
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
					units: *units_per_build as Units,
					self_dealt_to: Some(own[i % own.len()]),
				});
			}
		}
		Ok(())
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

	/// A Root call, as an enacted council decision runs: what became of it.
	fn govern(&mut self, governance: &super::scenario::GovernanceMove) -> String {
		let mut calls = Vec::new();
		if governance.ratio.is_some() || governance.ceiling.is_some() {
			let mut parameters = self.twin.with(|| Mint::parameters_with_bounds().current);
			if let Some(r) = governance.ratio {
				parameters.ratio = ratio(r);
			}
			if let Some(c) = governance.ceiling {
				parameters.ceiling = azra(c);
			}
			calls.push((
				format!("mint parameters {parameters:?}"),
				RuntimeCall::Mint(pallet_mint::Call::set_parameters { parameters }),
			));
		}
		if let Some(price) = governance.price_per_unit {
			calls.push((
				format!("price per unit {} plancks", azra(price)),
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
		if self.honest == 0 {
			return;
		}
		while let Some(build) = self.backlog.front() {
			let units = build.units as u64;
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
		while let Some(action) = self.queue.pop_front() {
			if let Some(action) = self.act(action)? {
				// The block is full: the rest waits for the next one.
				self.queue.push_front(action);
				return Ok(());
			}
		}
		Ok(())
	}

	/// Sends `action`; gives it back if the block is full.
	fn act(&mut self, action: Action) -> Result<Option<Action>, String> {
		let (name, signer_is, call) = match &action {
			Action::StoreCollateral => {
				let pki = DevPki::new().map_err(|e| e.to_string())?;
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
				let enclave = &self.providers[*provider].enclave;
				let quote = enclave
					.registration_quote(&self.genesis_hash, &account, &nonce)
					.map_err(|e| e.to_string())?;
				let call = RuntimeCall::Attestation(pallet_attestation::Call::register_enclave {
					quote: BoundedVec::try_from(quote).map_err(|_| "quote too large")?,
					enclave_key: enclave.enclave_key(),
					nonce,
					measurement: enclave
						.measurement_id()
						.ok_or("the dev enclave knows its measurement")?,
				});
				("register_enclave", Who::Provider(*provider), call)
			}
			Action::Submit { builder, units, .. } => {
				let max_price = self.twin.with(|| Burn::quote(*units)).unwrap_or(Balance::MAX);
				let seed = blake2_256(&(self.extrinsics, *builder as u32, *units).encode());
				let call = RuntimeCall::Burn(pallet_burn::Call::submit_build {
					spec_hash: H256(blake2_256(b"azra/simulate/program")),
					input_hash: H256(seed),
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
				let used = ((*units as f64 * self.scenario.demand.utilization).ceil() as Units)
					.clamp(1, *units);
				let provider_account = self.providers[*provider].signer.account.clone();
				let claim = azra_primitives::WorkClaim {
					genesis_hash: self.genesis_hash,
					build_id: *build,
					spec_hash: stored.spec_hash,
					input_hash: stored.input_hash,
					output_hash: H256(blake2_256(&build.to_le_bytes())),
					units_used: used,
					provider: provider_account,
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
		};

		// Events of this extrinsic are the ones after those already in the block.
		let events_before = self.twin.with(|| azra_runtime::System::event_count());
		let signer = match signer_is {
			Who::Alice => &mut self.alice,
			Who::Builder(b) => &mut self.builders[b].signer,
			Who::Provider(p) => &mut self.providers[p].signer,
		};
		let applied = self.twin.apply(signer, call);
		match applied {
			Applied::BlockFull => return Ok(Some(action)),
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
						self.queue.push_back(Action::Accept { provider, build: id, units })
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
							azra_runtime::RuntimeEvent::Mint(
								pallet_mint::Event::RewardsClaimed { epoch, amount, .. },
							) => Some((epoch, amount)),
							_ => None,
						})
						.collect()
				});
				for (epoch, amount) in paid {
					if self.providers[provider].attacker.is_none() {
						self.honest_rewards = self.honest_rewards.saturating_add(amount);
					}
					*self.paid.entry(epoch).or_default() += 1;
				}
			}
			Action::StoreCollateral | Action::Reclaim { .. } => {}
		}
		Ok(None)
	}

	/// Adds the rows of every chain epoch up to `last` not yet read; their records must be
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
		let net = if record.net_emission.positive {
			record.net_emission.magnitude as i128
		} else {
			-(record.net_emission.magnitude as i128)
		};
		self.rows.push(EpochRow {
			epoch: chain_epoch - first,
			builds_submitted: self.submitted.get(&chain_epoch).copied().unwrap_or(0),
			burned: record.burned,
			proven_burn: record.proven_burn,
			minted: record.minted_rewards,
			refunded: record.refunded,
			net_emission: net,
			supply: self.supply_at_end.get(&chain_epoch).copied().unwrap_or(0),
			budget: record.budget,
			capped: record.capped_at_ceiling,
			providers_paid: self.paid.get(&chain_epoch).copied().unwrap_or(0),
			attacker_balance: self.attacker_at_end.get(&chain_epoch).copied().unwrap_or(0),
			backlog: self.backlog_at_end.get(&chain_epoch).copied().unwrap_or(0),
		});
		Ok(())
	}
}

/// Who signs an action.
#[derive(Clone, Copy)]
enum Who {
	Alice,
	Builder(usize),
	Provider(usize),
}
