//! # Enactment pallet
//!
//! Governance decisions on AzraCode do not take effect when they are approved. They are
//! *announced*: written into `pallet-scheduler`'s agenda, with an event saying what will
//! run and when, and they run as Root only once the enactment delay has passed. Everyone
//! who depends on the chain — builders, providers, validators — sees a change to prices,
//! trust anchors, the validator set or the runtime at least that long before it happens,
//! and can leave or object while it is still pending.
//!
//! ## Terms
//!
//! - **Announcement**: a call approved by [`Config::AnnounceOrigin`] (on AzraCode, a motion
//!   of the governance collective), kept in [`Announcements`] until it runs or is
//!   cancelled. Each has an index, counted from 0, that names it. Calls too long to keep
//!   inline are kept in `pallet-preimage`, requested once per announcement, and released
//!   when the announcement leaves.
//! - **Enactment delay**: how many blocks an announcement waits. It is the larger of
//!   [`Config::EnactmentDelay`] (on AzraCode, one epoch of the mint pallet) and the
//!   constant floor [`Config::MinEnactmentDelay`], read when the call is announced.
//!
//! ## Calls
//!
//! - [`Pallet::announce`]: keep a call and schedule its enactment after the delay.
//! - [`Pallet::cancel`]: withdraw an announcement that has not run yet.
//! - [`Pallet::enact`]: run a due announcement as Root. The scheduler calls it (it needs
//!   Root, and refuses before the announced block even then), so it is never called by hand.
//!
//! ## Why Root only through here
//!
//! Every setter the runtime guards with its governance origin requires Root. On a chain
//! without a sudo key, this pallet is the only source of Root, so there is no path by
//! which a decision runs before its delay: the check lives in the one place that can
//! produce the origin, not in each setter.
//!
//! See [`pallet`] for the calls, events and errors.

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

use alloc::boxed::Box;
use codec::Encode;
use frame_support::ensure;
use frame_support::{
	dispatch::{DispatchResultWithPostInfo, GetDispatchInfo, PostDispatchInfo, RawOrigin},
	traits::{
		schedule::{v3::Named as ScheduleNamed, v3::TaskName, DispatchTime, HARD_DEADLINE},
		Bounded, Get, QueryPreimage, StorePreimage,
	},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Dispatchable, Hash, Saturating};

/// The index that names an announcement.
pub type AnnouncementIndex = u32;

/// The call an announcement keeps: inline when short, a preimage hash when long.
pub type BoundedCallOf<T> =
	Bounded<<T as Config>::RuntimeCall, <T as frame_system::Config>::Hashing>;

