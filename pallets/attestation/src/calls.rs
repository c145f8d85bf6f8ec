//! The attestation pallet's dispatchable calls: thin wrappers that check the origin and hand
//! the work to the `do_*` helpers (`impl_*.rs`).

use frame_support::pallet_macros::pallet_section;

/// Imported into [`crate::pallet`] by `#[import_section(calls::calls)]`.
#[pallet_section]
mod calls {
	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set the trusted root CA certificate (DER). Collateral verified against another
		/// root stops counting and must be submitted again; enclaves verified against
		/// another root stop being eligible at once and must re-attest.
		///
		/// On a chain that started with Intel's SGX Root CA ([`IntelRootOnly`]) only that
		/// certificate can be set: [`Error::RootCaNotIntel`] otherwise.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::RootCaSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_root_ca())]
		pub fn set_root_ca(
			origin: OriginFor<T>,
			root_ca: BoundedVec<u8, T::MaxRootCaLen>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(
				!IntelRootOnly::<T>::get() || root_ca[..] == *INTEL_SGX_ROOT_CA,
				Error::<T>::RootCaNotIntel
			);
			let root_hash = Self::put_root_ca(root_ca);
			Self::deposit_event(Event::RootCaSet { root_hash });
			Ok(())
		}

		/// Store collateral for platform type `fmspc`: `collateral` is the SCALE encoding
		/// of `QuoteCollateralV3` (Intel's TCB info, QE identity, PCK CRL, root CA CRL and
		/// their issuer chains). `witness_quote` is any genuine quote from a platform of
		/// that type (the one the collateral was fetched for will do): dcap-qvl 0.7.1
		/// verifies collateral only together with a quote, so the witness lets the whole
		/// collateral be checked against the root at the block time now.
		///
		/// Rollback-proof: replacing collateral verified against the current root requires
		/// each item's TCB evaluation data number, CRL number and issue date to be at least
		/// the stored one's, compared item by item ([`CollateralFreshness::rolls_back`]) and
		/// read from the items alone, so the witness quote cannot shift them. Its TCB info's
		/// evaluation data number must be at least [`MinTcbEvalDataNumber`] of its TEE.
		///
		/// Intel's items only: collateral whose `pck_certificate_chain` is set is refused
		/// with [`Error::CollateralCarriesPckChain`] before anything is verified. dcap-qvl
		/// verifies a quote with that chain in place of the quote's own, so one machine's
		/// chain stored for the whole FMSPC would fail every other machine of that type.
		///
		/// Intel's shapes only, also checked before anything is verified: each issuer chain
		/// holds two certificates and the witness's PCK chain three
		/// ([`Error::CertificateChainShape`]), so no input costs more signature checks than
		/// the call's weight pays for.
		///
		/// Origin: any signed account. Emits [`Event::CollateralStored`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::submit_collateral())]
		pub fn submit_collateral(
			origin: OriginFor<T>,
			fmspc: Fmspc,
			collateral: BoundedVec<u8, T::MaxCollateralLen>,
			witness_quote: BoundedVec<u8, T::MaxQuoteLen>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_submit_collateral(fmspc, collateral, &witness_quote)
		}

