//! The mint pallet's errors.

use frame_support::pallet_macros::pallet_section;

/// Imported into [`crate::pallet`] by `#[import_section(errors::errors)]`.
#[pallet_section]
mod errors {
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
}