/// A call waiting for its block.
#[derive(
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	frame_support::CloneNoBound,
	frame_support::PartialEqNoBound,
	frame_support::EqNoBound,
	frame_support::DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Announcement<T: Config> {
	/// The call, or the hash of its preimage.
	pub call: BoundedCallOf<T>,
	/// The hash of the SCALE-encoded call.
	pub call_hash: T::Hash,
	/// The call's own weight, as declared when it was announced.
	pub call_weight: Weight,
	/// The first block in which it may run.
	pub enact_at: BlockNumberFor<T>,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The calls governance may announce.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>
			+ From<Call<Self>>;

		/// The origin an announced call runs with (Root is made from it).
		type PalletsOrigin: From<RawOrigin<Self::AccountId>>;

		/// Where announcements wait: `pallet-scheduler`.
		type Scheduler: ScheduleNamed<
			BlockNumberFor<Self>,
			<Self as Config>::RuntimeCall,
			Self::PalletsOrigin,
			Hasher = Self::Hashing,
		>;

		/// Where calls too long to schedule inline are kept until they run: `pallet-preimage`.
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;

		/// Who may announce a call: the governance body's approved motions.
		type AnnounceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may withdraw an announcement before it runs.
		type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// How long an announcement waits, read when it is made (AzraCode: one epoch).
		type EnactmentDelay: Get<BlockNumberFor<Self>>;

		/// The shortest wait there can ever be, whatever [`Config::EnactmentDelay`] says.
		#[pallet::constant]
		type MinEnactmentDelay: Get<BlockNumberFor<Self>>;

		/// The heaviest call that may be announced. Heavier calls would never fit the
		/// scheduler's per-block weight, so they are refused when announced rather than
		/// found stuck when due.
		#[pallet::constant]
		type MaxCallWeight: Get<Weight>;

		/// The longest call, SCALE-encoded, that may be announced. Long calls are stored as
		/// preimages until they run.
		#[pallet::constant]
		type MaxCallLen: Get<u32>;

		/// How many announcements may wait at once.
		#[pallet::constant]
		type MaxPending: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The index the next announcement gets.
	#[pallet::storage]
	pub type NextAnnouncement<T> = StorageValue<_, AnnouncementIndex, ValueQuery>;

	/// Announcements that have neither run nor been cancelled, by index. An entry leaves
	/// when its call runs (or fails) and when it is cancelled.
	#[pallet::storage]
	pub type Announcements<T: Config> =
		CountedStorageMap<_, Twox64Concat, AnnouncementIndex, Announcement<T>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `call_hash` (the BLAKE2-256 hash of the SCALE-encoded call) will run as Root at
		/// block `enact_at` unless announcement `index` is cancelled first.
		Announced {
			/// Names the announcement for [`Pallet::cancel`].
			index: AnnouncementIndex,
			/// The hash of the announced call.
			call_hash: T::Hash,
			/// The block in which the call runs.
			enact_at: BlockNumberFor<T>,
		},
		/// Announcement `index` was withdrawn; its call will not run.
		Cancelled {
			/// The withdrawn announcement.
			index: AnnouncementIndex,
		},
		/// Announcement `index` ran as Root with `result`, and left state.
		Enacted {
			/// The announcement that ran.
			index: AnnouncementIndex,
			/// What the call returned.
			result: DispatchResult,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The call is heavier than [`Config::MaxCallWeight`]: it could never be enacted.
		CallTooHeavy,
		/// The call is longer than [`Config::MaxCallLen`].
		CallTooLong,
		/// No pending announcement has this index: it never existed, already ran or was
		/// cancelled.
		UnknownAnnouncement,
		/// Every announcement index has been used.
		AnnouncementsExhausted,
		/// [`Config::MaxPending`] announcements are already waiting.
		TooManyPending,
		/// The announcement's block has not come yet.
		TooEarly,
		/// The weight given to [`Pallet::enact`] is below the announced call's weight.
		WeightBoundTooLow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				!T::MinEnactmentDelay::get().is_zero(),
				"an announced call must wait at least one block"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Announce `call`: it runs as Root after the enactment delay (the larger of
		/// [`Config::EnactmentDelay`] and [`Config::MinEnactmentDelay`]), unless it is
		/// cancelled first.
		///
		/// Emits [`Event::Announced`] with the block in which it runs. Fails with
		/// [`Error::CallTooHeavy`] or [`Error::CallTooLong`] for calls that could never run,
		/// and with the scheduler's error when the target block's agenda is full.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::announce(call.encoded_size() as u32))]
		pub fn announce(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResult {
			T::AnnounceOrigin::ensure_origin(origin)?;
			Self::do_announce(*call).map(|_| ())
		}

		/// Withdraw announcement `index` before it runs, releasing its preimage. Emits
		/// [`Event::Cancelled`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, index: AnnouncementIndex) -> DispatchResult {
			T::CancelOrigin::ensure_origin(origin)?;
			Self::do_cancel(index)
		}

		/// Run announcement `index` as Root: scheduled by [`Pallet::announce`] for the
		/// announced block, with `call_weight` the announced call's weight. Requires Root and
		/// fails with [`Error::TooEarly`] before the block, so no origin can run a decision
		/// early. Emits [`Event::Enacted`] with the call's result; the announcement leaves
		/// state whatever that result.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::enact().saturating_add(*call_weight))]
		pub fn enact(
			origin: OriginFor<T>,
			index: AnnouncementIndex,
			call_weight: Weight,
		) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			Self::do_enact(index, call_weight)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The scheduler task name of announcement `index`.
	pub fn task_name(index: AnnouncementIndex) -> TaskName {
		(b"azra/enactment", index).using_encoded(sp_runtime::traits::BlakeTwo256::hash).into()
	}

	/// The enactment delay an announcement made now would wait.
	pub fn enactment_delay() -> BlockNumberFor<T> {
		T::EnactmentDelay::get().max(T::MinEnactmentDelay::get())
	}

	/// Keeps `call` and schedules its enactment after the delay; returns its index and
	/// the block in which it runs.
	pub fn do_announce(
		call: <T as Config>::RuntimeCall,
	) -> Result<(AnnouncementIndex, BlockNumberFor<T>), sp_runtime::DispatchError> {
		ensure_call_fits::<T>(&call)?;
		ensure!(Announcements::<T>::count() < T::MaxPending::get(), Error::<T>::TooManyPending);
		let index = NextAnnouncement::<T>::get();
		let next = index.checked_add(1).ok_or(Error::<T>::AnnouncementsExhausted)?;
		let call_hash = T::Hashing::hash_of(&call);
		let call_weight = call.get_dispatch_info().call_weight;
		let enact_at =
			frame_system::Pallet::<T>::block_number().saturating_add(Self::enactment_delay());

		// Every announcement holds exactly one request on a long call's preimage, released
		// when it leaves. `bound` notes the bytes, which counts as a request only when
		// nothing requested them before (another announcement of the same call may have).
		let already_requested = T::Preimages::is_requested(&call_hash);
		let call = T::Preimages::bound(call)?;
		if call.lookup_needed() && already_requested {
			T::Preimages::request(&call_hash);
		}

		let enactment = T::Preimages::bound(<T as Config>::RuntimeCall::from(Call::<T>::enact {
			index,
			call_weight,
		}))?;
		T::Scheduler::schedule_named(
			Self::task_name(index),
			DispatchTime::At(enact_at),
			None,
			HARD_DEADLINE,
			RawOrigin::Root.into(),
			enactment,
		)?;
		Announcements::<T>::insert(index, Announcement { call, call_hash, call_weight, enact_at });
		NextAnnouncement::<T>::put(next);
		Self::deposit_event(Event::Announced { index, call_hash, enact_at });
		Ok((index, enact_at))
	}

	/// Removes announcement `index` and its scheduled enactment, releasing its preimage.
	pub fn do_cancel(index: AnnouncementIndex) -> sp_runtime::DispatchResult {
		let announcement =
			Announcements::<T>::take(index).ok_or(Error::<T>::UnknownAnnouncement)?;
		T::Scheduler::cancel_named(Self::task_name(index))?;
		T::Preimages::drop(&announcement.call);
		Self::deposit_event(Event::Cancelled { index });
		Ok(())
	}

	/// Runs a due announcement as Root and removes it.
	pub fn do_enact(index: AnnouncementIndex, call_weight: Weight) -> DispatchResultWithPostInfo {
		let announcement = Announcements::<T>::get(index).ok_or(Error::<T>::UnknownAnnouncement)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() >= announcement.enact_at,
			Error::<T>::TooEarly
		);
		ensure!(announcement.call_weight.all_lte(call_weight), Error::<T>::WeightBoundTooLow);
		Announcements::<T>::remove(index);
		// A preimage that cannot be read (it can only have been removed by the preimage
		// manager) ends the announcement with an error rather than leaving it stuck.
		let realized = T::Preimages::peek(&announcement.call);
		T::Preimages::drop(&announcement.call);
		let (result, used) = match realized {
			Ok((call, _len)) => {
				let outcome = call.dispatch(RawOrigin::Root.into());
				let post_info = match outcome {
					Ok(info) => info,
					Err(error) => error.post_info,
				};
				(
					outcome.map(|_| ()).map_err(|error| error.error),
					post_info.actual_weight.unwrap_or(announcement.call_weight),
				)
			}
			Err(error) => (Err(error), Weight::zero()),
		};
		Self::deposit_event(Event::Enacted { index, result });
		Ok(Some(T::WeightInfo::enact().saturating_add(used)).into())
	}
}

impl<T: Config> Pallet<T> {
	/// The invariants: at most [`Config::MaxPending`] announcements wait, each with an index
	/// below [`NextAnnouncement`] and its enactment in the scheduler's agenda for its block
	/// (or, in that very block, already taken off the agenda to run).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Announcements::<T>::count() <= T::MaxPending::get(),
			"more announcements than MaxPending"
		);
		ensure!(
			Announcements::<T>::iter().count() as u32 == Announcements::<T>::count(),
			"the announcement counter disagrees with the map"
		);
		let next = NextAnnouncement::<T>::get();
		let now = frame_system::Pallet::<T>::block_number();
		for (index, announcement) in Announcements::<T>::iter() {
			ensure!(index < next, "an announcement has an index not yet handed out");
			if announcement.enact_at > now {
				ensure!(
					T::Scheduler::next_dispatch_time(Self::task_name(index))
						== Ok(announcement.enact_at),
					"a pending announcement is not scheduled for its block"
				);
			}
		}
		Ok(())
	}
}

/// Refuses calls that the scheduler could never run, or that are too long to store.
fn ensure_call_fits<T: Config>(call: &<T as Config>::RuntimeCall) -> sp_runtime::DispatchResult {
	ensure!(
		call.get_dispatch_info().call_weight.all_lte(T::MaxCallWeight::get()),
		Error::<T>::CallTooHeavy
	);
	ensure!(call.encoded_size() <= T::MaxCallLen::get() as usize, Error::<T>::CallTooLong);
	Ok(())
}
