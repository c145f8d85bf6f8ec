//! Burn + attestation + mint on one mock runtime, wired as AzraCode's runtime wires them:
//! the same call filter (no `Balances::burn`), the same dust handling (booked as burned),
//! provider bonds on hold, and enclaves registered through genuine dev-PKI quotes.

use azra_dev_pki::{CollateralOptions, DevPki, Identity, SgxEnclave, Tee, DEV_FMSPC};
use azra_primitives::{BuildId, BuildState, Units, WorkClaim};
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{Credit, Inspect},
		tokens::imbalance::Imbalance,
		ConstU32, ConstU64, Contains, Hooks, OnUnbalanced,
	},
	weights::Weight,
	BoundedVec,
};
use frame_system::EnsureRoot;
use pallet_attestation::{EnclaveKey, MeasurementEntry, WorkProof};
use sp_core::{ed25519, Pair, H256};
use sp_runtime::{
	traits::Dispatchable, BuildStorage, DispatchResult, FixedU128, MultiSignature, Perbill,
};
use std::sync::OnceLock;

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts in the mock.
pub type AccountId = u64;
/// Balances in the mock.
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Burn: pallet_burn,
		Attestation: pallet_attestation,
		Mint: pallet_mint,
	}
);

/// The runtime's rule: no signed account may call `Balances::burn`.
pub struct NoBalancesBurn;
impl Contains<RuntimeCall> for NoBalancesBurn {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::Balances(pallet_balances::Call::burn { .. }))
	}
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type BaseCallFilter = NoBalancesBurn;
	type AccountData = pallet_balances::AccountData<Balance>;
}

/// As the runtime does for dust (and fees) with no author to take them: the amount leaves
/// supply and is booked as burned.
pub struct BookAsBurned;
impl OnUnbalanced<Credit<AccountId, Balances>> for BookAsBurned {
	fn on_nonzero_unbalanced(amount: Credit<AccountId, Balances>) {
		let burned = amount.peek();
		drop(amount);
		Burn::book_burn(burned);
	}
}

/// The existential deposit: above one, so that transfers can leave dust behind.
pub const EXISTENTIAL_DEPOSIT: Balance = 5;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
	type DustRemoval = BookAsBurned;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<1>;
	type WeightInfo = ();
}

parameter_types! {
	pub const MaxUnitsPerBuild: u64 = 1_000_000;
	pub const BuildLifetime: u64 = 12;
	pub const AssignmentPeriod: u64 = 4;
	pub const MinPricePerUnit: Balance = 1;
	pub const MaxPricePerUnit: Balance = 1_000;
	pub MaxPriceChangePerEpoch: Perbill = Perbill::from_percent(10);
	pub ProviderBond: Perbill = Perbill::from_percent(10);
	pub const MinProviderBond: Balance = 5;
	/// What an account's bonds may put at risk until it sets its own allowance: more than
	/// any scenario's bonds, except where a scenario sets one.
	pub const DefaultBondAllowance: Balance = Balance::MAX / 4;
	pub const BuildDeposit: Balance = 3;
	pub const OutputDepositBase: Balance = 2;
	pub const OutputDepositPerByte: Balance = 1;
	/// Held for each enclave record.
	pub const EnclaveDeposit: Balance = 7;
	pub const BuildRetention: u64 = 20;
	pub const NonceLifetime: u64 = 1_000;
	pub const ReattestationPeriod: u64 = 10_000;
	pub MinRatio: FixedU128 = FixedU128::from_rational(1, 10);
	pub MaxRatio: FixedU128 = FixedU128::from_u32(1);
	pub const MinCeiling: Balance = 1_000;
	pub const MaxCeiling: Balance = 100_000_000_000;
	pub const MinEpochLength: u64 = 2;
	pub const MaxEpochLength: u64 = 100;
	pub MaxChangePerEpoch: Perbill = Perbill::from_percent(10);
}

