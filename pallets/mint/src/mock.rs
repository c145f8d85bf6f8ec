//! A mock runtime: frame_system + pallet_balances + this pallet, with simple stand-ins for
//! the burn pallet (a build table that really burns from balances and refunds through the
//! mint, with the burn ledger's running sum for the open epoch) and the attestation pallet
//! (ed25519 enclave keys per provider, revocable). `run_to_block` runs `on_initialize` and,
//! as a real block would, `on_idle` with the weight a block leaves unused.

use crate as pallet_mint;
use azra_primitives::{
	BuildId, BuildRegistry, BuildState, BuildView, BurnLedger, EpochIndex, Refund, TcbStatus,
	Units, VerifiedWork, WorkClaim, WorkProofVerifier,
};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::Mutate,
		tokens::{Fortitude, Precision, Preservation},
		ConstU32, Hooks,
	},
	weights::Weight,
};
use sp_core::{ed25519, Pair, H256};
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	BuildStorage, DispatchError, DispatchResult, FixedU128, MultiSignature, MultiSigner, Perbill,
};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts in the mock.
pub type AccountId = u64;
/// Balances in the mock.
pub type Balance = u64;
/// Block numbers in the mock.
pub type BlockNumber = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Mint: pallet_mint,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

parameter_types! {
	pub MinRatio: FixedU128 = FixedU128::from_rational(1, 10);
	pub MaxRatio: FixedU128 = FixedU128::from_u32(1);
	pub const MinCeiling: Balance = 1_000;
	pub const MaxCeiling: Balance = 1_000_000;
	pub const MinEpochLength: BlockNumber = 2;
	pub const MaxEpochLength: BlockNumber = 1_000;
	pub MaxChangePerEpoch: Perbill = Perbill::from_percent(20);
	/// Short, so that tests reach expiry in a few epochs.
	pub const HistoryDepth: EpochIndex = 4;
	/// Small, so that a dozen providers take several blocks to prune.
	pub const MaxPrunedPerBlock: u32 = 4;
}

impl pallet_mint::Config for Test {
	type Currency = Balances;
	type Builds = MockBurn;
	type BurnLedger = MockBurn;
	type Proof = MultiSignature;
	type WorkProofs = MockAttestation;
	type MinRatio = MinRatio;
	type MaxRatio = MaxRatio;
	type MinCeiling = MinCeiling;
	type MaxCeiling = MaxCeiling;
	type MinEpochLength = MinEpochLength;
	type MaxEpochLength = MaxEpochLength;
	type MaxChangePerEpoch = MaxChangePerEpoch;
	type MaxEpochsPerClaim = ConstU32<8>;
	type HistoryDepth = HistoryDepth;
	type MaxPrunedPerBlock = MaxPrunedPerBlock;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// The builder who submits (and pays for) builds.
pub const BUILDER: AccountId = 1;
/// Providers.
pub const ALICE: AccountId = 10;
/// Providers.
pub const BOB: AccountId = 11;
/// Providers.
pub const CHARLIE: AccountId = 12;
/// Providers.
pub const DAVE: AccountId = 13;
/// Providers.
pub const EVE: AccountId = 14;
/// What the builder holds at genesis.
pub const BUILDER_FUNDS: Balance = 1_000_000_000;
/// What each provider holds at genesis.
pub const PROVIDER_FUNDS: Balance = 1_000;
/// Epoch length at genesis.
pub const EPOCH: BlockNumber = 10;
/// What `run_to_block` offers `on_idle` in each block: a whole block's weight, as an empty
/// block would leave.
pub const IDLE_WEIGHT: Weight = Weight::from_parts(2_000_000_000_000, 5 * 1024 * 1024);

thread_local! {
	static BUILDS: RefCell<BTreeMap<BuildId, BuildView<AccountId, Balance, BlockNumber>>> =
		const { RefCell::new(BTreeMap::new()) };
	static NEXT_BUILD: RefCell<BuildId> = const { RefCell::new(0) };
	static OPEN_EPOCH_BURN: RefCell<Balance> = const { RefCell::new(0) };
	static TOTAL_BURNED: RefCell<Balance> = const { RefCell::new(0) };
	static COMPLETIONS: RefCell<u32> = const { RefCell::new(0) };
	static ENCLAVE_KEYS: RefCell<BTreeMap<AccountId, ed25519::Public>> =
		const { RefCell::new(BTreeMap::new()) };
	static REVOKED: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
}

fn reset_mocks() {
	BUILDS.with(|b| b.borrow_mut().clear());
	NEXT_BUILD.with(|n| *n.borrow_mut() = 0);
	OPEN_EPOCH_BURN.with(|b| *b.borrow_mut() = 0);
	TOTAL_BURNED.with(|t| *t.borrow_mut() = 0);
	COMPLETIONS.with(|c| *c.borrow_mut() = 0);
	ENCLAVE_KEYS.with(|k| k.borrow_mut().clear());
	REVOKED.with(|r| r.borrow_mut().clear());
}

/// Stand-in for the burn pallet.
pub struct MockBurn;

impl MockBurn {
	/// Burn `amount` from `who`, accounted in the open epoch's running sum.
	pub fn burn(who: AccountId, amount: Balance) -> DispatchResult {
		if amount == 0 {
			return Ok(());
		}
		<Balances as Mutate<AccountId>>::burn_from(
			&who,
			amount,
			Preservation::Preserve,
			Precision::Exact,
			Fortitude::Polite,
		)?;
		OPEN_EPOCH_BURN.with(|b| *b.borrow_mut() += amount);
		TOTAL_BURNED.with(|t| *t.borrow_mut() += amount);
		Ok(())
	}

