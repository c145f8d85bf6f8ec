//! # Mint pallet
//!
//! The only place $AZRA is created. Providers earn newly minted AZRA for work an attested
//! enclave has proven; builders get refunds of prices that bought no proven work (cancelled
//! and expired builds, and the unused units of completed ones). Everything else in
//! AzraCode only moves or burns AZRA.
//!
//! ## The rule
//!
//! What providers are paid for an epoch is bounded by the burn that paid for builds
//! **proven** in it. A build's price is burned when it is submitted; when a provider's work
//! proof completes it, the part of the price that paid for the units used is its
//! *proven burn* (the burn pallet refunds the rest to the builder). A cancelled or expired
//! build is refunded in full and never counts toward any budget. So a coalition of accounts
//! that deals with itself gets back at most `ratio` of what it burned for proven work
//! (`ratio ≤ MaxRatio ≤ 1`), and loses the rest and its fees; at a ratio of exactly 1 it
//! breaks even before fees. `docs/economics.md` has the arithmetic.
//!
//! ## Terms
//!
//! - **Epoch**: a run of `epoch_length` blocks. Epoch `e + 1` opens in the block where epoch
//!   `e` closes. The pallet implements [`EpochClock`] for the other pallets.
//! - **Points**: the verified compute units a provider proved during an epoch (reported).
//! - **Proven burn**: the burn that paid for the units a provider proved during an epoch;
//!   rewards are shared in proportion to it.
//! - **Burned**: every AZRA that left supply during an epoch ([`BurnLedger`]); a supply
//!   figure, never a budget. The burn ledger keeps one running sum for the open epoch; the
//!   mint takes it ([`BurnLedger::take_epoch_burn`]) when it closes the epoch and keeps it
//!   in the epoch's record.
//! - **Budget**: the most an epoch's rewards may mint: `min(ratio × proven burn, ceiling)`.
//! - **Dust**: what rounding each share down leaves of a budget; never minted, recorded.
//! - **Net emission**: `minted + refunded − burned`, signed, per epoch and in total.
//! - **History depth**: `HistoryDepth`, how many epochs a closed epoch stays claimable (like
//!   `pallet-staking`'s history depth).
//! - **Claim window**: a provider may claim its share of closed epoch `e` while
//!   `current_epoch() ≤ e + HistoryDepth`, i.e. during epochs `e + 1 ..= e + HistoryDepth`
//!   ([`Pallet::last_claim_epoch`]).
//! - **Expired**: an epoch past its claim window ([`Pallet::is_expired`], the one place the
//!   rule is written). Claims for it fail with [`Error::ClaimExpired`].
//! - **Unclaimed**: what an expired epoch did not mint of its budget, `budget −
//!   minted_rewards`: the shares nobody claimed in time and the rounding dust. Never minted;
//!   summed in [`TotalExpired`] when the epoch leaves state.
//! - **Pruned**: an expired epoch whose `Points` entries and record have left state. Every
//!   epoch below [`Pallet::oldest_retained_epoch`] is pruned.
//!
//! ## Formulas
//!
//! When epoch `e` closes:
//!
//! ```text
//! proven_burn(e) = Σ proven_burn(p)                  over providers p with proofs in e
//! budget         = min(⌊ratio · proven_burn(e)⌋, ceiling)      ratio ∈ [MinRatio, MaxRatio ≤ 1]
//! share(p)       = ⌊budget · proven_burn(p) / proven_burn(e)⌋  ≤ ratio · proven_burn(p)
//! dust           = budget − Σ share(p)                         never minted
//! net_emission   = minted_rewards + refunded − burned
//! ```
//!
//! When epoch `e` expires (`current_epoch() > e + HistoryDepth`):
//!
//! ```text
//! unclaimed(e)   = budget − minted_rewards            never minted
//! TotalExpired   = Σ unclaimed(e)                     over pruned epochs e
//! TotalMinted    = Σ minted_rewards(e) over records in state + PrunedHistory.minted_rewards
//! ```
//!
//! A parameter change is rejected if the new value lies outside its hard bounds
//! (`Min*`/`Max*` constants) or differs from the value in effect when the current epoch
//! opened by more than `MaxChangePerEpoch` of that value (of the hard maximum when that
//! value is zero).
//!
//! ## Calls
//!
//! - [`submit_work`](Pallet::submit_work): the provider a build is assigned to presents the
//!   enclave's work proof; the build is marked completed, and its units and proven burn
//!   are credited to the provider in the current epoch.
//! - [`claim_rewards`](Pallet::claim_rewards): a provider collects its share of the budget of
//!   one or more closed epochs (bounded by `MaxEpochsPerClaim`) within their claim window;
//!   each epoch pays once.
//! - [`set_parameters`](Pallet::set_parameters): Root tunes ratio, ceiling and epoch length
//!   within the hard bounds and the per-epoch step.
//!
//! ## Hooks
//!
//! - `on_initialize`: when the block reaches the end of the epoch in progress, closes it in
//!   constant work (one epoch per block, no loops) and opens the next.
//! - `on_idle`: prunes expired epochs, oldest first, in the block's spare weight (see
//!   below).
//! - `integrity_test`: checks the bounds are coherent, `HistoryDepth ≥ 1` and
//!   `MaxPrunedPerBlock ≥ 1`.
//! - `try_state`: total issuance = genesis issuance + minted + refunded − burned; no
//!   epoch's budget exceeds its proven burn, and none has paid more than its budget; the
//!   records in state plus the pruned ones account for `TotalMinted`; `TotalExpired` is the
//!   unclaimed budget of the pruned epochs; no history is left below `HistoryStart`.
//!
//! ## Bounded state: expiry and pruning
//!
//! Each closed epoch leaves a record ([`EpochRecords`]) and one [`Points`] entry per
//! provider that proved work in it. Both are needed only while the epoch can be claimed, so
//! they leave state once it has expired, and state holds at most about `HistoryDepth`
//! epochs of history however long the chain runs.
//!
//! [`HistoryStart`] is the oldest epoch still in state. In each block, `on_idle` looks at
//! it; if it has expired, `on_idle`
//!
//! 1. removes its `Points` entries, at most `MaxPrunedPerBlock` a block (in the order of
//!    their keys; a big epoch takes several blocks, each starting again at the first key
//!    left, so no cursor is stored), and once none is left
//! 2. removes its record (and any `EpochTallies`/`EpochRefunds` leftover), adds its budget
//!    and minted rewards to [`PrunedHistory`] and its unclaimed part to [`TotalExpired`],
//!    emits [`Event::EpochExpired`] and moves `HistoryStart` to the next epoch,
//!
//! then goes on with the next epoch while weight and the per-block limit allow. A record
//! counts against `MaxPrunedPerBlock` like a `Points` entry. Every step is priced by the
//! `on_idle_*` weights before it runs, and `on_idle` never uses more than the weight it is
//! given. Pruning stops at the first epoch still in its claim window, so nothing a provider
//! may still claim is ever removed. Issuance does not change when an epoch expires: its
//! unclaimed part was never minted.
//!
//! [`Pallet::epoch_record`] and [`Pallet::epoch_records`] return nothing for a pruned
//! epoch; the lifetime totals ([`TotalMinted`], [`TotalRefunded`], [`TotalExpired`],
//! [`Pallet::supply_totals`]) are unaffected by pruning.
//!
//! ## Traits implemented
//!
//! - [`EpochClock`]: the epoch the current block belongs to, and the oldest epoch not
//!   closed yet.
//! - [`Refund`]: mint a refund to a builder (the burn pallet's expiry/cancel path).
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
mod impl_epochs;
mod impl_history;
mod impl_parameters;
mod impl_rewards;
mod impl_try_state;
mod impl_work;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use azra_primitives::{
	BuildRegistry, BuildState, BurnLedger, EpochClock, EpochIndex, Refund, Units, WorkClaim,
	WorkProofVerifier,
};
use frame_support::{
	pallet_macros::import_section,
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{One, Saturating, Zero},
	DispatchError, DispatchResult, FixedPointNumber, Perbill, Rounding, SaturatedConversion,
};

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::mint";