impl pallet_burn::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Eligibility = Attestation;
	type Refund = Mint;
	type Outputs = StoredOutputs;
	type EpochClock = Mint;
	type MaxUnitsPerBuild = MaxUnitsPerBuild;
	type BuildDeposit = BuildDeposit;
	type OutputDepositBase = OutputDepositBase;
	type OutputDepositPerByte = OutputDepositPerByte;
	type BuildRetention = BuildRetention;
	type MaxPrunedPerBlock = ConstU32<64>;
	type BuildLifetime = BuildLifetime;
	type AssignmentPeriod = AssignmentPeriod;
	type MinPricePerUnit = MinPricePerUnit;
	type MaxPricePerUnit = MaxPricePerUnit;
	type MaxPriceChangePerEpoch = MaxPriceChangePerEpoch;
	type ProviderBond = ProviderBond;
	type MinProviderBond = MinProviderBond;
	type DefaultBondAllowance = DefaultBondAllowance;
	type WeightInfo = ();
}

/// Every proven output is stored, 16 bytes long, as the agent leaves it (noted with the
/// proof): so every completion takes its builder's output deposit.
pub struct StoredOutputs;
impl azra_primitives::OutputStore for StoredOutputs {
	fn len(_: &sp_core::H256) -> Option<u32> {
		Some(16)
	}
	fn keep(_: &sp_core::H256) {}
	fn release(_: &sp_core::H256) {}
}

impl pallet_attestation::Config for Test {
	type UnixTime = Timestamp;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MaxQuoteLen = ConstU32<8192>;
	type MaxCollateralLen = ConstU32<32768>;
	type MaxRootCaLen = ConstU32<2048>;
	type NonceLifetime = NonceLifetime;
	type MaxNoncesPerProvider = ConstU32<4>;
	type ReattestationPeriod = ReattestationPeriod;
	type MaxEnclavesPerProvider = ConstU32<4>;
	type MaxNoncesSweptPerBlock = ConstU32<16>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type EnclaveDeposit = EnclaveDeposit;
	type MaxEnclavesPrunedPerBlock = ConstU32<4>;
	type WeightInfo = ();
}

impl pallet_mint::Config for Test {
	type Currency = Balances;
	type Builds = Burn;
	type BurnLedger = Burn;
	type Proof = WorkProof;
	type WorkProofs = Attestation;
	type MinRatio = MinRatio;
	type MaxRatio = MaxRatio;
	type MinCeiling = MinCeiling;
	type MaxCeiling = MaxCeiling;
	type MinEpochLength = MinEpochLength;
	type MaxEpochLength = MaxEpochLength;
	type MaxChangePerEpoch = MaxChangePerEpoch;
	type MaxEpochsPerClaim = ConstU32<8>;
	type HistoryDepth = ConstU32<64>;
	type MaxPrunedPerBlock = ConstU32<16>;
	type WeightInfo = ();
}

/// Block time (unix seconds) inside the dev certificates' and collateral's validity.
pub const NOW: u64 = 1_790_000_000;
/// Blocks per epoch at genesis.
pub const EPOCH_LENGTH: u64 = 5;
/// The price per unit at genesis, unless a test sets another.
pub const GENESIS_PRICE: Balance = 100;

/// The dev PKI, built once per test process.
pub fn pki() -> &'static DevPki {
	static PKI: OnceLock<DevPki> = OnceLock::new();
	PKI.get_or_init(|| DevPki::new().expect("the dev PKI builds"))
}

/// The enclave key `provider`'s enclave holds in its `generation`-th registration.
pub fn enclave_pair(provider: AccountId, generation: u8) -> ed25519::Pair {
	let mut seed = [generation; 32];
	seed[..8].copy_from_slice(&provider.to_le_bytes());
	ed25519::Pair::from_seed(&seed)
}

/// The allow-listed dev runtime measurement.
pub fn dev_measurement() -> MeasurementEntry {
	let enclave = SgxEnclave::azra_dev_runtime();
	MeasurementEntry::Sgx {
		mr_enclave: Some(H256(enclave.mr_enclave)),
		mr_signer: Some(H256(enclave.mr_signer)),
		isv_prod_id: enclave.isv_prod_id,
		min_isv_svn: enclave.isv_svn,
	}
}

/// The chain's starting point.
pub struct ExtBuilder {
	/// Accounts and what they start with.
	pub balances: Vec<(AccountId, Balance)>,
	/// Providers whose enclave is registered at genesis (with a genuine dev quote).
	pub providers: Vec<AccountId>,
	/// Genesis `ratio`.
	pub ratio: FixedU128,
	/// Genesis `ceiling`.
	pub ceiling: Balance,
	/// Genesis price per unit.
	pub price_per_unit: Balance,
}