	/// Submit a build of `units` at `price`, burning the price from `builder`.
	pub fn submit(
		builder: AccountId,
		units: Units,
		price: Balance,
	) -> Result<BuildId, DispatchError> {
		Self::burn(builder, price)?;
		let id = NEXT_BUILD.with(|n| {
			let id = *n.borrow();
			*n.borrow_mut() = id + 1;
			id
		});
		let view = BuildView {
			builder,
			spec_hash: H256::from_low_u64_be(0x5bec_0000 + id),
			input_hash: H256::from_low_u64_be(0x1b00_0000 + id),
			units,
			price,
			required_measurement: None,
			state: BuildState::Open,
		};
		BUILDS.with(|b| b.borrow_mut().insert(id, view));
		Ok(id)
	}

	/// Require enclaves running `measurement` for build `id`.
	pub fn require_measurement(id: BuildId, measurement: H256) {
		BUILDS.with(|b| {
			if let Some(view) = b.borrow_mut().get_mut(&id) {
				view.required_measurement = Some(measurement);
			}
		});
	}

	/// Assign build `id` to `provider` until `deadline`.
	pub fn assign(id: BuildId, provider: AccountId, deadline: BlockNumber) {
		BUILDS.with(|b| {
			if let Some(view) = b.borrow_mut().get_mut(&id) {
				view.state = BuildState::Assigned { provider, deadline };
			}
		});
	}

	/// Expire build `id` (if not final) and refund its price through the mint.
	pub fn expire(id: BuildId) -> DispatchResult {
		let view = Self::build(id).ok_or(DispatchError::Other("NoSuchBuild"))?;
		match view.state {
			BuildState::Open | BuildState::Assigned { .. } => {}
			_ => return Err(DispatchError::Other("BuildFinal")),
		}
		Mint::refund(&view.builder, view.price)?;
		BUILDS.with(|b| {
			if let Some(v) = b.borrow_mut().get_mut(&id) {
				v.state = BuildState::Expired;
			}
		});
		Ok(())
	}

	/// Overwrite the state of build `id`.
	pub fn set_state(id: BuildId, state: BuildState<AccountId, BlockNumber>) {
		BUILDS.with(|b| {
			if let Some(view) = b.borrow_mut().get_mut(&id) {
				view.state = state;
			}
		});
	}

	/// How many times `complete_build` succeeded.
	pub fn completions() -> u32 {
		COMPLETIONS.with(|c| *c.borrow())
	}
}

impl BuildRegistry<AccountId, Balance, BlockNumber> for MockBurn {
	fn build(id: BuildId) -> Option<BuildView<AccountId, Balance, BlockNumber>> {
		BUILDS.with(|b| b.borrow().get(&id).cloned())
	}

