//! AzraCode's own pallets — burn, attestation, mint — and how they meet.
//!
//! Each pallet only knows the traits of `azra-primitives`; this is where each trait gets
//! the pallet that owns the data: builds and burns come from `Burn`, epochs and refunds
//! from `Mint`, eligibility and work-proof checks from the attestation side, and stored
//! outputs from `Preimage`.

use super::GovernanceOrigin;
use azra_primitives::{OutputStore, Units};
use frame_support::{
	parameter_types,
	traits::{ConstU32, QueryPreimage},
};
use sp_core::H256;
use sp_runtime::{FixedU128, Perbill};

use super::super::{
	Attestation, Balance, Balances, BlockNumber, Burn, Mint, Preimage, Runtime, RuntimeHoldReason,
	Timestamp, DAYS, HOURS, MICRO_UNIT, MILLI_UNIT, MINUTES, UNIT,
};

/// Completed builds' outputs, kept as pallet-preimage requests: the chain requests the
/// output when the proof completes the build (its builder pays the output deposit), so the
/// provider that noted it takes its own deposit back with `unnotePreimage` and the bytes
/// stay; the request ends when the build's record leaves state, and the bytes with it.
pub struct PreimageOutputs;
impl OutputStore for PreimageOutputs {
	fn len(hash: &H256) -> Option<u32> {
		<Preimage as QueryPreimage>::len(hash)
	}
	fn keep(hash: &H256) {
		<Preimage as QueryPreimage>::request(hash);
	}
	fn release(hash: &H256) {
		<Preimage as QueryPreimage>::unrequest(hash);
	}
}

parameter_types! {
	pub const MaxUnitsPerBuild: Units = 1_000_000;
	/// Each build record holds 10 milli-AZRA of its builder's until it leaves state.
	pub const BuildDeposit: Balance = 10 * MILLI_UNIT;
	/// A completed build's output, kept by the chain while the build's record stays, holds
	/// from its builder what a preimage of its size would (`PreimageBaseDeposit` and
	/// `PreimageByteDeposit`): 10 milli-AZRA and one micro-AZRA a byte, at most about
	/// 4.2 AZRA for the largest (4 MiB).
	pub const OutputDepositBase: Balance = 10 * MILLI_UNIT;
	pub const OutputDepositPerByte: Balance = MICRO_UNIT;
	/// A final build's record stays a day (its events stay for good).
	pub const BuildRetention: BlockNumber = DAYS;
	/// At most 4,096 records leave state in a block; the weight a block leaves for
	/// `on_idle` is the tighter bound (docs/development.md, "Bounded state").
	pub const MaxBuildsPrunedPerBlock: u32 = 4096;
	pub const BuildLifetime: BlockNumber = HOURS;
	pub const AssignmentPeriod: BlockNumber = 10 * MINUTES;
	/// A unit costs between 1 nano-AZRA and 1 AZRA.
	pub const MinPricePerUnit: Balance = MILLI_UNIT / 1_000_000;
	pub const MaxPricePerUnit: Balance = UNIT;
	pub MaxPriceChangePerEpoch: Perbill = Perbill::from_percent(10);
	/// Taking a build holds 10% of its price from the provider until the proof.
	pub ProviderBond: Perbill = Perbill::from_percent(10);
	/// …and at least 10 milli-AZRA, so that blocking even the cheapest build costs something.
	pub const MinProviderBond: Balance = 10 * MILLI_UNIT;
	/// What a provider's bonds may put at risk until its account sets an allowance of its
	/// own: the bonds of ten of the largest builds at the genesis price. A `Provider` proxy
	/// cannot raise it.
	pub const DefaultBondAllowance: Balance = 1_000 * UNIT;
}