		/// Allow-list a measurement under the id `blake2_256(SCALE(entry))`. A revoked id
		/// can never be allowed again.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::MeasurementAllowed`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::allow_measurement())]
		pub fn allow_measurement(origin: OriginFor<T>, entry: MeasurementEntry) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(entry.is_well_formed(), Error::<T>::MeasurementMalformed);
			let id = entry.id();
			if let Some(record) = Measurements::<T>::get(id) {
				ensure!(!record.revoked, Error::<T>::MeasurementRevoked);
				return Err(Error::<T>::MeasurementAlreadyAllowed.into());
			}
			Measurements::<T>::insert(
				id,
				MeasurementRecord { entry: entry.clone(), revoked: false },
			);
			Self::deposit_event(Event::MeasurementAllowed { id, entry });
			Ok(())
		}

		/// Revoke a measurement: every enclave registered under it stops being eligible and
		/// its work proofs stop verifying, at once (one storage write; no loop).
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::MeasurementRevoked`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke_measurement())]
		pub fn revoke_measurement(origin: OriginFor<T>, id: MeasurementId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Measurements::<T>::try_mutate(id, |record| {
				let record = record.as_mut().ok_or(Error::<T>::MeasurementNotAllowed)?;
				ensure!(!record.revoked, Error::<T>::MeasurementRevoked);
				record.revoked = true;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::MeasurementRevoked { id });
			Ok(())
		}

		/// Set the TCB statuses an enclave's platform may have. Already registered
		/// enclaves are held to the new list too.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::AcceptedTcbStatusesSet`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_accepted_tcb_statuses())]
		pub fn set_accepted_tcb_statuses(
			origin: OriginFor<T>,
			statuses: TcbStatuses,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(
				!statuses.contains(&TcbStatus::Revoked),
				Error::<T>::RevokedStatusNotAcceptable
			);
			AcceptedTcbStatuses::<T>::put(statuses.clone());
			Self::deposit_event(Event::AcceptedTcbStatusesSet { statuses });
			Ok(())
		}

		/// Set the Intel advisories that disqualify a platform: no quote of a platform that
		/// carries one registers, and every registered enclave whose platform carried one
		/// stops being eligible at once. Ids compare ignoring ASCII case; they are stored
		/// upper-case, sorted and without repeats (the event carries that form).
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::RejectedAdvisoriesSet`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_rejected_advisories())]
		pub fn set_rejected_advisories(
			origin: OriginFor<T>,
			advisory_ids: AdvisoryIds,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let advisory_ids = normalize_advisories(advisory_ids);
			RejectedAdvisories::<T>::put(advisory_ids.clone());
			Self::deposit_event(Event::RejectedAdvisoriesSet { advisory_ids });
			Ok(())
		}

		/// Obtain a registration nonce, usable for `NonceLifetime` blocks. Expired nonces of
		/// the caller are dropped first; those of providers who never call again are taken
		/// out of state by `on_idle` (see [Bounded state](crate#bounded-state)).
		///
		/// Origin: the provider. Emits [`Event::NonceIssued`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::request_nonce())]
		pub fn request_nonce(origin: OriginFor<T>) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_request_nonce(provider).map(|_| ())
		}

		/// Register `enclave_key` (generated inside the enclave) for the caller under the
		/// allow-listed `measurement`. `quote` must verify with the stored root CA and the
		/// stored collateral of its platform at the block time; its enclave must not be in
		/// debug mode, must satisfy `measurement`, and its platform's TCB status and
		/// advisories must pass the policy; `report_data[0..32]` must equal
		/// [`registration_report_data`] of (genesis hash, caller, `enclave_key`, `nonce`),
		/// and `report_data[32..64]` must be `sealing_key`, the X25519 key the enclave
		/// generated for builders to seal inputs to (not zero; on re-attestation, the one
		/// already registered).
		/// A quote whose PCK chain is not three certificates is refused before it is
		/// verified ([`Error::CertificateChainShape`]).
		/// The nonce is consumed. Registering a key again re-attests it (new expiry).
		///
		/// Origin: the provider. Emits [`Event::EnclaveRegistered`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::register_enclave())]
		pub fn register_enclave(
			origin: OriginFor<T>,
			quote: BoundedVec<u8, T::MaxQuoteLen>,
			enclave_key: EnclaveKey,
			nonce: H256,
			measurement: MeasurementId,
			sealing_key: SealingKey,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_register_enclave(
				provider,
				&quote,
				enclave_key,
				nonce,
				measurement,
				sealing_key,
			)
		}

		/// Retire one of the caller's enclave keys.
		///
		/// Origin: the provider. Emits [`Event::EnclaveDeregistered`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::deregister_enclave())]
		pub fn deregister_enclave(origin: OriginFor<T>, enclave_key: EnclaveKey) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			let record = Enclaves::<T>::get(enclave_key).ok_or(Error::<T>::EnclaveUnknown)?;
			ensure!(record.provider == provider, Error::<T>::NotEnclaveProvider);
			Self::remove_enclave(&provider, enclave_key);
			Self::deposit_event(Event::EnclaveDeregistered { provider, enclave_key });
			Ok(())
		}

		/// Retire any enclave key at once, whoever registered it: for a key that leaked or
		/// misbehaved, without revoking the measurement every other enclave of that build
		/// relies on. The key is retired for good ([`RetiredEnclaveKeys`]): no provider
		/// registers it again. The provider may register a new key with a new quote.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::EnclaveForceDeregistered`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::force_deregister())]
		pub fn force_deregister(origin: OriginFor<T>, enclave_key: EnclaveKey) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let record = Enclaves::<T>::get(enclave_key).ok_or(Error::<T>::EnclaveUnknown)?;
			Self::remove_enclave(&record.provider, enclave_key);
			RetiredEnclaveKeys::<T>::insert(enclave_key, frame_system::Pallet::<T>::block_number());
			Self::deposit_event(Event::EnclaveForceDeregistered {
				provider: record.provider,
				enclave_key,
			});
			Ok(())
		}

		/// Revoke a platform type: every enclave of (`tee_type`, `fmspc`) stops being
		/// eligible at once (one storage write; no loop), and no quote of it registers,
		/// until [`restore_platform`](Pallet::restore_platform).
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::PlatformRevoked`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::revoke_platform())]
		pub fn revoke_platform(
			origin: OriginFor<T>,
			tee_type: TeeType,
			fmspc: Fmspc,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let platform = (tee_type, fmspc);
			ensure!(
				!RevokedPlatforms::<T>::contains_key(platform),
				Error::<T>::PlatformAlreadyRevoked
			);
			RevokedPlatforms::<T>::insert(platform, ());
			Self::deposit_event(Event::PlatformRevoked { tee_type, fmspc });
			Ok(())
		}

		/// Lift a platform revocation. Its enclaves count again while their registrations
		/// hold; nothing else about them changed.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::PlatformRestored`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::restore_platform())]
		pub fn restore_platform(
			origin: OriginFor<T>,
			tee_type: TeeType,
			fmspc: Fmspc,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let platform = (tee_type, fmspc);
			ensure!(RevokedPlatforms::<T>::contains_key(platform), Error::<T>::PlatformNotRevoked);
			RevokedPlatforms::<T>::remove(platform);
			Self::deposit_event(Event::PlatformRestored { tee_type, fmspc });
			Ok(())
		}

		/// Set the lowest TCB evaluation data number of TCB info accepted for `tee_type`.
		/// After an Intel TCB recovery, raising it to the recovery's number refuses
		/// pre-recovery collateral, and every enclave verified with such collateral stops
		/// being eligible at once until it re-attests.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::MinTcbEvalDataNumberSet`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_min_tcb_eval_data_number())]
		pub fn set_min_tcb_eval_data_number(
			origin: OriginFor<T>,
			tee_type: TeeType,
			number: u32,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			MinTcbEvalDataNumber::<T>::insert(tee_type, number);
			Self::deposit_event(Event::MinTcbEvalDataNumberSet { tee_type, number });
			Ok(())
		}

		/// Store `collateral` for platform type `fmspc` although it is older than the stored
		/// collateral, and cap what signed submissions may store for that platform at its
		/// evaluation data numbers ([`CollateralCeilings`]).
		///
		/// Intel publishes early TCB-recovery collateral weeks before it becomes the
		/// standard. Anyone may submit it, and the rollback rule then refuses the standard
		/// collateral, so platforms that are `UpToDate` under the standard register as
		/// `OutOfDate`. This call puts the standard back. Everything else is checked as for
		/// [`Pallet::submit_collateral`] (Intel's items, shapes, a witness quote verified
		/// against the root now, the minimum evaluation data number); only the rollback
		/// rule is waived. While the ceiling stands, signed submissions still replace it
		/// with fresher collateral (new CRLs, new issue dates) at or below the ceiling's
		/// evaluation data numbers, and are refused above it
		/// ([`Error::CollateralAboveCeiling`]).
		///
		/// Enclaves registered while the early collateral was stored keep the status it
		/// gave them until they re-attest.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::CollateralRestored`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::restore_collateral())]
		pub fn restore_collateral(
			origin: OriginFor<T>,
			fmspc: Fmspc,
			collateral: BoundedVec<u8, T::MaxCollateralLen>,
			witness_quote: BoundedVec<u8, T::MaxQuoteLen>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_restore_collateral(fmspc, collateral, &witness_quote)
		}

		/// Lift the collateral ceiling of platform (`tee_type`, `fmspc`): signed submissions
		/// of newer collateral are accepted again. For when the collateral that was held
		/// back has become Intel's standard.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::CollateralCeilingLifted`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::lift_collateral_ceiling())]
		pub fn lift_collateral_ceiling(
			origin: OriginFor<T>,
			tee_type: TeeType,
			fmspc: Fmspc,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			CollateralCeilings::<T>::take((tee_type, fmspc))
				.ok_or(Error::<T>::NoCollateralCeiling)?;
			Self::deposit_event(Event::CollateralCeilingLifted { tee_type, fmspc });
			Ok(())
		}
	}
}
