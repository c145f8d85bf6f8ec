//! The pallet's invariants, checked after every block under `try-runtime` (and by the
//! cross-pallet tests after every step).

use crate::*;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// The invariants: total issuance = genesis issuance + minted + refunded − burned;
	/// no epoch's budget exceeds the burn that paid for the work proven in it; no epoch
	/// has paid more than its budget or for more points than it had; the records in
	/// state and the pruned ones together account for `TotalMinted`; `TotalExpired` is
	/// the unclaimed budget of the pruned epochs; no history is left below
	/// `HistoryStart`, and only closed epochs were pruned.
	// Built with `std` too, so that `azra-cross-pallet-tests` can check it after every step.
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
		ensure!(pruned.minted_rewards <= pruned.budget, "pruned epochs paid above their budgets");
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
