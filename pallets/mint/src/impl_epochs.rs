//! Epochs: closing one, its record and the supply figures the chain reports, and refunds
//! to builders (booked in the open epoch).

use crate::{DispatchResult, *};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;

impl<T: Config> Pallet<T> {
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
			Self::deposit_event(Event::CeilingReached { epoch, uncapped, ceiling: params.ceiling });
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
