//! The burn pallet's errors.

use frame_support::pallet_macros::pallet_section;

/// Imported into [`crate::pallet`] by `#[import_section(errors::errors)]`.
#[pallet_section]
mod errors {
	/// Errors of the burn pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// A build must request at least one unit.
		ZeroUnits,
		/// More units than `MaxUnitsPerBuild`.
		TooManyUnits,
		/// `units × price_per_unit` does not fit in a balance.
		PriceOverflow,
		/// The price is above the `max_price` the builder signed for.
		PriceAboveMax,
		/// The builder cannot pay the price and the deposit and keep the existential
		/// deposit.
		InsufficientBalance,
		/// No build has this id.
		UnknownBuild,
		/// The build is not open (taken, completed or ended).
		BuildNotOpen,
		/// The build is not assigned to anyone.
		BuildNotAssigned,
		/// The caller is not the provider the build is assigned to.
		NotAssignedProvider,
		/// Only the build's builder may do this.
		NotBuilder,
		/// A provider may not take a build its own account submitted.
		OwnBuild,
		/// The build has not expired yet.
		BuildNotExpired,
		/// The build's price was already refunded.
		AlreadyRefunded,
		/// The assignment's deadline has passed.
		DeadlinePassed,
		/// A work claim must use at least one unit.
		ZeroUnitsUsed,
		/// A work claim may not use more units than the build requested.
		UnitsUsedAboveRequested,
		/// The new price per unit is outside `[MinPricePerUnit, MaxPricePerUnit]`.
		PricePerUnitOutOfBounds,
		/// The new price per unit moves more than `MaxPriceChangePerEpoch` in this epoch.
		PriceChangeTooLarge,
		/// Build ids are exhausted.
		BuildIdOverflow,
		/// The provider cannot put up the bond for this build and keep its existential
		/// deposit.
		InsufficientBond,
		/// A sealed build must name at least one recipient enclave.
		NoRecipients,
		/// A sealed build names the same enclave twice.
		DuplicateRecipient,
		/// A sealed build's output key is all zeros: nobody could open its output.
		OutputKeyMissing,
		/// The enclave that signed the work proof is not one the sealed build was sealed to.
		ProverNotARecipient,
		/// The build's bond is above what the provider's bonds may still put at risk; the
		/// account (not its `Provider` proxy) raises it with `set_bond_allowance`.
		BondAllowanceExceeded,
	}
}
