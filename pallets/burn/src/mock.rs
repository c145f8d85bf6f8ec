//! A mock runtime: frame_system + pallet_balances + the burn pallet, with stand-ins for the
//! mint side (epochs of 10 blocks; refunds that really mint) and the attestation side (a
//! set of eligible providers, each with one enclave, [`enclave_of`]).

use crate as pallet_burn;
use azra_primitives::{
	EnclaveKey, EpochClock, EpochIndex, MeasurementId, ProviderEligibility, Refund,
};
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::fungible::Mutate};
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, DispatchResult, Perbill};
use std::collections::BTreeSet;

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts in the mock.
pub type AccountId = u64;
/// Balances in the mock.
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Burn: pallet_burn,
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

/// Builders.
pub const ALICE: AccountId = 1;
/// A second builder.
pub const BOB: AccountId = 2;
/// A provider.
pub const PROVIDER: AccountId = 3;
/// Another provider.
pub const OTHER_PROVIDER: AccountId = 4;
/// An account that can barely pay anything.
pub const POOR: AccountId = 5;
/// What the funded accounts start with.
pub const ENDOWMENT: Balance = 100_000;
/// The price per unit at genesis.
pub const GENESIS_PRICE: Balance = 10;
/// Blocks per epoch in the stand-in epoch clock.
pub const EPOCH_LENGTH: u64 = 10;

thread_local! {
	static ELIGIBLE: RefCell<BTreeSet<(AccountId, Option<MeasurementId>)>> = const { RefCell::new(BTreeSet::new()) };
	static REFUNDED: RefCell<Balance> = const { RefCell::new(0) };
	static REVOKED_BY_GOVERNANCE: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static OLDEST_OPEN_EPOCH: RefCell<Option<EpochIndex>> = const { RefCell::new(None) };
	static KEPT_OUTPUTS: RefCell<std::collections::BTreeMap<H256, u32>> = const { RefCell::new(std::collections::BTreeMap::new()) };
	static UNSTORED_OUTPUTS: RefCell<BTreeSet<H256>> = const { RefCell::new(BTreeSet::new()) };
}

/// The length the stand-in output store reports for every stored output.
pub const OUTPUT_LEN: u32 = 8;

/// Makes the stand-in output store say the bytes of `hash` are not stored.
pub fn unstore_output(hash: H256) {
	UNSTORED_OUTPUTS.with(|set| set.borrow_mut().insert(hash));
}

/// How many keepers the stand-in output store counts for `hash` (pallet-preimage's request
/// count in the runtime).
pub fn keepers_of(hash: H256) -> u32 {
	KEPT_OUTPUTS.with(|kept| kept.borrow().get(&hash).copied().unwrap_or(0))
}

/// Counts keepers per output, as pallet-preimage counts requests; every output is stored
/// ([`OUTPUT_LEN`] bytes) unless [`unstore_output`] said otherwise.
pub struct CountingOutputs;
impl azra_primitives::OutputStore for CountingOutputs {
	fn len(hash: &H256) -> Option<u32> {
		(!UNSTORED_OUTPUTS.with(|set| set.borrow().contains(hash))).then_some(OUTPUT_LEN)
	}
	fn keep(hash: &H256) {
		KEPT_OUTPUTS.with(|kept| *kept.borrow_mut().entry(*hash).or_default() += 1);
	}
	fn release(hash: &H256) {
		KEPT_OUTPUTS.with(|kept| {
			let mut kept = kept.borrow_mut();
			let count = kept.get_mut(hash).expect("released an output nobody kept");
			*count -= 1;
			if *count == 0 {
				kept.remove(hash);
			}
		});
	}
}

/// Makes the stand-in clock say that epochs from `epoch` on are not closed yet (as in a
/// block whose hooks have not closed the epoch that ended).
pub fn set_oldest_open_epoch(epoch: EpochIndex) {
	OLDEST_OPEN_EPOCH.with(|e| *e.borrow_mut() = Some(epoch));
}

