//! Work proofs and eligibility.

use super::*;

#[test]
fn work_proofs_by_registered_enclaves_verify() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let ed = ed_pair(1);
		let sr = sr_pair(2);
		let id = bind_sample(PROVIDER, ed_key(&ed));
		bind_sample(PROVIDER, sr_key(&sr));
		let c = claim(PROVIDER);
		for signature in [ed_sign(&ed, &c), sr_sign(&sr, &c)] {
			let work = <Attestation as WorkProofVerifier<_, _>>::verify_work_proof(&c, &signature)
				.unwrap();
			assert_eq!(work.measurement, id);
			assert_eq!(work.tcb_status, TcbStatus::ConfigurationAndSwHardeningNeeded);
		}
	});
}

#[test]
fn work_proof_errors() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let mine = ed_pair(1);
		let theirs = ed_pair(2);
		let verify = |c: &WorkClaim<AccountId>, p: &WorkProof| {
			<Attestation as WorkProofVerifier<_, _>>::verify_work_proof(c, p)
		};
		let c = claim(PROVIDER);
		assert_eq!(verify(&c, &ed_sign(&mine, &c)), Err(Error::<Test>::EnclaveUnknown.into()));

		let id = bind_sample(PROVIDER, ed_key(&mine));
		bind_sample(OTHER, ed_key(&theirs));
		// Signed by another provider's enclave, naming it.
		assert_eq!(
			verify(&c, &ed_sign(&theirs, &c)),
			Err(Error::<Test>::NotEnclaveProvider.into())
		);
		// Signed by another provider's enclave, naming mine.
		assert_eq!(
			verify(&c, &forge(&mine, &theirs, &c)),
			Err(Error::<Test>::WorkProofInvalid.into())
		);
		// Signed for another claim.
		let mut other_claim = c.clone();
		other_claim.units_used += 1;
		assert_eq!(
			verify(&c, &ed_sign(&mine, &other_claim)),
			Err(Error::<Test>::WorkProofInvalid.into())
		);
		// A claim naming another provider, signed by my enclave.
		let theirs_claim = claim(OTHER);
		assert_eq!(
			verify(&theirs_claim, &ed_sign(&mine, &theirs_claim)),
			Err(Error::<Test>::NotEnclaveProvider.into())
		);
		// Signature schemes enclaves do not use, or that differ from the named key's.
		let ecdsa = ecdsa::Pair::from_seed(&[1; 32]);
		let ecdsa_proof = WorkProof {
			enclave_key: ed_key(&mine),
			signature: MultiSignature::Ecdsa(ecdsa.sign(&c.signing_payload())),
		};
		assert_eq!(verify(&c, &ecdsa_proof), Err(Error::<Test>::WorkProofInvalid.into()));
		let sr = sr_pair(1);
		let mismatched =
			WorkProof { enclave_key: ed_key(&mine), signature: sr_sign(&sr, &c).signature };
		assert_eq!(verify(&c, &mismatched), Err(Error::<Test>::WorkProofInvalid.into()));
		// TCB status no longer accepted.
		assert_ok!(Attestation::set_accepted_tcb_statuses(
			RuntimeOrigin::root(),
			BoundedVec::try_from(vec![TcbStatus::UpToDate]).unwrap()
		));
		assert_eq!(verify(&c, &ed_sign(&mine, &c)), Err(Error::<Test>::TcbStatusRejected.into()));
		assert_ok!(Attestation::set_accepted_tcb_statuses(
			RuntimeOrigin::root(),
			BoundedVec::try_from(vec![TcbStatus::ConfigurationAndSwHardeningNeeded]).unwrap()
		));
		assert_ok!(verify(&c, &ed_sign(&mine, &c)));
		// Expired registration.
		run_to_block(1 + ReattestationPeriod::get() + 1);
		assert_eq!(verify(&c, &ed_sign(&mine, &c)), Err(Error::<Test>::EnclaveExpired.into()));
		// Revoked measurement (kill switch), even for a fresh registration.
		assert_ok!(bind(
			PROVIDER,
			ed_key(&mine),
			id,
			&Attestation::do_verify_quote(&sgx_quote()).unwrap(),
			System::block_number()
		));
		assert_ok!(verify(&c, &ed_sign(&mine, &c)));
		assert_ok!(Attestation::revoke_measurement(RuntimeOrigin::root(), id));
		assert_eq!(verify(&c, &ed_sign(&mine, &c)), Err(Error::<Test>::MeasurementRevoked.into()));
	});
}

