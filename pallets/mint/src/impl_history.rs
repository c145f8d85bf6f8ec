//! How long an epoch's history stays claimable and kept, and the pruning that takes
//! expired epochs out of state.

use crate::*;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
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
		epoch < HistoryStart::<T>::get() || Self::current_epoch() > Self::last_claim_epoch(epoch)
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
	pub(crate) fn points_affordable(meter: &WeightMeter) -> u32 {
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
		let keys: Vec<T::AccountId> =
			Points::<T>::iter_key_prefix(epoch).take((limit as usize).saturating_add(1)).collect();
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
}
