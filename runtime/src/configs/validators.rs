//! Validators on chain (docs/architecture.md §8): `pallet-validator-set` keeps the set that
//! governance changes, `pallet-session` rotates it in at session boundaries together with
//! each validator's session keys (Aura for authoring, GRANDPA for finality).
//!
//! GRANDPA equivocations (a voter signing two different votes in one round) are reported on
//! chain without staking: `pallet-session`'s historical module keeps a Merkle root of each
//! recent session's keys, so a report can prove which validator owned the offending key,
//! and `pallet-offences` records the offence (`offences.Offence`) for governance to act on.
//! There is no slashing: validators hold no stake.

use frame_support::{parameter_types, traits::ConstU32};
use sp_runtime::traits::{Convert, ConvertInto, OpaqueKeys};

use super::super::{
	opaque::SessionKeys, AccountId, Aura, Balance, Balances, BlockNumber, Historical, Runtime,
	RuntimeEvent, Session, ValidatorSet, HOURS, MINUTES, UNIT,
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
	type SessionManager =
		pallet_session::historical::NoteHistoricalRoot<Runtime, KeepSessionHistory>;
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

/// A session's index, as `pallet-session` counts them.
type SessionIndex = u32;

/// How many past sessions keep their key roots, so that an equivocation in one of them can
/// still be reported: a week of production sessions (an hour each), and GRANDPA's record of
/// which session each authority set belongs to is kept as long.
pub const SESSIONS_KEPT: SessionIndex = 168;

/// Hands `pallet-session` the validator set (through the historical module, which notes each
/// session's key root), and prunes key roots older than [`SESSIONS_KEPT`] sessions so the
/// history stays bounded.
pub struct KeepSessionHistory;

impl pallet_session::SessionManager<AccountId> for KeepSessionHistory {
	fn new_session(new_index: SessionIndex) -> Option<alloc::vec::Vec<AccountId>> {
		<ValidatorSet as pallet_session::SessionManager<AccountId>>::new_session(new_index)
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<alloc::vec::Vec<AccountId>> {
		<ValidatorSet as pallet_session::SessionManager<AccountId>>::new_session_genesis(new_index)
	}

	fn start_session(start_index: SessionIndex) {
		<Self as pallet_session::historical::SessionManager<AccountId, ()>>::start_session(
			start_index,
		)
	}

	fn end_session(end_index: SessionIndex) {
		<ValidatorSet as pallet_session::SessionManager<AccountId>>::end_session(end_index);
	}
}

impl pallet_session::historical::SessionManager<AccountId, ()> for KeepSessionHistory {
	fn new_session(new_index: SessionIndex) -> Option<alloc::vec::Vec<(AccountId, ())>> {
		<ValidatorSet as pallet_session::SessionManager<AccountId>>::new_session(new_index)
			.map(|validators| validators.into_iter().map(|v| (v, ())).collect())
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<alloc::vec::Vec<(AccountId, ())>> {
		<ValidatorSet as pallet_session::SessionManager<AccountId>>::new_session_genesis(new_index)
			.map(|validators| validators.into_iter().map(|v| (v, ())).collect())
	}

	fn start_session(start_index: SessionIndex) {
		<ValidatorSet as pallet_session::SessionManager<AccountId>>::start_session(start_index);
		Historical::prune_up_to(start_index.saturating_sub(SESSIONS_KEPT));
	}

	fn end_session(end_index: SessionIndex) {
		<ValidatorSet as pallet_session::SessionManager<AccountId>>::end_session(end_index);
	}
}

/// Validators hold no stake, so what identifies one in an offence is its account alone.
pub struct IdentifiedByAccount;

impl Convert<AccountId, Option<()>> for IdentifiedByAccount {
	fn convert(_validator: AccountId) -> Option<()> {
		Some(())
	}
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = IdentifiedByAccount;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	/// Offences are recorded, not punished: there is no stake to slash. Governance removes
	/// an equivocating validator with `validatorSet.removeValidator`.
	type OnOffenceHandler = ();
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = ();
}

parameter_types! {
	/// An equivocation report waits in the transaction pool for at most an hour of blocks.
	pub const ReportLongevity: u64 = HOURS as u64;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	super::super::RuntimeCall: From<LocalCall>,
{
	type Extrinsic = super::super::UncheckedExtrinsic;
	type RuntimeCall = super::super::RuntimeCall;
}

/// GRANDPA submits equivocation reports as unsigned transactions (validated by the pallet).
impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Runtime
where
	super::super::RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: super::super::RuntimeCall) -> super::super::UncheckedExtrinsic {
		super::super::UncheckedExtrinsic::new_bare(call)
	}
}