	fn complete_build(
		id: BuildId,
		provider: &AccountId,
		_enclave: &azra_primitives::EnclaveKey,
		output_hash: H256,
		units_used: Units,
	) -> Result<Balance, DispatchError> {
		let now = System::block_number();
		let (builder, proven_burn, unused) = BUILDS.with(|b| {
			let mut builds = b.borrow_mut();
			let view = builds.get_mut(&id).ok_or(DispatchError::Other("NoSuchBuild"))?;
			match &view.state {
				BuildState::Assigned { provider: p, deadline }
					if p == provider && now <= *deadline => {}
				_ => return Err(DispatchError::Other("NotCompletable")),
			}
			if units_used == 0 || units_used > view.units {
				return Err(DispatchError::Other("UnitsOutOfRange"));
			}
			// As the burn pallet: the price of the units used is proven burn, the rest is
			// refunded.
			let proven_burn =
				(view.price as u128 * units_used as u128 / view.units as u128) as Balance;
			view.state = BuildState::Completed { provider: *provider, output_hash, units_used };
			COMPLETIONS.with(|c| *c.borrow_mut() += 1);
			Ok((view.builder, proven_burn, view.price - proven_burn))
		})?;
		Mint::refund(&builder, unused)?;
		Ok(proven_burn)
	}
}

impl BurnLedger<Balance> for MockBurn {
	fn take_epoch_burn() -> Balance {
		OPEN_EPOCH_BURN.with(|b| core::mem::take(&mut *b.borrow_mut()))
	}
	fn burned_in_open_epoch() -> Balance {
		OPEN_EPOCH_BURN.with(|b| *b.borrow())
	}
	fn total_burned() -> Balance {
		TOTAL_BURNED.with(|t| *t.borrow())
	}
}

/// Stand-in for the attestation pallet: one ed25519 enclave key per provider.
pub struct MockAttestation;

/// The measurement every mock enclave reports.
pub const MEASUREMENT: H256 = H256::repeat_byte(0xaa);
/// Error when the provider has no enclave.
pub const NO_ENCLAVE: DispatchError = DispatchError::Other("NoEnclave");
/// Error when the provider's measurement was revoked.
pub const MEASUREMENT_REVOKED: DispatchError = DispatchError::Other("MeasurementRevoked");
/// Error when the signature does not match the claim.
pub const INVALID_PROOF: DispatchError = DispatchError::Other("InvalidWorkProof");

impl MockAttestation {
	/// The enclave key of `provider` (deterministic).
	pub fn pair(provider: AccountId) -> ed25519::Pair {
		let mut seed = [7u8; 32];
		seed[..8].copy_from_slice(&provider.to_le_bytes());
		ed25519::Pair::from_seed(&seed)
	}

	/// Register `provider`'s enclave key.
	pub fn register(provider: AccountId) {
		let public = Self::pair(provider).public();
		ENCLAVE_KEYS.with(|k| k.borrow_mut().insert(provider, public));
	}

	/// Revoke the measurement of `provider`'s enclave.
	pub fn revoke(provider: AccountId) {
		REVOKED.with(|r| r.borrow_mut().insert(provider));
	}

	/// A work proof by `signer`'s enclave over `claim`.
	pub fn prove_as(signer: AccountId, claim: &WorkClaim<AccountId>) -> MultiSignature {
		MultiSignature::Ed25519(Self::pair(signer).sign(&claim.signing_payload()))
	}

	/// A work proof by the claim's provider's enclave.
	pub fn prove(claim: &WorkClaim<AccountId>) -> MultiSignature {
		Self::prove_as(claim.provider, claim)
	}
}

impl WorkProofVerifier<AccountId, MultiSignature> for MockAttestation {
	fn verify_work_proof(
		claim: &WorkClaim<AccountId>,
		signature: &MultiSignature,
	) -> Result<VerifiedWork, DispatchError> {
		if REVOKED.with(|r| r.borrow().contains(&claim.provider)) {
			return Err(MEASUREMENT_REVOKED);
		}
		let key =
			ENCLAVE_KEYS.with(|k| k.borrow().get(&claim.provider).copied()).ok_or(NO_ENCLAVE)?;
		let signer = MultiSigner::from(key).into_account();
		if !signature.verify(&claim.signing_payload()[..], &signer) {
			return Err(INVALID_PROOF);
		}
		Ok(VerifiedWork {
			enclave_key: azra_primitives::EnclaveKey::Ed25519(key.0),
			measurement: MEASUREMENT,
			tcb_status: TcbStatus::UpToDate,
		})
	}
}

/// Benchmark set-up against the mocks.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, MultiSignature> for MockBenchmarkHelper {
	fn assigned_build(provider: &AccountId, units: Units) -> BuildId {
		MockAttestation::register(*provider);
		let id = MockBurn::submit(BUILDER, units, 10).expect("builder is funded");
		MockBurn::assign(id, *provider, System::block_number() + 100);
		id
	}
	fn work_proof(claim: &WorkClaim<AccountId>) -> MultiSignature {
		MockAttestation::prove(claim)
	}
	fn stored_output(_provider: &AccountId, bytes: Vec<u8>) -> sp_core::H256 {
		sp_core::H256(sp_io::hashing::blake2_256(&bytes))
	}
}

