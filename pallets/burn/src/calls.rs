//! The burn pallet's dispatchable calls: thin wrappers that check the origin and hand the
//! work to the `do_*` helpers (`impl_*.rs`).

use frame_support::pallet_macros::pallet_section;

/// Imported into [`crate::pallet`] by `#[import_section(calls::calls)]`.
#[pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Submit a build: burn `units × price_per_unit` from the caller, hold the
		/// `BuildDeposit` until the record leaves state, and open the build.
		///
		/// Fails with `PriceAboveMax` if the price exceeds `max_price`, so a price change
		/// between signing and inclusion never overcharges.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::submit_build())]
		pub fn submit_build(
			origin: OriginFor<T>,
			spec_hash: H256,
			input_hash: H256,
			units: Units,
			required_measurement: Option<MeasurementId>,
			max_price: BalanceOf<T>,
		) -> DispatchResult {
			let builder = ensure_signed(origin)?;
			Self::do_submit_build(
				builder,
				spec_hash,
				input_hash,
				units,
				required_measurement,
				max_price,
				None,
			)
			.map(|_| ())
		}

		/// Take an open build as its provider, until a deadline, putting up a bond of
		/// `max(ProviderBond × price, MinProviderBond)`.
		///
		/// The caller must be eligible (a registered, unexpired enclave whose measurement
		/// satisfies the build; for a sealed build, one of its recipients) and must not be
		/// the build's builder. The bond comes back
		/// with the work proof; it is burned if the caller releases the build or misses the
		/// deadline. A previous provider's missed deadline is settled first.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::accept_weight(true))]
		pub fn accept_build(origin: OriginFor<T>, build_id: BuildId) -> DispatchResultWithPostInfo {
			let provider = ensure_signed(origin)?;
			let sealed = Self::do_accept_build(provider, build_id)?;
			// A public build did not walk the recipients.
			Ok(Some(Self::accept_weight(sealed)).into())
		}

		/// Give an assigned build back; it is open again for other providers. The caller's
		/// bond on it is burned, unless governance is why the caller can no longer prove it
		/// (every enclave that could run the build was made ineligible by a governance
		/// decision, none by the provider's own doing): then the bond is returned.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::release_build())]
		pub fn release_build(origin: OriginFor<T>, build_id: BuildId) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_release_build(provider, build_id)
		}

		/// Withdraw an open build and get its price back as a refund. A build whose provider
		/// missed the deadline is open again, so it can be cancelled too (the provider's
		/// bond is burned).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cancel_build())]
		pub fn cancel_build(origin: OriginFor<T>, build_id: BuildId) -> DispatchResult {
			let builder = ensure_signed(origin)?;
			Self::do_end_build(builder, build_id, true)
		}

		/// Get the price of an expired build back as a refund.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reclaim_expired())]
		pub fn reclaim_expired(origin: OriginFor<T>, build_id: BuildId) -> DispatchResult {
			let builder = ensure_signed(origin)?;
			Self::do_end_build(builder, build_id, false)
		}

		/// Submit a **sealed** build: like [`Pallet::submit_build`], but its input preimage
		/// is an envelope only the `recipients` can open (docs/architecture.md §5), and its
		/// output is to be sealed to `output_key`.
		///
		/// Every recipient must be an eligible enclave with a registered sealing key that
		/// runs `required_measurement` (when given); the first that is not is named by the
		/// attestation pallet's error. Only a provider owning one of the recipients may
		/// accept the build, and only a recipient's work proof completes it. A sealed build
		/// whose recipients all lose their eligibility stays open: its builder cancels it for
		/// a full refund.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::submit_sealed_build(recipients.len() as u32))]
		// The arguments are the call's encoding, which clients sign: grouping them would
		// change it.
		#[allow(clippy::too_many_arguments)]
		pub fn submit_sealed_build(
			origin: OriginFor<T>,
			spec_hash: H256,
			input_hash: H256,
			units: Units,
			required_measurement: Option<MeasurementId>,
			max_price: BalanceOf<T>,
			recipients: BoundedVec<EnclaveKey, ConstU32<MAX_SEALED_RECIPIENTS>>,
			output_key: SealingKey,
		) -> DispatchResult {
			let builder = ensure_signed(origin)?;
			Self::do_submit_build(
				builder,
				spec_hash,
				input_hash,
				units,
				required_measurement,
				max_price,
				Some(SealedTerms { recipients, output_key }),
			)
			.map(|_| ())
		}

		/// Set what the caller's bonds may put at risk from now on: taking a build spends its
		/// bond from this allowance, a work proof gives the bond back, a forfeited bond is
		/// gone. The runtime keeps this call from `Provider` proxies, so a hot key can never
		/// raise its own limit.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_bond_allowance())]
		pub fn set_bond_allowance(origin: OriginFor<T>, allowance: BalanceOf<T>) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			BondAllowances::<T>::insert(&provider, allowance);
			Self::deposit_event(Event::BondAllowanceSet { provider, allowance });
			Ok(())
		}

		/// Set the price of one compute unit (Root).
		///
		/// The price must stay within `[MinPricePerUnit, MaxPricePerUnit]` and move at most
		/// `MaxPriceChangePerEpoch` within one epoch.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_price_per_unit())]
		pub fn set_price_per_unit(origin: OriginFor<T>, new: BalanceOf<T>) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_set_price_per_unit(new)
		}
	}
}
