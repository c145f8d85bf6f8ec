//! Calls.

use super::*;

#[test]
fn set_root_ca_works_for_governance_only() {
	end(|| {
		// As on a chain that did not start with Intel's root (one that did refuses others).
		IntelRootOnly::<Test>::put(false);
		let root = other_root();
		assert_noop!(
			Attestation::set_root_ca(RuntimeOrigin::signed(PROVIDER), bounded(root.clone())),
			DispatchError::BadOrigin
		);
		assert_ok!(Attestation::set_root_ca(RuntimeOrigin::root(), bounded(root.clone())));
		System::assert_last_event(
			Event::<Test>::RootCaSet { root_hash: H256(sp_io::hashing::blake2_256(&root)) }.into(),
		);
		assert_eq!(RootCa::<Test>::get().unwrap().to_vec(), root);
	});
}

#[test]
fn submit_collateral_checks_its_platform() {
	require_samples!();
	end(|| {
		assert_noop!(
			Attestation::submit_collateral(
				RuntimeOrigin::none(),
				SGX_FMSPC,
				bounded(sgx_collateral()),
				bounded(sgx_quote())
			),
			DispatchError::BadOrigin
		);
		// Stated FMSPC differs from the one verified.
		assert_noop!(
			submit(TDX_FMSPC, sgx_collateral(), sgx_quote()),
			Error::<Test>::FmspcMismatch
		);
		// The witness is of another platform than the collateral.
		assert_noop!(
			submit(SGX_FMSPC, sgx_collateral(), tdx_quote()),
			Error::<Test>::FmspcMismatch
		);
		// Collateral that is not a SCALE QuoteCollateralV3.
		assert_noop!(
			submit(SGX_FMSPC, b"{\"tcb_info\": 1}".to_vec(), sgx_quote()),
			Error::<Test>::CollateralMalformed
		);
		// A tampered TCB info no longer matches Intel's signature.
		let mut tampered = sgx_collateral_struct();
		tampered.tcb_info = tampered.tcb_info.replacen(
			"\"tcbEvaluationDataNumber\":17",
			"\"tcbEvaluationDataNumber\":99",
			1,
		);
		assert_noop!(
			submit(SGX_FMSPC, crate::dcap::native::encode_collateral(&tampered), sgx_quote()),
			Error::<Test>::CollateralSignatureInvalid
		);
		// A tampered QE identity likewise.
		let mut tampered = sgx_collateral_struct();
		tampered.qe_identity = tampered.qe_identity.replacen("\"version\":2", "\"version\":2 ", 1);
		assert_noop!(
			submit(SGX_FMSPC, crate::dcap::native::encode_collateral(&tampered), sgx_quote()),
			Error::<Test>::CollateralSignatureInvalid
		);
	});
}

#[test]
fn intels_collateral_with_the_samples_pck_chain_is_refused() {
	require_samples!();
	end(|| {
		// The reproduced attack: Intel's SGX collateral with the sample quote's own PCK chain
		// attached (as dcap-qvl's fetcher returns it) verifies with that quote, but would be
		// stored for every machine of the FMSPC.
		let mut attached = sgx_collateral_struct();
		attached.pck_certificate_chain = Some(sample_pck_chain(&sgx_quote()));
		assert_noop!(
			submit(SGX_FMSPC, crate::dcap::native::encode_collateral(&attached), sgx_quote()),
			Error::<Test>::CollateralCarriesPckChain
		);
		// Intel's items only are stored.
		store_sgx_collateral();
		// And cannot be replaced by the same collateral with the chain attached.
		assert_noop!(
			submit(SGX_FMSPC, crate::dcap::native::encode_collateral(&attached), sgx_quote()),
			Error::<Test>::CollateralCarriesPckChain
		);
	});
}

