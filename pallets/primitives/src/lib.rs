//! # AzraCode primitives
//!
//! The vocabulary shared by AzraCode's pallets and the traits through which they meet.
//!
//! AzraCode ties the supply of $AZRA to verified compute. Three pallets own the three
//! halves of that loop, and none of them depends on another's crate:
//!
//! - **burn** owns *builds*. It implements [`BuildRegistry`] (read a build, mark it
//!   completed exactly once) and [`BurnLedger`] (how much was burned, in total and per
//!   epoch).
//! - **attestation** owns *enclaves*. It implements [`ProviderEligibility`] (may this
//!   provider take this build?) and [`WorkProofVerifier`] (did a registered, still
//!   allow-listed enclave of this provider sign this work proof?).
//! - **mint** owns *epochs* and every unit of AZRA created. It implements [`EpochClock`]
//!   and [`Refund`].
//!
//! The runtime wires each trait to the pallet that owns the data; mock runtimes in tests
//! can plug in simple implementations instead.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{
	serde::{Deserialize, Serialize},
	traits::AtLeast32BitUnsigned,
	DispatchError, DispatchResult, Perbill,
};

/// Sequential identifier of a build, assigned at submission.
pub type BuildId = u64;

/// Compute units: the metered quantity a build requests and a provider proves.
pub type Units = u64;

/// Index of a reward epoch (a fixed number of blocks, owned by the mint side).
pub type EpochIndex = u32;

/// Identifier of an allow-listed enclave measurement: the hash of its policy entry.
///
/// A build may require one; an enclave is registered under the one its quote matched.
pub type MeasurementId = H256;

/// An enclave's X25519 *sealing key*: the public key builders seal a build's input to
/// (HPKE, RFC 9180; docs/architecture.md §5). Generated inside the enclave, which keeps the
/// secret half; bound by the enclave's registration quote, whose report data carries it
/// in its second 32 bytes.
pub type SealingKey = [u8; 32];

/// An enclave's public key: the key its work proofs are signed with, and the name a sealed
/// build gives each enclave it is sealed to. Registered by the attestation pallet.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum EnclaveKey {
	/// An ed25519 public key.
	Ed25519([u8; 32]),
	/// An sr25519 public key.
	Sr25519([u8; 32]),
}

/// Most enclaves one sealed build may be sealed to. The envelope format carries at most as
/// many wrapped keys (docs/architecture.md §5).
pub const MAX_SEALED_RECIPIENTS: u32 = 8;

/// What a sealed build adds to a public one: who may read its input, and who reads its
/// output. Only a provider with an eligible enclave among `recipients` may take the build,
/// and only one of those enclaves may prove it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct SealedTerms {
	/// The enclaves the input's content key was wrapped for, by enclave key: 1 to
	/// [`MAX_SEALED_RECIPIENTS`], no repeats.
	pub recipients: frame_support::BoundedVec<
		EnclaveKey,
		frame_support::traits::ConstU32<MAX_SEALED_RECIPIENTS>,
	>,
	/// The builder's X25519 public key the output is sealed to.
	pub output_key: SealingKey,
}

/// Domain tag mixed into every work-proof payload so that a signature made for anything
/// else can never be replayed as a work proof. Version 2 claims commit to the chain and the
/// build's input, so a proof signed for one chain (or one input) is worthless elsewhere.
pub const WORK_PROOF_DOMAIN: &[u8] = b"azra/work-proof/v2";

/// A block hash as the 32 bytes work proofs and registrations commit to (the genesis hash).
///
/// Every AzraCode runtime hashes with 32-byte hashes; a hash of another length is cut or
/// zero-padded rather than a panic in runtime code.
pub fn hash_to_h256(hash: &[u8]) -> H256 {
	let mut out = [0u8; 32];
	let len = hash.len().min(32);
	out[..len].copy_from_slice(&hash[..len]);
	H256(out)
}

/// Where a build is in its lifecycle.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum BuildState<AccountId, BlockNumber> {
	/// Waiting for a provider.
	Open,
	/// Taken by `provider`, who must prove the work before `deadline`, or the build
	/// returns to [`BuildState::Open`].
	Assigned {
		/// The provider working on the build.
		provider: AccountId,
		/// Last block at which the assignment holds.
		deadline: BlockNumber,
	},
	/// Proven by `provider`; final.
	Completed {
		/// The provider whose work proof was accepted.
		provider: AccountId,
		/// Hash of the build's output, as signed by the enclave.
		output_hash: H256,
		/// Units actually used (never more than requested).
		units_used: Units,
	},
	/// Nobody completed the build before its expiry; its price may be refunded; final.
	Expired,
}

