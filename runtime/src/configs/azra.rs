//! AzraCode's own pallets — burn, mint (and attestation) — and how they meet.
//!
//! Each pallet only knows the traits of `azra-primitives`; this is where each trait gets
//! the pallet that owns the data: builds and burns come from `Burn`, epochs and refunds
//! from `Mint`, eligibility and work-proof checks from the attestation side.

use azra_primitives::{
	MeasurementId, ProviderEligibility, Units, VerifiedWork, WorkClaim, WorkProofVerifier,
};
use frame_support::{parameter_types, traits::ConstU32};
use sp_runtime::{DispatchError, DispatchResult, FixedU128, MultiSignature, Perbill};

use super::super::{
	AccountId, Balance, Balances, BlockNumber, Burn, Mint, Runtime, DAYS, HOURS, MILLI_UNIT,
	MINUTES, UNIT,
};

parameter_types! {
	pub const MaxUnitsPerBuild: Units = 1_000_000;
	pub const MaxOpenBuildsPerBuilder: u32 = 16;
	pub const BuildLifetime: BlockNumber = HOURS;
	pub const AssignmentPeriod: BlockNumber = 10 * MINUTES;
	/// A unit costs between 1 nano-AZRA and 1 AZRA.
	pub const MinPricePerUnit: Balance = MILLI_UNIT / 1_000_000;
	pub const MaxPricePerUnit: Balance = UNIT;
	pub MaxPriceChangePerEpoch: Perbill = Perbill::from_percent(10);
}

impl pallet_burn::Config for Runtime {
	type Currency = Balances;
	type Eligibility = NoAttestedEnclaves;
	type Refund = Mint;
	type EpochClock = Mint;
	type MaxUnitsPerBuild = MaxUnitsPerBuild;
	type MaxOpenBuildsPerBuilder = MaxOpenBuildsPerBuilder;
	type BuildLifetime = BuildLifetime;
	type AssignmentPeriod = AssignmentPeriod;
	type MinPricePerUnit = MinPricePerUnit;
	type MaxPricePerUnit = MaxPricePerUnit;
	type MaxPriceChangePerEpoch = MaxPriceChangePerEpoch;
	type WeightInfo = pallet_burn::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = NoAttestedEnclaves;
}

parameter_types! {
	pub MinRatio: FixedU128 = FixedU128::from_rational(1, 10);
	pub MaxRatio: FixedU128 = FixedU128::from_u32(2);
	pub const MinFloor: Balance = 0;
	pub const MaxFloor: Balance = 1_000 * UNIT;
	pub const MinCeiling: Balance = UNIT;
	pub const MaxCeiling: Balance = 1_000_000 * UNIT;
	pub MinSmoothing: Perbill = Perbill::from_percent(1);
	pub MaxSmoothing: Perbill = Perbill::from_percent(100);
	/// Dev chains use 10-block epochs (one minute); production-shaped chains a day or less.
	pub const MinEpochLength: BlockNumber = 10;
	pub const MaxEpochLength: BlockNumber = 7 * DAYS;
	pub MaxChangePerEpoch: Perbill = Perbill::from_percent(10);
}

impl pallet_mint::Config for Runtime {
	type Currency = Balances;
	type Builds = Burn;
	type BurnLedger = Burn;
	type Signature = MultiSignature;
	type WorkProofs = NoAttestedEnclaves;
	type MinRatio = MinRatio;
	type MaxRatio = MaxRatio;
	type MinFloor = MinFloor;
	type MaxFloor = MaxFloor;
	type MinCeiling = MinCeiling;
	type MaxCeiling = MaxCeiling;
	type MinSmoothing = MinSmoothing;
	type MaxSmoothing = MaxSmoothing;
	type MinEpochLength = MinEpochLength;
	type MaxEpochLength = MaxEpochLength;
	type MaxChangePerEpoch = MaxChangePerEpoch;
	type BreakerMultiple = ConstU32<4>;
	type MaxEpochsPerClaim = ConstU32<16>;
	type MaxProvidersPerEpoch = ConstU32<256>;
	type WeightInfo = pallet_mint::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = NoAttestedEnclaves;
}

/// Until the attestation pallet joins the runtime, the chain fails closed: no provider is
/// eligible for any build and no work proof verifies, so nothing can be minted as a reward.
pub struct NoAttestedEnclaves;

/// Why every provider is refused until attestation is wired in.
const NO_ATTESTATION: DispatchError = DispatchError::Other("NoAttestedEnclave");

impl ProviderEligibility<AccountId> for NoAttestedEnclaves {
	fn ensure_eligible(_provider: &AccountId, _required: Option<MeasurementId>) -> DispatchResult {
		Err(NO_ATTESTATION)
	}
}

impl WorkProofVerifier<AccountId, MultiSignature> for NoAttestedEnclaves {
	fn verify_work_proof(
		_claim: &WorkClaim<AccountId>,
		_signature: &MultiSignature,
	) -> Result<VerifiedWork, DispatchError> {
		Err(NO_ATTESTATION)
	}
}

// The burn and mint benchmarks need an eligible provider and a valid work proof, which only
// the attestation pallet can give; until it is wired in, those pallets are not listed in
// `benchmarks.rs`, and these set-ups, never called, say why if one ever is.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_burn::BenchmarkHelper<AccountId> for NoAttestedEnclaves {
	fn make_eligible(_provider: &AccountId, _measurement: Option<MeasurementId>) {
		panic!("burn benchmarks need the attestation pallet in the runtime");
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_mint::BenchmarkHelper<AccountId, MultiSignature> for NoAttestedEnclaves {
	fn assigned_build(_provider: &AccountId, _units: Units) -> azra_primitives::BuildId {
		panic!("mint benchmarks need the attestation pallet in the runtime");
	}

	fn work_proof(_claim: &WorkClaim<AccountId>) -> MultiSignature {
		panic!("mint benchmarks need the attestation pallet in the runtime");
	}
}