#[test]
fn eligibility() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let eligible = |p: AccountId, r: Option<MeasurementId>| {
			<Attestation as ProviderEligibility<_, _>>::ensure_eligible(&p, r)
		};
		assert_eq!(eligible(PROVIDER, None), Err(Error::<Test>::NoEnclave.into()));
		let id = bind_sample(PROVIDER, ed_key(&ed_pair(1)));
		assert_ok!(eligible(PROVIDER, None));
		assert_ok!(eligible(PROVIDER, Some(id)));
		assert_eq!(eligible(OTHER, None), Err(Error::<Test>::NoEnclave.into()));

		// A required measurement the provider's enclaves do not have.
		let other_entry = MeasurementEntry::Sgx {
			mr_enclave: Some(H256::repeat_byte(8)),
			mr_signer: None,
			isv_prod_id: 0,
			min_isv_svn: 0,
		};
		let other = allow(&other_entry);
		assert_eq!(
			eligible(PROVIDER, Some(other)),
			Err(Error::<Test>::RequiredMeasurementMissing.into())
		);
		assert_eq!(
			eligible(PROVIDER, Some(H256::repeat_byte(7))),
			Err(Error::<Test>::MeasurementNotAllowed.into())
		);

		run_to_block(1 + ReattestationPeriod::get() + 1);
		assert_eq!(eligible(PROVIDER, None), Err(Error::<Test>::EnclaveExpired.into()));
		run_to_block(1);
		assert_ok!(Attestation::revoke_measurement(RuntimeOrigin::root(), id));
		assert_eq!(eligible(PROVIDER, None), Err(Error::<Test>::MeasurementRevoked.into()));
		assert_eq!(eligible(PROVIDER, Some(id)), Err(Error::<Test>::MeasurementRevoked.into()));
	});
}

#[test]
fn genesis_sets_root_policy_and_measurements() {
	let entry = MeasurementEntry::Tdx {
		mr_td: Digest384([3; 48]),
		rtmr: [RtmrPin::Any, RtmrPin::Exact(Digest384([4; 48])), RtmrPin::Any, RtmrPin::Any],
		mr_config_id: Some(Digest384([5; 48])),
		td_attributes: Some(MaskedBits { value: [0, 0, 0, 0x10, 0, 0, 0, 0], mask: [0xFF; 8] }),
		xfam: None,
	};
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> {
		root_ca: bounded(intel_root()),
		measurements: vec![entry.clone()],
		accepted_tcb_statuses: vec![TcbStatus::UpToDate, TcbStatus::UpToDate],
		rejected_advisories: BoundedVec::truncate_from(vec![bounded(b"INTEL-SA-00615".to_vec())]),
		_config: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(RootCa::<Test>::get().unwrap().to_vec(), intel_root());
		assert_eq!(
			Attestation::root_ca_hash(),
			Some(H256(sp_io::hashing::blake2_256(&intel_root())))
		);
		assert!(IntelRootOnly::<Test>::get());
		assert_eq!(Measurements::<Test>::get(entry.id()).unwrap().entry, entry);
		assert_eq!(AcceptedTcbStatuses::<Test>::get().to_vec(), vec![TcbStatus::UpToDate]);
		assert_eq!(RejectedAdvisories::<Test>::get().len(), 1);
	});
	// The genesis config round-trips through JSON, as chain specs carry it.
	let json = serde_json::to_string(&crate::GenesisConfig::<Test> {
		root_ca: bounded(vec![1, 2]),
		measurements: vec![entry.clone()],
		accepted_tcb_statuses: vec![TcbStatus::OutOfDate],
		rejected_advisories: Default::default(),
		_config: Default::default(),
	})
	.unwrap();
	let back: crate::GenesisConfig<Test> = serde_json::from_str(&json).unwrap();
	assert_eq!(back.measurements, vec![entry]);
	// Out-of-bound values are refused when the chain spec is read, not at genesis build.
	let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
	value["rootCa"] = serde_json::json!(vec![0u8; 2049]);
	assert!(serde_json::from_value::<crate::GenesisConfig<Test>>(value.clone()).is_err());
	value["rootCa"] = serde_json::json!([1, 2]);
	assert!(serde_json::from_value::<crate::GenesisConfig<Test>>(value.clone()).is_ok());
	value["rejectedAdvisories"] = serde_json::json!([vec![b'A'; 33]]);
	assert!(serde_json::from_value::<crate::GenesisConfig<Test>>(value).is_err());
}