/// What other pallets may read of a build, with time-dependent transitions (missed
/// deadline, expiry) already applied as of the current block.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct BuildView<AccountId, Balance, BlockNumber> {
	/// The account that submitted (and paid for) the build.
	pub builder: AccountId,
	/// Hash of the build specification: what to run.
	pub spec_hash: H256,
	/// Hash of the build's input: what to run it on.
	pub input_hash: H256,
	/// Compute units requested.
	pub units: Units,
	/// Price burned at submission.
	pub price: Balance,
	/// The measurement an enclave must have to run the build, if any.
	pub required_measurement: Option<MeasurementId>,
	/// Lifecycle state.
	pub state: BuildState<AccountId, BlockNumber>,
}

/// Builds, as the burn pallet keeps them.
pub trait BuildRegistry<AccountId, Balance, BlockNumber> {
	/// The build `id`, or `None` if there is no such build.
	fn build(id: BuildId) -> Option<BuildView<AccountId, Balance, BlockNumber>>;

	/// Mark build `id` completed by `provider`. Succeeds once: the build must be assigned
	/// to `provider`, within its deadline, with `units_used` not above the units requested.
	///
	/// Returns the **proven burn**: the part of the build's burned price that paid for the
	/// `units_used` units proven (never more than the price). The registry refunds the rest
	/// of the price to the builder. Rewards are paid out of proven burn only.
	///
	/// `enclave` is the enclave that signed the proof: a sealed build may be completed only
	/// by one of its recipients.
	fn complete_build(
		id: BuildId,
		provider: &AccountId,
		enclave: &EnclaveKey,
		output_hash: H256,
		units_used: Units,
	) -> Result<Balance, DispatchError>;
}

/// Burned AZRA, as the burn pallet accounts it: every AZRA that left supply (build prices,
/// forfeited bonds, fees without an author). This is the supply figure; it is not what
/// rewards are paid from (see [`BuildRegistry::complete_build`]).
///
/// The ledger keeps one running sum for the open epoch instead of a figure per epoch: the
/// mint takes it when it closes the epoch and records it with the epoch, so burning costs
/// no per-epoch storage.
pub trait BurnLedger<Balance> {
	/// AZRA burned since the last epoch close; the sum starts again from zero. The mint
	/// calls this exactly once per epoch, when it closes it.
	fn take_epoch_burn() -> Balance;
	/// AZRA burned so far in the open epoch.
	fn burned_in_open_epoch() -> Balance;
	/// AZRA burned since genesis.
	fn total_burned() -> Balance;
}

/// The current reward epoch, as the mint pallet counts them.
pub trait EpochClock {
	/// The epoch the current block belongs to.
	fn current_epoch() -> EpochIndex;
	/// The oldest epoch not closed yet. It is `current_epoch()` except before the hooks
	/// of a block that ends an epoch have run (a runtime upgrade's migrations run then).
	fn oldest_open_epoch() -> EpochIndex;
}

/// Returns to its builder a price that bought no proven work: a cancelled or expired build's
/// price, or the price of the units a completed build did not use.
///
/// Implemented by the mint pallet, the only place AZRA is created: a refund is new
/// issuance, accounted separately from rewards.
pub trait Refund<AccountId, Balance> {
	/// Mint `amount` to `builder` as a refund.
	fn refund(builder: &AccountId, amount: Balance) -> DispatchResult;
}

/// Keeps a completed build's output stored while the build's record is in state.
///
/// The burn pallet keeps the output when a proof completes the build (the builder pays its
/// deposit) and lets it go when the record leaves state. AzraCode's runtime backs it with
/// pallet-preimage requests: a requested preimage stays stored whoever noted it, so the
/// provider that noted the output takes its own deposit back at once, and the output
/// leaves with the build.
pub trait OutputStore {
	/// The length of the stored output of hash `hash`, if its bytes are stored.
	fn len(hash: &H256) -> Option<u32>;
	/// Keep the output of hash `hash` stored (one more keeper).
	fn keep(hash: &H256);
	/// Stop keeping it (one keeper fewer); it leaves once nobody keeps or holds it.
	fn release(hash: &H256);
}

/// Keeps nothing (for runtimes and tests without stored outputs).
impl OutputStore for () {
	fn len(_: &H256) -> Option<u32> {
		None
	}
	fn keep(_: &H256) {}
	fn release(_: &H256) {}
}

/// May a provider take a build? Implemented by the attestation pallet.
pub trait ProviderEligibility<AccountId, BlockNumber> {
	/// `Ok` if `provider` has a registered, unexpired enclave whose measurement is still
	/// allow-listed and satisfies `required` (any allow-listed one when `None`); otherwise
	/// the error that names the broken rule.
	fn ensure_eligible(provider: &AccountId, required: Option<MeasurementId>) -> DispatchResult;

	/// Like [`Self::ensure_eligible`], for a sealed build: only `provider`'s enclaves among
	/// `recipients` count, since no other enclave can open the build's input.
	fn ensure_eligible_recipient(
		provider: &AccountId,
		required: Option<MeasurementId>,
		recipients: &[EnclaveKey],
	) -> DispatchResult;

