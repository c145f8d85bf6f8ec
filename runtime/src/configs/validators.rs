//! Validators on chain (ARCHITECTURE.md §12): `pallet-validator-set` keeps the set that
//! governance changes, `pallet-session` rotates it in at session boundaries together with
//! each validator's session keys (Aura for authoring, GRANDPA for finality).

use frame_support::{parameter_types, traits::ConstU32};
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use super::super::{
	opaque::SessionKeys, AccountId, Aura, Balance, Balances, BlockNumber, Runtime, RuntimeEvent,
	Session, ValidatorSet, HOURS, MINUTES, UNIT,
};
use super::GovernanceOrigin;

parameter_types! {
	/// Setting session keys holds 1 AZRA until they are purged: anyone may set keys, and
	/// each set stays in state.
	pub const SessionKeyDeposit: Balance = UNIT;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

parameter_types! {
	/// Sessions last between half a minute (dev chains, so a test sees a validator join
	/// and leave quickly) and a day.
	pub const MinSessionLength: BlockNumber = MINUTES / 2;
	pub const MaxSessionLength: BlockNumber = 24 * HOURS;
}

impl pallet_validator_set::Config for Runtime {
	type GovernanceOrigin = GovernanceOrigin;
	type KeysRegistered = Session;
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Runtime, Aura>;
	/// One validator keeps a dev chain producing blocks.
	type MinValidators = ConstU32<1>;
	/// As many as Aura and GRANDPA take.
	type MaxValidators = ConstU32<32>;
	type MinSessionLength = MinSessionLength;
	type MaxSessionLength = MaxSessionLength;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::AzraBenchmarks;
}
