//! # Burn pallet
//!
//! The first half of AzraCode's burn-and-mint loop: builders pay for sealed compute jobs
//! ("builds") by **burning** $AZRA, and this pallet keeps each build from submission to
//! completion or expiry.
//!
//! ## Terms
//!
//! - **Build**: a job to run — a spec hash (what), an input hash, the compute **units**
//!   requested, and optionally the enclave **measurement** that must run it.
//! - **Price**: `units × price_per_unit`, burned from the builder at submission. Total
//!   issuance drops by exactly the price.
//! - **Lifecycle**: `Open → Assigned(provider, deadline) → Completed(provider, output,
//!   units used)`, or `Expired`. An assignment whose deadline passes returns to `Open`; an
//!   `Open` build past its expiry is `Expired`. Both transitions are *lazy*: they are applied
//!   whenever a build is read, so no hook has to visit a build for them (the only hook that
//!   visits builds is the `on_idle` sweep that takes the oldest out of state).
//! - **Refund**: an expired or cancelled build's price, and the price of the units a
//!   completed build did not use, are minted back to its builder by the mint pallet
//!   ([`Refund`]), accounted as refunds, never as rewards.
//! - **Deposit**: submitting a build also holds a small storage deposit, `BuildDeposit`,
//!   from the builder ([`HoldReason::BuildDeposit`]). It comes back when the build's record
//!   leaves state, so whoever fills state pays for the space while it is used.
//! - **Retention**: a build can change until `expires_at + AssignmentPeriod` (the deadline
//!   of an assignment taken at the last open block), or until a later deadline it holds
//!   ([`Pallet::retained_until`]). `BuildRetention` blocks after that, its record leaves
//!   state: the full record stays in the events of its life. An expired build its builder
//!   never reclaimed is refunded then (its lapsed bond burned first).
//!
//! ## Calls
//!
//! - [`submit_build`](Pallet::submit_build): burn the price and open a build. `max_price`
//!   guards against a price change between signing and inclusion.
//! - [`accept_build`](Pallet::accept_build): an eligible provider (asked through
//!   [`ProviderEligibility`], i.e. the attestation pallet) takes an open build and puts up
//!   a **bond**.
//! - [`release_build`](Pallet::release_build): the assigned provider gives it back and
//!   forfeits the bond.
//! - [`cancel_build`](Pallet::cancel_build): the builder withdraws an open build (or one
//!   whose provider missed the deadline) and is refunded.
//! - [`reclaim_expired`](Pallet::reclaim_expired): the builder is refunded an expired build.
//! - [`set_price_per_unit`](Pallet::set_price_per_unit): Root changes the price per unit,
//!   within hard bounds and a maximum relative change per epoch.
//!
//! Builds are completed by the mint pallet through [`BuildRegistry::complete_build`] once a
//! work proof is verified. Completion returns the provider's bond and tells the mint the
//! **proven burn**: the part of the price that paid for the units used,
//! `⌊price × units_used / units⌋`. The rest of the price goes back to the builder as a
//! refund, so a builder pays only for work that was done, and the mint can pay providers
//! only out of burn that bought proven work.
//!
//! ## Provider bonds
//!
//! A provider that takes a build blocks it for everyone else until its deadline. So taking
//! a build costs a bond, `max(ProviderBond × price, MinProviderBond)`, held on the
//! provider's account ([`HoldReason::ProviderBond`]):
//!
//! - returned when the provider's work proof completes the build;
//! - **burned** when the provider releases the build or lets the deadline pass. A missed
//!   deadline is settled when the build is next touched (accepted by someone else,
//!   cancelled or reclaimed) or when its record leaves state; until then the bond stays
//!   on hold. The bond is burned, not paid to the builder, so that nobody (a builder
//!   least of all) can earn by making providers fail. Forfeited bonds are booked in the
//!   burn ledger like any other burn, but never count as burn that paid for proven work.
//!
//! ## A provider's bond allowance
//!
//! A provider's hot key (a `Provider` proxy) may take and release builds, and each of those
//! can burn a bond. So that a stolen hot key cannot burn its cold account's balance away,
//! every provider has a **bond allowance**: what its bonds may still put at risk. Taking a
//! build spends the bond from it; a work proof that returns the bond gives it back; a
//! forfeited bond does not come back. A provider whose allowance is below a build's bond
//! cannot take it ([`Error::BondAllowanceExceeded`]) until the account raises it with
//! [`set_bond_allowance`](Pallet::set_bond_allowance), a call the runtime keeps from
//! `Provider` proxies. An account that never set one has `DefaultBondAllowance`. Whatever a
//! hot key does, its cold account loses at most the allowance it last set, plus the bonds
//! already held when it set it.
//!
//! ## Bounded state
//!
//! Build ids grow one by one, and a build's last possible change comes a fixed number of
//! blocks after its submission, so builds become removable in id order. `on_idle` removes
//! the oldest ones whose retention has passed, in the block's spare weight and at most
//! `MaxPrunedPerBlock` a block, and moves [`LedgerState::oldest_build_id`] past them: every
//! build below it has left state. Nothing else grows with the number of builds: the burn
//! totals are two sums in [`Ledger`], with no entry per epoch or per builder.
//!
//! ## The ledger, one item
//!
//! Every submission needs the next id, the lifetime burn and the open epoch's burn. They
//! live together in [`Ledger`], so a submission reads and writes one item for all three.
//! The mint takes the open epoch's sum when it closes the epoch
//! ([`BurnLedger::take_epoch_burn`]) and keeps it in the epoch's record. `Ledger` is
//! written by most extrinsics of a busy block, but reaches the database once per block:
//! it is whitelisted in the benchmarks (like `frame_system`'s per-block counters), and
//! `on_initialize` charges every block one read and one write for it.
//!
//! ## Finding open builds
//!
//! [`Pallet::open_builds`] lists the builds a provider may take, a page at a time, without
//! reading every build in state. A build can be open at block `now` only if
//! `expires_at ≥ now` (an assignment whose deadline passed reopens it only until then), and
//! `expires_at = submitted_at + BuildLifetime` never decreases with the id: ids are given
//! in submission order. So the builds that can still be open are the ids from the first one
//! with `expires_at ≥ now` to the newest, found by a binary search over the ids in state
//! (O(log n) reads); the page walks forward from there, reading at most
//! [`MAX_BUILDS_EXAMINED_PER_PAGE`] records, and returns a cursor for the next page.
//!
//! ## Burn outside builds
//!
//! [`Pallet::book_burn`] books AZRA that left supply elsewhere in the runtime (transaction
//! fees or dust that found no block author), so that total issuance always equals genesis
//! issuance + minted + refunded − burned.
//!
//! ## Balances
//!
//! The price is burned with `Preservation::Preserve`: a builder can never burn the
//! existential deposit away, so submitting a build never reaps the builder's account. A
//! builder whose free balance minus the existential deposit is below the price gets
//! [`Error::InsufficientBalance`].
//!
//! See [`pallet`] for storage, events and errors.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use azra_primitives::{
	BuildId, BuildRegistry, BuildState, BuildView, BurnLedger, EnclaveKey, EpochClock, EpochIndex,
	MeasurementId, OutputStore, ProviderEligibility, Refund, SealedTerms, SealingKey, Units,
	MAX_SEALED_RECIPIENTS,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
};
use frame_support::{pallet_prelude::ConstU32, weights::Weight, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedMul, Saturating, Zero},
	DispatchError, DispatchResult, Perbill, Rounding,
};

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::burn";

