//! Conformance: Intel's SGX v3 and TDX v4 samples through the pallet's own code path.

use super::*;

#[test]
fn sgx_sample_verifies_from_storage() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		assert_eq!(
			last_event(),
			Event::CollateralStored {
				tee_type: TeeType::Sgx,
				fmspc: SGX_FMSPC,
				tcb_eval_data_number: 17,
				next_update: Attestation::collateral_info(TeeType::Sgx, SGX_FMSPC)
					.unwrap()
					.next_update,
			}
		);
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		assert_eq!(verified.quote_version, 3);
		assert!(!verified.debug);
		assert_eq!(verified.tcb_status, TcbStatus::ConfigurationAndSwHardeningNeeded);
		assert_eq!(verified.collateral.fmspc, SGX_FMSPC);
		assert!(verified.collateral.next_update > SAMPLE_NOW);
		assert!(verified.collateral.next_update < AFTER_NEXT_UPDATE);
	});
}

#[test]
fn tdx_sample_verifies_from_storage() {
	require_samples!();
	end(|| {
		store_tdx_collateral();
		let verified = Attestation::do_verify_quote(&tdx_quote()).unwrap();
		assert_eq!(verified.quote_version, 4);
		assert!(matches!(verified.identity, EnclaveIdentity::Tdx(_)));
		assert_eq!(verified.collateral.tee_type, TeeType::Tdx);
		assert_eq!(verified.collateral.fmspc, TDX_FMSPC);
	});
}

#[test]
fn flipped_quote_signature_bytes_are_rejected() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		store_tdx_collateral();
		for (quote, report_len) in [(sgx_quote(), SGX_REPORT_LEN), (tdx_quote(), TDX_REPORT_LEN)] {
			let offset = signature_offset(report_len);
			for i in offset..offset + 64 {
				let mut flipped = quote.clone();
				flipped[i] ^= 0x80;
				assert_eq!(
					Attestation::do_verify_quote(&flipped),
					Err(Error::<Test>::QuoteSignatureInvalid.into()),
					"signature byte {i}"
				);
			}
		}
		// And through the call, with nothing changed.
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		let id = allow(&sgx_entry(&verified));
		let nonce = nonce_for(PROVIDER);
		let mut flipped = sgx_quote();
		flipped[signature_offset(SGX_REPORT_LEN) + 5] ^= 1;
		assert_noop!(
			register(PROVIDER, flipped, ed_key(&ed_pair(1)), nonce, id),
			Error::<Test>::QuoteSignatureInvalid
		);
	});
}

#[test]
fn a_different_root_is_untrusted() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		// As on a chain that did not start with Intel's root (one that did refuses others).
		IntelRootOnly::<Test>::put(false);
		assert_ok!(Attestation::set_root_ca(RuntimeOrigin::root(), bounded(other_root())));
		// Collateral submitted under another root does not verify under this one.
		assert_noop!(
			submit(SGX_FMSPC, sgx_collateral(), sgx_quote()),
			Error::<Test>::UntrustedRoot
		);
		assert_noop!(
			submit(TDX_FMSPC, tdx_collateral(), tdx_quote()),
			Error::<Test>::UntrustedRoot
		);
		// Collateral verified against the old root no longer counts.
		assert_eq!(Attestation::collateral_info(TeeType::Sgx, SGX_FMSPC), None);
		assert_eq!(
			Attestation::do_verify_quote(&sgx_quote()),
			Err(Error::<Test>::CollateralMissing.into())
		);
		// A root that is not a certificate at all.
		assert_ok!(Attestation::set_root_ca(
			RuntimeOrigin::root(),
			bounded(vec![0x30, 0x03, 1, 2, 3])
		));
		assert_noop!(
			submit(SGX_FMSPC, sgx_collateral(), sgx_quote()),
			Error::<Test>::RootCaMalformed
		);
	});
}

#[test]
fn collateral_after_next_update_is_expired() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		store_tdx_collateral();
		set_unix_time(AFTER_NEXT_UPDATE);
		for quote in [sgx_quote(), tdx_quote()] {
			assert_eq!(
				Attestation::do_verify_quote(&quote),
				Err(Error::<Test>::CollateralExpired.into())
			);
		}
		assert_noop!(
			submit(SGX_FMSPC, sgx_collateral(), sgx_quote()),
			Error::<Test>::CollateralExpired
		);
		// The stored window is checked before the host function; the host function agrees.
		let root = RootCa::<Test>::get().unwrap();
		assert_eq!(
			dcap_verifier::verify_quote(&sgx_quote(), &sgx_collateral(), &root, AFTER_NEXT_UPDATE),
			Err(DcapError::CollateralExpired)
		);
		// Before the collateral was issued.
		set_unix_time(1_600_000_000);
		assert_eq!(
			Attestation::do_verify_quote(&sgx_quote()),
			Err(Error::<Test>::CollateralNotYetValid.into())
		);
	});
}

