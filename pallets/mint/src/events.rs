//! The mint pallet's events.

use frame_support::pallet_macros::pallet_section;

/// Imported into [`crate::pallet`] by `#[import_section(events::events)]`.
#[pallet_section]
mod events {
	/// Events of the mint pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider's work proof was accepted: the build is completed and its units are
		/// the provider's points in `epoch`.
		WorkAccepted {
			/// The completed build.
			build_id: azra_primitives::BuildId,
			/// The provider who proved it.
			provider: T::AccountId,
			/// The epoch the points count in.
			epoch: EpochIndex,
			/// Units proven (= points earned).
			units_used: Units,
			/// The part of the build's burned price that paid for the units proven; the
			/// provider's share of the epoch's budget follows it.
			proven_burn: BalanceOf<T>,
			/// Hash of the build's output.
			output_hash: H256,
			/// Measurement of the enclave that signed the proof.
			measurement: H256,
		},
		/// An epoch closed and its budget was fixed.
		EpochClosed {
			/// The closed epoch.
			epoch: EpochIndex,
			/// AZRA burned in it (all burn: a supply figure).
			burned: BalanceOf<T>,
			/// AZRA refunded in it.
			refunded: BalanceOf<T>,
			/// Burn that paid for the work proven in it.
			proven_burn: BalanceOf<T>,
			/// Its reward budget: `min(ratio × proven_burn, ceiling)`.
			budget: BalanceOf<T>,
			/// Its total points.
			points: Units,
		},
		/// An epoch's budget was capped at the ceiling: every provider of the epoch is paid
		/// the same fraction of `ratio × proven burn`.
		CeilingReached {
			/// The epoch.
			epoch: EpochIndex,
			/// `ratio × proven burn`.
			uncapped: BalanceOf<T>,
			/// The ceiling applied.
			ceiling: BalanceOf<T>,
		},
		/// A provider was paid its share of an epoch's budget.
		RewardsClaimed {
			/// The provider.
			provider: T::AccountId,
			/// The epoch the share belongs to.
			epoch: EpochIndex,
			/// AZRA minted.
			amount: BalanceOf<T>,
		},
		/// A builder was refunded a price that bought no proven work: a cancelled or expired
		/// build's, or the unused units of a completed one.
		Refunded {
			/// The builder.
			builder: T::AccountId,
			/// AZRA minted.
			amount: BalanceOf<T>,
			/// The epoch the refund is accounted in.
			epoch: EpochIndex,
		},
		/// Root changed the parameters.
		ParametersSet {
			/// The parameters now in effect.
			parameters: ParametersOf<T>,
		},
		/// An epoch's claim window passed and its history left state: what it did not mint
		/// of its budget never will be.
		EpochExpired {
			/// The expired epoch.
			epoch: EpochIndex,
			/// Rewards minted for it (the shares claimed in time).
			minted_rewards: BalanceOf<T>,
			/// `budget − minted_rewards`: shares not claimed in time and rounding dust. Never
			/// minted; added to `TotalExpired`.
			unclaimed: BalanceOf<T>,
		},
	}
}