impl ExtBuilder {
	/// `balances` funded, `providers` registered, ratio 9/10, ceiling at its maximum.
	pub fn new(balances: &[(AccountId, Balance)], providers: &[AccountId]) -> Self {
		Self {
			balances: balances.to_vec(),
			providers: providers.to_vec(),
			ratio: FixedU128::from_rational(9, 10),
			ceiling: MaxCeiling::get(),
			price_per_unit: GENESIS_PRICE,
		}
	}

	/// Genesis price per unit.
	pub fn price_per_unit(mut self, price: Balance) -> Self {
		self.price_per_unit = price;
		self
	}

	/// Genesis `ratio`.
	pub fn ratio(mut self, ratio: FixedU128) -> Self {
		self.ratio = ratio;
		self
	}

	/// Genesis `ceiling`.
	pub fn ceiling(mut self, ceiling: Balance) -> Self {
		self.ceiling = ceiling;
		self
	}

	/// Genesis, then dev collateral stored and each provider's enclave registered.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_burn::GenesisConfig::<Test> { price_per_unit: self.price_per_unit }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_attestation::GenesisConfig::<Test> {
			root_ca: pki().root_ca_der().expect("root").try_into().expect("the dev root fits"),
			measurements: vec![dev_measurement()],
			accepted_tcb_statuses: vec![azra_primitives::TcbStatus::UpToDate],
			rejected_advisories: Default::default(),
			_config: Default::default(),
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_mint::GenesisConfig::<Test> {
			ratio: self.ratio,
			ceiling: self.ceiling,
			epoch_length: EPOCH_LENGTH,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			pallet_timestamp::Now::<Test>::put(NOW * 1000);
			store_collateral(CollateralOptions::issued_at(NOW - 3600))
				.expect("dev collateral verifies");
			for provider in &self.providers {
				register(*provider, 0).expect("a genuine dev quote registers");
			}
			System::reset_events();
		});
		ext
	}
}

/// Stores the dev PKI's collateral for the one dev platform, issued as `options` says (anyone
/// may submit Intel-signed collateral; account 999 plays no other part).
pub fn store_collateral(options: CollateralOptions) -> DispatchResult {
	let identity = Identity::Sgx(SgxEnclave::azra_dev_runtime());
	let collateral = pki().collateral_bytes(Tee::Sgx, &options).expect("collateral");
	let witness = pki().quote(&identity, [0; 64]).expect("witness");
	Attestation::submit_collateral(
		RuntimeOrigin::signed(999),
		DEV_FMSPC,
		BoundedVec::try_from(collateral).expect("fits"),
		BoundedVec::try_from(witness).expect("fits"),
	)
}

/// Registers `provider`'s `generation`-th enclave key with a genuine dev quote from the one
/// dev platform: a nonce from the chain, a quote committing to it, `register_enclave`.
pub fn register(provider: AccountId, generation: u8) -> DispatchResult {
	let identity = Identity::Sgx(SgxEnclave::azra_dev_runtime());
	let key = EnclaveKey::Ed25519(enclave_pair(provider, generation).public().0);
	let nonce = Attestation::do_request_nonce(provider)?;
	// Each enclave's own sealing key (any non-zero bytes: the chain never uses it).
	let sealing_key =
		sp_io::hashing::blake2_256(&codec::Encode::encode(&(b"sealing", provider, generation)));
	let mut report_data = [0u8; 64];
	report_data[..32].copy_from_slice(&Attestation::expected_report_data(&provider, &key, &nonce));
	report_data[32..].copy_from_slice(&sealing_key);
	let quote = pki().quote(&identity, report_data).expect("quote");
	Attestation::register_enclave(
		RuntimeOrigin::signed(provider),
		BoundedVec::try_from(quote).expect("fits"),
		key,
		nonce,
		dev_measurement().id(),
		sealing_key,
	)
}

