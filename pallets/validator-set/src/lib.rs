//! # Validator set pallet
//!
//! The on-chain list of AzraCode's validators: the accounts whose nodes author blocks (Aura)
//! and vote on finality (GRANDPA). Governance adds and removes validators and sets the
//! session length; `pallet-session` reads the list at session boundaries and hands the
//! validators' session keys to Aura and GRANDPA. This pallet is `pallet-session`'s
//! `SessionManager`, `ShouldEndSession` and `NextSessionRotation`.
//!
//! ## Terms
//!
//! - **Validator**: an account in [`Validators`], identified by its `AccountId` (the runtime's
//!   `pallet-session` uses `ValidatorId = AccountId`).
//! - **Session keys**: the Aura and GRANDPA public keys a validator's node signs with. The
//!   validator's account registers them itself with `Session::set_keys` (which holds a
//!   deposit); governance cannot add an account that has none ([`Error::NoSessionKeys`]).
//! - **Session**: the span in which the active set stays the same. A session ends in every
//!   block whose number is a multiple of [`SessionLength`]; that block is the first of the
//!   next session. Genesis is session 0, so with a length of 5 session 0 is blocks 1–4 and
//!   session `k ≥ 1` is blocks `5k ..= 5k + 4`.
//! - **Planned set**: [`Validators`], kept sorted and without duplicates. What this pallet
//!   hands `pallet-session` for the next session it plans.
//! - **Active set**: `pallet_session::Validators`, the validators of the session in progress:
//!   the accounts Aura's slots rotate over and GRANDPA's voters.
//!
//! ## When a change takes effect
//!
//! `pallet-session` plans one session ahead. In the first block of session `n + 1` its
//! `on_initialize` (`rotate_session`)
//!
//! 1. makes the set it queued one session earlier the active set of session `n + 1`, then
//! 2. asks this pallet for the set of session `n + 2` (`SessionManager::new_session(n + 2)`)
//!    and queues it with the validators' session keys.
//!
//! So **a change made during session `n` is active from the first block of session `n + 2`**
//! (and never before). Until then the old set keeps authoring: a removed validator still
//! authors in session `n + 1`, an added one starts in session `n + 2`. Extrinsics run after
//! `on_initialize`, so a change made in the first block of a session belongs to that
//! session. With a session length of 5: a validator added in block 3 (session 0) is queued
//! in block 5 and authors from block 10; one added in block 5 (session 1) authors from block
//! 15. The genesis set is the set of sessions 0 and 1.
//!
//! `pallet-session` queues only validators that have session keys when it plans: a validator
//! that purged its keys after it was added is left out (with a warning in the node's log),
//! and stays out, even after setting keys again, until governance next changes the set.
//!
//! ## How a validator joins and leaves
//!
//! 1. The operator starts a node, generates session keys in it with
//!    `author_rotateKeysWithOwner(account)`, which also returns the proof that the account
//!    holds them, and from the validator's account registers both with
//!    `Session::set_keys(keys, proof)`.
//! 2. Governance calls [`add_validator`](Pallet::add_validator); two session boundaries later
//!    the node authors blocks and votes on finality.
//! 3. To leave, governance calls [`remove_validator`](Pallet::remove_validator); two session
//!    boundaries later the node no longer authors. Only then may the operator stop it and
//!    call `Session::purge_keys` to get the key deposit back.
//!
//! ## Calls
//!
//! All three are for [`Config::GovernanceOrigin`] only.
//!
//! - [`add_validator`](Pallet::add_validator): add an account that has session keys, while
//!   the set holds fewer than `MaxValidators`.
//! - [`remove_validator`](Pallet::remove_validator): remove a validator, while the set keeps
//!   at least `MinValidators`; its [`LastAuthored`] entry goes with it.
//! - [`set_session_length`](Pallet::set_session_length): set the session length within
//!   `[MinSessionLength, MaxSessionLength]`. The session in progress then ends at the first
//!   later block that is a multiple of the new length.
//!
//! ## Hooks
//!
//! - `on_initialize`: notes the block's author (found by [`Config::FindAuthor`] in the
//!   block's pre-runtime digests) in [`LastAuthored`] if it is in the planned set. A validator
//!   whose entry falls far behind the chain has stopped producing blocks; a validator that
//!   has not authored since it was added has no entry.
//! - `integrity_test`: `1 ≤ MinValidators ≤ MaxValidators` and
//!   `1 ≤ MinSessionLength ≤ MaxSessionLength`.
//! - `try_state`: the planned set is within the bounds, sorted and without duplicates; the
//!   session length is within its bounds; every [`LastAuthored`] entry is a validator's and no
//!   later than the current block.
//!
//! ## Traits implemented
//!
//! - [`pallet_session::SessionManager`]: hands `pallet-session` the planned set when it has
//!   changed since the last call, and nothing otherwise (the active set carries on).
//! - [`pallet_session::ShouldEndSession`]: a session ends when the block number is a multiple
//!   of the session length.
//! - [`EstimateNextSessionRotation`]: the session length, the current session's progress and
//!   the next rotation block, from the same rule.
//!
//! ## Runtime wiring
//!
//! Place this pallet **before** `Session` in `construct_runtime!`: its genesis must be built
//! before `pallet-session`'s, which asks it for the genesis set (when the planned set is
//! still empty, `pallet-session` falls back to the accounts of its own genesis keys), and its
//! `on_initialize` then reads the author against the set that authored the block, before
//! `pallet-session` rotates it. `pallet-session`'s genesis `keys` must hold the session keys
//! of the genesis validators; this pallet's genesis does not check them.
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
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	traits::{EstimateNextSessionRotation, FindAuthor, Get, ValidatorRegistration},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	DispatchResult, Permill,
};

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::validator-set";

