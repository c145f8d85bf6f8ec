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
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AtLeast32BitUnsigned, One, Saturating, Zero},
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

#[frame_support::pallet]
pub mod pallet {
	use super::{DispatchError, DispatchResult, *};
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

	/// Events of the mint pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider's work proof was accepted: the build is completed and its units are
		/// the provider's points in `epoch`.
		WorkAccepted {
			/// The completed build.
			build_id: azra_primitives::BuildId,
			/// The provider who proved it.
			provider: T::AccountId,
			/// The epoch the points count in.
			epoch: EpochIndex,
			/// Units proven (= points earned).
			units_used: Units,
			/// The part of the build's burned price that paid for the units proven; the
			/// provider's share of the epoch's budget follows it.
			proven_burn: BalanceOf<T>,
			/// Hash of the build's output.
			output_hash: H256,
			/// Measurement of the enclave that signed the proof.
			measurement: H256,
		},
		/// An epoch closed and its budget was fixed.
		EpochClosed {
			/// The closed epoch.
			epoch: EpochIndex,
			/// AZRA burned in it (all burn: a supply figure).
			burned: BalanceOf<T>,
			/// AZRA refunded in it.
			refunded: BalanceOf<T>,
			/// Burn that paid for the work proven in it.
			proven_burn: BalanceOf<T>,
			/// Its reward budget: `min(ratio × proven_burn, ceiling)`.
			budget: BalanceOf<T>,
			/// Its total points.
			points: Units,
		},
		/// An epoch's budget was capped at the ceiling: every provider of the epoch is paid
		/// the same fraction of `ratio × proven burn`.
		CeilingReached {
			/// The epoch.
			epoch: EpochIndex,
			/// `ratio × proven burn`.
			uncapped: BalanceOf<T>,
			/// The ceiling applied.
			ceiling: BalanceOf<T>,
		},
		/// A provider was paid its share of an epoch's budget.
		RewardsClaimed {
			/// The provider.
			provider: T::AccountId,
			/// The epoch the share belongs to.
			epoch: EpochIndex,
			/// AZRA minted.
			amount: BalanceOf<T>,
		},
		/// A builder was refunded a price that bought no proven work: a cancelled or expired
		/// build's, or the unused units of a completed one.
		Refunded {
			/// The builder.
			builder: T::AccountId,
			/// AZRA minted.
			amount: BalanceOf<T>,
			/// The epoch the refund is accounted in.
			epoch: EpochIndex,
		},
		/// Root changed the parameters.
		ParametersSet {
			/// The parameters now in effect.
			parameters: ParametersOf<T>,
		},
		/// An epoch's claim window passed and its history left state: what it did not mint
		/// of its budget never will be.
		EpochExpired {
			/// The expired epoch.
			epoch: EpochIndex,
			/// Rewards minted for it (the shares claimed in time).
			minted_rewards: BalanceOf<T>,
			/// `budget − minted_rewards`: shares not claimed in time and rounding dust. Never
			/// minted; added to `TotalExpired`.
			unclaimed: BalanceOf<T>,
		},
	}

	/// Errors of the mint pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// There is no build with this id.
		BuildNotFound,
		/// The build is waiting for a provider; nobody may prove it yet.
		BuildNotAssigned,
		/// The build is assigned to another provider.
		NotAssignedProvider,
		/// The assignment's deadline has passed.
		DeadlinePassed,
		/// The build was already completed.
		BuildAlreadyCompleted,
		/// The build expired.
		BuildExpired,
		/// A work proof must report at least one unit.
		NoUnitsUsed,
		/// More units reported than the build requested.
		UnitsAboveRequested,
		/// The points would overflow.
		PointsOverflow,
		/// The epoch has not closed yet.
		EpochNotClosed,
		/// The caller has no points in this epoch.
		NothingToClaim,
		/// The caller's share of this epoch was already paid.
		AlreadyClaimed,
		/// `ratio` outside its hard bounds.
		RatioOutOfBounds,
		/// `ceiling` outside its hard bounds.
		CeilingOutOfBounds,
		/// `epoch_length` outside its hard bounds.
		EpochLengthOutOfBounds,
		/// `ratio` moved more than the per-epoch step allows.
		RatioChangeTooLarge,
		/// `ceiling` moved more than the per-epoch step allows.
		CeilingChangeTooLarge,
		/// `epoch_length` moved more than the per-epoch step allows.
		EpochLengthChangeTooLarge,
		/// The enclave that signed the proof runs another measurement than the build requires.
		WrongMeasurement,
		/// The epoch's claim window has passed (`current_epoch() > epoch + HistoryDepth`): its
		/// unclaimed shares are never minted.
		ClaimExpired,
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

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Prove the work of build `build_id`: the caller must be the provider it is assigned
		/// to, within the deadline, reporting no more units than requested, with a work
		/// proof the attestation side accepts for exactly this build, spec, output, units
		/// and provider. The build is marked completed (the burn side returns the caller's
		/// bond and refunds the builder the price of unused units); `units_used` and the
		/// proven burn (the price of those units) are credited to the caller in the current
		/// epoch, and its share of the epoch's budget follows the proven burn.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_work())]
		pub fn submit_work(
			origin: OriginFor<T>,
			build_id: azra_primitives::BuildId,
			output_hash: H256,
			units_used: Units,
			proof: T::Proof,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_submit_work(provider, build_id, output_hash, units_used, proof)
		}

		/// Collect the caller's share of the budget of each listed closed epoch:
		/// `⌊budget × proven burn / epoch's proven burn⌋`. Each epoch pays once, and only
		/// within its claim window (`current_epoch() ≤ epoch + HistoryDepth`; later it fails
		/// with `ClaimExpired`); the whole call fails if any listed epoch cannot be claimed.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::claim_rewards(epochs.len() as u32))]
		pub fn claim_rewards(
			origin: OriginFor<T>,
			epochs: BoundedVec<EpochIndex, T::MaxEpochsPerClaim>,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_claim_rewards(provider, epochs.into_inner())
		}

		/// Set the parameters (Root only). Each must lie within its hard bounds, and none may
		/// differ from its value when the current epoch opened by more than
		/// `MaxChangePerEpoch`. A new `epoch_length` applies from the next epoch.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(origin: OriginFor<T>, parameters: ParametersOf<T>) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_set_parameters(parameters)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Logic of [`Pallet::submit_work`].
		pub fn do_submit_work(
			provider: T::AccountId,
			build_id: azra_primitives::BuildId,
			output_hash: H256,
			units_used: Units,
			proof: T::Proof,
		) -> DispatchResult {
			let build = T::Builds::build(build_id).ok_or(Error::<T>::BuildNotFound)?;
			match build.state {
				BuildState::Assigned { provider: assigned, deadline } => {
					ensure!(assigned == provider, Error::<T>::NotAssignedProvider);
					let now = frame_system::Pallet::<T>::block_number();
					ensure!(now <= deadline, Error::<T>::DeadlinePassed);
				}
				BuildState::Open => return Err(Error::<T>::BuildNotAssigned.into()),
				BuildState::Completed { .. } => {
					return Err(Error::<T>::BuildAlreadyCompleted.into())
				}
				BuildState::Expired => return Err(Error::<T>::BuildExpired.into()),
			}
			ensure!(units_used > 0, Error::<T>::NoUnitsUsed);
			ensure!(units_used <= build.units, Error::<T>::UnitsAboveRequested);

			let claim = WorkClaim {
				genesis_hash: Self::genesis_hash(),
				build_id,
				spec_hash: build.spec_hash,
				input_hash: build.input_hash,
				output_hash,
				units_used,
				provider: provider.clone(),
			};
			let verified = T::WorkProofs::verify_work_proof(&claim, &proof)?;
			// The provider may hold several enclaves; the one that signed must run the
			// measurement the builder asked for, not just any allow-listed one.
			if let Some(required) = build.required_measurement {
				ensure!(verified.measurement == required, Error::<T>::WrongMeasurement);
			}
			// Every provider with a proof gets its own entry: there is no slot list that
			// cheap accounts could fill. Each entry costs its provider a proven build.
			let epoch = Self::current_epoch();
			let mut tally = EpochTallies::<T>::get(epoch);
			let mut entry = Points::<T>::get(epoch, &provider).unwrap_or_else(|| {
				tally.providers = tally.providers.saturating_add(1);
				ProviderPoints::default()
			});
			entry.points =
				entry.points.checked_add(units_used).ok_or(Error::<T>::PointsOverflow)?;
			tally.points =
				tally.points.checked_add(units_used).ok_or(Error::<T>::PointsOverflow)?;

			// The build's owner marks it completed, refunds the unused units and tells what
			// part of the price paid for the proven ones: the provider's claim on the budget.
			let proven_burn = T::Builds::complete_build(
				build_id,
				&provider,
				&verified.enclave_key,
				output_hash,
				units_used,
			)?;
			entry.proven_burn = entry.proven_burn.saturating_add(proven_burn);
			tally.proven_burn = tally.proven_burn.saturating_add(proven_burn);
			Points::<T>::insert(epoch, &provider, entry);
			EpochTallies::<T>::insert(epoch, tally);
			Self::deposit_event(Event::WorkAccepted {
				build_id,
				provider,
				epoch,
				units_used,
				proven_burn,
				output_hash,
				measurement: verified.measurement,
			});
			Ok(())
		}

		/// Logic of [`Pallet::claim_rewards`].
		pub fn do_claim_rewards(provider: T::AccountId, epochs: Vec<EpochIndex>) -> DispatchResult {
			ensure!(!epochs.is_empty(), Error::<T>::NothingToClaim);
			for epoch in epochs {
				Self::do_claim_epoch(&provider, epoch)?;
			}
			Ok(())
		}

		/// Pay `provider`'s share of closed `epoch`; returns the amount minted.
		fn do_claim_epoch(
			provider: &T::AccountId,
			epoch: EpochIndex,
		) -> Result<BalanceOf<T>, DispatchError> {
			// First: a pruned epoch has no record left, and must still read as expired.
			ensure!(!Self::is_expired(epoch), Error::<T>::ClaimExpired);
			let mut record = EpochRecords::<T>::get(epoch).ok_or(Error::<T>::EpochNotClosed)?;
			let mut entry = Points::<T>::get(epoch, provider).ok_or(Error::<T>::NothingToClaim)?;
			ensure!(!entry.claimed, Error::<T>::AlreadyClaimed);

			let share = Self::share_of(record.budget, entry.proven_burn, record.proven_burn);
			if !share.is_zero() {
				T::Currency::mint_into(provider, share)?;
			}

			entry.claimed = true;
			record.claimed_points = record.claimed_points.saturating_add(entry.points);
			record.claimed_proven_burn =
				record.claimed_proven_burn.saturating_add(entry.proven_burn);
			record.minted_rewards = record.minted_rewards.saturating_add(share);
			record.dust =
				Self::share_of(record.budget, record.claimed_proven_burn, record.proven_burn)
					.saturating_sub(record.minted_rewards);
			record.net_emission = SignedAmount::difference(
				record.minted_rewards.saturating_add(record.refunded),
				record.burned,
			);
			Points::<T>::insert(epoch, provider, entry);
			EpochRecords::<T>::insert(epoch, record);
			TotalMinted::<T>::mutate(|total| *total = total.saturating_add(share));
			Self::deposit_event(Event::RewardsClaimed {
				provider: provider.clone(),
				epoch,
				amount: share,
			});
			Ok(share)
		}

		/// Logic of [`Pallet::set_parameters`].
		pub fn do_set_parameters(new: ParametersOf<T>) -> DispatchResult {
			Self::ensure_within_bounds(&new)?;

			let epoch = Self::current_epoch();
			let baseline = match ParametersBaseline::<T>::get() {
				Some((at, baseline)) if at == epoch => baseline,
				_ => Parameters::<T>::get(),
			};
			let step = T::MaxChangePerEpoch::get();
			ensure!(
				within_step(
					baseline.ratio.into_inner(),
					new.ratio.into_inner(),
					step,
					T::MaxRatio::get().into_inner()
				),
				Error::<T>::RatioChangeTooLarge
			);
			ensure!(
				within_step(baseline.ceiling, new.ceiling, step, T::MaxCeiling::get()),
				Error::<T>::CeilingChangeTooLarge
			);
			ensure!(
				within_step(
					baseline.epoch_length,
					new.epoch_length,
					step,
					T::MaxEpochLength::get()
				),
				Error::<T>::EpochLengthChangeTooLarge
			);

			ParametersBaseline::<T>::put((epoch, baseline));
			Parameters::<T>::put(new);
			Self::deposit_event(Event::ParametersSet { parameters: new });
			Ok(())
		}

		/// `Ok` if every parameter lies within its hard bounds.
		pub fn ensure_within_bounds(p: &ParametersOf<T>) -> DispatchResult {
			ensure!(
				(T::MinRatio::get()..=T::MaxRatio::get()).contains(&p.ratio),
				Error::<T>::RatioOutOfBounds
			);
			ensure!(
				(T::MinCeiling::get()..=T::MaxCeiling::get()).contains(&p.ceiling),
				Error::<T>::CeilingOutOfBounds
			);
			ensure!(
				(T::MinEpochLength::get()..=T::MaxEpochLength::get()).contains(&p.epoch_length),
				Error::<T>::EpochLengthOutOfBounds
			);
			Ok(())
		}

		/// Close epoch `epoch` in block `now` and open the next one. Constant work: a fixed
		/// number of storage reads and writes, no iteration.
		pub(crate) fn close_epoch(epoch: EpochIndex, now: BlockNumberFor<T>) {
			let params = Parameters::<T>::get();
			// The burn ledger's running sum since the previous close: this epoch's burn.
			let burned = T::BurnLedger::take_epoch_burn();
			let tally = EpochTallies::<T>::take(epoch);
			let refunded = EpochRefunds::<T>::take(epoch);
			let (budget, capped) = Self::budget_for(&params, tally.proven_burn);
			if let Some(uncapped) = capped {
				Self::deposit_event(Event::CeilingReached {
					epoch,
					uncapped,
					ceiling: params.ceiling,
				});
			}

			EpochRecords::<T>::insert(
				epoch,
				EpochRecord {
					burned,
					minted_rewards: Zero::zero(),
					refunded,
					net_emission: SignedAmount::difference(refunded, burned),
					points: tally.points,
					proven_burn: tally.proven_burn,
					providers: tally.providers,
					claimed_points: 0,
					claimed_proven_burn: Zero::zero(),
					budget,
					dust: Zero::zero(),
					capped_at_ceiling: capped.is_some(),
				},
			);
			CurrentEpoch::<T>::put(EpochInfo {
				index: epoch.saturating_add(1),
				start: now,
				length: params.epoch_length,
			});
			Self::deposit_event(Event::EpochClosed {
				epoch,
				burned,
				refunded,
				proven_burn: tally.proven_burn,
				budget,
				points: tally.points,
			});
		}

		/// The last epoch during which closed epoch `epoch` may be claimed:
		/// `epoch + HistoryDepth`.
		pub fn last_claim_epoch(epoch: EpochIndex) -> EpochIndex {
			epoch.saturating_add(T::HistoryDepth::get())
		}

		/// Whether `epoch` has expired: `current_epoch() > epoch + HistoryDepth`, or it was
		/// already pruned (below [`Self::oldest_retained_epoch`], which only happens to
		/// expired epochs, even if `HistoryDepth` was raised since). The one place the claim
		/// window is decided: claims, [`Self::unpaid_rewards`] and `on_idle` all ask here.
		/// An open or future epoch has not expired.
		pub fn is_expired(epoch: EpochIndex) -> bool {
			epoch < HistoryStart::<T>::get()
				|| Self::current_epoch() > Self::last_claim_epoch(epoch)
		}

		/// The oldest epoch whose record may still be read; every epoch below it has expired
		/// and its history left state.
		pub fn oldest_retained_epoch() -> EpochIndex {
			HistoryStart::<T>::get()
		}

		/// Unclaimed budget of expired epochs since genesis: rewards never minted.
		pub fn total_expired() -> BalanceOf<T> {
			TotalExpired::<T>::get()
		}

		/// Logic of `on_idle`: prune expired epochs, oldest first, within `weight_limit` and
		/// at most `MaxPrunedPerBlock` history entries (see the module docs). Returns the
		/// weight used, never more than `weight_limit`.
		pub fn do_prune_history(weight_limit: Weight) -> Weight {
			let mut meter = WeightMeter::with_limit(weight_limit);
			if meter.try_consume(T::WeightInfo::on_idle_check()).is_err() {
				return meter.consumed();
			}
			let mut allowance = T::MaxPrunedPerBlock::get();
			// Each round either stops or retires one epoch, which takes one of the
			// allowance: at most `MaxPrunedPerBlock` rounds.
			while allowance > 0 {
				let epoch = HistoryStart::<T>::get();
				if !Self::is_expired(epoch) {
					break;
				}
				// With `limit` zero this only finds out whether the epoch is empty.
				let limit = allowance.min(Self::points_affordable(&meter));
				if !meter.can_consume(T::WeightInfo::on_idle_prune_points(limit)) {
					break;
				}
				let (removed, emptied) = Self::prune_points(epoch, limit);
				meter.consume(T::WeightInfo::on_idle_prune_points(removed));
				allowance = allowance.saturating_sub(removed);
				if !emptied || allowance == 0 {
					break;
				}
				if meter.try_consume(T::WeightInfo::on_idle_expire_epoch()).is_err() {
					break;
				}
				Self::expire_epoch(epoch);
				allowance = allowance.saturating_sub(1);
			}
			meter.consumed()
		}

		/// How many `Points` entries [`Self::prune_points`] may remove within what is left of
		/// `meter` (its weight is linear in the entries removed).
		fn points_affordable(meter: &WeightMeter) -> u32 {
			let base = T::WeightInfo::on_idle_prune_points(0);
			if !meter.can_consume(base) {
				return 0;
			}
			let per_entry = T::WeightInfo::on_idle_prune_points(1).saturating_sub(base);
			meter
				.remaining()
				.saturating_sub(base)
				.checked_div_per_component(&per_entry)
				.unwrap_or(u64::MAX)
				.saturated_into()
		}

		/// Remove at most `limit` `Points` entries of `epoch`, from its first key on. Returns
		/// how many were removed and whether none is left.
		///
		/// Reads at most `limit + 1` keys: the one past the limit tells whether the epoch is
		/// now empty. No cursor is needed across blocks: removed keys are gone from the next
		/// block's iteration, which starts again at the first key left.
		pub(crate) fn prune_points(epoch: EpochIndex, limit: u32) -> (u32, bool) {
			let keys: Vec<T::AccountId> = Points::<T>::iter_key_prefix(epoch)
				.take((limit as usize).saturating_add(1))
				.collect();
			let emptied = keys.len() <= limit as usize;
			let mut removed = 0u32;
			for provider in keys.iter().take(limit as usize) {
				Points::<T>::remove(epoch, provider);
				removed = removed.saturating_add(1);
			}
			(removed, emptied)
		}

		/// Retire expired `epoch`, whose `Points` entries are gone: remove its record and
		/// leftovers, account what it held in [`PrunedHistory`] and its unclaimed budget in
		/// [`TotalExpired`], and move [`HistoryStart`] past it. Constant work.
		pub(crate) fn expire_epoch(epoch: EpochIndex) {
			// Every closed epoch has a record; a missing one retires as empty.
			let record = EpochRecords::<T>::take(epoch).unwrap_or_default();
			EpochTallies::<T>::remove(epoch);
			EpochRefunds::<T>::remove(epoch);
			let unclaimed = record.budget.saturating_sub(record.minted_rewards);
			PrunedHistory::<T>::mutate(|pruned| {
				pruned.budget = pruned.budget.saturating_add(record.budget);
				pruned.minted_rewards = pruned.minted_rewards.saturating_add(record.minted_rewards);
			});
			TotalExpired::<T>::mutate(|total| *total = total.saturating_add(unclaimed));
			HistoryStart::<T>::put(epoch.saturating_add(1));
			Self::deposit_event(Event::EpochExpired {
				epoch,
				minted_rewards: record.minted_rewards,
				unclaimed,
			});
		}

		/// `min(⌊ratio × proven_burn⌋, ceiling)`. Returns the budget and, if the ceiling
		/// capped it, the uncapped amount. With `ratio ≤ 1` the budget never exceeds the
		/// proven burn it is paid from.
		pub fn budget_for(
			params: &ParametersOf<T>,
			proven_burn: BalanceOf<T>,
		) -> (BalanceOf<T>, Option<BalanceOf<T>>) {
			let uncapped: BalanceOf<T> = params
				.ratio
				.saturating_mul_int(proven_burn.saturated_into::<u128>())
				.saturated_into::<BalanceOf<T>>()
				.min(proven_burn);
			if uncapped > params.ceiling {
				(params.ceiling, Some(uncapped))
			} else {
				(uncapped, None)
			}
		}

		/// `⌊budget × part / total⌋`; zero when `total` is zero.
		pub fn share_of(
			budget: BalanceOf<T>,
			part: BalanceOf<T>,
			total: BalanceOf<T>,
		) -> BalanceOf<T> {
			if total.is_zero() {
				return Zero::zero();
			}
			multiply_by_rational_with_rounding(
				budget.saturated_into::<u128>(),
				part.saturated_into::<u128>(),
				total.saturated_into::<u128>(),
				Rounding::Down,
			)
			.map(|share| share.saturated_into())
			.unwrap_or_else(Zero::zero)
		}

		/// Mint a refund of `amount` to `builder`, accounted in the current epoch.
		pub fn do_refund(builder: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			if amount.is_zero() {
				return Ok(());
			}
			T::Currency::mint_into(builder, amount)?;
			let epoch = Self::current_epoch();
			EpochRefunds::<T>::mutate(epoch, |r| *r = r.saturating_add(amount));
			TotalRefunded::<T>::mutate(|r| *r = r.saturating_add(amount));
			Self::deposit_event(Event::Refunded { builder: builder.clone(), amount, epoch });
			Ok(())
		}

		/// The chain's genesis hash, as work proofs commit to it.
		pub fn genesis_hash() -> H256 {
			let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
			azra_primitives::hash_to_h256(genesis.as_ref())
		}

		/// The epoch of the current block, derived from the stored epoch start and length so
		/// that it is right even before this pallet's `on_initialize` ran in the block.
		pub fn current_epoch() -> EpochIndex {
			let info = CurrentEpoch::<T>::get();
			if info.length.is_zero() {
				return info.index;
			}
			let now = frame_system::Pallet::<T>::block_number();
			let elapsed = now.saturating_sub(info.start) / info.length;
			info.index.saturating_add(elapsed.saturated_into::<EpochIndex>())
		}

		/// The oldest epoch not closed yet: the stored epoch in progress. It is
		/// [`Self::current_epoch`] except in a block that ends an epoch before this pallet's
		/// `on_initialize` has closed it (a runtime upgrade's migrations run then).
		pub fn oldest_open_epoch() -> EpochIndex {
			CurrentEpoch::<T>::get().index
		}

		// ---- Read helpers for the runtime API ----

		/// The record of closed epoch `epoch`; `None` for an epoch not closed yet or already
		/// pruned (below [`Self::oldest_retained_epoch`]).
		pub fn epoch_record(epoch: EpochIndex) -> Option<EpochRecord<BalanceOf<T>>> {
			EpochRecords::<T>::get(epoch)
		}

		/// Records of closed epochs `from, from + 1, …, from + count − 1` (`count` at most
		/// [`MAX_RECORDS_PER_READ`]); epochs not closed or already pruned are skipped.
		pub fn epoch_records(
			from: EpochIndex,
			count: u32,
		) -> Vec<(EpochIndex, EpochRecord<BalanceOf<T>>)> {
			let count = count.min(MAX_RECORDS_PER_READ);
			let end = from.saturating_add(count);
			// Pruned epochs have no record: no need to read them.
			(from.max(HistoryStart::<T>::get())..end)
				.filter_map(|epoch| EpochRecords::<T>::get(epoch).map(|r| (epoch, r)))
				.collect()
		}

		/// Supply figures since genesis.
		pub fn supply_totals() -> SupplyTotals<BalanceOf<T>> {
			let minted = TotalMinted::<T>::get();
			let refunded = TotalRefunded::<T>::get();
			let burned = T::BurnLedger::total_burned();
			SupplyTotals {
				genesis_issuance: GenesisIssuance::<T>::get(),
				minted,
				refunded,
				burned,
				total_issuance: T::Currency::total_issuance(),
				net_emission: SignedAmount::difference(minted.saturating_add(refunded), burned),
			}
		}

		/// The parameters in effect with their hard bounds and step limit.
		pub fn parameters_with_bounds() -> ParametersView<BalanceOf<T>, BlockNumberFor<T>> {
			ParametersView {
				current: Parameters::<T>::get(),
				min: MintParameters {
					ratio: T::MinRatio::get(),
					ceiling: T::MinCeiling::get(),
					epoch_length: T::MinEpochLength::get(),
				},
				max: MintParameters {
					ratio: T::MaxRatio::get(),
					ceiling: T::MaxCeiling::get(),
					epoch_length: T::MaxEpochLength::get(),
				},
				max_change_per_epoch: T::MaxChangePerEpoch::get(),
			}
		}

		/// What `provider` could still claim for each of `epochs` (closed, in its claim
		/// window, with points, not yet claimed); other epochs, expired ones among them, are
		/// left out. At most [`MAX_RECORDS_PER_READ`] epochs are looked at.
		pub fn unpaid_rewards(
			provider: &T::AccountId,
			epochs: &[EpochIndex],
		) -> Vec<(EpochIndex, BalanceOf<T>)> {
			epochs
				.iter()
				.take(MAX_RECORDS_PER_READ as usize)
				.filter_map(|&epoch| {
					if Self::is_expired(epoch) {
						return None;
					}
					let record = EpochRecords::<T>::get(epoch)?;
					let entry = Points::<T>::get(epoch, provider)?;
					(!entry.claimed).then(|| {
						(
							epoch,
							Self::share_of(record.budget, entry.proven_burn, record.proven_burn),
						)
					})
				})
				.collect()
		}

		/// `provider`'s points in `epoch` (open or closed).
		pub fn points_of(epoch: EpochIndex, provider: &T::AccountId) -> Units {
			Points::<T>::get(epoch, provider).map(|p| p.points).unwrap_or(0)
		}

		/// The invariants: total issuance = genesis issuance + minted + refunded − burned;
		/// no epoch's budget exceeds the burn that paid for the work proven in it; no epoch
		/// has paid more than its budget or for more points than it had; the records in
		/// state and the pruned ones together account for `TotalMinted`; `TotalExpired` is
		/// the unclaimed budget of the pruned epochs; no history is left below
		/// `HistoryStart`, and only closed epochs were pruned.
		// Built with `std` too, so that `azra-pallet-tests` can check it after every step.
		#[cfg(any(feature = "try-runtime", feature = "std", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let created = GenesisIssuance::<T>::get()
				.saturating_add(TotalMinted::<T>::get())
				.saturating_add(TotalRefunded::<T>::get());
			let destroyed = T::BurnLedger::total_burned();
			ensure!(
				T::Currency::total_issuance().saturating_add(destroyed) == created,
				"total issuance ≠ genesis issuance + minted + refunded − burned"
			);
			let mut minted_in_records: BalanceOf<T> = Zero::zero();
			for (_, record) in EpochRecords::<T>::iter() {
				ensure!(
					record.budget <= record.proven_burn,
					"an epoch's budget exceeds the burn that paid for its proven work"
				);
				ensure!(record.minted_rewards <= record.budget, "an epoch paid above its budget");
				ensure!(
					record.claimed_proven_burn <= record.proven_burn,
					"an epoch paid for more proven burn than it had"
				);
				ensure!(
					record.claimed_points <= record.points,
					"an epoch paid for more points than it had"
				);
				ensure!(
					record.minted_rewards.saturating_add(record.dust) <= record.budget,
					"paid rewards plus dust exceed the budget"
				);
				minted_in_records = minted_in_records.saturating_add(record.minted_rewards);
			}
			let pruned = PrunedHistory::<T>::get();
			ensure!(
				minted_in_records.saturating_add(pruned.minted_rewards) == TotalMinted::<T>::get(),
				"epoch records disagree with total minted"
			);
			ensure!(
				pruned.minted_rewards <= pruned.budget,
				"pruned epochs paid above their budgets"
			);
			ensure!(
				TotalExpired::<T>::get() == pruned.budget.saturating_sub(pruned.minted_rewards),
				"total expired ≠ unclaimed budget of the pruned epochs"
			);

			let start = HistoryStart::<T>::get();
			ensure!(start <= Self::current_epoch(), "an epoch was pruned before it closed");
			ensure!(
				EpochRecords::<T>::iter_keys().all(|epoch| epoch >= start),
				"an epoch record is left below HistoryStart"
			);
			ensure!(
				Points::<T>::iter_keys().all(|(epoch, _)| epoch >= start),
				"a Points entry is left below HistoryStart"
			);
			ensure!(
				EpochTallies::<T>::iter_keys().all(|epoch| epoch >= start)
					&& EpochRefunds::<T>::iter_keys().all(|epoch| epoch >= start),
				"an epoch tally or refund is left below HistoryStart"
			);
			Ok(())
		}
	}

	impl<T: Config> EpochClock for Pallet<T> {
		fn current_epoch() -> EpochIndex {
			Pallet::<T>::current_epoch()
		}

		fn oldest_open_epoch() -> EpochIndex {
			Pallet::<T>::oldest_open_epoch()
		}
	}

	impl<T: Config> Refund<T::AccountId, BalanceOf<T>> for Pallet<T> {
		fn refund(builder: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			Self::do_refund(builder, amount)
		}
	}
}

/// Whether `new` is within `step` (relative) of `base`; when `base` is zero the step is
/// taken relative to `hard_max`, so a parameter can leave zero in bounded steps.
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
