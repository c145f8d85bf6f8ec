//! Trust: the root CA, the collateral of each platform, and how a quote is verified against
//! them and checked against the policy.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The block time in unix seconds.
	pub fn now_secs() -> u64 {
		T::UnixTime::now().as_secs()
	}

	/// The chain's genesis hash (the hash of block 0).
	pub fn genesis_hash() -> H256 {
		let hash = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		azra_primitives::hash_to_h256(hash.as_ref())
	}

	/// `blake2_256` of the stored root CA, if any.
	pub fn root_ca_hash() -> Option<H256> {
		RootCaHash::<T>::get()
	}

	/// Trust `root` (and remember its hash); returns the hash.
	pub(crate) fn put_root_ca(root: frame_support::BoundedVec<u8, T::MaxRootCaLen>) -> H256 {
		let root_hash = H256(sp_io::hashing::blake2_256(&root));
		RootCa::<T>::put(root);
		RootCaHash::<T>::put(root_hash);
		root_hash
	}

	/// What the stored collateral of a platform says about its items, if it was verified
	/// against the current root.
	pub fn collateral_info(tee_type: TeeType, fmspc: Fmspc) -> Option<CollateralFreshness> {
		let record = CollateralRecords::<T>::get((tee_type, fmspc))?;
		(Some(record.root_hash) == Self::root_ca_hash()).then_some(record.freshness)
	}

	/// Verify `quote` with the stored root CA and the stored collateral of its platform at
	/// the block time, through the host function. This is the verification
	/// `register_enclave` runs before applying policy and checking report data.
	pub fn do_verify_quote(quote: &[u8]) -> Result<VerifiedQuote, DispatchError> {
		Self::verify_with_stored_collateral(quote).map(|(verified, _, _)| verified.quote)
	}

	/// [`Self::do_verify_quote`], also returning the hash of the root and the freshness of
	/// the collateral the quote was verified with (what its enclave record keeps).
	pub(crate) fn verify_with_stored_collateral(
		quote: &[u8],
	) -> Result<(VerifiedQuoteV2, H256, CollateralFreshness), DispatchError> {
		let root = RootCa::<T>::get().ok_or(Error::<T>::RootCaMissing)?;
		let root_hash = Self::root_ca_hash().ok_or(Error::<T>::RootCaMissing)?;
		let platform = dcap_verifier::quote_platform(quote).map_err(Error::<T>::from)?;
		ensure!(!RevokedPlatforms::<T>::contains_key(platform), Error::<T>::PlatformRevoked);
		let record = CollateralRecords::<T>::get(platform).ok_or(Error::<T>::CollateralMissing)?;
		ensure!(record.root_hash == root_hash, Error::<T>::CollateralMissing);
		let freshness = record.freshness;
		let now = Self::now_secs();
		ensure!(now <= freshness.next_update, Error::<T>::CollateralExpired);
		ensure!(
			freshness.tcb_eval_data_number >= MinTcbEvalDataNumber::<T>::get(platform.0),
			Error::<T>::TcbEvaluationTooOld
		);
		let collateral =
			CollateralBytes::<T>::get(platform).ok_or(Error::<T>::CollateralMissing)?;
		let verified = dcap_verifier::verify_quote(quote, &collateral, &root, now)
			.map_err(Error::<T>::from)?;
		Ok((verified, root_hash, freshness))
	}

	/// Check `verified` against the policy: not debug, satisfies `entry` (including its TDX
	/// configuration pins), accepted TCB status, no rejected advisory.
	pub fn check_policy(
		verified: &VerifiedQuoteV2,
		entry: &MeasurementEntry,
	) -> Result<(), DispatchError> {
		ensure!(!verified.quote.debug, Error::<T>::DebugEnclave);
		ensure!(entry.matches_quote(verified), Error::<T>::MeasurementMismatch);
		let verified = &verified.quote;
		ensure!(
			AcceptedTcbStatuses::<T>::get().contains(&verified.tcb_status),
			Error::<T>::TcbStatusRejected
		);
		let advisory_ids = normalize_advisories(verified.advisory_ids.clone());
		ensure!(!Self::any_rejected(&advisory_ids), Error::<T>::AdvisoryRejected);
		Ok(())
	}

	/// Whether any of `advisory_ids` (normalized: [`normalize_advisories`]) is rejected by
	/// the policy: one binary search each in the stored, normalized list. Reads the policy
	/// only when there is something to check.
	pub(crate) fn any_rejected(advisory_ids: &AdvisoryIds) -> bool {
		if advisory_ids.is_empty() {
			return false;
		}
		let rejected = RejectedAdvisories::<T>::get();
		advisory_ids.iter().any(|id| rejected.binary_search(id).is_ok())
	}

	pub(crate) fn do_submit_collateral(
		fmspc: Fmspc,
		collateral: frame_support::BoundedVec<u8, T::MaxCollateralLen>,
		witness_quote: &[u8],
	) -> DispatchResult {
		let (key, root_hash, freshness) =
			Self::verify_collateral(fmspc, &collateral, witness_quote)?;
		if let Some(ceiling) = CollateralCeilings::<T>::get(key) {
			ensure!(!ceiling.is_exceeded_by(&freshness), Error::<T>::CollateralAboveCeiling);
		}
		if let Some(stored) = CollateralRecords::<T>::get(key) {
			if stored.root_hash == root_hash {
				ensure!(!freshness.rolls_back(&stored.freshness), Error::<T>::CollateralRollback);
			}
		}
		Self::store_collateral(key, root_hash, freshness, collateral);
		Ok(())
	}

	/// [`Pallet::restore_collateral`]: the checks of a signed submission but the rollback
	/// rule and the ceiling, then the new ceiling.
	pub(crate) fn do_restore_collateral(
		fmspc: Fmspc,
		collateral: frame_support::BoundedVec<u8, T::MaxCollateralLen>,
		witness_quote: &[u8],
	) -> DispatchResult {
		let (key, root_hash, freshness) =
			Self::verify_collateral(fmspc, &collateral, witness_quote)?;
		let ceiling = CollateralCeiling::of(&freshness);
		CollateralCeilings::<T>::insert(key, ceiling);
		Self::store_collateral(key, root_hash, freshness, collateral);
		let (tee_type, fmspc) = key;
		Self::deposit_event(Event::CollateralRestored { tee_type, fmspc, ceiling });
		Ok(())
	}

	/// Verifies `collateral` for platform type `fmspc` with `witness_quote` against the root
	/// at the block time, and checks it against the governance minimum; returns its
	/// platform, the root's hash and what its items say about their age.
	pub(crate) fn verify_collateral(
		fmspc: Fmspc,
		collateral: &[u8],
		witness_quote: &[u8],
	) -> Result<((TeeType, Fmspc), H256, CollateralFreshness), DispatchError> {
		let root = RootCa::<T>::get().ok_or(Error::<T>::RootCaMissing)?;
		let root_hash = Self::root_ca_hash().ok_or(Error::<T>::RootCaMissing)?;
		// Before anything costly: Intel's items only (an attached PCK chain would stand in
		// for every quote's own), in chains of Intel's shape, and a witness of Intel's shape.
		dcap_verifier::check_collateral(collateral).map_err(Error::<T>::from)?;
		dcap_verifier::quote_platform(witness_quote).map_err(Error::<T>::from)?;
		let verified =
			dcap_verifier::verify_quote(witness_quote, collateral, &root, Self::now_secs())
				.map_err(Error::<T>::from)?;
		let tee_type = verified.quote.collateral.tee_type;
		ensure!(verified.quote.collateral.fmspc == fmspc, Error::<T>::FmspcMismatch);
		// The rollback rule's figures come from the items alone, not from the witness.
		let freshness =
			dcap_verifier::collateral_freshness(collateral).map_err(Error::<T>::from)?;
		ensure!(
			freshness.tcb_eval_data_number >= MinTcbEvalDataNumber::<T>::get(tee_type),
			Error::<T>::TcbEvaluationTooOld
		);
		Ok(((tee_type, fmspc), root_hash, freshness))
	}

	/// Stores verified collateral for `key`.
	pub(crate) fn store_collateral(
		key: (TeeType, Fmspc),
		root_hash: H256,
		freshness: CollateralFreshness,
		collateral: frame_support::BoundedVec<u8, T::MaxCollateralLen>,
	) {
		CollateralRecords::<T>::insert(key, CollateralRecord { root_hash, freshness });
		CollateralBytes::<T>::insert(key, collateral);
		let (tee_type, fmspc) = key;
		Self::deposit_event(Event::CollateralStored {
			tee_type,
			fmspc,
			tcb_eval_data_number: freshness.tcb_eval_data_number,
			next_update: freshness.next_update,
		});
	}
}