/// Makes `provider` eligible for builds requiring `measurement` (`None`: any build with no
/// requirement).
pub fn make_eligible(provider: AccountId, measurement: Option<MeasurementId>) {
	ELIGIBLE.with(|set| set.borrow_mut().insert((provider, measurement)));
}

/// Takes back what [`make_eligible`] gave (a revoked or expired enclave).
pub fn make_ineligible(provider: AccountId, measurement: Option<MeasurementId>) {
	ELIGIBLE.with(|set| set.borrow_mut().remove(&(provider, measurement)));
}

/// Makes the stand-in attestation side say that governance is why `provider` cannot prove.
pub fn revoke_by_governance(provider: AccountId) {
	REVOKED_BY_GOVERNANCE.with(|set| set.borrow_mut().insert(provider));
}

/// Everything refunded so far.
pub fn refunded() -> Balance {
	REFUNDED.with(|r| *r.borrow())
}

/// The error the stand-in attestation side gives an ineligible provider.
pub const NOT_ELIGIBLE: DispatchError = DispatchError::Other("ProviderNotEligible");
/// The error it gives a provider with no enclave among a sealed build's recipients.
pub const NOT_A_RECIPIENT: DispatchError = DispatchError::Other("NotARecipient");
/// The error it gives for a recipient that is no provider's enclave.
pub const UNKNOWN_ENCLAVE: DispatchError = DispatchError::Other("EnclaveUnknown");

/// The one enclave of `provider` in the mock: its account number, then a fixed filler.
pub fn enclave_of(provider: AccountId) -> EnclaveKey {
	let mut key = [0xee; 32];
	key[..8].copy_from_slice(&provider.to_le_bytes());
	EnclaveKey::Sr25519(key)
}

/// The provider whose enclave `key` is, if it is one [`enclave_of`] makes.
fn provider_of(key: &EnclaveKey) -> Option<AccountId> {
	let EnclaveKey::Sr25519(bytes) = key else { return None };
	let provider = AccountId::from_le_bytes(bytes[..8].try_into().ok()?);
	(enclave_of(provider) == *key).then_some(provider)
}

/// Epochs of [`EPOCH_LENGTH`] blocks.
pub struct TenBlockEpochs;
impl EpochClock for TenBlockEpochs {
	fn current_epoch() -> EpochIndex {
		(System::block_number() / EPOCH_LENGTH) as EpochIndex
	}
	fn oldest_open_epoch() -> EpochIndex {
		OLDEST_OPEN_EPOCH.with(|e| e.borrow().unwrap_or_else(Self::current_epoch))
	}
}

/// Eligible if the provider was registered for exactly this requirement.
pub struct EligibleSet;
impl ProviderEligibility<AccountId, u64> for EligibleSet {
	fn ensure_eligible(provider: &AccountId, required: Option<MeasurementId>) -> DispatchResult {
		ELIGIBLE
			.with(|set| set.borrow().contains(&(*provider, required)))
			.then_some(())
			.ok_or(NOT_ELIGIBLE)
	}

	fn ensure_eligible_recipient(
		provider: &AccountId,
		required: Option<MeasurementId>,
		recipients: &[EnclaveKey],
	) -> DispatchResult {
		if !recipients.contains(&enclave_of(*provider)) {
			return Err(NOT_A_RECIPIENT);
		}
		Self::ensure_eligible(provider, required)
	}

	fn ensure_sealing_recipient(
		enclave: &EnclaveKey,
		required: Option<MeasurementId>,
	) -> DispatchResult {
		let provider = provider_of(enclave).ok_or(UNKNOWN_ENCLAVE)?;
		Self::ensure_eligible(&provider, required)
	}

	fn ineligible_by_governance(
		provider: &AccountId,
		_required: Option<MeasurementId>,
		_recipients: Option<&[EnclaveKey]>,
		_since: u64,
	) -> bool {
		REVOKED_BY_GOVERNANCE.with(|set| set.borrow().contains(provider))
	}
}