/// Most epoch records [`Pallet::epoch_records`] returns in one read.
pub const MAX_RECORDS_PER_READ: u32 = 256;

/// The balance type of the currency this pallet mints.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The parameters, typed for a runtime.
pub type ParametersOf<T> = MintParameters<BalanceOf<T>, BlockNumberFor<T>>;

/// Sets up what the benchmarks need from the pallets this one talks to.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Proof> {
	/// Create a build of `units` units assigned to `provider`, within its deadline; return
	/// its id.
	fn assigned_build(provider: &AccountId, units: Units) -> azra_primitives::BuildId;
	/// A work proof that the runtime's `WorkProofs` accepts for `claim`.
	fn work_proof(claim: &WorkClaim<AccountId>) -> Proof;
	/// Stores `bytes` as `provider` stores an output before proving it (noted); returns
	/// their hash, so that the proof's completion keeps a stored output.
	fn stored_output(provider: &AccountId, bytes: Vec<u8>) -> sp_core::H256;
}

#[import_section(events::events)]
#[import_section(errors::errors)]
#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::{DispatchResult, *};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::FixedU128;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the mint pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency in which rewards and refunds are minted (AZRA).
		type Currency: Mutate<Self::AccountId>;

		/// The builds, as the burn pallet keeps them.
		type Builds: BuildRegistry<Self::AccountId, BalanceOf<Self>, BlockNumberFor<Self>>;

		/// How much was burned, in the open epoch and in total (the burn pallet). The mint
		/// takes the open epoch's sum when it closes the epoch.
		type BurnLedger: BurnLedger<BalanceOf<Self>>;

		/// What a provider presents as proof of work (the runtime uses the attestation
		/// pallet's `WorkProof`: enclave key and signature).
		type Proof: Parameter + MaxEncodedLen;

		/// Checks work proofs (the attestation pallet).
		type WorkProofs: WorkProofVerifier<Self::AccountId, Self::Proof>;

		/// Lower hard bound of `ratio`.
		#[pallet::constant]
		type MinRatio: Get<FixedU128>;
		/// Upper hard bound of `ratio`; at most one, so rewards never exceed the proven burn
		/// they are paid from (checked by `integrity_test`).
		#[pallet::constant]
		type MaxRatio: Get<FixedU128>;
		/// Lower hard bound of `ceiling`.
		#[pallet::constant]
		type MinCeiling: Get<BalanceOf<Self>>;
		/// Upper hard bound of `ceiling`.
		#[pallet::constant]
		type MaxCeiling: Get<BalanceOf<Self>>;
		/// Lower hard bound of `epoch_length` (at least one block).
		#[pallet::constant]
		type MinEpochLength: Get<BlockNumberFor<Self>>;
		/// Upper hard bound of `epoch_length`.
		#[pallet::constant]
		type MaxEpochLength: Get<BlockNumberFor<Self>>;
		/// Largest relative change of each parameter within one epoch, measured against its
		/// value when the epoch opened.
		#[pallet::constant]
		type MaxChangePerEpoch: Get<Perbill>;
		/// Most epochs one `claim_rewards` call may claim.
		#[pallet::constant]
		type MaxEpochsPerClaim: Get<u32>;
		/// How many epochs a closed epoch's rewards stay claimable, like `pallet-staking`'s
		/// `HistoryDepth`: a provider may claim its share of closed epoch `e` while
		/// `current_epoch() ≤ e + HistoryDepth`. After that the epoch has expired: its
		/// unclaimed budget is never minted and its history leaves state. At least one
		/// (checked by `integrity_test`). Lowering it expires epochs early; epochs already
		/// pruned stay expired if it is raised.
		#[pallet::constant]
		type HistoryDepth: Get<EpochIndex>;
		/// Most history entries `on_idle` removes in one block: `Points` entries of expired
		/// epochs and expired epochs' records together, so never more than this many `Points`
		/// entries. At least one (checked by `integrity_test`). Pick it so that
		/// `MaxPrunedPerBlock × epoch length` exceeds the providers an epoch may have, or
		/// pruning falls behind (state then still stays bounded by the work providers paid
		/// for, and catches up in quieter epochs).
		#[pallet::constant]
		type MaxPrunedPerBlock: Get<u32>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Sets up builds and work proofs for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::Proof>;
	}

	/// The parameters in effect.
	#[pallet::storage]
	pub type Parameters<T: Config> = StorageValue<_, ParametersOf<T>, ValueQuery>;

	/// The parameters in effect when the epoch of the first change in it opened: the
	/// reference for the per-epoch step limit. Refreshed by the first change of each epoch.
	#[pallet::storage]
	pub type ParametersBaseline<T: Config> =
		StorageValue<_, (EpochIndex, ParametersOf<T>), OptionQuery>;

	/// The epoch in progress: index, first block, length.
	#[pallet::storage]
	pub type CurrentEpoch<T: Config> = StorageValue<_, EpochInfo<BlockNumberFor<T>>, ValueQuery>;

	/// Record of each closed epoch from [`HistoryStart`] on; an expired epoch's record leaves
	/// when its `Points` entries have (see the module docs).
	#[pallet::storage]
	pub type EpochRecords<T: Config> =
		StorageMap<_, Twox64Concat, EpochIndex, EpochRecord<BalanceOf<T>>, OptionQuery>;

	/// Points and proven burn of epochs not yet closed, and their number of providers.
	#[pallet::storage]
	pub type EpochTallies<T: Config> =
		StorageMap<_, Twox64Concat, EpochIndex, EpochTally<BalanceOf<T>>, ValueQuery>;

	/// Each provider's points and proven burn per epoch, and whether its share was claimed.
	/// Epoch first, so an expired epoch's entries are removed by prefix.
	#[pallet::storage]
	pub type Points<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EpochIndex,
		Blake2_128Concat,
		T::AccountId,
		ProviderPoints<BalanceOf<T>>,
		OptionQuery,
	>;

	/// Refunds minted during epochs not yet closed.
	#[pallet::storage]
	pub type EpochRefunds<T: Config> =
		StorageMap<_, Twox64Concat, EpochIndex, BalanceOf<T>, ValueQuery>;

	/// Rewards minted since genesis.
	#[pallet::storage]
	pub type TotalMinted<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Refunds minted since genesis.
	#[pallet::storage]
	pub type TotalRefunded<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// The oldest epoch whose history (record, `Points` entries) may still be in state;
	/// every epoch below it has expired and was pruned. Moved on by `on_idle` only.
	#[pallet::storage]
	pub type HistoryStart<T: Config> = StorageValue<_, EpochIndex, ValueQuery>;

	/// What the records of pruned epochs held, summed: keeps the lifetime figures exact
	/// after the records are gone.
	#[pallet::storage]
	pub type PrunedHistory<T: Config> = StorageValue<_, PrunedTotals<BalanceOf<T>>, ValueQuery>;

	/// Unclaimed budget of expired epochs since genesis, `Σ (budget − minted_rewards)` over
	/// pruned epochs: rewards that were never minted. Added to when an epoch leaves state.
	#[pallet::storage]
	pub type TotalExpired<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Total issuance when the chain started (recorded by the genesis build, which must run
	/// after the balances pallet's).
	#[pallet::storage]
	pub type GenesisIssuance<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Initial parameters and state.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// Initial `ratio`.
		pub ratio: FixedU128,
		/// Initial `ceiling`.
		pub ceiling: BalanceOf<T>,
		/// Initial `epoch_length`.
		pub epoch_length: BlockNumberFor<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self {
				ratio: T::MaxRatio::get(),
				ceiling: T::MaxCeiling::get(),
				epoch_length: T::MinEpochLength::get(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let parameters = MintParameters {
				ratio: self.ratio,
				ceiling: self.ceiling,
				epoch_length: self.epoch_length,
			};
			if let Err(e) = Pallet::<T>::ensure_within_bounds(&parameters) {
				panic!("mint genesis parameters outside their hard bounds: {e:?}");
			}
			Parameters::<T>::put(parameters);
			CurrentEpoch::<T>::put(EpochInfo {
				index: 0,
				start: One::one(),
				length: self.epoch_length,
			});
			GenesisIssuance::<T>::put(T::Currency::total_issuance());
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let info = CurrentEpoch::<T>::get();
			if now < info.start.saturating_add(info.length) {
				return T::WeightInfo::on_initialize_idle();
			}
			Self::close_epoch(info.index, now);
			T::WeightInfo::on_initialize_close_epoch()
		}

		fn on_idle(_now: BlockNumberFor<T>, remaining_weight: Weight) -> Weight {
			Self::do_prune_history(remaining_weight)
		}

		fn integrity_test() {
			assert!(T::MinRatio::get() <= T::MaxRatio::get(), "MinRatio > MaxRatio");
			assert!(
				T::MaxRatio::get() <= FixedU128::one(),
				"MaxRatio above one would pay providers more than the burn of their proven work"
			);
			assert!(T::MinCeiling::get() <= T::MaxCeiling::get(), "MinCeiling > MaxCeiling");
			assert!(!T::MinEpochLength::get().is_zero(), "MinEpochLength must be at least 1");
			assert!(
				T::MinEpochLength::get() <= T::MaxEpochLength::get(),
				"MinEpochLength > MaxEpochLength"
			);
			assert!(!T::MaxChangePerEpoch::get().is_zero(), "MaxChangePerEpoch must be above zero");
			assert!(T::MaxEpochsPerClaim::get() >= 1, "MaxEpochsPerClaim must be at least 1");
			assert!(
				T::HistoryDepth::get() >= 1,
				"HistoryDepth must be at least 1, or no closed epoch could ever be claimed"
			);
			assert!(T::MaxPrunedPerBlock::get() >= 1, "MaxPrunedPerBlock must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
