//! The mint pallet's dispatchable calls: thin wrappers that check the origin and hand the
//! work to the `do_*` helpers (`impl_*.rs`).

use frame_support::pallet_macros::pallet_section;

/// Imported into [`crate::pallet`] by `#[import_section(calls::calls)]`.
#[pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Prove the work of build `build_id`: the caller must be the provider it is assigned
		/// to, within the deadline, reporting no more units than requested, with a work
		/// proof the attestation side accepts for exactly this build, spec, output, units
		/// and provider. The build is marked completed (the burn side returns the caller's
		/// bond and refunds the builder the price of unused units); `units_used` and the
		/// proven burn (the price of those units) are credited to the caller in the current
		/// epoch, and its share of the epoch's budget follows the proven burn.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_work())]
		pub fn submit_work(
			origin: OriginFor<T>,
			build_id: azra_primitives::BuildId,
			output_hash: H256,
			units_used: Units,
			proof: T::Proof,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_submit_work(provider, build_id, output_hash, units_used, proof)
		}

		/// Collect the caller's share of the budget of each listed closed epoch:
		/// `⌊budget × proven burn / epoch's proven burn⌋`. Each epoch pays once, and only
		/// within its claim window (`current_epoch() ≤ epoch + HistoryDepth`; later it fails
		/// with `ClaimExpired`); the whole call fails if any listed epoch cannot be claimed.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::claim_rewards(epochs.len() as u32))]
		pub fn claim_rewards(
			origin: OriginFor<T>,
			epochs: BoundedVec<EpochIndex, T::MaxEpochsPerClaim>,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_claim_rewards(provider, epochs.into_inner())
		}

		/// Set the parameters (Root only). Each must lie within its hard bounds, and none may
		/// differ from its value when the current epoch opened by more than
		/// `MaxChangePerEpoch`. A new `epoch_length` applies from the next epoch.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_parameters())]
		pub fn set_parameters(origin: OriginFor<T>, parameters: ParametersOf<T>) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_set_parameters(parameters)
		}
	}
}