#[test]
fn measurement_must_be_allow_listed_and_matched() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		store_tdx_collateral();
		let sgx = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		let tdx = Attestation::do_verify_quote(&tdx_quote()).unwrap();
		let key = ed_key(&ed_pair(1));

		// Not on the allow-list at all.
		let nonce = nonce_for(PROVIDER);
		assert_noop!(
			register(PROVIDER, sgx_quote(), key, nonce, sgx_entry(&sgx).id()),
			Error::<Test>::MeasurementNotAllowed
		);

		// Allow-listed, but the quote is another enclave (the TDX entry for the SGX quote,
		// another MRENCLAVE, a higher minimum SVN, another RTMR).
		let EnclaveIdentity::Sgx(sgx_id) = &sgx.identity else { unreachable!() };
		let mismatches = [
			tdx_entry(&tdx),
			MeasurementEntry::Sgx {
				mr_enclave: Some(H256::repeat_byte(9)),
				mr_signer: None,
				isv_prod_id: sgx_id.isv_prod_id,
				min_isv_svn: 0,
			},
			MeasurementEntry::Sgx {
				mr_enclave: None,
				mr_signer: Some(sgx_id.mr_signer),
				isv_prod_id: sgx_id.isv_prod_id,
				min_isv_svn: sgx_id.isv_svn + 1,
			},
		];
		for entry in mismatches {
			let id = allow(&entry);
			assert_noop!(
				register(PROVIDER, sgx_quote(), key, nonce, id),
				Error::<Test>::MeasurementMismatch
			);
		}
		let MeasurementEntry::Tdx { mr_td, mut rtmr, .. } = tdx_entry(&tdx) else { unreachable!() };
		rtmr[3] = RtmrPin::Exact(Digest384([7; 48]));
		let id = allow(&MeasurementEntry::Tdx {
			mr_td,
			rtmr,
			mr_config_id: None,
			td_attributes: None,
			xfam: None,
		});
		assert_noop!(
			register(PROVIDER, tdx_quote(), key, nonce, id),
			Error::<Test>::MeasurementMismatch
		);

		// Matched (by MRSIGNER, and the TDX one by MRTD only): the samples then fail only
		// because their report data does not commit to this registration.
		let by_signer = allow(&MeasurementEntry::Sgx {
			mr_enclave: None,
			mr_signer: Some(sgx_id.mr_signer),
			isv_prod_id: sgx_id.isv_prod_id,
			min_isv_svn: sgx_id.isv_svn,
		});
		assert_noop!(
			register(PROVIDER, sgx_quote(), key, nonce, by_signer),
			Error::<Test>::ReportDataMismatch
		);
		let MeasurementEntry::Tdx { mr_td, .. } = tdx_entry(&tdx) else { unreachable!() };
		let by_mrtd = allow(&MeasurementEntry::Tdx {
			mr_td,
			rtmr: [RtmrPin::Any; 4],
			mr_config_id: None,
			td_attributes: None,
			xfam: None,
		});
		assert_noop!(
			register(PROVIDER, tdx_quote(), key, nonce, by_mrtd),
			Error::<Test>::ReportDataMismatch
		);
	});
}

#[test]
fn collateral_older_than_stored_is_a_rollback() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		// The same collateral again is fine (nothing went down).
		store_sgx_collateral();
		let key = (TeeType::Sgx, SGX_FMSPC);
		let stored = CollateralRecords::<Test>::get(key).unwrap();
		// Pretend newer collateral is stored: each figure, raised alone, makes the sample
		// an older one.
		let raised: [fn(&mut CollateralFreshness); 8] = [
			|f| f.tcb_eval_data_number += 1,
			|f| f.tcb_info_issued_at += 1,
			|f| f.qe_eval_data_number += 1,
			|f| f.qe_identity_issued_at += 1,
			|f| f.pck_crl_number += 1,
			|f| f.pck_crl_issued_at += 1,
			|f| f.root_ca_crl_number += 1,
			|f| f.root_ca_crl_issued_at += 1,
		];
		for raise in raised {
			let mut newer = stored.clone();
			raise(&mut newer.freshness);
			CollateralRecords::<Test>::insert(key, newer);
			assert_noop!(
				submit(SGX_FMSPC, sgx_collateral(), sgx_quote()),
				Error::<Test>::CollateralRollback
			);
		}
	});
}

