//! Whether an enclave may do work now, and whether a work proof is its own: what the burn
//! and mint pallets ask of this one through `azra-primitives`' traits.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Why `record` cannot earn now, if it cannot: expired registration, revoked (or
	/// unknown) measurement, a TCB status the policy no longer accepts, a root CA that is
	/// no longer trusted, a revoked platform, collateral older than the TEE's minimum TCB
	/// evaluation, or an advisory the policy now rejects. Every reason is read from the
	/// record and the current policy, so each takes effect at once for every enclave.
	pub fn check_enclave(record: &EnclaveRecordOf<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(record.expires_at >= now, Error::<T>::EnclaveExpired);
		let measurement =
			Measurements::<T>::get(record.measurement).ok_or(Error::<T>::MeasurementNotAllowed)?;
		ensure!(!measurement.revoked, Error::<T>::MeasurementRevoked);
		ensure!(
			AcceptedTcbStatuses::<T>::get().contains(&record.tcb_status),
			Error::<T>::TcbStatusRejected
		);
		ensure!(Some(record.root_hash) == Self::root_ca_hash(), Error::<T>::EnclaveRootChanged);
		ensure!(
			!RevokedPlatforms::<T>::contains_key((record.tee_type, record.fmspc)),
			Error::<T>::PlatformRevoked
		);
		ensure!(
			record.tcb_eval_data_number >= MinTcbEvalDataNumber::<T>::get(record.tee_type),
			Error::<T>::TcbEvaluationTooOld
		);
		ensure!(!Self::any_rejected(&record.advisory_ids), Error::<T>::AdvisoryRejected);
		Ok(())
	}

	/// Why the enclave `key` (with `record`) cannot receive a sealed build that requires
	/// `required`, if it cannot: no sealing key, the wrong measurement, or any reason of
	/// [`Pallet::check_enclave`].
	pub(crate) fn check_recipient(
		key: &EnclaveKey,
		record: &EnclaveRecordOf<T>,
		required: Option<MeasurementId>,
	) -> DispatchResult {
		ensure!(SealingKeys::<T>::contains_key(key), Error::<T>::SealingKeyMissing);
		if let Some(required) = required {
			ensure!(record.measurement == required, Error::<T>::RequiredMeasurementMissing);
		}
		Self::check_enclave(record)
	}

	/// Whether `error` of [`Pallet::check_enclave`] comes from a governance decision rather
	/// than from the provider (an expired registration is the provider's to renew).
	pub(crate) fn is_governance_decision(error: DispatchError) -> bool {
		[
			Error::<T>::MeasurementNotAllowed,
			Error::<T>::MeasurementRevoked,
			Error::<T>::TcbStatusRejected,
			Error::<T>::EnclaveRootChanged,
			Error::<T>::PlatformRevoked,
			Error::<T>::TcbEvaluationTooOld,
			Error::<T>::AdvisoryRejected,
		]
		.into_iter()
		.any(|decision| error == decision.into())
	}

	/// Whether `signature` over `message` was made by `key`.
	pub(crate) fn signed_by(key: &EnclaveKey, signature: &MultiSignature, message: &[u8]) -> bool {
		match (key, signature) {
			(EnclaveKey::Ed25519(public), MultiSignature::Ed25519(sig)) => {
				sp_io::crypto::ed25519_verify(
					sig,
					message,
					&sp_core::ed25519::Public::from_raw(*public),
				)
			}
			(EnclaveKey::Sr25519(public), MultiSignature::Sr25519(sig)) => {
				sp_io::crypto::sr25519_verify(
					sig,
					message,
					&sp_core::sr25519::Public::from_raw(*public),
				)
			}
			_ => false,
		}
	}
}