/// An amount of the currency builds are paid in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A build as stored.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Build<AccountId, Balance, BlockNumber> {
	/// Who submitted and paid.
	pub builder: AccountId,
	/// What to run.
	pub spec_hash: H256,
	/// What to run it on.
	pub input_hash: H256,
	/// Compute units requested.
	pub units: Units,
	/// Price burned at submission.
	pub price: Balance,
	/// The measurement an enclave must have to run it, if any.
	pub required_measurement: Option<MeasurementId>,
	/// Block of submission.
	pub submitted_at: BlockNumber,
	/// Last block at which the build may still be taken or worked on while open.
	pub expires_at: BlockNumber,
	/// Lifecycle state as last written (see [`Pallet::current_state`] for the lazy view).
	pub state: BuildState<AccountId, BlockNumber>,
	/// Whether the price went back to the builder (cancelled or expired builds).
	pub refunded: bool,
	/// The bond the assigned provider has on hold for this build; zero unless the stored
	/// state is `Assigned`.
	pub bond: Balance,
	/// The storage deposit held from the builder until the record leaves state.
	pub deposit: Balance,
}

/// The burn pallet's counters, kept in one storage item so that a submission reads and
/// writes it once for all of them.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct LedgerState<Balance> {
	/// The id the next build will get.
	pub next_build_id: BuildId,
	/// Every build with a lower id has left state (retention passed).
	pub oldest_build_id: BuildId,
	/// AZRA burned since genesis: build prices, forfeited provider bonds and burn booked
	/// through [`Pallet::book_burn`].
	pub total_burned: Balance,
	/// AZRA burned since the mint last closed an epoch.
	pub burned_this_epoch: Balance,
}

/// Most open builds one page of [`Pallet::open_builds`] returns; a larger `limit` is cut to
/// it.
pub const MAX_OPEN_BUILDS_PER_PAGE: u32 = 256;

/// Most build records one page of [`Pallet::open_builds`] reads after its binary search:
/// four for every build a full page returns. A long run of taken, completed or cancelled
/// builds ends a page early, with a cursor, rather than making one read unbounded.
pub const MAX_BUILDS_EXAMINED_PER_PAGE: u32 = 4 * MAX_OPEN_BUILDS_PER_PAGE;

/// One page of builds (see [`Pallet::open_builds`] and [`Pallet::assigned_builds`]).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct BuildsPage<AccountId, Balance, BlockNumber> {
	/// The builds asked for, in id order, each as [`Pallet::build_view`] shows it.
	pub builds: Vec<(BuildId, BuildView<AccountId, Balance, BlockNumber>)>,
	/// Where the next page starts (pass it as `start`): the builds from this id on were not
	/// looked at. `None` when every build in state was.
	pub next: Option<BuildId>,
}

/// Sets up what the benchmarks need from the pallets this one talks to.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Make `provider` eligible to accept builds that require `measurement`, through an
	/// enclave with a sealing key, which is returned (a sealed build may name it).
	fn make_eligible(provider: &AccountId, measurement: Option<MeasurementId>) -> EnclaveKey;

	/// Like [`BenchmarkHelper::make_eligible`], but the returned enclave is the last of the
	/// most enclaves a provider may hold, and every one before it is refused at the last
	/// check, so an eligibility walk reads them all.
	fn make_eligible_behind_refused(
		provider: &AccountId,
		measurement: Option<MeasurementId>,
	) -> EnclaveKey;

	/// Makes a governance decision refuse every enclave of `provider` at its last check, so
	/// a release walks them all and returns the bond.
	fn refuse_by_governance(provider: &AccountId);

	/// Stores `bytes` as `provider` stores an output before its proof (noted, its deposit
	/// held); returns their hash.
	fn note_output(provider: &AccountId, bytes: alloc::vec::Vec<u8>) -> H256;

	/// Takes back `provider`'s deposit for the output `hash` after its proof, as the agent
	/// does (the chain keeps the bytes).
	fn unnote_output(provider: &AccountId, hash: H256);
}