#[test]
fn report_data_must_commit_to_the_registration() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		let id = allow(&sgx_entry(&verified));
		let key = ed_key(&ed_pair(1));
		let nonce = nonce_for(PROVIDER);
		assert_ne!(
			verified.report_data[..32],
			Attestation::expected_report_data(&PROVIDER, &key, &nonce)[..]
		);
		assert_noop!(
			register(PROVIDER, sgx_quote(), key, nonce, id),
			Error::<Test>::ReportDataMismatch
		);
		// A failed registration does not consume the nonce.
		assert_eq!(Attestation::nonces_of(&PROVIDER).len(), 1);
	});
}

#[test]
fn expected_report_data_is_the_documented_hash() {
	end(|| {
		let key = ed_key(&ed_pair(1));
		let nonce = H256::repeat_byte(5);
		let genesis = Attestation::genesis_hash();
		let manual = sp_io::hashing::blake2_256(
			&(b"azra/enclave-registration/v1".as_slice(), genesis, PROVIDER, key, nonce).encode(),
		);
		assert_eq!(Attestation::expected_report_data(&PROVIDER, &key, &nonce), manual);
		assert_ne!(Attestation::expected_report_data(&OTHER, &key, &nonce), manual);
	});
}

#[test]
fn malformed_or_truncated_quotes_are_typed_errors() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		let id = allow(&sgx_entry(&verified));
		let nonce = nonce_for(PROVIDER);
		let key = ed_key(&ed_pair(1));
		let quote = sgx_quote();
		for len in [0, 1, 47, 48, 100, 432, 436, 1000, 4000, quote.len() - 1] {
			assert_noop!(
				register(PROVIDER, quote[..len].to_vec(), key, nonce, id),
				Error::<Test>::QuoteMalformed
			);
		}
		// An unsupported version (2) in an otherwise intact quote.
		let mut v2 = quote.clone();
		v2[0] = 2;
		assert_eq!(Attestation::do_verify_quote(&v2), Err(Error::<Test>::QuoteMalformed.into()));
	});
}

#[test]
fn policy_rejects_tcb_status_advisories_and_debug() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		let id = allow(&sgx_entry(&verified));
		let nonce = nonce_for(PROVIDER);
		let key = ed_key(&ed_pair(1));

		assert_ok!(Attestation::set_accepted_tcb_statuses(
			RuntimeOrigin::root(),
			BoundedVec::try_from(vec![TcbStatus::UpToDate]).unwrap()
		));
		assert_noop!(
			register(PROVIDER, sgx_quote(), key, nonce, id),
			Error::<Test>::TcbStatusRejected
		);
		assert_ok!(Attestation::set_accepted_tcb_statuses(
			RuntimeOrigin::root(),
			BoundedVec::try_from(vec![TcbStatus::ConfigurationAndSwHardeningNeeded]).unwrap()
		));

		assert!(verified.advisory_ids.iter().any(|a| &a[..] == b"INTEL-SA-00615"));
		let rejected: AdvisoryIds =
			BoundedVec::try_from(vec![BoundedVec::try_from(b"intel-sa-00615".to_vec()).unwrap()])
				.unwrap();
		assert_ok!(Attestation::set_rejected_advisories(RuntimeOrigin::root(), rejected));
		assert_noop!(
			register(PROVIDER, sgx_quote(), key, nonce, id),
			Error::<Test>::AdvisoryRejected
		);

		// Debug enclaves are rejected whatever else holds.
		let mut debug = verified.clone();
		debug.debug = true;
		assert_eq!(
			Attestation::check_policy(
				&VerifiedQuoteV2 { quote: debug, td: None },
				&sgx_entry(&verified)
			),
			Err(Error::<Test>::DebugEnclave.into())
		);
	});
}

#[test]
fn missing_root_or_collateral() {
	require_samples!();
	end(|| {
		assert_eq!(
			Attestation::do_verify_quote(&sgx_quote()),
			Err(Error::<Test>::CollateralMissing.into())
		);
		store_sgx_collateral();
		// SGX collateral does not serve the TDX platform.
		assert_eq!(
			Attestation::do_verify_quote(&tdx_quote()),
			Err(Error::<Test>::CollateralMissing.into())
		);
		RootCa::<Test>::kill();
		RootCaHash::<Test>::kill();
		assert_eq!(
			Attestation::do_verify_quote(&sgx_quote()),
			Err(Error::<Test>::RootCaMissing.into())
		);
		assert_noop!(
			submit(SGX_FMSPC, sgx_collateral(), sgx_quote()),
			Error::<Test>::RootCaMissing
		);
	});
}