/// A chain spec spells TCB statuses as the verifier names them (`"UpToDate"`), and one that
/// accepts revoked platforms does not build: the chain would trust keys Intel withdrew.
#[test]
#[should_panic(expected = "a chain spec cannot accept platforms whose keys are revoked")]
fn a_genesis_accepting_revoked_platforms_does_not_build() {
	let config: crate::GenesisConfig<Test> = serde_json::from_value(serde_json::json!({
		"rootCa": [],
		"measurements": [],
		"acceptedTcbStatuses": ["UpToDate", "Revoked"],
		"rejectedAdvisories": [],
	}))
	.expect("the statuses parse");
	assert_eq!(config.accepted_tcb_statuses, vec![TcbStatus::UpToDate, TcbStatus::Revoked]);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let _ = config.assimilate_storage(&mut storage);
}

#[test]
fn a_chain_that_started_with_intels_root_trusts_no_other() {
	// The mock's genesis trusts Intel's root.
	end(|| {
		assert!(IntelRootOnly::<Test>::get());
		let dev_root = azra_dev_pki::DevPki::new().unwrap().root_ca_der().unwrap();
		// The attack: governance (or whoever captured it) swaps in the dev root, whose
		// private keys are public, and mints for quotes anyone can make. Refused, as is
		// any root but Intel's.
		for root in [dev_root, other_root(), vec![0x30, 0x03, 1, 2, 3]] {
			assert_noop!(
				Attestation::set_root_ca(RuntimeOrigin::root(), bounded(root)),
				Error::<Test>::RootCaNotIntel
			);
		}
		// Setting Intel's root again is allowed (and changes nothing).
		assert_ok!(Attestation::set_root_ca(RuntimeOrigin::root(), bounded(intel_root())));
		assert_eq!(RootCa::<Test>::get().unwrap().to_vec(), INTEL_SGX_ROOT_CA.to_vec());
	});
	// A chain that started with another root (a dev chain) may change it.
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { root_ca: bounded(other_root()), ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert!(!IntelRootOnly::<Test>::get());
		assert_ok!(Attestation::set_root_ca(RuntimeOrigin::root(), bounded(vec![1, 2, 3])));
		assert_eq!(Attestation::root_ca_hash(), Some(H256(sp_io::hashing::blake2_256(&[1, 2, 3]))));
	});
}

#[test]
fn the_embedded_intel_root_is_intels() {
	// SHA-256 fingerprint Intel publishes for the SGX Root CA certificate.
	use sha2::Digest as _;
	let fingerprint = sha2::Sha256::digest(INTEL_SGX_ROOT_CA);
	assert_eq!(
		hex::encode_upper(fingerprint),
		"44A0196B2B99F889B8E149E95B807A350E7424964399E885A7CBB8CCFAB674D3"
	);
}