#[frame_support::pallet]
pub mod pallet {
	use super::{DispatchResult, *};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the burn pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency builds are paid in (AZRA); prices are burned from it and provider
		/// bonds are held in it.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The runtime's hold reasons, of which this pallet's [`HoldReason`] is one.
		type RuntimeHoldReason: From<HoldReason>;
		/// Who may take which build (the attestation pallet).
		type Eligibility: ProviderEligibility<Self::AccountId, BlockNumberFor<Self>>;
		/// Mints refunds of cancelled and expired builds, and of the unused units of completed
		/// ones (the mint pallet).
		type Refund: Refund<Self::AccountId, BalanceOf<Self>>;
		/// Keeps completed builds' outputs stored while their records are (pallet-preimage
		/// requests in AzraCode's runtime), so providers hold no deposit for outputs.
		type Outputs: OutputStore;
		/// The current reward epoch (the mint pallet): the per-epoch limit of price changes
		/// counts in it.
		type EpochClock: EpochClock;
		/// Most units one build may request.
		#[pallet::constant]
		type MaxUnitsPerBuild: Get<Units>;
		/// The storage deposit held from a builder for each build until its record leaves
		/// state.
		#[pallet::constant]
		type BuildDeposit: Get<BalanceOf<Self>>;
		/// The storage deposit held from a builder for its completed build's output while
		/// the chain keeps it, per output: this plus `OutputDepositPerByte` per byte.
		#[pallet::constant]
		type OutputDepositBase: Get<BalanceOf<Self>>;
		/// See `OutputDepositBase`.
		#[pallet::constant]
		type OutputDepositPerByte: Get<BalanceOf<Self>>;
		/// Blocks a build's record stays in state after the last block it could change
		/// (`expires_at + AssignmentPeriod`).
		#[pallet::constant]
		type BuildRetention: Get<BlockNumberFor<Self>>;
		/// Most build records `on_idle` removes in one block.
		#[pallet::constant]
		type MaxPrunedPerBlock: Get<u32>;
		/// Blocks an open build waits for a provider before it expires.
		#[pallet::constant]
		type BuildLifetime: Get<BlockNumberFor<Self>>;
		/// Blocks an assigned provider has to prove the work before the build reopens.
		#[pallet::constant]
		type AssignmentPeriod: Get<BlockNumberFor<Self>>;
		/// Lower hard bound of the price per unit.
		#[pallet::constant]
		type MinPricePerUnit: Get<BalanceOf<Self>>;
		/// Upper hard bound of the price per unit.
		#[pallet::constant]
		type MaxPricePerUnit: Get<BalanceOf<Self>>;
		/// Largest relative change of the price per unit within one epoch, measured against
		/// the price when the epoch's first change was made.
		#[pallet::constant]
		type MaxPriceChangePerEpoch: Get<Perbill>;
		/// A provider's bond for taking a build, as a fraction of the build's price.
		#[pallet::constant]
		type ProviderBond: Get<Perbill>;
		/// The least bond a provider puts up for taking any build.
		#[pallet::constant]
		type MinProviderBond: Get<BalanceOf<Self>>;
		/// The bond allowance of an account that never set one (see the module docs).
		#[pallet::constant]
		type DefaultBondAllowance: Get<BalanceOf<Self>>;
		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
		/// Sets up eligible providers for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds AZRA.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A provider's bond on a build it accepted: returned with the work proof, burned if
		/// the provider releases the build or misses its deadline.
		ProviderBond,
		/// A builder's storage deposit for a build record: returned when the record leaves
		/// state.
		BuildDeposit,
		/// A builder's storage deposit for its completed build's output, which the chain
		/// keeps while the build's record stays: returned when the record leaves state.
		OutputDeposit,
	}

	/// The current storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// Builds by id, from [`LedgerState::oldest_build_id`] on: live ones, and final ones
	/// within their retention.
	#[pallet::storage]
	pub type Builds<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BuildId,
		Build<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// The sealed builds' terms, by build id: the enclaves each build's input is sealed to
	/// and the key its output is sealed to. An entry lives and leaves with its build's
	/// record; a build without one is public.
	#[pallet::storage]
	pub type SealedBuilds<T: Config> =
		StorageMap<_, Twox64Concat, BuildId, SealedTerms, OptionQuery>;

	/// The output hash of each completed build whose output the chain keeps stored
	/// ([`Config::Outputs`]) until the build's record leaves state, with the deposit held
	/// for it from the build's builder. Builds completed before runtime 108 have no entry
	/// (their providers' deposits keep their outputs).
	#[pallet::storage]
	pub type KeptOutputs<T: Config> =
		StorageMap<_, Twox64Concat, BuildId, (H256, BalanceOf<T>), OptionQuery>;

	/// Build ids, the burn totals and the pruning cursor (see [`LedgerState`]). Written by
	/// most extrinsics of a busy block but committed once per block, so it is whitelisted
	/// in the benchmarks and `on_initialize` charges its read and write.
	#[pallet::storage]
	#[pallet::whitelist_storage]
	pub type Ledger<T: Config> = StorageValue<_, LedgerState<BalanceOf<T>>, ValueQuery>;

	/// What each provider's bonds may still put at risk (see the module docs): lowered by
	/// every bond it puts up, raised by every bond a work proof returns, set by the account
	/// itself. `DefaultBondAllowance` for an account without an entry.
	#[pallet::storage]
	pub type BondAllowances<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
		ValueQuery,
		T::DefaultBondAllowance,
	>;

	/// Price of one compute unit, in AZRA.
	#[pallet::storage]
	pub type PricePerUnit<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The epoch of the last price change and the price when that epoch's first change was
	/// made: the reference the per-epoch change limit is measured against.
	#[pallet::storage]
	pub type PriceAnchor<T: Config> = StorageValue<_, (EpochIndex, BalanceOf<T>), OptionQuery>;

	/// Genesis state of the burn pallet.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Initial price per unit; must lie within the hard bounds.
		pub price_per_unit: BalanceOf<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { price_per_unit: T::MinPricePerUnit::get() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.price_per_unit >= T::MinPricePerUnit::get()
					&& self.price_per_unit <= T::MaxPricePerUnit::get(),
				"genesis price per unit outside [MinPricePerUnit, MaxPricePerUnit]"
			);
			PricePerUnit::<T>::put(self.price_per_unit);
		}
	}

	/// Events of the burn pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A build was submitted and its price burned.
		BuildSubmitted {
			/// The new build.
			build_id: BuildId,
			/// Who submitted it.
			builder: T::AccountId,
			/// Units requested.
			units: Units,
			/// AZRA burned (the price).
			burned: BalanceOf<T>,
		},
		/// The build just submitted is sealed: only these enclaves can read its input, and
		/// only one of them may take and prove it.
		BuildSealed {
			/// The build.
			build_id: BuildId,
			/// The enclaves its input is sealed to.
			recipients: BoundedVec<EnclaveKey, ConstU32<MAX_SEALED_RECIPIENTS>>,
			/// The builder's key its output is to be sealed to.
			output_key: SealingKey,
		},
		/// A provider took a build and put up its bond.
		BuildAccepted {
			/// The build.
			build_id: BuildId,
			/// The provider.
			provider: T::AccountId,
			/// Last block to prove the work.
			deadline: BlockNumberFor<T>,
			/// AZRA held from the provider until the proof.
			bond: BalanceOf<T>,
		},
		/// The assigned provider gave a build back; it is open again (its bond is forfeited,
		/// see [`Event::BondForfeited`]).
		BuildReleased {
			/// The build.
			build_id: BuildId,
			/// The provider that released it.
			provider: T::AccountId,
		},
		/// A build's work was proven; final. The provider's bond is returned.
		BuildCompleted {
			/// The build.
			build_id: BuildId,
			/// The provider that proved it.
			provider: T::AccountId,
			/// Hash of the output.
			output_hash: H256,
			/// Units used.
			units_used: Units,
			/// The part of the price that paid for the units used; the rest is refunded.
			proven_burn: BalanceOf<T>,
		},
		/// A refund could not be minted (the builder's account is gone and the amount is
		/// below the existential deposit); it stays burned. The refund is that of a completed
		/// build's unused units, or of an expired build's price when its record leaves state
		/// unreclaimed.
		RefundForgone {
			/// The build.
			build_id: BuildId,
			/// The builder.
			builder: T::AccountId,
			/// AZRA that stays burned.
			amount: BalanceOf<T>,
		},
		/// A completed build's output is not kept by the chain: its bytes were not stored
		/// when the proof came, or its builder could not pay the output deposit. Whoever
		/// noted the output keeps it only as long as its own deposit does.
		OutputNotKept {
			/// The build.
			build_id: BuildId,
			/// The output's length in bytes, if stored.
			len: Option<u32>,
		},
		/// A provider released a build it could no longer prove because governance stopped
		/// trusting its enclave (see `release_build`); its bond was returned.
		BondReturned {
			/// The build.
			build_id: BuildId,
			/// The provider.
			provider: T::AccountId,
			/// AZRA released from hold.
			amount: BalanceOf<T>,
		},
		/// A provider released a build or missed its deadline; its bond was burned.
		BondForfeited {
			/// The build.
			build_id: BuildId,
			/// The provider that forfeited the bond.
			provider: T::AccountId,
			/// AZRA burned.
			amount: BalanceOf<T>,
		},
		/// AZRA that left supply outside a build (fees or dust with no block author to
		/// take them) was booked as burned.
		BurnBooked {
			/// AZRA burned.
			amount: BalanceOf<T>,
		},
		/// A build ended without being completed: expired, or cancelled by its builder.
		BuildExpired {
			/// The build.
			build_id: BuildId,
			/// Whether the builder cancelled it (rather than it timing out).
			cancelled: bool,
		},
		/// A build's price was minted back to its builder.
		BuildRefunded {
			/// The build.
			build_id: BuildId,
			/// The builder.
			builder: T::AccountId,
			/// AZRA refunded.
			amount: BalanceOf<T>,
		},
		/// Builds whose retention passed left state; their deposits went back to their
		/// builders.
		BuildsPruned {
			/// The first build removed.
			from: BuildId,
			/// The last build removed.
			to: BuildId,
		},
		/// A provider set what its bonds may put at risk.
		BondAllowanceSet {
			/// The provider account.
			provider: T::AccountId,
			/// Its new bond allowance.
			allowance: BalanceOf<T>,
		},
		/// Root changed the price per unit.
		PricePerUnitSet {
			/// The previous price.
			old: BalanceOf<T>,
			/// The new price.
			new: BalanceOf<T>,
		},
	}

	/// Errors of the burn pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// A build must request at least one unit.
		ZeroUnits,
		/// More units than `MaxUnitsPerBuild`.
		TooManyUnits,
		/// `units × price_per_unit` does not fit in a balance.
		PriceOverflow,
		/// The price is above the `max_price` the builder signed for.
		PriceAboveMax,
		/// The builder cannot pay the price and the deposit and keep the existential
		/// deposit.
		InsufficientBalance,
		/// No build has this id.
		UnknownBuild,
		/// The build is not open (taken, completed or ended).
		BuildNotOpen,
		/// The build is not assigned to anyone.
		BuildNotAssigned,
		/// The caller is not the provider the build is assigned to.
		NotAssignedProvider,
		/// Only the build's builder may do this.
		NotBuilder,
		/// A provider may not take a build its own account submitted.
		OwnBuild,
		/// The build has not expired yet.
		BuildNotExpired,
		/// The build's price was already refunded.
		AlreadyRefunded,
		/// The assignment's deadline has passed.
		DeadlinePassed,
		/// A work claim must use at least one unit.
		ZeroUnitsUsed,
		/// A work claim may not use more units than the build requested.
		UnitsUsedAboveRequested,
		/// The new price per unit is outside `[MinPricePerUnit, MaxPricePerUnit]`.
		PricePerUnitOutOfBounds,
		/// The new price per unit moves more than `MaxPriceChangePerEpoch` in this epoch.
		PriceChangeTooLarge,
		/// Build ids are exhausted.
		BuildIdOverflow,
		/// The provider cannot put up the bond for this build and keep its existential
		/// deposit.
		InsufficientBond,
		/// A sealed build must name at least one recipient enclave.
		NoRecipients,
		/// A sealed build names the same enclave twice.
		DuplicateRecipient,
		/// A sealed build's output key is all zeros: nobody could open its output.
		OutputKeyMissing,
		/// The enclave that signed the work proof is not one the sealed build was sealed to.
		ProverNotARecipient,
		/// The build's bond is above what the provider's bonds may still put at risk; the
		/// account (not its `Provider` proxy) raises it with `set_bond_allowance`.
		BondAllowanceExceeded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxUnitsPerBuild::get() > 0, "MaxUnitsPerBuild must be at least 1");
			assert!(T::MaxPrunedPerBlock::get() > 0, "MaxPrunedPerBlock must be at least 1");
			assert!(!T::BuildLifetime::get().is_zero(), "BuildLifetime must be at least 1");
			assert!(!T::AssignmentPeriod::get().is_zero(), "AssignmentPeriod must be at least 1");
			assert!(
				T::MinPricePerUnit::get() <= T::MaxPricePerUnit::get(),
				"MinPricePerUnit > MaxPricePerUnit"
			);
			assert!(
				T::MaxPricePerUnit::get()
					.checked_mul(&T::MaxUnitsPerBuild::get().saturated_into())
					.is_some(),
				"the largest build's price must fit in a balance"
			);
			assert!(
				!T::MinProviderBond::get().is_zero(),
				"MinProviderBond must be above zero, or taking a build could be free"
			);
		}

		fn on_initialize(_now: BlockNumberFor<T>) -> Weight {
			// The one commit of `Ledger` per block (it is whitelisted in the call
			// benchmarks; see the module docs).
			T::DbWeight::get().reads_writes(1, 1)
		}

		fn on_idle(now: BlockNumberFor<T>, remaining_weight: Weight) -> Weight {
			Self::prune_builds(now, remaining_weight)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submit a build: burn `units × price_per_unit` from the caller, hold the
		/// `BuildDeposit` until the record leaves state, and open the build.
		///
		/// Fails with `PriceAboveMax` if the price exceeds `max_price`, so a price change
		/// between signing and inclusion never overcharges.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_build())]
		pub fn submit_build(
			origin: OriginFor<T>,
			spec_hash: H256,
			input_hash: H256,
			units: Units,
			required_measurement: Option<MeasurementId>,
			max_price: BalanceOf<T>,
		) -> DispatchResult {
			let builder = ensure_signed(origin)?;
			Self::do_submit_build(
				builder,
				spec_hash,
				input_hash,
				units,
				required_measurement,
				max_price,
				None,
			)
			.map(|_| ())
		}

		/// Take an open build as its provider, until a deadline, putting up a bond of
		/// `max(ProviderBond × price, MinProviderBond)`.
		///
		/// The caller must be eligible (a registered, unexpired enclave whose measurement
		/// satisfies the build; for a sealed build, one of its recipients) and must not be
		/// the build's builder. The bond comes back
		/// with the work proof; it is burned if the caller releases the build or misses the
		/// deadline. A previous provider's missed deadline is settled first.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::accept_weight(true))]
		pub fn accept_build(origin: OriginFor<T>, build_id: BuildId) -> DispatchResultWithPostInfo {
			let provider = ensure_signed(origin)?;
			let sealed = Self::do_accept_build(provider, build_id)?;
			// A public build did not walk the recipients.
			Ok(Some(Self::accept_weight(sealed)).into())
		}

		/// Give an assigned build back; it is open again for other providers. The caller's
		/// bond on it is burned, unless governance is why the caller can no longer prove it
		/// (every enclave that could run the build was made ineligible by a governance
		/// decision, none by the provider's own doing): then the bond is returned.
		#[pallet::call_index(2)]
		#[pallet::weight(
			// The eligibility walk is bounded by that of a sealed accept (until measured).
			T::WeightInfo::release_build().saturating_add(T::WeightInfo::accept_sealed_build())
		)]
		pub fn release_build(origin: OriginFor<T>, build_id: BuildId) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_release_build(provider, build_id)
		}

		/// Withdraw an open build and get its price back as a refund. A build whose provider
		/// missed the deadline is open again, so it can be cancelled too (the provider's
		/// bond is burned).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cancel_build())]
		pub fn cancel_build(origin: OriginFor<T>, build_id: BuildId) -> DispatchResult {
			let builder = ensure_signed(origin)?;
			Self::do_end_build(builder, build_id, true)
		}

		/// Get the price of an expired build back as a refund.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reclaim_expired())]
		pub fn reclaim_expired(origin: OriginFor<T>, build_id: BuildId) -> DispatchResult {
			let builder = ensure_signed(origin)?;
			Self::do_end_build(builder, build_id, false)
		}

		/// Submit a **sealed** build: like [`Pallet::submit_build`], but its input preimage
		/// is an envelope only the `recipients` can open (docs/architecture.md §5), and its
		/// output is to be sealed to `output_key`.
		///
		/// Every recipient must be an eligible enclave with a registered sealing key that
		/// runs `required_measurement` (when given); the first that is not is named by the
		/// attestation pallet's error. Only a provider owning one of the recipients may
		/// accept the build, and only a recipient's work proof completes it. A sealed build
		/// whose recipients all lose their eligibility stays open: its builder cancels it for
		/// a full refund.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::submit_sealed_build(recipients.len() as u32))]
		pub fn submit_sealed_build(
			origin: OriginFor<T>,
			spec_hash: H256,
			input_hash: H256,
			units: Units,
			required_measurement: Option<MeasurementId>,
			max_price: BalanceOf<T>,
			recipients: BoundedVec<EnclaveKey, ConstU32<MAX_SEALED_RECIPIENTS>>,
			output_key: SealingKey,
		) -> DispatchResult {
			let builder = ensure_signed(origin)?;
			Self::do_submit_build(
				builder,
				spec_hash,
				input_hash,
				units,
				required_measurement,
				max_price,
				Some(SealedTerms { recipients, output_key }),
			)
			.map(|_| ())
		}

		/// Set what the caller's bonds may put at risk from now on: taking a build spends its
		/// bond from this allowance, a work proof gives the bond back, a forfeited bond is
		/// gone. The runtime keeps this call from `Provider` proxies, so a hot key can never
		/// raise its own limit.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_bond_allowance())]
		pub fn set_bond_allowance(origin: OriginFor<T>, allowance: BalanceOf<T>) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			BondAllowances::<T>::insert(&provider, allowance);
			Self::deposit_event(Event::BondAllowanceSet { provider, allowance });
			Ok(())
		}

		/// Set the price of one compute unit (Root).
		///
		/// The price must stay within `[MinPricePerUnit, MaxPricePerUnit]` and move at most
		/// `MaxPriceChangePerEpoch` within one epoch.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_price_per_unit())]
		pub fn set_price_per_unit(origin: OriginFor<T>, new: BalanceOf<T>) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_set_price_per_unit(new)
		}
	}
}

