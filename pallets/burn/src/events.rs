//! The burn pallet's events.

use frame_support::pallet_macros::pallet_section;

/// Imported into [`crate::pallet`] by `#[import_section(events::events)]`.
#[pallet_section]
mod events {
	/// Events of the burn pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A build was submitted and its price burned.
		BuildSubmitted {
			/// The new build.
			build_id: BuildId,
			/// Who submitted it.
			builder: T::AccountId,
			/// Units requested.
			units: Units,
			/// AZRA burned (the price).
			burned: BalanceOf<T>,
		},
		/// The build just submitted is sealed: only these enclaves can read its input, and
		/// only one of them may take and prove it.
		BuildSealed {
			/// The build.
			build_id: BuildId,
			/// The enclaves its input is sealed to.
			recipients: BoundedVec<EnclaveKey, ConstU32<MAX_SEALED_RECIPIENTS>>,
			/// The builder's key its output is to be sealed to.
			output_key: SealingKey,
		},
		/// A provider took a build and put up its bond.
		BuildAccepted {
			/// The build.
			build_id: BuildId,
			/// The provider.
			provider: T::AccountId,
			/// Last block to prove the work.
			deadline: BlockNumberFor<T>,
			/// AZRA held from the provider until the proof.
			bond: BalanceOf<T>,
		},
		/// The assigned provider gave a build back; it is open again (its bond is forfeited,
		/// see [`Event::BondForfeited`]).
		BuildReleased {
			/// The build.
			build_id: BuildId,
			/// The provider that released it.
			provider: T::AccountId,
		},
		/// A build's work was proven; final. The provider's bond is returned.
		BuildCompleted {
			/// The build.
			build_id: BuildId,
			/// The provider that proved it.
			provider: T::AccountId,
			/// Hash of the output.
			output_hash: H256,
			/// Units used.
			units_used: Units,
			/// The part of the price that paid for the units used; the rest is refunded.
			proven_burn: BalanceOf<T>,
		},
		/// A refund could not be minted (the builder's account is gone and the amount is
		/// below the existential deposit); it stays burned. The refund is that of a completed
		/// build's unused units, or of an expired build's price when its record leaves state
		/// unreclaimed.
		RefundForgone {
			/// The build.
			build_id: BuildId,
			/// The builder.
			builder: T::AccountId,
			/// AZRA that stays burned.
			amount: BalanceOf<T>,
		},
		/// A completed build's output is not kept by the chain: its bytes were not stored
		/// when the proof came, or its builder could not pay the output deposit. Whoever
		/// noted the output keeps it only as long as its own deposit does.
		OutputNotKept {
			/// The build.
			build_id: BuildId,
			/// The output's length in bytes, if stored.
			len: Option<u32>,
		},
		/// A provider released a build it could no longer prove because governance stopped
		/// trusting its enclave (see `release_build`); its bond was returned.
		BondReturned {
			/// The build.
			build_id: BuildId,
			/// The provider.
			provider: T::AccountId,
			/// AZRA released from hold.
			amount: BalanceOf<T>,
		},
		/// A provider released a build or missed its deadline; its bond was burned.
		BondForfeited {
			/// The build.
			build_id: BuildId,
			/// The provider that forfeited the bond.
			provider: T::AccountId,
			/// AZRA burned.
			amount: BalanceOf<T>,
		},
		/// AZRA that left supply outside a build (fees or dust with no block author to
		/// take them) was booked as burned.
		BurnBooked {
			/// AZRA burned.
			amount: BalanceOf<T>,
		},
		/// A build ended without being completed: expired, or cancelled by its builder.
		BuildExpired {
			/// The build.
			build_id: BuildId,
			/// Whether the builder cancelled it (rather than it timing out).
			cancelled: bool,
		},
		/// A build's price was minted back to its builder.
		BuildRefunded {
			/// The build.
			build_id: BuildId,
			/// The builder.
			builder: T::AccountId,
			/// AZRA refunded.
			amount: BalanceOf<T>,
		},
		/// Builds whose retention passed left state; their deposits went back to their
		/// builders.
		BuildsPruned {
			/// The first build removed.
			from: BuildId,
			/// The last build removed.
			to: BuildId,
		},
		/// A provider set what its bonds may put at risk.
		BondAllowanceSet {
			/// The provider account.
			provider: T::AccountId,
			/// Its new bond allowance.
			allowance: BalanceOf<T>,
		},
		/// Root changed the price per unit.
		PricePerUnitSet {
			/// The previous price.
			old: BalanceOf<T>,
			/// The new price.
			new: BalanceOf<T>,
		},
	}
}