	/// `Ok` if a builder may seal a build to `enclave` now: it is registered with a sealing
	/// key, eligible, and runs `required` if the build requires a measurement.
	fn ensure_sealing_recipient(
		enclave: &EnclaveKey,
		required: Option<MeasurementId>,
	) -> DispatchResult;

	/// Whether governance, not the provider, is why `provider` cannot prove a build it took
	/// at block `since` that requires `required` (sealed to `recipients`, if sealed): it
	/// still has registered enclaves that could run the build, and every one of them was
	/// made ineligible by a governance decision (a revoked measurement or platform, a TCB
	/// status, advisory, evaluation number or root no longer accepted). `false` when any of
	/// them is ineligible for the provider's own reason (an expired registration), when it
	/// has no such enclave, and when any enclave of the provider left the registry from
	/// `since` on (deregistered, retired or cleared): a provider must not launder dropping
	/// its working enclave into a governance excuse through a stale, revoked one.
	fn ineligible_by_governance(
		provider: &AccountId,
		required: Option<MeasurementId>,
		recipients: Option<&[EnclaveKey]>,
		since: BlockNumber,
	) -> bool;
}

/// The statement an enclave signs to prove it did a build's work.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct WorkClaim<AccountId> {
	/// The chain the work was done for: its genesis hash. A proof for one chain is never
	/// valid on another, even one with the same builds and accounts.
	pub genesis_hash: H256,
	/// The build that was run.
	pub build_id: BuildId,
	/// The specification that was run.
	pub spec_hash: H256,
	/// The input it was run on.
	pub input_hash: H256,
	/// Hash of what the run produced.
	pub output_hash: H256,
	/// Units the run used.
	pub units_used: Units,
	/// The provider the enclave works for.
	pub provider: AccountId,
}

impl<AccountId: Encode> WorkClaim<AccountId> {
	/// The exact bytes an enclave key signs: the domain tag followed by the SCALE encoding
	/// of the claim.
	pub fn signing_payload(&self) -> Vec<u8> {
		let mut payload = Vec::with_capacity(WORK_PROOF_DOMAIN.len() + 128);
		payload.extend_from_slice(WORK_PROOF_DOMAIN);
		self.encode_to(&mut payload);
		payload
	}
}

/// The TCB (trusted computing base) status Intel's collateral gave an enclave's platform.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum TcbStatus {
	/// Fully patched.
	UpToDate,
	/// Patched, but software hardening is advised.
	SwHardeningNeeded,
	/// Platform configuration needs attention.
	ConfigurationNeeded,
	/// Both of the above.
	ConfigurationAndSwHardeningNeeded,
	/// Microcode or firmware is out of date.
	OutOfDate,
	/// Out of date and configuration needs attention.
	OutOfDateConfigurationNeeded,
	/// The platform's keys are revoked.
	Revoked,
}

/// What a successful work-proof check tells the caller about the enclave that signed.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct VerifiedWork {
	/// The enclave that signed.
	pub enclave_key: EnclaveKey,
	/// The allow-listed measurement the enclave was registered under.
	pub measurement: MeasurementId,
	/// The TCB status at the enclave's registration.
	pub tcb_status: TcbStatus,
}

/// Checks work proofs. Implemented by the attestation pallet.
pub trait WorkProofVerifier<AccountId, Proof> {
	/// `Ok` if `proof` shows that a registered, unexpired enclave key of `claim.provider`,
	/// whose measurement is still allow-listed, signed `claim.signing_payload()`.
	fn verify_work_proof(
		claim: &WorkClaim<AccountId>,
		proof: &Proof,
	) -> Result<VerifiedWork, DispatchError>;
}

/// Whether `new` is within `step` (relative) of `base`; when `base` is zero the step is
/// taken relative to `hard_max`, so a parameter can leave zero in bounded steps. The one
/// rule for every per-epoch step governance may take: the burn pallet's price and the mint
/// pallet's parameters.
pub fn within_step<N: AtLeast32BitUnsigned + Copy>(
	base: N,
	new: N,
	step: Perbill,
	hard_max: N,
) -> bool {
	let reference = if base.is_zero() { hard_max } else { base };
	let allowed = step.mul_floor(reference);
	let diff = if new >= base { new - base } else { base - new };
	diff <= allowed
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn within_step_is_relative_to_the_base_or_to_the_hard_maximum_from_zero() {
		let step = Perbill::from_percent(20);
		assert!(within_step::<u64>(100, 120, step, 10_000));
		assert!(within_step::<u64>(100, 80, step, 10_000));
		assert!(!within_step::<u64>(100, 121, step, 10_000));
		assert!(!within_step::<u64>(100, 79, step, 10_000));
		// From zero the step is 20% of the hard maximum.
		assert!(within_step::<u64>(0, 2_000, step, 10_000));
		assert!(!within_step::<u64>(0, 2_001, step, 10_000));
	}
}