use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::SaturatedConversion;

type BuildOf<T> = Build<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// The state of `build` as of block `now`, with lazy transitions applied: an assignment
	/// past its deadline is open again; an open build past its expiry has expired.
	pub fn current_state(
		build: &BuildOf<T>,
		now: BlockNumberFor<T>,
	) -> BuildState<T::AccountId, BlockNumberFor<T>> {
		match &build.state {
			BuildState::Assigned { deadline, .. } if now > *deadline => {
				if now > build.expires_at {
					BuildState::Expired
				} else {
					BuildState::Open
				}
			}
			BuildState::Open if now > build.expires_at => BuildState::Expired,
			state => state.clone(),
		}
	}

	/// The build `id` as other pallets and the runtime API see it.
	pub fn build_view(
		id: BuildId,
	) -> Option<BuildView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let build = Builds::<T>::get(id)?;
		Some(Self::view_of(build, frame_system::Pallet::<T>::block_number()))
	}

	/// `build` as other pallets and the runtime API see it at block `now`.
	fn view_of(
		build: BuildOf<T>,
		now: BlockNumberFor<T>,
	) -> BuildView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let state = Self::current_state(&build, now);
		BuildView {
			builder: build.builder,
			spec_hash: build.spec_hash,
			input_hash: build.input_hash,
			units: build.units,
			price: build.price,
			required_measurement: build.required_measurement,
			state,
		}
	}

	/// The builds that are open now, in id order: a page of at most `limit` of them (cut to
	/// [`MAX_OPEN_BUILDS_PER_PAGE`]), from id `start` on (from the oldest build without it).
	/// The page's `next` is the `start` of the following page; a walk from `None` to a page
	/// whose `next` is `None`, at one block, returns every open build exactly once.
	///
	/// No build before [`Pallet::open_window_start`] is read; from there the page reads at
	/// most [`MAX_BUILDS_EXAMINED_PER_PAGE`] records, so a page may hold fewer than `limit`
	/// builds and still have a `next`. With `limit` zero the page is empty and `next` is
	/// where it would have started. A cursor from an earlier block stays valid: ids only
	/// grow, and builds that expired since are skipped.
	///
	/// The window relies on `expires_at` never decreasing with the id. A runtime upgrade
	/// that shortens `BuildLifetime` breaks that for the builds submitted before it, for at
	/// most the old lifetime: a build submitted before the upgrade may expire after newer
	/// ones have, and if the binary search lands past it, it is left out of the pages while
	/// it is still open. It stays open and can be taken by id (`build_view`,
	/// `accept_build`); no build that is not open is ever listed. A longer `BuildLifetime`
	/// keeps the order.
	pub fn open_builds(
		start: Option<BuildId>,
		limit: u32,
	) -> BuildsPage<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		Self::page_of_builds(now, start, limit, |state| *state == BuildState::Open)
	}

	/// The builds assigned to `provider` whose deadline has not passed, in id order, paged
	/// like [`Pallet::open_builds`]. A provider's agent rebuilds its work list from this
	/// after a restart, so it neither loses an accepted build nor takes one twice.
	///
	/// A build is accepted while open, so at a block at most its `expires_at`, and its
	/// deadline is then at most `AssignmentPeriod` later: a build assigned at `now` has
	/// `expires_at >= now - AssignmentPeriod`, and the same binary search finds where such
	/// builds start. The caveat of [`Pallet::open_builds`] applies to shortening
	/// `BuildLifetime` or `AssignmentPeriod` by an upgrade.
	pub fn assigned_builds(
		provider: &T::AccountId,
		start: Option<BuildId>,
		limit: u32,
	) -> BuildsPage<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		let window_from = now.saturating_sub(T::AssignmentPeriod::get());
		Self::page_of_builds(
			window_from,
			start,
			limit,
			|state| matches!(state, BuildState::Assigned { provider: p, .. } if p == provider),
		)
	}

	/// A page of the builds whose state at this block satisfies `keep`, walking from the
	/// first build with `expires_at >= window_from` (or `start`, if later).
	fn page_of_builds(
		window_from: BlockNumberFor<T>,
		start: Option<BuildId>,
		limit: u32,
		keep: impl Fn(&BuildState<T::AccountId, BlockNumberFor<T>>) -> bool,
	) -> BuildsPage<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		let LedgerState { oldest_build_id, next_build_id, .. } = Ledger::<T>::get();
		let limit = limit.min(MAX_OPEN_BUILDS_PER_PAGE) as usize;
		let mut id = Self::window_start(oldest_build_id, next_build_id, window_from)
			.max(start.unwrap_or_default());
		let mut builds = Vec::new();
		let mut examined = 0u32;
		while id < next_build_id {
			if builds.len() >= limit || examined >= MAX_BUILDS_EXAMINED_PER_PAGE {
				return BuildsPage { builds, next: Some(id) };
			}
			examined = examined.saturating_add(1);
			if let Some(build) = Builds::<T>::get(id) {
				// `current_state` turns an assignment whose deadline passed back into
				// `Open` (or `Expired`), so `Assigned` here is always still live.
				if keep(&Self::current_state(&build, now)) {
					builds.push((id, Self::view_of(build, now)));
				}
			}
			// Below `next_build_id`, so it cannot overflow.
			id = id.saturating_add(1);
		}
		BuildsPage { builds, next: None }
	}

	/// The first build id whose `expires_at` is not before `now`, or the next build id if
	/// there is none: no build below it can be open at `now` (see [`Pallet::open_builds`]
	/// for why, and for the one case in which a build below it still is). A binary search
	/// over the ids in state: O(log n) reads.
	pub fn open_window_start(now: BlockNumberFor<T>) -> BuildId {
		let LedgerState { oldest_build_id, next_build_id, .. } = Ledger::<T>::get();
		Self::window_start(oldest_build_id, next_build_id, now)
	}

	/// [`Pallet::open_window_start`] within `oldest..next`. A record missing from that
	/// range (never the case: pruning moves `oldest` past what it removes) counts as
	/// expired.
	fn window_start(oldest: BuildId, next: BuildId, now: BlockNumberFor<T>) -> BuildId {
		first_where(oldest, next, |id| Builds::<T>::get(id).is_some_and(|b| b.expires_at >= now))
	}

	/// The current price of one compute unit.
	pub fn price_per_unit() -> BalanceOf<T> {
		PricePerUnit::<T>::get()
	}

	/// The hard bounds of the price per unit and its maximum change per epoch.
	pub fn price_bounds() -> (BalanceOf<T>, BalanceOf<T>, Perbill) {
		(T::MinPricePerUnit::get(), T::MaxPricePerUnit::get(), T::MaxPriceChangePerEpoch::get())
	}

	/// The price of a build of `units` at the current price, if it fits in a balance.
	pub fn quote(units: Units) -> Option<BalanceOf<T>> {
		PricePerUnit::<T>::get().checked_mul(&units.saturated_into())
	}

	fn stored_build(id: BuildId) -> Result<BuildOf<T>, DispatchError> {
		Builds::<T>::get(id).ok_or_else(|| Error::<T>::UnknownBuild.into())
	}

	/// Burns the price and records an open build; returns its id.
	pub fn do_submit_build(
		builder: T::AccountId,
		spec_hash: H256,
		input_hash: H256,
		units: Units,
		required_measurement: Option<MeasurementId>,
		max_price: BalanceOf<T>,
		sealed: Option<SealedTerms>,
	) -> Result<BuildId, DispatchError> {
		ensure!(units > 0, Error::<T>::ZeroUnits);
		ensure!(units <= T::MaxUnitsPerBuild::get(), Error::<T>::TooManyUnits);
		let price = Self::quote(units).ok_or(Error::<T>::PriceOverflow)?;
		ensure!(price <= max_price, Error::<T>::PriceAboveMax);
		if let Some(terms) = &sealed {
			Self::ensure_sealable(terms, required_measurement)?;
		}

		let mut ledger = Ledger::<T>::get();
		let build_id = ledger.next_build_id;
		ledger.next_build_id = build_id.checked_add(1).ok_or(Error::<T>::BuildIdOverflow)?;

		T::Currency::burn_from(
			&builder,
			price,
			Preservation::Preserve,
			Precision::Exact,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::InsufficientBalance)?;
		let deposit = T::BuildDeposit::get();
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::BuildDeposit.into(), &builder, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
		}

		let now = frame_system::Pallet::<T>::block_number();
		Builds::<T>::insert(
			build_id,
			Build {
				builder: builder.clone(),
				spec_hash,
				input_hash,
				units,
				price,
				required_measurement,
				submitted_at: now,
				expires_at: now.saturating_add(T::BuildLifetime::get()),
				state: BuildState::Open,
				refunded: false,
				bond: Zero::zero(),
				deposit,
			},
		);
		ledger.note_burned(price);
		Ledger::<T>::put(ledger);
		Self::deposit_event(Event::BuildSubmitted { build_id, builder, units, burned: price });
		if let Some(SealedTerms { recipients, output_key }) = sealed {
			SealedBuilds::<T>::insert(
				build_id,
				SealedTerms { recipients: recipients.clone(), output_key },
			);
			Self::deposit_event(Event::BuildSealed { build_id, recipients, output_key });
		}
		Ok(build_id)
	}

	/// `Ok` if a build may be sealed on `terms`: at least one recipient, none twice, an
	/// output key, and every recipient an enclave that could take the build now. A builder
	/// learns at once that a recipient is unusable, before any AZRA is burned.
	fn ensure_sealable(terms: &SealedTerms, required: Option<MeasurementId>) -> DispatchResult {
		ensure!(!terms.recipients.is_empty(), Error::<T>::NoRecipients);
		ensure!(terms.output_key != [0; 32], Error::<T>::OutputKeyMissing);
		for (i, recipient) in terms.recipients.iter().enumerate() {
			ensure!(!terms.recipients[..i].contains(recipient), Error::<T>::DuplicateRecipient);
			T::Eligibility::ensure_sealing_recipient(recipient, required)?;
		}
		Ok(())
	}

	/// The terms of sealed build `id`; `None` for a public build (or no build).
	pub fn sealed_terms(id: BuildId) -> Option<SealedTerms> {
		SealedBuilds::<T>::get(id)
	}

	/// The weight of `accept_build` on a sealed or a public build. The bond allowance's read
	/// and write are added to the measured weights until `scripts/bench.sh burn` measures
	/// them with it.
	pub fn accept_weight(sealed: bool) -> Weight {
		let measured = if sealed {
			T::WeightInfo::accept_sealed_build().max(T::WeightInfo::accept_build())
		} else {
			T::WeightInfo::accept_build()
		};
		measured.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}

	/// The bond a provider puts up to take a build of `price`:
	/// `max(ProviderBond × price, MinProviderBond)`.
	pub fn bond_for(price: BalanceOf<T>) -> BalanceOf<T> {
		T::ProviderBond::get().mul_ceil(price).max(T::MinProviderBond::get())
	}

	/// Books `amount` as burned, in total and in the open epoch.
	fn note_burned(amount: BalanceOf<T>) {
		Ledger::<T>::mutate(|ledger| ledger.note_burned(amount));
	}

	/// Books AZRA that left supply outside this pallet as burned, so that the issuance
	/// equation keeps holding. The runtime calls it for transaction fees and dust that
	/// found no block author; it never counts as burn that paid for proven work.
	pub fn book_burn(amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		Self::note_burned(amount);
		Self::deposit_event(Event::BurnBooked { amount });
	}

	/// Burns the bond of `build`'s assigned provider and leaves the build open (or expired,
	/// as [`Pallet::current_state`] sees it).
	fn forfeit_bond(build_id: BuildId, build: &mut BuildOf<T>) -> DispatchResult {
		let BuildState::Assigned { provider, .. } = &build.state else { return Ok(()) };
		let provider = provider.clone();
		let bond = core::mem::take(&mut build.bond);
		build.state = BuildState::Open;
		if bond.is_zero() {
			return Ok(());
		}
		// Everything this pallet holds for a provider is the sum of its live bonds
		// (checked by `try_state`), so the whole bond is there to burn.
		let burned = T::Currency::burn_held(
			&HoldReason::ProviderBond.into(),
			&provider,
			bond,
			Precision::Exact,
			Fortitude::Force,
		)?;
		Self::note_burned(burned);
		Self::deposit_event(Event::BondForfeited { build_id, provider, amount: burned });
		Ok(())
	}

	/// Releases the bond of `build`'s assigned provider (and gives it back to its bond
	/// allowance), leaving the build open: the provider could not prove it through no
	/// fault of its own.
	fn return_bond(build_id: BuildId, build: &mut BuildOf<T>) -> DispatchResult {
		let BuildState::Assigned { provider, .. } = &build.state else { return Ok(()) };
		let provider = provider.clone();
		let bond = core::mem::take(&mut build.bond);
		build.state = BuildState::Open;
		if bond.is_zero() {
			return Ok(());
		}
		T::Currency::release(&HoldReason::ProviderBond.into(), &provider, bond, Precision::Exact)?;
		BondAllowances::<T>::mutate(&provider, |allowance| {
			*allowance = allowance.saturating_add(bond)
		});
		Self::deposit_event(Event::BondReturned { build_id, provider, amount: bond });
		Ok(())
	}

	/// If `build`'s provider let the deadline pass, burns its bond and reopens the build.
	fn settle_missed_deadline(
		build_id: BuildId,
		build: &mut BuildOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		match build.state {
			BuildState::Assigned { deadline, .. } if now > deadline => {
				Self::forfeit_bond(build_id, build)
			}
			_ => Ok(()),
		}
	}

	/// Assigns an open build to an eligible provider, holding its bond; `Ok(true)` if the
	/// build is sealed (its recipients were checked).
	pub fn do_accept_build(
		provider: T::AccountId,
		build_id: BuildId,
	) -> Result<bool, DispatchError> {
		let mut build = Self::stored_build(build_id)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(Self::current_state(&build, now) == BuildState::Open, Error::<T>::BuildNotOpen);
		ensure!(provider != build.builder, Error::<T>::OwnBuild);
		let sealed = SealedBuilds::<T>::get(build_id);
		match &sealed {
			Some(terms) => T::Eligibility::ensure_eligible_recipient(
				&provider,
				build.required_measurement,
				&terms.recipients,
			)?,
			None => T::Eligibility::ensure_eligible(&provider, build.required_measurement)?,
		}
		Self::settle_missed_deadline(build_id, &mut build, now)?;

		let bond = Self::bond_for(build.price);
		let allowance = BondAllowances::<T>::get(&provider);
		ensure!(bond <= allowance, Error::<T>::BondAllowanceExceeded);
		T::Currency::hold(&HoldReason::ProviderBond.into(), &provider, bond)
			.map_err(|_| Error::<T>::InsufficientBond)?;
		BondAllowances::<T>::insert(&provider, allowance.saturating_sub(bond));
		let deadline = now.saturating_add(T::AssignmentPeriod::get());
		build.state = BuildState::Assigned { provider: provider.clone(), deadline };
		build.bond = bond;
		Builds::<T>::insert(build_id, build);
		Self::deposit_event(Event::BuildAccepted { build_id, provider, deadline, bond });
		Ok(sealed.is_some())
	}

	/// Returns an assigned build to open, at its provider's request. The bond is burned,
	/// unless a governance decision is why the provider can no longer prove the build
	/// ([`ProviderEligibility::ineligible_by_governance`]): then it is returned, since the
	/// provider did not fail the build; the chain stopped trusting its enclave.
	pub fn do_release_build(provider: T::AccountId, build_id: BuildId) -> DispatchResult {
		let mut build = Self::stored_build(build_id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let deadline = match Self::current_state(&build, now) {
			BuildState::Assigned { provider: assigned, deadline } => {
				ensure!(assigned == provider, Error::<T>::NotAssignedProvider);
				deadline
			}
			_ => return Err(Error::<T>::BuildNotAssigned.into()),
		};
		let sealed = SealedBuilds::<T>::get(build_id);
		// The block the provider took the build (an upgrade that lengthened the assignment
		// period makes this earlier, which only widens the removals that count against it).
		let accepted_at = deadline.saturating_sub(T::AssignmentPeriod::get());
		let revoked = T::Eligibility::ineligible_by_governance(
			&provider,
			build.required_measurement,
			sealed.as_ref().map(|terms| &terms.recipients[..]),
			accepted_at,
		);
		if revoked {
			Self::return_bond(build_id, &mut build)?;
		} else {
			Self::forfeit_bond(build_id, &mut build)?;
		}
		Builds::<T>::insert(build_id, build);
		Self::deposit_event(Event::BuildReleased { build_id, provider });
		Ok(())
	}

	/// Ends a build that will not be completed and refunds its builder: a cancellation of
	/// an open build (`cancel`), or the reclaim of an expired one. A provider's missed
	/// deadline is settled first (its bond is burned).
	pub fn do_end_build(builder: T::AccountId, build_id: BuildId, cancel: bool) -> DispatchResult {
		let mut build = Self::stored_build(build_id)?;
		ensure!(build.builder == builder, Error::<T>::NotBuilder);
		ensure!(!build.refunded, Error::<T>::AlreadyRefunded);
		let now = frame_system::Pallet::<T>::block_number();
		let state = Self::current_state(&build, now);
		if cancel {
			ensure!(state == BuildState::Open, Error::<T>::BuildNotOpen);
		} else {
			ensure!(state == BuildState::Expired, Error::<T>::BuildNotExpired);
		}
		Self::settle_missed_deadline(build_id, &mut build, now)?;

		T::Refund::refund(&builder, build.price)?;
		build.state = BuildState::Expired;
		build.refunded = true;
		let amount = build.price;
		Builds::<T>::insert(build_id, build);
		Self::deposit_event(Event::BuildExpired { build_id, cancelled: cancel });
		Self::deposit_event(Event::BuildRefunded { build_id, builder, amount });
		Ok(())
	}

	/// The last block `build`'s record stays in state: `BuildRetention` blocks after the
	/// last block the build could change. That is `expires_at + AssignmentPeriod` (the
	/// deadline of an assignment taken at the last open block), or the stored deadline if
	/// it is later (an assignment made under a longer `AssignmentPeriod` before an upgrade
	/// shortened it).
	pub fn retained_until(build: &BuildOf<T>) -> BlockNumberFor<T> {
		let last_change = match &build.state {
			BuildState::Assigned { deadline, .. } => *deadline,
			_ => Zero::zero(),
		}
		.max(build.expires_at.saturating_add(T::AssignmentPeriod::get()));
		last_change.saturating_add(T::BuildRetention::get())
	}

	/// The lowest build id that may still be in state; every build below it has left.
	pub fn oldest_retained_build() -> BuildId {
		Ledger::<T>::get().oldest_build_id
	}

	/// Removes the oldest builds whose retention has passed, in id order, within
	/// `weight_limit` and at most `MaxPrunedPerBlock` of them; returns the weight used.
	///
	/// Ids grow with submission blocks and every build has the same retention, so the
	/// first build still retained stops the sweep: none after it could be removed either.
	/// A build that ended settled (completed or refunded) costs less to remove than one
	/// that did not (a lapsed bond to burn, a price to refund), and is charged so.
	pub fn prune_builds(now: BlockNumberFor<T>, weight_limit: Weight) -> Weight {
		let base = T::WeightInfo::prune_settled_builds(0);
		let per_settled = T::WeightInfo::prune_settled_builds(1).saturating_sub(base);
		let unsettled_base = T::WeightInfo::prune_unsettled_builds(0);
		let per_unsettled = T::WeightInfo::prune_unsettled_builds(1).saturating_sub(unsettled_base);
		// The first refund of a block also reads and writes the mint's refund sums, once.
		let mut unsettled_once = unsettled_base.saturating_sub(base);
		if !weight_limit.all_gte(base) {
			return Weight::zero();
		}
		// Only the cursor is kept here: removals may burn a bond, which books into the
		// ledger's sums on their own.
		let LedgerState { oldest_build_id: first, next_build_id, .. } = Ledger::<T>::get();
		let mut oldest = first;
		let mut used = base;
		let mut pruned = 0u32;
		while oldest < next_build_id && pruned < T::MaxPrunedPerBlock::get() {
			let id = oldest;
			let mut cost = per_settled;
			if let Some(build) = Builds::<T>::get(id) {
				if now <= Self::retained_until(&build) {
					break;
				}
				let settled = build.refunded || matches!(build.state, BuildState::Completed { .. });
				if !settled {
					cost = per_unsettled.saturating_add(core::mem::take(&mut unsettled_once));
				}
				if !weight_limit.all_gte(used.saturating_add(cost)) {
					break;
				}
				// Each removal is all or nothing. One that fails would mean the bond or
				// deposit bookkeeping is broken (`try_state` checks it); the build then
				// stays, and so does every later one, rather than the totals going wrong.
				let removed = frame_support::storage::with_storage_layer(|| {
					Self::retire_build(id, build, now)
				});
				if let Err(error) = removed {
					log::error!(
						target: LOG_TARGET,
						"build {id} could not leave state: {error:?}"
					);
					break;
				}
			}
			oldest = id.saturating_add(1);
			used = used.saturating_add(cost);
			pruned = pruned.saturating_add(1);
		}
		if pruned > 0 {
			Ledger::<T>::mutate(|ledger| ledger.oldest_build_id = oldest);
			Self::deposit_event(Event::BuildsPruned { from: first, to: oldest.saturating_sub(1) });
		}
		used
	}

	/// Keeps the output of build `id` stored while its record stays, paid by its `builder`
	/// (who reads it): a deposit of `OutputDepositBase` plus `OutputDepositPerByte` per byte.
	/// Never fails: a proof must not fail because of its builder, so an output whose bytes
	/// are not stored, or whose builder cannot pay, is not kept ([`Event::OutputNotKept`]).
	fn keep_output(id: BuildId, builder: &T::AccountId, output_hash: H256) {
		let len = T::Outputs::len(&output_hash);
		let deposit = len.map(|len| {
			T::OutputDepositPerByte::get()
				.saturating_mul(len.into())
				.saturating_add(T::OutputDepositBase::get())
		});
		let paid = match deposit {
			Some(deposit) if deposit.is_zero() => true,
			Some(deposit) => {
				T::Currency::hold(&HoldReason::OutputDeposit.into(), builder, deposit).is_ok()
			}
			None => false,
		};
		match (paid, deposit) {
			(true, Some(deposit)) => {
				T::Outputs::keep(&output_hash);
				KeptOutputs::<T>::insert(id, (output_hash, deposit));
			}
			_ => Self::deposit_event(Event::OutputNotKept { build_id: id, len }),
		}
	}

	/// Takes `build` out of state: settles a missed deadline, refunds an expired build its
	/// builder never reclaimed, and returns the deposit.
	fn retire_build(id: BuildId, mut build: BuildOf<T>, now: BlockNumberFor<T>) -> DispatchResult {
		Self::settle_missed_deadline(id, &mut build, now)?;
		if let Some((output_hash, deposit)) = KeptOutputs::<T>::take(id) {
			T::Outputs::release(&output_hash);
			if !deposit.is_zero() {
				T::Currency::release(
					&HoldReason::OutputDeposit.into(),
					&build.builder,
					deposit,
					Precision::Exact,
				)?;
			}
		}
		if !build.deposit.is_zero() {
			T::Currency::release(
				&HoldReason::BuildDeposit.into(),
				&build.builder,
				build.deposit,
				Precision::Exact,
			)?;
		}
		if Self::current_state(&build, now) == BuildState::Expired && !build.refunded {
			// Its builder never reclaimed it. A refund that cannot be minted (the account
			// is gone and the price is below the existential deposit) stays burned.
			match T::Refund::refund(&build.builder, build.price) {
				Ok(()) => {
					Self::deposit_event(Event::BuildExpired { build_id: id, cancelled: false });
					Self::deposit_event(Event::BuildRefunded {
						build_id: id,
						builder: build.builder.clone(),
						amount: build.price,
					});
				}
				Err(_) => Self::deposit_event(Event::RefundForgone {
					build_id: id,
					builder: build.builder.clone(),
					amount: build.price,
				}),
			}
		}
		Builds::<T>::remove(id);
		SealedBuilds::<T>::remove(id);
		Ok(())
	}

	/// Changes the price per unit within the hard bounds and the per-epoch step.
	pub fn do_set_price_per_unit(new: BalanceOf<T>) -> DispatchResult {
		ensure!(
			new >= T::MinPricePerUnit::get() && new <= T::MaxPricePerUnit::get(),
			Error::<T>::PricePerUnitOutOfBounds
		);
		let old = PricePerUnit::<T>::get();
		let epoch = T::EpochClock::current_epoch();
		// The reference is the price in force when this epoch's first change was made, so
		// several changes in one epoch cannot add up to more than one step.
		let reference = match PriceAnchor::<T>::get() {
			Some((anchor_epoch, price)) if anchor_epoch == epoch => price,
			_ => old,
		};
		let step = if new > reference { new - reference } else { reference - new };
		ensure!(
			step <= T::MaxPriceChangePerEpoch::get().mul_floor(reference),
			Error::<T>::PriceChangeTooLarge
		);
		PriceAnchor::<T>::put((epoch, reference));
		PricePerUnit::<T>::put(new);
		Self::deposit_event(Event::PricePerUnitSet { old, new });
		Ok(())
	}

	/// Checks the ledger's cursor and counter bound every stored build, that each builder's
	/// held deposit is the sum of its stored builds' deposits, and the bonds (see
	/// [`Pallet::try_state_bonds`]).
	// Built with `std` too, so that `azra-pallet-tests` can check it after every step.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let ledger = Ledger::<T>::get();
		if ledger.oldest_build_id > ledger.next_build_id {
			return Err("the pruning cursor is past the next build id".into());
		}
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, build) in Builds::<T>::iter() {
			if id < ledger.oldest_build_id || id >= ledger.next_build_id {
				return Err("a build is stored outside [oldest_build_id, next_build_id)".into());
			}
			if build.refunded && build.state != BuildState::Expired {
				return Err("a refunded build must be expired".into());
			}
			let total = deposits.entry(build.builder.clone()).or_insert_with(Zero::zero);
			*total = total.saturating_add(build.deposit);
		}
		for (id, terms) in SealedBuilds::<T>::iter() {
			if !Builds::<T>::contains_key(id) {
				return Err("sealed terms outlived their build".into());
			}
			if terms.recipients.is_empty() {
				return Err("a sealed build without recipients".into());
			}
			for (i, recipient) in terms.recipients.iter().enumerate() {
				if terms.recipients[..i].contains(recipient) {
					return Err("a sealed build names a recipient twice".into());
				}
			}
		}
		let mut output_deposits: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>> =
			Default::default();
		for (id, (output_hash, deposit)) in KeptOutputs::<T>::iter() {
			let build = Builds::<T>::get(id).ok_or("a kept output of no stored build")?;
			match build.state {
				BuildState::Completed { output_hash: proven, .. } if proven == output_hash => {}
				_ => return Err("a kept output of no completed build with that output".into()),
			}
			let total = output_deposits.entry(build.builder).or_insert_with(Zero::zero);
			*total = total.saturating_add(deposit);
		}
		for (builder, deposit) in output_deposits {
			if T::Currency::balance_on_hold(&HoldReason::OutputDeposit.into(), &builder) != deposit
			{
				return Err("a builder's output deposit hold differs from its kept outputs'".into());
			}
		}
		for (builder, deposit) in deposits {
			if T::Currency::balance_on_hold(&HoldReason::BuildDeposit.into(), &builder) != deposit {
				return Err("a builder's held deposit differs from its stored builds'".into());
			}
		}
		Self::try_state_bonds()
	}

	/// Checks that what is held from each provider is exactly the sum of the bonds of the
	/// builds stored as assigned to it, and that no other build carries a bond.
	// Built with `std` too, so that `azra-pallet-tests` can check it after every step.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn try_state_bonds() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (_, build) in Builds::<T>::iter() {
			match &build.state {
				BuildState::Assigned { provider, .. } => {
					let total = bonds.entry(provider.clone()).or_insert_with(Zero::zero);
					*total = total.saturating_add(build.bond);
				}
				_ if !build.bond.is_zero() => {
					return Err("a build that is not assigned carries a bond".into())
				}
				_ => {}
			}
		}
		for (provider, bond) in bonds {
			if T::Currency::balance_on_hold(&HoldReason::ProviderBond.into(), &provider) != bond {
				return Err("a provider's held bond differs from its assigned builds' bonds".into());
			}
		}
		Ok(())
	}
}