/// Storage reads `on_initialize` charges beyond [`WeightInfo::note_author`]: the author lookup
/// the runtime plugs in as [`Config::FindAuthor`] (`FindAccountFromAuthorIndex<Runtime, Aura>`
/// reads Aura's authorities and the session's validators; the digest is already in the block's
/// overlay), and the [`SessionLength`] read of `pallet-session`'s `on_initialize`, which asks
/// [`pallet_session::ShouldEndSession`] in every block without charging for it.
pub const UNMEASURED_BLOCK_READS: u64 = 3;

/// Sets up what the benchmarks need from the pallets this one talks to.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` session keys, so that [`Config::KeysRegistered`] accepts it.
	fn register_keys(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::{DispatchResult, *};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the validator-set pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who may add and remove validators and set the session length (the runtime's
		/// governance).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether an account has session keys (`pallet-session`: keys set with
		/// `Session::set_keys` and not purged). Only such an account can be added.
		type KeysRegistered: ValidatorRegistration<Self::AccountId>;

		/// Who authored the current block, from its pre-runtime digests (the runtime uses
		/// `pallet_session::FindAccountFromAuthorIndex<Runtime, Aura>`).
		type FindAuthor: FindAuthor<Self::AccountId>;

		/// Fewest validators the set may hold; at least one (checked by `integrity_test`).
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Most validators the set may hold; at least `MinValidators` (checked by
		/// `integrity_test`).
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Shortest session length, in blocks; at least one (checked by `integrity_test`).
		#[pallet::constant]
		type MinSessionLength: Get<BlockNumberFor<Self>>;

		/// Longest session length, in blocks; at least `MinSessionLength` (checked by
		/// `integrity_test`).
		#[pallet::constant]
		type MaxSessionLength: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls and hooks.
		type WeightInfo: WeightInfo;

		/// Gives the benchmarks' validators session keys.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The planned set: the validators the next session this pallet plans will use. Sorted,
	/// without duplicates, between `MinValidators` and `MaxValidators` long.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether [`Validators`] changed since `pallet-session` last asked for the next set.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// Blocks per session: a session ends in every block whose number is a multiple of it.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The last block each validator of the planned set authored. An entry is written when a
	/// validator authors and removed with the validator, so at most `MaxValidators` exist.
	/// Keys are validators, which governance chooses, so a fast hasher is safe.
	#[pallet::storage]
	pub type LastAuthored<T: Config> =
		StorageMap<_, Twox64Concat, T::AccountId, BlockNumberFor<T>, OptionQuery>;

	/// The validators and the session length the chain starts with.
	///
	/// Building panics if `validators` holds from one to `MinValidators − 1` or more than
	/// `MaxValidators` distinct accounts, or if `session_length` is outside its bounds. An
	/// empty `validators` (the default, which `construct_runtime!`'s own genesis test builds)
	/// leaves the planned set empty: `pallet-session` then starts with the accounts of its
	/// genesis keys and `try_state` reports the missing set. A chain spec must list the
	/// validators.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The validators of sessions 0 and 1 (sorted and deduplicated when built). Their
		/// session keys belong in `pallet-session`'s genesis `keys`.
		pub validators: Vec<T::AccountId>,
		/// Blocks per session.
		pub session_length: BlockNumberFor<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { validators: Vec::new(), session_length: T::MinSessionLength::get() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut validators = self.validators.clone();
			validators.sort();
			validators.dedup();
			let count = validators.len();
			let outside_bounds = count < T::MinValidators::get() as usize
				|| count > T::MaxValidators::get() as usize;
			if count > 0 && outside_bounds {
				panic!(
					"validator-set genesis: {count} distinct validators, outside [{}, {}] \
					 (MinValidators, MaxValidators)",
					T::MinValidators::get(),
					T::MaxValidators::get(),
				);
			}
			let validators: BoundedVec<T::AccountId, T::MaxValidators> = match validators.try_into()
			{
				Ok(bounded) => bounded,
				Err(_) => panic!("validator-set genesis: more than MaxValidators validators"),
			};
			if Pallet::<T>::ensure_session_length_within_bounds(self.session_length).is_err() {
				panic!(
					"validator-set genesis: session length {:?} outside [{:?}, {:?}] \
					 (MinSessionLength, MaxSessionLength)",
					self.session_length,
					T::MinSessionLength::get(),
					T::MaxSessionLength::get(),
				);
			}
			if validators.is_empty() {
				log::warn!(target: LOG_TARGET, "genesis without validators: the planned set is empty");
			} else {
				Validators::<T>::put(validators);
			}
			SessionLength::<T>::put(self.session_length);
		}
	}

	/// Events of the validator-set pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator joined the planned set; it is active from the session after the next.
		ValidatorAdded {
			/// The new validator.
			who: T::AccountId,
		},
		/// A validator left the planned set; it stays active until the session after the next.
		ValidatorRemoved {
			/// The removed validator.
			who: T::AccountId,
		},
		/// The session length was set.
		SessionLengthSet {
			/// Blocks per session from now on.
			blocks: BlockNumberFor<T>,
		},
	}

	/// Errors of the validator-set pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyValidator,
		/// The set holds `MaxValidators` validators already.
		TooManyValidators,
		/// The account has no session keys: it must call `Session::set_keys` first.
		NoSessionKeys,
		/// The account is not a validator.
		NotValidator,
		/// Removing a validator would leave fewer than `MinValidators`.
		TooFewValidators,
		/// The session length is outside `[MinSessionLength, MaxSessionLength]`.
		SessionLengthOutOfBounds,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let digest = frame_system::Pallet::<T>::digest();
			let pre_runtime = digest.logs.iter().filter_map(|log| log.as_pre_runtime());
			if let Some(author) = T::FindAuthor::find_author(pre_runtime) {
				Self::note_author(&author, now);
			}
			T::WeightInfo::note_author()
				.saturating_add(T::DbWeight::get().reads(UNMEASURED_BLOCK_READS))
		}

		fn integrity_test() {
			assert!(
				T::MinValidators::get() >= 1,
				"MinValidators must be at least 1: a chain without validators makes no blocks"
			);
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"MinValidators > MaxValidators"
			);
			assert!(
				!T::MinSessionLength::get().is_zero(),
				"MinSessionLength must be at least 1 block"
			);
			assert!(
				T::MinSessionLength::get() <= T::MaxSessionLength::get(),
				"MinSessionLength > MaxSessionLength"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add `who` to the planned set (governance only). `who` must have session keys
		/// (`Session::set_keys`) and the set must hold fewer than `MaxValidators`.
		///
		/// Takes effect at a session boundary: `pallet-session` plans one session ahead, so a
		/// validator added during session `n` authors from the first block of session
		/// `n + 2`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_validator(who)
		}

		/// Remove `who` from the planned set (governance only), keeping at least
		/// `MinValidators`. Its [`LastAuthored`] entry is removed.
		///
		/// Takes effect at a session boundary: `pallet-session` plans one session ahead, so a
		/// validator removed during session `n` still authors in session `n + 1` and stops at
		/// the first block of session `n + 2`. Its session keys stay registered until its
		/// account purges them.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(who)
		}

		/// Set the session length to `blocks` (governance only), within
		/// `[MinSessionLength, MaxSessionLength]`.
		///
		/// Takes effect at once for the session boundary: the session in progress ends at the
		/// first later block whose number is a multiple of `blocks`, and every following
		/// session is `blocks` long. Validator changes still need two boundaries.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_session_length(blocks)
		}
	}

	impl<T: Config> Pallet<T> {
		/// Logic of [`Pallet::add_validator`].
		pub fn do_add_validator(who: T::AccountId) -> DispatchResult {
			let mut validators = Validators::<T>::get();
			let position = match validators.binary_search(&who) {
				Ok(_) => return Err(Error::<T>::AlreadyValidator.into()),
				Err(position) => position,
			};
			ensure!(!validators.is_full(), Error::<T>::TooManyValidators);
			ensure!(T::KeysRegistered::is_registered(&who), Error::<T>::NoSessionKeys);
			validators
				.try_insert(position, who.clone())
				.map_err(|_| Error::<T>::TooManyValidators)?;
			Validators::<T>::put(validators);
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Logic of [`Pallet::remove_validator`].
		pub fn do_remove_validator(who: T::AccountId) -> DispatchResult {
			let mut validators = Validators::<T>::get();
			ensure!(validators.binary_search(&who).is_ok(), Error::<T>::NotValidator);
			ensure!(
				validators.len() > T::MinValidators::get() as usize,
				Error::<T>::TooFewValidators
			);
			validators.retain(|v| v != &who);
			Validators::<T>::put(validators);
			LastAuthored::<T>::remove(&who);
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}

		/// Logic of [`Pallet::set_session_length`].
		pub fn do_set_session_length(blocks: BlockNumberFor<T>) -> DispatchResult {
			Self::ensure_session_length_within_bounds(blocks)?;
			SessionLength::<T>::put(blocks);
			Self::deposit_event(Event::SessionLengthSet { blocks });
			Ok(())
		}

		/// `Ok` if `blocks` lies within `[MinSessionLength, MaxSessionLength]`.
		pub fn ensure_session_length_within_bounds(blocks: BlockNumberFor<T>) -> DispatchResult {
			ensure!(
				blocks >= T::MinSessionLength::get() && blocks <= T::MaxSessionLength::get(),
				Error::<T>::SessionLengthOutOfBounds
			);
			Ok(())
		}

		/// Record that `author` authored block `now`, if it is in the planned set (the part of
		/// `on_initialize` after the author lookup).
		pub(crate) fn note_author(author: &T::AccountId, now: BlockNumberFor<T>) {
			if Validators::<T>::get().binary_search(author).is_ok() {
				LastAuthored::<T>::insert(author, now);
			}
		}

		/// The planned set, sorted.
		pub fn validators() -> Vec<T::AccountId> {
			Validators::<T>::get().into_inner()
		}

		/// Whether `who` is in the planned set.
		pub fn is_validator(who: &T::AccountId) -> bool {
			Validators::<T>::get().binary_search(who).is_ok()
		}

		/// The session length in effect: [`SessionLength`] brought within
		/// `[MinSessionLength, MaxSessionLength]` (where it always is, unless a runtime upgrade
		/// moved the bounds) and never zero, so nothing ever divides by zero.
		pub fn session_length() -> BlockNumberFor<T> {
			SessionLength::<T>::get()
				.max(T::MinSessionLength::get())
				.min(T::MaxSessionLength::get())
				.max(One::one())
		}

		/// Blocks of the session in progress that have passed before block `now`: `now`
		/// modulo the session length (zero in the first block of a session).
		pub(crate) fn blocks_into_session(now: BlockNumberFor<T>) -> BlockNumberFor<T> {
			// Never a division by zero: `session_length` is at least one.
			now % Self::session_length()
		}

		/// The invariants: the planned set holds between `MinValidators` and `MaxValidators`
		/// accounts, sorted and without duplicates; the session length lies within its bounds;
		/// every [`LastAuthored`] entry belongs to a validator and is no later than the
		/// current block.
		// Built with `std` too, so that cross-pallet tests can check it after every step.
		#[cfg(any(feature = "try-runtime", feature = "std", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let validators = Validators::<T>::get();
			ensure!(
				validators.len() >= T::MinValidators::get() as usize,
				"fewer validators than MinValidators"
			);
			ensure!(
				validators.len() <= T::MaxValidators::get() as usize,
				"more validators than MaxValidators"
			);
			ensure!(
				validators.windows(2).all(|pair| pair[0] < pair[1]),
				"validators not sorted or duplicated"
			);
			Self::ensure_session_length_within_bounds(SessionLength::<T>::get())
				.map_err(|_| "session length outside its bounds")?;
			let now = frame_system::Pallet::<T>::block_number();
			for (who, block) in LastAuthored::<T>::iter() {
				ensure!(
					validators.binary_search(&who).is_ok(),
					"a LastAuthored entry belongs to an account that is not a validator"
				);
				ensure!(block <= now, "a LastAuthored entry is later than the current block");
			}
			Ok(())
		}
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	/// The planned set if it changed since the last call (which clears the change), else
	/// `None`: `pallet-session` then plans session `new_index` with the active set.
	fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
		if !SetChanged::<T>::take() {
			return None;
		}
		let validators = Validators::<T>::get().into_inner();
		log::info!(
			target: LOG_TARGET,
			"planning session {new_index} with {} validators",
			validators.len()
		);
		Some(validators)
	}

	/// The genesis set, for sessions 0 and 1; `None` while it is empty (this pallet's genesis
	/// has not been built yet), so that `pallet-session` uses its own genesis keys' accounts.
	fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get();
		if validators.is_empty() {
			None
		} else {
			Some(validators.into_inner())
		}
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {}
}

impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	/// Whether `now` is a multiple of the session length.
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		Self::blocks_into_session(now).is_zero()
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		Self::session_length()
	}

	/// The share of the session in progress that has passed with block `now` counted as
	/// passed: `1 / length` in a session's first block, 100% in its last.
	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let passed = Self::blocks_into_session(now).saturating_add(One::one());
		let progress = Permill::from_rational(passed, Self::session_length());
		(Some(progress), T::DbWeight::get().reads(1))
	}

	/// The next block that is a multiple of the session length, after `now`. In a session's
	/// first block that is the following session's first block (the rotation in `now` has
	/// already happened when this is asked after `pallet-session`'s `on_initialize`).
	fn estimate_next_session_rotation(
		now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, Weight) {
		let length = Self::session_length();
		let next = now.saturating_add(length.saturating_sub(Self::blocks_into_session(now)));
		(Some(next), T::DbWeight::get().reads(1))
	}
}
