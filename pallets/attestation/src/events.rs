//! The attestation pallet's events.

use frame_support::pallet_macros::pallet_section;

/// Imported into [`crate::pallet`] by `#[import_section(events::events)]`.
#[pallet_section]
mod events {
	/// Events of the attestation pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	// An event is encoded once and stored as bytes: the variants' sizes are the encoding's.
	#[allow(clippy::large_enum_variant)]
	pub enum Event<T: Config> {
		/// Governance set the trusted root CA.
		RootCaSet {
			/// `blake2_256` of the DER certificate.
			root_hash: H256,
		},
		/// Collateral for a platform was verified and stored.
		CollateralStored {
			/// The TEE the collateral is for.
			tee_type: TeeType,
			/// The platform type the collateral is for.
			fmspc: Fmspc,
			/// Its TCB evaluation data number.
			tcb_eval_data_number: u32,
			/// Unix time after which it no longer verifies.
			next_update: u64,
		},
		/// Governance allow-listed a measurement.
		MeasurementAllowed {
			/// Its id.
			id: MeasurementId,
			/// The entry.
			entry: MeasurementEntry,
		},
		/// Governance revoked a measurement: no enclave under it is eligible any more.
		MeasurementRevoked {
			/// Its id.
			id: MeasurementId,
		},
		/// Governance set the accepted TCB statuses.
		AcceptedTcbStatusesSet {
			/// The statuses now accepted.
			statuses: TcbStatuses,
		},
		/// Governance set the rejected advisories.
		RejectedAdvisoriesSet {
			/// The advisory ids now rejected.
			advisory_ids: AdvisoryIds,
		},
		/// A provider was issued a registration nonce.
		NonceIssued {
			/// The provider.
			provider: T::AccountId,
			/// The nonce its enclave's report data must commit to.
			nonce: H256,
			/// Last block at which it may be used.
			expires_at: BlockNumberFor<T>,
		},
		/// An enclave key was registered (or re-attested) for a provider.
		EnclaveRegistered {
			/// The provider.
			provider: T::AccountId,
			/// The enclave's key.
			enclave_key: EnclaveKey,
			/// The measurement its quote satisfied.
			measurement: MeasurementId,
			/// Intel's TCB status for its platform.
			tcb_status: TcbStatus,
			/// Last block at which the registration holds.
			expires_at: BlockNumberFor<T>,
			/// The enclave's sealing key, which builders seal inputs to.
			sealing_key: SealingKey,
		},
		/// A registration ended: the provider retired the key, or it had expired and was
		/// cleared to make room.
		EnclaveDeregistered {
			/// The provider.
			provider: T::AccountId,
			/// The enclave's key.
			enclave_key: EnclaveKey,
		},
		/// Governance retired an enclave key (for example a leaked one).
		EnclaveForceDeregistered {
			/// The provider it was registered to.
			provider: T::AccountId,
			/// The enclave's key.
			enclave_key: EnclaveKey,
		},
		/// Governance revoked a platform type: none of its enclaves is eligible.
		PlatformRevoked {
			/// The TEE.
			tee_type: TeeType,
			/// The platform type.
			fmspc: Fmspc,
		},
		/// Governance lifted a platform revocation: its enclaves count again (while their
		/// registrations hold).
		PlatformRestored {
			/// The TEE.
			tee_type: TeeType,
			/// The platform type.
			fmspc: Fmspc,
		},
		/// Governance set the lowest TCB evaluation data number accepted for a TEE.
		MinTcbEvalDataNumberSet {
			/// The TEE.
			tee_type: TeeType,
			/// The new minimum.
			number: u32,
		},
		/// Governance restored a platform's collateral, whatever was stored before, and
		/// capped what signed submissions may store for it.
		CollateralRestored {
			/// The TEE the collateral is for.
			tee_type: TeeType,
			/// The platform type the collateral is for.
			fmspc: Fmspc,
			/// The ceiling signed submissions now meet.
			ceiling: CollateralCeiling,
		},
		/// An enclave record left state one re-attestation period after it expired; its
		/// deposit went back to its provider.
		EnclavePruned {
			/// The provider it was registered to.
			provider: T::AccountId,
			/// The enclave key.
			enclave_key: EnclaveKey,
		},
		/// Governance lifted a platform's collateral ceiling: any newer collateral may be
		/// submitted again.
		CollateralCeilingLifted {
			/// The TEE.
			tee_type: TeeType,
			/// The platform type.
			fmspc: Fmspc,
		},
	}
}