/// Advances `blocks` blocks, running the hooks that matter in each: the mint's epoch
/// hook at the start, and the three pallets' pruning in the spare weight at the end of
/// the block left behind.
pub fn advance(blocks: u64) {
	for _ in 0..blocks {
		let now = System::block_number();
		Burn::on_idle(now, Weight::MAX);
		Mint::on_idle(now, Weight::MAX);
		Attestation::on_idle(now, Weight::MAX);
		let next = now + 1;
		System::set_block_number(next);
		pallet_timestamp::Now::<Test>::put(NOW * 1000 + next * 6_000);
		Mint::on_initialize(next);
	}
}

/// Advances to the first block of the next epoch, closing the current one.
pub fn close_epoch() {
	let info = pallet_mint::CurrentEpoch::<Test>::get();
	let now = System::block_number();
	advance((info.start + info.length).saturating_sub(now).max(1));
}

/// Dispatches `call` as `who` through the runtime's call filter, as a transaction would.
pub fn dispatch_as(who: AccountId, call: impl Into<RuntimeCall>) -> DispatchResult {
	call.into().dispatch(RuntimeOrigin::signed(who)).map(|_| ()).map_err(|e| e.error)
}

/// Dispatches `call` as Root (governance).
pub fn dispatch_root(call: impl Into<RuntimeCall>) -> DispatchResult {
	call.into().dispatch(RuntimeOrigin::root()).map(|_| ()).map_err(|e| e.error)
}

/// Submits a build of `units` units as `builder`; returns its id.
pub fn submit(builder: AccountId, units: Units) -> Result<BuildId, sp_runtime::DispatchError> {
	let id = pallet_burn::Ledger::<Test>::get().next_build_id;
	dispatch_as(
		builder,
		pallet_burn::Call::submit_build {
			spec_hash: H256::repeat_byte(0x5b),
			input_hash: H256::repeat_byte(0x1b),
			units,
			required_measurement: None,
			max_price: Balance::MAX,
		},
	)?;
	Ok(id)
}

/// The enclave key of `provider`'s `generation`-th enclave (see [`register`]).
pub fn enclave_key(provider: AccountId, generation: u8) -> EnclaveKey {
	EnclaveKey::Ed25519(enclave_pair(provider, generation).public().0)
}

/// Submits a build of `units` units as `builder`, sealed to `recipients`; returns its id.
pub fn submit_sealed(
	builder: AccountId,
	units: Units,
	recipients: &[EnclaveKey],
) -> Result<BuildId, sp_runtime::DispatchError> {
	let id = pallet_burn::Ledger::<Test>::get().next_build_id;
	dispatch_as(
		builder,
		pallet_burn::Call::submit_sealed_build {
			spec_hash: H256::repeat_byte(0x5b),
			input_hash: H256::repeat_byte(0x1b),
			units,
			required_measurement: None,
			max_price: Balance::MAX,
			recipients: BoundedVec::truncate_from(recipients.to_vec()),
			output_key: [0x0b; 32],
		},
	)?;
	Ok(id)
}

/// The work proof `provider`'s enclave (of `generation`) signs for `build` with
/// `units_used`; forged, it names that enclave but carries another key's signature.
pub fn work_proof(
	provider: AccountId,
	generation: u8,
	build: BuildId,
	units_used: Units,
	forged: bool,
) -> WorkProof {
	let view = Burn::build_view(build);
	let claim = WorkClaim {
		genesis_hash: Mint::genesis_hash(),
		build_id: build,
		spec_hash: view.as_ref().map(|b| b.spec_hash).unwrap_or_default(),
		input_hash: view.as_ref().map(|b| b.input_hash).unwrap_or_default(),
		output_hash: H256::repeat_byte(0xAB),
		units_used,
		provider,
	};
	let enclave = enclave_pair(provider, generation);
	let signer = if forged { ed25519::Pair::from_seed(&[0xEE; 32]) } else { enclave };
	WorkProof {
		enclave_key: EnclaveKey::Ed25519(enclave.public().0),
		signature: MultiSignature::Ed25519(signer.sign(&claim.signing_payload())),
	}
}

/// `provider` accepts `build`.
pub fn accept(provider: AccountId, build: BuildId) -> DispatchResult {
	dispatch_as(provider, pallet_burn::Call::accept_build { build_id: build })
}

/// `provider` proves `units_used` units of `build` with its first enclave.
pub fn prove(provider: AccountId, build: BuildId, units_used: Units) -> DispatchResult {
	prove_with(provider, 0, build, units_used)
}