/// The first id in `low..high` at which `reached` holds, or `high` if it holds at none;
/// `reached` must be false up to some id and true from it on. A binary search: it calls
/// `reached` at most ⌈log₂(high − low + 1)⌉ times.
pub(crate) fn first_where(
	low: BuildId,
	high: BuildId,
	mut reached: impl FnMut(BuildId) -> bool,
) -> BuildId {
	// Invariant: not reached below `lo`; reached at `hi` (or `hi` is `high`).
	let (mut lo, mut hi) = (low, high.max(low));
	while lo < hi {
		let mid = lo + (hi - lo) / 2;
		if reached(mid) {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	lo
}

impl<T: Config> BuildRegistry<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> for Pallet<T> {
	fn build(id: BuildId) -> Option<BuildView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Self::build_view(id)
	}

	fn complete_build(
		id: BuildId,
		provider: &T::AccountId,
		enclave: &EnclaveKey,
		output_hash: H256,
		units_used: Units,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut build = Self::stored_build(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		match &build.state {
			BuildState::Assigned { provider: assigned, deadline } => {
				ensure!(assigned == provider, Error::<T>::NotAssignedProvider);
				ensure!(now <= *deadline, Error::<T>::DeadlinePassed);
			}
			_ => return Err(Error::<T>::BuildNotAssigned.into()),
		}
		ensure!(units_used > 0, Error::<T>::ZeroUnitsUsed);
		ensure!(units_used <= build.units, Error::<T>::UnitsUsedAboveRequested);
		if let Some(terms) = SealedBuilds::<T>::get(id) {
			// Only a recipient could open the input: any other enclave's output is not the
			// build's.
			ensure!(terms.recipients.contains(enclave), Error::<T>::ProverNotARecipient);
		}

		// The price bought `units` units; the proof shows `units_used` of them were done.
		// Rounding down keeps the proven part within what was paid.
		let proven_burn: BalanceOf<T> = multiply_by_rational_with_rounding(
			build.price.saturated_into::<u128>(),
			units_used.into(),
			build.units.into(),
			Rounding::Down,
		)
		.map(|amount| amount.saturated_into::<BalanceOf<T>>())
		.unwrap_or_else(Zero::zero)
		.min(build.price);
		let unused = build.price.saturating_sub(proven_burn);

		let bond = core::mem::take(&mut build.bond);
		if !bond.is_zero() {
			T::Currency::release(
				&HoldReason::ProviderBond.into(),
				provider,
				bond,
				Precision::Exact,
			)?;
			// The bond came back, so it is no longer at risk.
			BondAllowances::<T>::mutate(provider, |allowance| {
				*allowance = allowance.saturating_add(bond)
			});
		}
		if !unused.is_zero() {
			// A builder must not be able to fail an honest provider's proof (and so burn its
			// bond) by emptying its own account, so that a refund below the existential
			// deposit cannot be minted. Such a refund is forgone: it stays burned, and it
			// is never proven burn.
			match T::Refund::refund(&build.builder, unused) {
				Ok(()) => Self::deposit_event(Event::BuildRefunded {
					build_id: id,
					builder: build.builder.clone(),
					amount: unused,
				}),
				Err(_) => Self::deposit_event(Event::RefundForgone {
					build_id: id,
					builder: build.builder.clone(),
					amount: unused,
				}),
			}
		}

		Self::keep_output(id, &build.builder, output_hash);
		build.state = BuildState::Completed { provider: provider.clone(), output_hash, units_used };
		Builds::<T>::insert(id, build);
		Self::deposit_event(Event::BuildCompleted {
			build_id: id,
			provider: provider.clone(),
			output_hash,
			units_used,
			proven_burn,
		});
		Ok(proven_burn)
	}
}

impl<T: Config> BurnLedger<BalanceOf<T>> for Pallet<T> {
	fn take_epoch_burn() -> BalanceOf<T> {
		Ledger::<T>::mutate(|ledger| core::mem::take(&mut ledger.burned_this_epoch))
	}

	fn burned_in_open_epoch() -> BalanceOf<T> {
		Ledger::<T>::get().burned_this_epoch
	}

	fn total_burned() -> BalanceOf<T> {
		Ledger::<T>::get().total_burned
	}
}

impl<Balance: Saturating + Copy> LedgerState<Balance> {
	/// Books `amount` as burned, in total and in the open epoch.
	pub fn note_burned(&mut self, amount: Balance) {
		self.total_burned = self.total_burned.saturating_add(amount);
		self.burned_this_epoch = self.burned_this_epoch.saturating_add(amount);
	}
}