impl<T: Config> ProviderEligibility<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn ensure_eligible(provider: &T::AccountId, required: Option<MeasurementId>) -> DispatchResult {
		if let Some(required) = required {
			let record =
				Measurements::<T>::get(required).ok_or(Error::<T>::MeasurementNotAllowed)?;
			ensure!(!record.revoked, Error::<T>::MeasurementRevoked);
		}
		let keys = ProviderEnclaves::<T>::get(provider);
		ensure!(!keys.is_empty(), Error::<T>::NoEnclave);
		// Report the reason of the first enclave that fails, if none qualifies.
		let mut reason: Option<DispatchError> = None;
		for key in keys {
			let Some(record) = Enclaves::<T>::get(key) else { continue };
			if required.is_some_and(|r| r != record.measurement) {
				reason.get_or_insert(Error::<T>::RequiredMeasurementMissing.into());
				continue;
			}
			match Self::check_enclave(&record) {
				Ok(()) => return Ok(()),
				Err(e) => {
					reason.get_or_insert(e);
				}
			}
		}
		Err(reason.unwrap_or_else(|| Error::<T>::NoEnclave.into()))
	}

	fn ensure_eligible_recipient(
		provider: &T::AccountId,
		required: Option<MeasurementId>,
		recipients: &[EnclaveKey],
	) -> DispatchResult {
		// Report the reason of the first of the provider's recipient enclaves that fails.
		let mut reason: Option<DispatchError> = None;
		for key in recipients {
			let Some(record) = Enclaves::<T>::get(key) else { continue };
			if &record.provider != provider {
				continue;
			}
			match Self::check_recipient(key, &record, required) {
				Ok(()) => return Ok(()),
				Err(e) => {
					reason.get_or_insert(e);
				}
			}
		}
		Err(reason.unwrap_or_else(|| Error::<T>::NotARecipient.into()))
	}

	fn ensure_sealing_recipient(
		enclave: &EnclaveKey,
		required: Option<MeasurementId>,
	) -> DispatchResult {
		let record = Enclaves::<T>::get(enclave).ok_or(Error::<T>::EnclaveUnknown)?;
		Self::check_recipient(enclave, &record, required)
	}

	fn ineligible_by_governance(
		provider: &T::AccountId,
		required: Option<MeasurementId>,
		recipients: Option<&[EnclaveKey]>,
		since: BlockNumberFor<T>,
	) -> bool {
		if EnclavesRemovedAt::<T>::get(provider).is_some_and(|removed| removed >= since) {
			return false;
		}
		let mut candidates = 0u32;
		for key in ProviderEnclaves::<T>::get(provider) {
			if recipients.is_some_and(|r| !r.contains(&key)) {
				continue;
			}
			let Some(record) = Enclaves::<T>::get(key) else { continue };
			if required.is_some_and(|r| r != record.measurement) {
				continue;
			}
			match Self::check_enclave(&record) {
				Err(error) if Self::is_governance_decision(error) => {
					candidates = candidates.saturating_add(1)
				}
				// It could still prove the build, or it lapsed by the provider's doing.
				_ => return false,
			}
		}
		candidates > 0
	}
}

impl<T: Config> WorkProofVerifier<T::AccountId, WorkProof> for Pallet<T> {
	fn verify_work_proof(
		claim: &WorkClaim<T::AccountId>,
		proof: &WorkProof,
	) -> Result<VerifiedWork, DispatchError> {
		let record = Enclaves::<T>::get(proof.enclave_key).ok_or(Error::<T>::EnclaveUnknown)?;
		ensure!(record.provider == claim.provider, Error::<T>::NotEnclaveProvider);
		Self::check_enclave(&record)?;
		// The signature goes last: it is the one costly step, and an ineligible enclave's
		// proof is refused whether or not its signature holds.
		ensure!(
			Self::signed_by(&proof.enclave_key, &proof.signature, &claim.signing_payload()),
			Error::<T>::WorkProofInvalid
		);
		Ok(VerifiedWork {
			enclave_key: proof.enclave_key,
			measurement: record.measurement,
			tcb_status: record.tcb_status,
		})
	}
}