#[test]
fn allow_and_revoke_measurements() {
	end(|| {
		let entry = MeasurementEntry::Sgx {
			mr_enclave: Some(H256::repeat_byte(1)),
			mr_signer: None,
			isv_prod_id: 1,
			min_isv_svn: 2,
		};
		let id = entry.id();
		assert_eq!(id, H256(sp_io::hashing::blake2_256(&entry.encode())));
		assert_noop!(
			Attestation::allow_measurement(RuntimeOrigin::signed(PROVIDER), entry.clone()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Attestation::allow_measurement(
				RuntimeOrigin::root(),
				MeasurementEntry::Sgx {
					mr_enclave: None,
					mr_signer: None,
					isv_prod_id: 1,
					min_isv_svn: 0
				}
			),
			Error::<Test>::MeasurementMalformed
		);
		assert_ok!(Attestation::allow_measurement(RuntimeOrigin::root(), entry.clone()));
		System::assert_last_event(
			Event::<Test>::MeasurementAllowed { id, entry: entry.clone() }.into(),
		);
		assert_noop!(
			Attestation::allow_measurement(RuntimeOrigin::root(), entry.clone()),
			Error::<Test>::MeasurementAlreadyAllowed
		);

		assert_noop!(
			Attestation::revoke_measurement(RuntimeOrigin::signed(PROVIDER), id),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Attestation::revoke_measurement(RuntimeOrigin::root(), H256::repeat_byte(3)),
			Error::<Test>::MeasurementNotAllowed
		);
		assert_ok!(Attestation::revoke_measurement(RuntimeOrigin::root(), id));
		System::assert_last_event(Event::<Test>::MeasurementRevoked { id }.into());
		assert_noop!(
			Attestation::revoke_measurement(RuntimeOrigin::root(), id),
			Error::<Test>::MeasurementRevoked
		);
		// Revocation is final.
		assert_noop!(
			Attestation::allow_measurement(RuntimeOrigin::root(), entry),
			Error::<Test>::MeasurementRevoked
		);
	});
}

#[test]
fn tcb_and_advisory_policy_calls() {
	end(|| {
		let statuses: TcbStatuses = BoundedVec::try_from(vec![TcbStatus::UpToDate]).unwrap();
		assert_noop!(
			Attestation::set_accepted_tcb_statuses(
				RuntimeOrigin::signed(PROVIDER),
				statuses.clone()
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Attestation::set_accepted_tcb_statuses(
				RuntimeOrigin::root(),
				BoundedVec::try_from(vec![TcbStatus::UpToDate, TcbStatus::Revoked]).unwrap()
			),
			Error::<Test>::RevokedStatusNotAcceptable
		);
		assert_ok!(Attestation::set_accepted_tcb_statuses(RuntimeOrigin::root(), statuses.clone()));
		System::assert_last_event(
			Event::<Test>::AcceptedTcbStatusesSet { statuses: statuses.clone() }.into(),
		);
		assert_eq!(AcceptedTcbStatuses::<Test>::get(), statuses);

		let ids: AdvisoryIds =
			BoundedVec::try_from(vec![BoundedVec::try_from(b"INTEL-SA-00334".to_vec()).unwrap()])
				.unwrap();
		assert_noop!(
			Attestation::set_rejected_advisories(RuntimeOrigin::signed(PROVIDER), ids.clone()),
			DispatchError::BadOrigin
		);
		assert_ok!(Attestation::set_rejected_advisories(RuntimeOrigin::root(), ids.clone()));
		System::assert_last_event(
			Event::<Test>::RejectedAdvisoriesSet { advisory_ids: ids.clone() }.into(),
		);
		assert_eq!(RejectedAdvisories::<Test>::get(), ids);
	});
}

#[test]
fn request_nonce_issues_bounded_short_lived_nonces() {
	end(|| {
		assert_noop!(Attestation::request_nonce(RuntimeOrigin::none()), DispatchError::BadOrigin);
		assert_ok!(Attestation::request_nonce(RuntimeOrigin::signed(PROVIDER)));
		let first = Attestation::nonces_of(&PROVIDER)[0].clone();
		assert_eq!(first.expires_at, 1 + NonceLifetime::get());
		System::assert_last_event(
			Event::<Test>::NonceIssued { provider: PROVIDER, nonce: first.nonce, expires_at: 11 }
				.into(),
		);
		// Queued for the sweep under its number.
		assert_eq!(NonceCounter::<Test>::get(), 1);
		assert_eq!(NonceExpiries::<Test>::get(1), Some((11, PROVIDER)));
		assert_ok!(Attestation::request_nonce(RuntimeOrigin::signed(PROVIDER)));
		assert_ok!(Attestation::request_nonce(RuntimeOrigin::signed(PROVIDER)));
		let nonces = Attestation::nonces_of(&PROVIDER);
		assert_eq!(nonces.len(), 3);
		assert!(nonces[0].nonce != nonces[1].nonce && nonces[1].nonce != nonces[2].nonce);
		assert_noop!(
			Attestation::request_nonce(RuntimeOrigin::signed(PROVIDER)),
			Error::<Test>::TooManyNonces
		);
		// Other providers have their own.
		assert_ok!(Attestation::request_nonce(RuntimeOrigin::signed(OTHER)));
		// Once expired, they make room.
		run_to_block(12);
		assert!(Attestation::nonces_of(&PROVIDER).is_empty());
		assert_ok!(Attestation::request_nonce(RuntimeOrigin::signed(PROVIDER)));
		assert_eq!(Nonces::<Test>::get(PROVIDER).len(), 1);
	});
}