/// Genesis parameters of a test.
#[derive(Clone)]
pub struct ExtBuilder {
	/// `ratio`.
	pub ratio: FixedU128,
	/// `ceiling`.
	pub ceiling: Balance,
	/// `epoch_length`.
	pub epoch_length: BlockNumber,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { ratio: FixedU128::from_u32(1), ceiling: 100_000, epoch_length: EPOCH }
	}
}

impl ExtBuilder {
	/// Build the externalities at block 1, with mocks reset and every provider's enclave
	/// registered.
	pub fn build(self) -> sp_io::TestExternalities {
		reset_mocks();
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut balances = vec![(BUILDER, BUILDER_FUNDS)];
		balances.extend([ALICE, BOB, CHARLIE, DAVE, EVE].map(|p| (p, PROVIDER_FUNDS)));
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		pallet_mint::GenesisConfig::<Test> {
			ratio: self.ratio,
			ceiling: self.ceiling,
			epoch_length: self.epoch_length,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			for p in [ALICE, BOB, CHARLIE, DAVE, EVE] {
				MockAttestation::register(p);
			}
		});
		ext
	}
}

/// The default test externalities.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Advance block by block to `n`: finish each block with this pallet's `on_idle`, offered
/// [`IDLE_WEIGHT`], then start the next with its `on_initialize`.
pub fn run_to_block(n: BlockNumber) {
	run_to_block_with_idle(n, IDLE_WEIGHT);
}

/// [`run_to_block`], offering `on_idle` `idle_weight` in each block (zero: no pruning).
pub fn run_to_block_with_idle(n: BlockNumber, idle_weight: Weight) {
	while System::block_number() < n {
		Mint::on_idle(System::block_number(), idle_weight);
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Mint::on_initialize(next);
	}
}

/// Advance to the first block of the next epoch (closing the current one).
pub fn close_epoch() {
	close_epoch_with_idle(IDLE_WEIGHT);
}

/// [`close_epoch`], offering `on_idle` `idle_weight` in each block (zero: no pruning).
pub fn close_epoch_with_idle(idle_weight: Weight) {
	let info = pallet_mint::CurrentEpoch::<Test>::get();
	run_to_block_with_idle(info.start + info.length, idle_weight);
}

/// Submit a build of `units` units at `price`, assign it to `provider` with a deadline 50
/// blocks ahead, and return its id.
pub fn assigned_build(provider: AccountId, units: Units, price: Balance) -> BuildId {
	let id = MockBurn::submit(BUILDER, units, price).expect("builder is funded");
	MockBurn::assign(id, provider, System::block_number() + 50);
	id
}

/// The claim a provider would sign for `build_id`.
pub fn claim_for(
	build_id: BuildId,
	provider: AccountId,
	output_hash: H256,
	units_used: Units,
) -> WorkClaim<AccountId> {
	let build = MockBurn::build(build_id);
	WorkClaim {
		genesis_hash: Mint::genesis_hash(),
		build_id,
		spec_hash: build.as_ref().map(|b| b.spec_hash).unwrap_or_default(),
		input_hash: build.as_ref().map(|b| b.input_hash).unwrap_or_default(),
		output_hash,
		units_used,
		provider,
	}
}

/// Prove `build_id` as `provider` with a correct proof.
pub fn prove(provider: AccountId, build_id: BuildId, units_used: Units) -> DispatchResult {
	let output = H256::repeat_byte(0x0f);
	let claim = claim_for(build_id, provider, output, units_used);
	let proof = MockAttestation::prove(&claim);
	Mint::submit_work(RuntimeOrigin::signed(provider), build_id, output, units_used, proof)
}