/// `provider` proves `units_used` units of `build` with its `generation`-th enclave.
pub fn prove_with(
	provider: AccountId,
	generation: u8,
	build: BuildId,
	units_used: Units,
) -> DispatchResult {
	dispatch_as(
		provider,
		pallet_mint::Call::submit_work {
			build_id: build,
			output_hash: H256::repeat_byte(0xAB),
			units_used,
			proof: work_proof(provider, generation, build, units_used, false),
		},
	)
}

/// Submits, accepts and proves a whole build of `units` units.
pub fn proven_build(builder: AccountId, provider: AccountId, units: Units) -> BuildId {
	let id = submit(builder, units).expect("the builder can pay");
	accept(provider, id).expect("the provider is eligible and can bond");
	prove(provider, id, units).expect("a genuine proof");
	id
}

/// `provider` claims every closed, unclaimed epoch it has points in that has not expired.
pub fn claim_all(provider: AccountId) {
	let current = Mint::current_epoch();
	let epochs: Vec<u32> = (0..current)
		.filter(|e| !Mint::is_expired(*e))
		.filter(|e| {
			pallet_mint::Points::<Test>::get(e, provider).is_some_and(|points| !points.claimed)
		})
		.collect();
	for chunk in epochs.chunks(8) {
		dispatch_as(
			provider,
			pallet_mint::Call::claim_rewards {
				epochs: BoundedVec::try_from(chunk.to_vec()).expect("at most 8"),
			},
		)
		.expect("closed epochs with points can be claimed");
	}
}

/// Everything `who` owns: free and held.
pub fn wealth(who: AccountId) -> Balance {
	<Balances as Inspect<AccountId>>::total_balance(&who)
}

/// Everything a group of accounts owns.
pub fn wealth_of(group: &[AccountId]) -> Balance {
	group.iter().map(|a| wealth(*a)).sum()
}

/// Total issuance.
pub fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

/// Every invariant of the three pallets: the issuance equation, each pallet's `try_state`
/// (burn: live lists and held bonds; attestation: the enclave registry; mint: budgets
/// within proven burn, payouts within budgets, records agree with totals).
pub fn check_invariants() {
	let totals = Mint::supply_totals();
	assert_eq!(
		u128::from(issuance()),
		u128::from(totals.genesis_issuance)
			+ u128::from(totals.minted)
			+ u128::from(totals.refunded)
			- u128::from(totals.burned),
		"total issuance = genesis + minted + refunded − burned"
	);
	Burn::do_try_state().expect("burn invariants");
	Attestation::do_try_state().expect("attestation invariants");
	Mint::do_try_state().expect("mint invariants");
	check_every_bond_hold();
}

/// Every provider-bond hold on the chain, account by account, is exactly the sum of the
/// bonds of the builds stored as assigned to that account: no bond is held that no build
/// accounts for, and none is missing.
fn check_every_bond_hold() {
	let reason = RuntimeHoldReason::Burn(pallet_burn::HoldReason::ProviderBond);
	let mut expected = std::collections::BTreeMap::<AccountId, Balance>::new();
	for (_, build) in pallet_burn::Builds::<Test>::iter() {
		if let BuildState::Assigned { provider, .. } = build.state {
			*expected.entry(provider).or_default() += build.bond;
		}
	}
	expected.retain(|_, bond| *bond > 0);
	let mut held = std::collections::BTreeMap::<AccountId, Balance>::new();
	for (who, holds) in pallet_balances::Holds::<Test>::iter() {
		let bond: Balance = holds.iter().filter(|h| h.id == reason).map(|h| h.amount).sum();
		if bond > 0 {
			held.insert(who, bond);
		}
	}
	assert_eq!(held, expected, "held bonds = bonds of assigned builds, per provider");
}

/// The storage root: equal before and after a failed call, or the call changed state.
pub fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

/// The provider `build` is stored as assigned to, even if its deadline has passed (so that
/// late proofs are tried too).
pub fn assigned_to(build: BuildId) -> Option<AccountId> {
	match pallet_burn::Builds::<Test>::get(build)?.state {
		BuildState::Assigned { provider, .. } => Some(provider),
		_ => None,
	}
}
