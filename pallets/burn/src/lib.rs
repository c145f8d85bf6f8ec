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
mod calls;
mod errors;
mod events;
mod impl_builds;
mod impl_price;
mod impl_retention;
mod impl_try_state;
mod impl_views;
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
use frame_support::{
	pallet_macros::import_section, pallet_prelude::ConstU32, weights::Weight, BoundedVec,
};
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

#[import_section(events::events)]
#[import_section(errors::errors)]
#[import_section(calls::calls)]
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
}

use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::SaturatedConversion;

type BuildOf<T> = Build<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

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