/// Refunds by minting, as the mint pallet does.
pub struct MintingRefund;
impl Refund<AccountId, Balance> for MintingRefund {
	fn refund(builder: &AccountId, amount: Balance) -> DispatchResult {
		Balances::mint_into(builder, amount)?;
		REFUNDED.with(|r| *r.borrow_mut() += amount);
		Ok(())
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for Test {
	fn make_eligible(provider: &AccountId, measurement: Option<MeasurementId>) -> EnclaveKey {
		make_eligible(*provider, measurement);
		enclave_of(*provider)
	}

	fn make_eligible_behind_refused(
		provider: &AccountId,
		measurement: Option<MeasurementId>,
	) -> EnclaveKey {
		<Self as crate::BenchmarkHelper<AccountId>>::make_eligible(provider, measurement)
	}

	fn note_output(_provider: &AccountId, bytes: Vec<u8>) -> H256 {
		H256(sp_io::hashing::blake2_256(&bytes))
	}

	fn unnote_output(_provider: &AccountId, _hash: H256) {}

	fn refuse_by_governance(provider: &AccountId) {
		revoke_by_governance(*provider);
		ELIGIBLE.with(|set| set.borrow_mut().retain(|(p, _)| p != provider));
	}
}

parameter_types! {
	pub const MaxUnitsPerBuild: u64 = 1_000;
	pub const BuildDeposit: Balance = 2;
	/// `static`s, so that a test can charge for outputs (none of the others does).
	pub static OutputDepositBase: Balance = 0;
	pub static OutputDepositPerByte: Balance = 0;
	pub const BuildRetention: u64 = 30;
	pub const MaxPrunedPerBlock: u32 = 4;
	/// A `static`, so that a test can play a runtime upgrade that changes it.
	pub static BuildLifetime: u64 = 20;
	pub const AssignmentPeriod: u64 = 5;
	pub const MinPricePerUnit: Balance = 1;
	pub const MaxPricePerUnit: Balance = 100;
	pub MaxPriceChangePerEpoch: Perbill = Perbill::from_percent(10);
	pub ProviderBond: Perbill = Perbill::from_percent(10);
	pub const MinProviderBond: Balance = 3;
	/// Large enough that only the allowance tests meet it.
	pub const DefaultBondAllowance: Balance = 1_000_000;
}

impl pallet_burn::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Eligibility = EligibleSet;
	type Refund = MintingRefund;
	type Outputs = CountingOutputs;
	type EpochClock = TenBlockEpochs;
	type MaxUnitsPerBuild = MaxUnitsPerBuild;
	type BuildDeposit = BuildDeposit;
	type OutputDepositBase = OutputDepositBase;
	type OutputDepositPerByte = OutputDepositPerByte;
	type BuildRetention = BuildRetention;
	type MaxPrunedPerBlock = MaxPrunedPerBlock;
	type BuildLifetime = BuildLifetime;
	type AssignmentPeriod = AssignmentPeriod;
	type MinPricePerUnit = MinPricePerUnit;
	type MaxPricePerUnit = MaxPricePerUnit;
	type MaxPriceChangePerEpoch = MaxPriceChangePerEpoch;
	type ProviderBond = ProviderBond;
	type MinProviderBond = MinProviderBond;
	type DefaultBondAllowance = DefaultBondAllowance;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Test;
}

/// Funded accounts, the genesis price, block 1, and empty stand-ins.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ELIGIBLE.with(|set| set.borrow_mut().clear());
	REFUNDED.with(|r| *r.borrow_mut() = 0);
	REVOKED_BY_GOVERNANCE.with(|set| set.borrow_mut().clear());
	OLDEST_OPEN_EPOCH.with(|e| *e.borrow_mut() = None);
	BuildLifetime::set(20);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, ENDOWMENT),
			(BOB, ENDOWMENT),
			(PROVIDER, ENDOWMENT),
			(OTHER_PROVIDER, ENDOWMENT),
			(POOR, 50),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_burn::GenesisConfig::<Test> { price_per_unit: GENESIS_PRICE }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Moves to block `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}
