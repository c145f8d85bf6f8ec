//! Governance is a body, not a key (docs/architecture.md §8).
//!
//! - The **council** (`pallet-collective`) votes on motions; its members are kept by
//!   `pallet-membership`, whose changes are themselves governance decisions.
//! - An approved motion cannot touch the chain directly: the council's only power is to
//!   *announce* a call through `pallet-enactment` (two thirds of the council), or to cancel
//!   one that is pending (half of it). An announced call runs as Root after at least one
//!   mint epoch, through `pallet-scheduler`.
//! - Every setter of economics, trust anchors, the validator set and the runtime requires
//!   Root ([`GovernanceOrigin`]). Production-shaped chains have no sudo key, so the
//!   enactment delay is the only way to Root there. Dev and local chains keep a sudo key
//!   for convenience (docs/operating-a-node.md says which chain is which).
//!
//! Providers run unattended: `pallet-proxy` lets a hot key act for a cold account, limited
//! to AzraCode's provider calls ([`ProxyType::Provider`]), and `pallet-utility` batches.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	parameter_types,
	traits::{ConstU32, EqualPrivilegeOnly, Get, InstanceFilter},
	weights::Weight,
};
use frame_system::EnsureRoot;
use scale_info::TypeInfo;
use sp_runtime::Perbill;

use super::super::{
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, Scheduler, DAYS, MICRO_UNIT, MILLI_UNIT,
};
use super::RuntimeBlockWeights;

/// The origin that governs AzraCode: every economic parameter, trust anchor, allow-list,
/// the validator set, the council's membership and the runtime. Root, which on a chain
/// without sudo only `pallet-enactment` produces, one epoch after the council announced
/// the call.
pub type GovernanceOrigin = EnsureRoot<AccountId>;

/// The council's collective instance.
pub type CouncilCollective = pallet_collective::Instance1;

/// Two thirds of the council: what announcing a call takes.
pub type TwoThirdsOfCouncil =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// Half of the council: what cancelling a pending announcement takes. A veto is easier to
/// reach than an approval, so a minority can stop a decision it finds out about in time.
pub type HalfOfCouncil =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 1, 2>;

parameter_types! {
	/// A motion stays open for three days (it closes early once its outcome is certain).
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// A motion may use at most half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<100>;
	type DefaultVote = pallet_collective::MoreThanMajorityThenPrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = GovernanceOrigin;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = GovernanceOrigin;
	type KillOrigin = GovernanceOrigin;
	type Consideration = ();
}

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type PrimeOrigin = GovernanceOrigin;
	type MembershipInitialized = super::super::Council;
	type MembershipChanged = super::super::Council;
	type MaxMembers = ConstU32<100>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Scheduled calls may use 80% of a block.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
	/// An announced call may use at most half a block, so that it always fits the
	/// scheduler's share with the enactment's own work on top.
	pub MaxAnnouncedCallWeight: Weight =
		Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	// Only Root schedules directly; the council schedules through `pallet-enactment`.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = super::super::System;
}

/// One epoch of the mint pallet: the longer of the epoch in progress and the length the
/// next one will have, so that a decision announced now is visible for a whole epoch.
pub struct OneEpoch;

impl Get<BlockNumber> for OneEpoch {
	fn get() -> BlockNumber {
		let current = pallet_mint::CurrentEpoch::<Runtime>::get().length;
		let next = pallet_mint::Parameters::<Runtime>::get().epoch_length;
		current.max(next)
	}
}

impl pallet_enactment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type AnnounceOrigin = TwoThirdsOfCouncil;
	type CancelOrigin = HalfOfCouncil;
	type EnactmentDelay = OneEpoch;
	/// Never less than ten blocks (one minute), even with the shortest epochs.
	type MinEnactmentDelay = ConstU32<10>;
	type MaxCallWeight = MaxAnnouncedCallWeight;
	/// Runtime upgrades are announced as `system.authorize_upgrade(code_hash)`, so no
	/// announced call needs to be long.
	type MaxCallLen = ConstU32<{ 64 * 1024 }>;
	type MaxPending = ConstU32<64>;
	type WeightInfo = pallet_enactment::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

/// What a proxy may do for the account it acts for.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Anything the account itself may do.
	#[default]
	Any,
	/// A provider's hot key: register and keep enclaves, take, release and prove builds,
	/// claim rewards, and store build outputs. It cannot transfer, submit or cancel builds
	/// (which spend the account's AZRA as a builder), nor change the account's proxies.
	Provider,
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::Provider => matches!(
				call,
				RuntimeCall::Attestation(
					pallet_attestation::Call::request_nonce { .. }
						| pallet_attestation::Call::register_enclave { .. }
						| pallet_attestation::Call::deregister_enclave { .. }
						| pallet_attestation::Call::submit_collateral { .. }
				) | RuntimeCall::Burn(
					pallet_burn::Call::accept_build { .. }
						| pallet_burn::Call::release_build { .. }
				) | RuntimeCall::Mint(
					pallet_mint::Call::submit_work { .. } | pallet_mint::Call::claim_rewards { .. }
				) | RuntimeCall::Preimage(
					pallet_preimage::Call::note_preimage { .. }
						| pallet_preimage::Call::unnote_preimage { .. }
				) | RuntimeCall::Utility(
					pallet_utility::Call::batch { .. } | pallet_utility::Call::batch_all { .. }
				)
			),
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(ProxyType::Any, _) => true,
			(ProxyType::Provider, ProxyType::Provider) => true,
			(ProxyType::Provider, ProxyType::Any) => false,
		}
	}
}

parameter_types! {
	/// A proxy list holds 10 milli-AZRA (one stored entry, as a preimage or build does)…
	pub const ProxyDepositBase: Balance = 10 * MILLI_UNIT;
	/// …and 1 micro-AZRA per byte of each proxy it lists (a delegate, type and delay).
	pub const ProxyDepositFactor: Balance = 37 * MICRO_UNIT;
	pub const AnnouncementDepositBase: Balance = 10 * MILLI_UNIT;
	pub const AnnouncementDepositFactor: Balance = 68 * MICRO_UNIT;
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = ConstU32<8>;
	type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
	type MaxPending = ConstU32<8>;
	type CallHasher = sp_runtime::traits::BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = super::super::System;
}