impl pallet_burn::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Eligibility = Attestation;
	type Refund = Mint;
	type Outputs = PreimageOutputs;
	type EpochClock = Mint;
	type MaxUnitsPerBuild = MaxUnitsPerBuild;
	type BuildDeposit = BuildDeposit;
	type OutputDepositBase = OutputDepositBase;
	type OutputDepositPerByte = OutputDepositPerByte;
	type BuildRetention = BuildRetention;
	type MaxPrunedPerBlock = MaxBuildsPrunedPerBlock;
	type BuildLifetime = BuildLifetime;
	type AssignmentPeriod = AssignmentPeriod;
	type MinPricePerUnit = MinPricePerUnit;
	type MaxPricePerUnit = MaxPricePerUnit;
	type MaxPriceChangePerEpoch = MaxPriceChangePerEpoch;
	type ProviderBond = ProviderBond;
	type MinProviderBond = MinProviderBond;
	type DefaultBondAllowance = DefaultBondAllowance;
	type WeightInfo = pallet_burn::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::AzraBenchmarks;
}

parameter_types! {
	/// Registration nonces live two minutes.
	pub const NonceLifetime: BlockNumber = 2 * MINUTES;
	/// An enclave re-attests at least daily.
	pub const ReattestationPeriod: BlockNumber = DAYS;
	/// Held for each enclave record until it leaves state: a record, its sealing key and
	/// its deposit entry are about 300 bytes, and a provider keeps at most four.
	pub const EnclaveDeposit: Balance = UNIT;
}

impl pallet_attestation::Config for Runtime {
	type UnixTime = Timestamp;
	type GovernanceOrigin = GovernanceOrigin;
	type MaxQuoteLen = ConstU32<8192>;
	type MaxCollateralLen = ConstU32<32768>;
	type MaxRootCaLen = ConstU32<2048>;
	type NonceLifetime = NonceLifetime;
	type MaxNoncesPerProvider = ConstU32<4>;
	type ReattestationPeriod = ReattestationPeriod;
	type MaxEnclavesPerProvider = ConstU32<4>;
	type MaxNoncesSweptPerBlock = ConstU32<256>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type EnclaveDeposit = EnclaveDeposit;
	type MaxEnclavesPrunedPerBlock = ConstU32<16>;
	type WeightInfo = pallet_attestation::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::AzraBenchmarks;
}

parameter_types! {
	pub MinRatio: FixedU128 = FixedU128::from_rational(1, 10);
	/// Providers are paid at most 95% of the burn of the work they proved: self-dealing
	/// always loses at least 5% of what it pushes through proofs (and its fees), even when
	/// the self-dealer authors blocks and gets its fees back.
	pub MaxRatio: FixedU128 = FixedU128::from_rational(95, 100);
	pub const MinCeiling: Balance = UNIT;
	pub const MaxCeiling: Balance = 1_000_000 * UNIT;
	/// Dev chains use 10-block epochs (one minute); production-shaped chains a day or less.
	pub const MinEpochLength: BlockNumber = 10;
	pub const MaxEpochLength: BlockNumber = 7 * DAYS;
	pub MaxChangePerEpoch: Perbill = Perbill::from_percent(10);
	/// A provider claims an epoch's share within 84 epochs of it (84 days with daily
	/// epochs, as pallet-staking keeps 84 eras); then the epoch expires and leaves state.
	pub const HistoryDepth: azra_primitives::EpochIndex = 84;
}

impl pallet_mint::Config for Runtime {
	type Currency = Balances;
	type Builds = Burn;
	type BurnLedger = Burn;
	type Proof = pallet_attestation::WorkProof;
	type WorkProofs = Attestation;
	type MinRatio = MinRatio;
	type MaxRatio = MaxRatio;
	type MinCeiling = MinCeiling;
	type MaxCeiling = MaxCeiling;
	type MinEpochLength = MinEpochLength;
	type MaxEpochLength = MaxEpochLength;
	type MaxChangePerEpoch = MaxChangePerEpoch;
	type MaxEpochsPerClaim = ConstU32<16>;
	type HistoryDepth = HistoryDepth;
	type MaxPrunedPerBlock = ConstU32<1024>;
	type WeightInfo = pallet_mint::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::AzraBenchmarks;
}
