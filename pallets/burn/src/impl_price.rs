//! The price of a unit of work, the quote for a build, and the ledger of what was burned.

use crate::*;
use azra_primitives::within_step;

impl<T: Config> Pallet<T> {
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

	/// Books `amount` as burned, in total and in the open epoch.
	pub(crate) fn note_burned(amount: BalanceOf<T>) {
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
		ensure!(
			within_step(
				reference,
				new,
				T::MaxPriceChangePerEpoch::get(),
				T::MaxPricePerUnit::get()
			),
			Error::<T>::PriceChangeTooLarge
		);
		PriceAnchor::<T>::put((epoch, reference));
		PricePerUnit::<T>::put(new);
		Self::deposit_event(Event::PricePerUnitSet { old, new });
		Ok(())
	}
}
