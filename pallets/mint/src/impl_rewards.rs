//! Rewards: an epoch's budget, a provider's share of it, and claiming it.

use crate::{DispatchError, DispatchResult, *};
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Logic of [`Pallet::claim_rewards`].
	pub fn do_claim_rewards(provider: T::AccountId, epochs: Vec<EpochIndex>) -> DispatchResult {
		ensure!(!epochs.is_empty(), Error::<T>::NothingToClaim);
		for epoch in epochs {
			Self::do_claim_epoch(&provider, epoch)?;
		}
		Ok(())
	}

	/// Pay `provider`'s share of closed `epoch`; returns the amount minted.
	pub(crate) fn do_claim_epoch(
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
		record.claimed_proven_burn = record.claimed_proven_burn.saturating_add(entry.proven_burn);
		record.minted_rewards = record.minted_rewards.saturating_add(share);
		record.dust = Self::share_of(record.budget, record.claimed_proven_burn, record.proven_burn)
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
	pub fn share_of(budget: BalanceOf<T>, part: BalanceOf<T>, total: BalanceOf<T>) -> BalanceOf<T> {
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
					(epoch, Self::share_of(record.budget, entry.proven_burn, record.proven_burn))
				})
			})
			.collect()
	}

	/// `provider`'s points in `epoch` (open or closed).
	pub fn points_of(epoch: EpochIndex, provider: &T::AccountId) -> Units {
		Points::<T>::get(epoch, provider).map(|p| p.points).unwrap_or(0)
	}
}
