//! Specification of the attestation pallet, on the mock runtime, with Intel's real DCAP
//! samples verified through the pallet's own code path (root and collateral from storage,
//! time from the timestamp pallet).

use crate::{mock::*, test_fixtures::*, *};
use azra_primitives::{ProviderEligibility, TcbStatus, WorkClaim, WorkProofVerifier};
use frame_support::{assert_noop, assert_ok, traits::Hooks, BoundedVec};
use sp_core::{ecdsa, ed25519, sr25519, Pair, H256};
use sp_runtime::{BuildStorage, DispatchError, MultiSignature};

mod dev_pki;

const PROVIDER: AccountId = 1;
const OTHER: AccountId = 2;
/// The sealing key the tests' enclaves generated (any non-zero 32 bytes: the chain stores
/// what the quote carries and never uses it as a curve point).
const SEALING_KEY: SealingKey = [0x5e; 32];

fn bounded<S: Get<u32>>(bytes: Vec<u8>) -> BoundedVec<u8, S> {
	BoundedVec::try_from(bytes).expect("fits")
}

fn submit(fmspc: Fmspc, collateral: Vec<u8>, witness: Vec<u8>) -> DispatchResult {
	Attestation::submit_collateral(
		RuntimeOrigin::signed(OTHER),
		fmspc,
		bounded(collateral),
		bounded(witness),
	)
}

const SGX_FMSPC: Fmspc = [0x00, 0xA0, 0x67, 0x11, 0x00, 0x00];
const TDX_FMSPC: Fmspc = [0xB0, 0xC0, 0x6F, 0x00, 0x00, 0x00];

fn store_sgx_collateral() {
	assert_ok!(submit(SGX_FMSPC, sgx_collateral(), sgx_quote()));
}

fn store_tdx_collateral() {
	assert_ok!(submit(TDX_FMSPC, tdx_collateral(), tdx_quote()));
}

/// The measurement entry the SGX sample satisfies, pinned by MRENCLAVE.
fn sgx_entry(verified: &VerifiedQuote) -> MeasurementEntry {
	let EnclaveIdentity::Sgx(id) = &verified.identity else { panic!("an SGX quote") };
	MeasurementEntry::Sgx {
		mr_enclave: Some(id.mr_enclave),
		mr_signer: None,
		isv_prod_id: id.isv_prod_id,
		min_isv_svn: id.isv_svn,
	}
}

/// The measurement entry the TDX sample satisfies (MRTD and all four RTMRs).
fn tdx_entry(verified: &VerifiedQuote) -> MeasurementEntry {
	let EnclaveIdentity::Tdx(id) = &verified.identity else { panic!("a TDX quote") };
	MeasurementEntry::Tdx {
		mr_td: id.mr_td,
		rtmr: id.rtmr.map(RtmrPin::Exact),
		mr_config_id: None,
		td_attributes: None,
		xfam: None,
	}
}

fn allow(entry: &MeasurementEntry) -> MeasurementId {
	assert_ok!(Attestation::allow_measurement(RuntimeOrigin::root(), entry.clone()));
	entry.id()
}

fn nonce_for(provider: AccountId) -> H256 {
	Attestation::do_request_nonce(provider).expect("a nonce")
}

fn register(
	provider: AccountId,
	quote: Vec<u8>,
	key: EnclaveKey,
	nonce: H256,
	measurement: MeasurementId,
) -> DispatchResult {
	register_sealing(provider, quote, key, nonce, measurement, SEALING_KEY)
}

/// [`register`] submitting `sealing_key`.
fn register_sealing(
	provider: AccountId,
	quote: Vec<u8>,
	key: EnclaveKey,
	nonce: H256,
	measurement: MeasurementId,
	sealing_key: SealingKey,
) -> DispatchResult {
	Attestation::register_enclave(
		RuntimeOrigin::signed(provider),
		bounded(quote),
		key,
		nonce,
		measurement,
		sealing_key,
	)
}

fn ed_pair(seed: u8) -> ed25519::Pair {
	ed25519::Pair::from_seed(&[seed; 32])
}

fn sr_pair(seed: u8) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[seed; 32])
}

fn ed_key(pair: &ed25519::Pair) -> EnclaveKey {
	EnclaveKey::Ed25519(pair.public().0)
}

fn sr_key(pair: &sr25519::Pair) -> EnclaveKey {
	EnclaveKey::Sr25519(pair.public().0)
}

/// Bind `key` to `provider` as a registration at block `now` with `verified` would, under
/// the current root.
fn bind(
	provider: AccountId,
	key: EnclaveKey,
	id: MeasurementId,
	verified: &VerifiedQuote,
	now: u64,
) -> DispatchResult {
	let root_hash = Attestation::root_ca_hash().expect("a root is set");
	let tcb_eval = verified.collateral.tcb_eval_data_number;
	let record =
		Attestation::enclave_record(provider, id, verified.clone(), root_hash, tcb_eval, now);
	Attestation::bind_enclave(key, record, SEALING_KEY, now)
}

/// Bind `key` to `provider` as a successful registration of the (verified) SGX sample
/// would: the part of `register_enclave` after verification, policy and report data.
fn bind_sample(provider: AccountId, key: EnclaveKey) -> MeasurementId {
	let verified = Attestation::do_verify_quote(&sgx_quote()).expect("the sample verifies");
	let entry = sgx_entry(&verified);
	let id = entry.id();
	if Measurements::<Test>::get(id).is_none() {
		allow(&entry);
	}
	let now = System::block_number();
	assert_ok!(bind(provider, key, id, &verified, now));
	id
}

fn claim(provider: AccountId) -> WorkClaim<AccountId> {
	WorkClaim {
		genesis_hash: H256::repeat_byte(9),
		build_id: 7,
		spec_hash: H256::repeat_byte(1),
		input_hash: H256::repeat_byte(3),
		output_hash: H256::repeat_byte(2),
		units_used: 42,
		provider,
	}
}

/// `pair`'s work proof over `claim`, naming `pair`'s own key.
fn ed_sign(pair: &ed25519::Pair, claim: &WorkClaim<AccountId>) -> WorkProof {
	WorkProof {
		enclave_key: ed_key(pair),
		signature: MultiSignature::Ed25519(pair.sign(&claim.signing_payload())),
	}
}

/// `pair`'s work proof over `claim`, naming `pair`'s own key.
fn sr_sign(pair: &sr25519::Pair, claim: &WorkClaim<AccountId>) -> WorkProof {
	WorkProof {
		enclave_key: sr_key(pair),
		signature: MultiSignature::Sr25519(pair.sign(&claim.signing_payload())),
	}
}

/// `signer`'s signature over `claim`, presented as the work of `named`'s key.
fn forge(named: &ed25519::Pair, signer: &ed25519::Pair, claim: &WorkClaim<AccountId>) -> WorkProof {
	WorkProof { enclave_key: ed_key(named), signature: ed_sign(signer, claim).signature }
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Attestation(e) => Some(e),
			_ => None,
		})
		.expect("an attestation event")
}

fn end(ext: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		ext();
		Attestation::do_try_state().expect("invariants hold");
	});
}

// ---------------------------------------------------------------------------------------
// Conformance: Intel's SGX v3 and TDX v4 samples through the pallet's own code path.
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Calls.
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Bounded state: expired nonces leave state even if their provider never comes back.
// ---------------------------------------------------------------------------------------

/// `on_idle` at block `n` with all the weight it wants; the invariants hold after it.
/// `on_idle` at block `n` with all the weight it wants. With no enclave record in state,
/// returns the weight of the nonce sweep (what `on_idle` used, less the enclave pruning
/// walk's base); otherwise all it used.
fn idle(n: u64) -> Weight {
	run_to_block(n);
	let no_records = Enclaves::<Test>::iter().next().is_none();
	let used = <Attestation as Hooks<u64>>::on_idle(n, Weight::MAX);
	Attestation::do_try_state().expect("invariants hold");
	if no_records {
		used.saturating_sub(pruning_walk_within(Weight::MAX))
	} else {
		used
	}
}

/// What the enclave pruning walk charges, with no record to prune, when `on_idle` leaves
/// it `spare`: its base if it can afford to visit a record, else nothing.
fn pruning_walk_within(spare: Weight) -> Weight {
	let base = <() as crate::WeightInfo>::prune_enclaves(0);
	let one = <() as crate::WeightInfo>::prune_enclaves(1);
	if spare.all_gte(one) {
		base
	} else {
		Weight::zero()
	}
}

/// `on_idle` at the current block with `limit`.
fn idle_within(limit: Weight) -> Weight {
	<Attestation as Hooks<u64>>::on_idle(System::block_number(), limit)
}

/// The weight of a sweep visiting `n` queue entries.
fn sweep_weight(n: u32) -> Weight {
	<() as crate::WeightInfo>::sweep_nonces(n)
}

/// How many entries the nonce expiry queue holds.
fn queued() -> usize {
	NonceExpiries::<Test>::iter().count()
}

fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

#[test]
fn integrity_test_accepts_the_mock_constants() {
	end(|| {
		assert!(MaxNoncesSweptPerBlock::get() >= 1);
		<Attestation as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn nonces_of_a_provider_who_never_returns_leave_state() {
	end(|| {
		// Two nonces at block 1 (usable to block 11), one at block 5 (to block 15); then
		// the provider is never heard of again.
		nonce_for(PROVIDER);
		nonce_for(PROVIDER);
		run_to_block(5);
		nonce_for(PROVIDER);
		Attestation::do_try_state().expect("invariants hold");
		assert_eq!(queued(), 3);

		// After block 11 the first two leave, and their queue entries with them.
		idle(12);
		assert_eq!(Nonces::<Test>::get(PROVIDER).len(), 1);
		assert_eq!(queued(), 1);
		assert_eq!(NonceSweepCursor::<Test>::get(), 2);

		// After block 15 the last one leaves, and with it the provider's entry.
		idle(16);
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert_eq!(queued(), 0);
		assert_eq!(NonceSweepCursor::<Test>::get(), NonceCounter::<Test>::get());

		// An empty queue costs the sweep its reads only, and changes nothing.
		run_to_block(17);
		let root = storage_root();
		assert_eq!(idle(17), sweep_weight(0));
		assert_eq!(storage_root(), root);
	});
}

#[test]
fn a_nonce_is_kept_through_its_last_block() {
	end(|| {
		let nonce = nonce_for(PROVIDER);
		let expires_at = 1 + NonceLifetime::get();
		// At its last block it is still usable, so the sweep keeps it (and its entry).
		run_to_block(expires_at);
		let root = storage_root();
		assert_eq!(idle(expires_at), sweep_weight(0));
		assert_eq!(storage_root(), root);
		assert_eq!(Attestation::nonces_of(&PROVIDER).first().map(|n| n.nonce), Some(nonce));
		assert_eq!(NonceExpiries::<Test>::get(1), Some((expires_at, PROVIDER)));
		// The block after, it leaves.
		assert_eq!(idle(expires_at + 1), sweep_weight(1));
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert_eq!(queued(), 0);
	});
}

#[test]
fn a_live_nonce_stops_the_sweep_and_is_never_swept() {
	end(|| {
		// OTHER's nonce is issued after PROVIDER's, so it expires later and waits behind
		// it; nothing after a live entry is visited.
		nonce_for(PROVIDER);
		run_to_block(3);
		nonce_for(OTHER);
		for block in 3..=11 {
			assert_eq!(idle(block), sweep_weight(0));
			assert_eq!(NonceSweepCursor::<Test>::get(), 0);
		}
		// PROVIDER's expired, OTHER's has not (it is usable up to block 13).
		assert_eq!(idle(12), sweep_weight(1));
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert_eq!(Attestation::nonces_of(&OTHER).len(), 1);
		assert_eq!(idle(13), sweep_weight(0));
		assert_eq!(Attestation::nonces_of(&OTHER).len(), 1);
		assert_eq!(idle(14), sweep_weight(1));
		assert!(!Nonces::<Test>::contains_key(OTHER));
	});
}

#[test]
fn a_provider_who_requests_again_keeps_working() {
	end(|| {
		nonce_for(PROVIDER); // usable to block 11
		nonce_for(OTHER); // usable to block 11, never used
					// PROVIDER comes back after its nonce expired, before any sweep: its request drops
					// the expired one itself.
		run_to_block(12);
		let fresh = nonce_for(PROVIDER); // usable to block 22
		assert_eq!(Nonces::<Test>::get(PROVIDER).len(), 1);
		Attestation::do_try_state().expect("invariants hold");

		// The sweep finds nothing left under PROVIDER's first entry and only takes it off
		// the queue; OTHER's nonce leaves; the fresh nonce stays.
		assert_eq!(idle(12), sweep_weight(2));
		assert_eq!(Attestation::nonces_of(&PROVIDER).first().map(|n| n.nonce), Some(fresh));
		assert!(!Nonces::<Test>::contains_key(OTHER));
		assert_eq!(NonceExpiries::<Test>::iter().collect::<Vec<_>>(), vec![(3, (22, PROVIDER))]);

		// It goes on requesting, up to its bound, and each new nonce joins the queue.
		run_to_block(13);
		nonce_for(PROVIDER);
		nonce_for(PROVIDER);
		assert_noop!(
			Attestation::request_nonce(RuntimeOrigin::signed(PROVIDER)),
			Error::<Test>::TooManyNonces
		);
		assert_eq!(queued(), 3);
		assert_eq!(idle(22), sweep_weight(0));
		assert_eq!(Attestation::nonces_of(&PROVIDER).len(), 3);
		// After block 22 the fresh one leaves; the later two stay until after block 23.
		assert_eq!(idle(23), sweep_weight(1));
		assert_eq!(Attestation::nonces_of(&PROVIDER).len(), 2);
		idle(24);
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert_eq!(queued(), 0);
	});
}

#[test]
fn the_sweep_visits_at_most_max_nonces_swept_per_block() {
	end(|| {
		// Five providers who never come back: more than two blocks' sweeps.
		let providers: Vec<AccountId> = (10..15).collect();
		for &provider in &providers {
			nonce_for(provider);
		}
		let limit = MaxNoncesSweptPerBlock::get();
		assert_eq!(limit, 2);
		let left = || providers.iter().filter(|p| Nonces::<Test>::contains_key(*p)).count();
		assert_eq!(idle(12), sweep_weight(limit));
		assert_eq!((left(), queued(), NonceSweepCursor::<Test>::get()), (3, 3, 2));
		assert_eq!(idle(13), sweep_weight(limit));
		assert_eq!((left(), queued(), NonceSweepCursor::<Test>::get()), (1, 1, 4));
		assert_eq!(idle(14), sweep_weight(1));
		assert_eq!((left(), queued(), NonceSweepCursor::<Test>::get()), (0, 0, 5));
	});
}

#[test]
fn without_spare_weight_the_sweep_changes_nothing() {
	end(|| {
		nonce_for(PROVIDER);
		nonce_for(OTHER);
		run_to_block(12);
		let (base, one) = (sweep_weight(0), sweep_weight(1));
		let root = storage_root();
		// No room for the sweep's own reads.
		assert_eq!(idle_within(Weight::zero()), Weight::zero());
		assert_eq!(idle_within(base.saturating_sub(Weight::from_parts(1, 0))), Weight::zero());
		// Room for its reads but not for one entry, short in time or in proof size.
		assert_eq!(idle_within(base), base);
		assert_eq!(idle_within(one.saturating_sub(Weight::from_parts(1, 0))), base);
		assert_eq!(idle_within(one.saturating_sub(Weight::from_parts(0, 1))), base);
		assert_eq!(storage_root(), root);
		Attestation::do_try_state().expect("invariants hold");

		// Exactly one entry's worth takes one entry out.
		assert_eq!(idle_within(one), one);
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert!(Nonces::<Test>::contains_key(OTHER));
		assert_eq!(NonceSweepCursor::<Test>::get(), 1);
		Attestation::do_try_state().expect("invariants hold");
	});
}

#[test]
fn the_sweep_never_uses_more_weight_than_it_is_given() {
	let (base, one) = (sweep_weight(0), sweep_weight(1));
	let per_entry = one.saturating_sub(base);
	// Limits around each step's price, in time and in proof size.
	let mut limits = vec![Weight::zero(), Weight::MAX];
	for entries in 0..4u64 {
		let price = base.saturating_add(per_entry.saturating_mul(entries));
		limits.push(price);
		limits.push(price.saturating_sub(Weight::from_parts(1, 0)));
		limits.push(price.saturating_sub(Weight::from_parts(0, 1)));
		limits.push(price.saturating_add(Weight::from_parts(1, 1)));
		limits.push(Weight::from_parts(price.ref_time(), u64::MAX));
		limits.push(Weight::from_parts(u64::MAX, price.proof_size()));
	}
	for limit in limits {
		end(|| {
			for provider in 10..15 {
				nonce_for(provider);
			}
			run_to_block(12);
			let used = idle_within(limit);
			assert!(used.all_lte(limit), "{used:?} used within {limit:?}");
			let visited = NonceSweepCursor::<Test>::get();
			if visited > 0 {
				let swept = sweep_weight(visited as u32);
				let walk = pruning_walk_within(limit.saturating_sub(swept));
				assert_eq!(used, swept.saturating_add(walk), "charged for what it visited");
			}
		});
	}
}

#[test]
fn try_state_catches_a_nonce_the_sweep_would_not_reach() {
	end(|| {
		nonce_for(PROVIDER);
		Attestation::do_try_state().expect("invariants hold");
		// No queue entry for it.
		NonceExpiries::<Test>::remove(1);
		assert!(Attestation::do_try_state().is_err());
		// An entry of its provider, but one that expires before it.
		NonceExpiries::<Test>::insert(1, (5, PROVIDER));
		assert!(Attestation::do_try_state().is_err());
		// Its entry, but at the cursor (already passed).
		NonceExpiries::<Test>::insert(1, (11, PROVIDER));
		Attestation::do_try_state().expect("invariants hold");
		NonceSweepCursor::<Test>::put(1);
		assert!(Attestation::do_try_state().is_err());
		NonceSweepCursor::<Test>::put(0);
		// An entry under a number not issued yet.
		NonceExpiries::<Test>::insert(2, (11, OTHER));
		assert!(Attestation::do_try_state().is_err());
		NonceExpiries::<Test>::remove(2);
		Attestation::do_try_state().expect("invariants hold");
	});
}

#[test]
fn register_enclave_nonce_rules() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		let id = allow(&sgx_entry(&verified));
		let key = ed_key(&ed_pair(1));
		assert_noop!(
			Attestation::register_enclave(
				RuntimeOrigin::none(),
				bounded(sgx_quote()),
				key,
				H256::zero(),
				id,
				SEALING_KEY
			),
			DispatchError::BadOrigin
		);
		// Never issued.
		assert_noop!(
			register(PROVIDER, sgx_quote(), key, H256::repeat_byte(4), id),
			Error::<Test>::NonceUnknown
		);
		// Issued to someone else.
		let others = nonce_for(OTHER);
		assert_noop!(register(PROVIDER, sgx_quote(), key, others, id), Error::<Test>::NonceUnknown);
		// Expired.
		let nonce = nonce_for(PROVIDER);
		run_to_block(1 + NonceLifetime::get() + 1);
		assert_noop!(register(PROVIDER, sgx_quote(), key, nonce, id), Error::<Test>::NonceExpired);
	});
}

#[test]
fn register_enclave_key_taken_by_another_provider() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let pair = ed_pair(1);
		let id = bind_sample(OTHER, ed_key(&pair));
		let nonce = nonce_for(PROVIDER);
		assert_noop!(
			register(PROVIDER, sgx_quote(), ed_key(&pair), nonce, id),
			Error::<Test>::EnclaveKeyTaken
		);
	});
}

#[test]
fn register_enclave_revoked_measurement() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		let id = allow(&sgx_entry(&verified));
		assert_ok!(Attestation::revoke_measurement(RuntimeOrigin::root(), id));
		let nonce = nonce_for(PROVIDER);
		assert_noop!(
			register(PROVIDER, sgx_quote(), ed_key(&ed_pair(1)), nonce, id),
			Error::<Test>::MeasurementRevoked
		);
	});
}

#[test]
fn binding_records_expiry_and_makes_room_from_expired_enclaves() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let id = bind_sample(PROVIDER, ed_key(&ed_pair(1)));
		System::assert_last_event(
			Event::<Test>::EnclaveRegistered {
				provider: PROVIDER,
				enclave_key: ed_key(&ed_pair(1)),
				measurement: id,
				tcb_status: TcbStatus::ConfigurationAndSwHardeningNeeded,
				expires_at: 1 + ReattestationPeriod::get(),
				sealing_key: SEALING_KEY,
			}
			.into(),
		);
		let record = Enclaves::<Test>::get(ed_key(&ed_pair(1))).unwrap();
		assert_eq!(record.provider, PROVIDER);
		assert_eq!(record.fmspc, SGX_FMSPC);
		assert_eq!(record.expires_at, 101);
		bind_sample(PROVIDER, sr_key(&sr_pair(2)));
		// Full (2 per provider) with live enclaves.
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		assert_eq!(
			bind(PROVIDER, ed_key(&ed_pair(3)), id, &verified, 1),
			Err(Error::<Test>::TooManyEnclaves.into())
		);
		// Re-attesting a registered key refreshes its expiry without taking room.
		run_to_block(50);
		assert_ok!(bind(PROVIDER, ed_key(&ed_pair(1)), id, &verified, 50));
		assert_eq!(Enclaves::<Test>::get(ed_key(&ed_pair(1))).unwrap().expires_at, 150);
		// After the sr25519 one expired, a new key replaces it.
		run_to_block(102);
		assert_ok!(bind(PROVIDER, ed_key(&ed_pair(3)), id, &verified, 102));
		assert!(Enclaves::<Test>::get(sr_key(&sr_pair(2))).is_none());
		assert_eq!(Attestation::enclaves_of(&PROVIDER).len(), 2);
	});
}

#[test]
fn deregister_enclave_works() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let key = ed_key(&ed_pair(1));
		bind_sample(PROVIDER, key);
		assert_noop!(
			Attestation::deregister_enclave(RuntimeOrigin::signed(PROVIDER), ed_key(&ed_pair(9))),
			Error::<Test>::EnclaveUnknown
		);
		assert_noop!(
			Attestation::deregister_enclave(RuntimeOrigin::signed(OTHER), key),
			Error::<Test>::NotEnclaveProvider
		);
		assert_ok!(Attestation::deregister_enclave(RuntimeOrigin::signed(PROVIDER), key));
		System::assert_last_event(
			Event::<Test>::EnclaveDeregistered { provider: PROVIDER, enclave_key: key }.into(),
		);
		assert!(Attestation::enclaves_of(&PROVIDER).is_empty());
		assert!(Enclaves::<Test>::get(key).is_none());
		assert!(!ProviderEnclaves::<Test>::contains_key(PROVIDER), "no empty list is left");
	});
}

// ---------------------------------------------------------------------------------------
// Work proofs and eligibility.
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Properties: arbitrary bytes never panic the verifier and never verify.
// ---------------------------------------------------------------------------------------

mod properties {
	use super::*;
	use proptest::prelude::*;

	// Header, report, ISV signature, attestation key, QE report and its signature: every
	// byte is covered by a signature. (The PEM chain after them ends in a copy of the root
	// certificate, which is not trusted — the stored root is — so it is left out.)
	#[test]
	fn mutated_quotes_never_verify() {
		require_samples!();
		proptest!(ProptestConfig::with_cases(64), |(position in 0usize..(signature_offset(SGX_REPORT_LEN) + 64 + 64 + 384 + 64), bit in 0u8..8)| {
			new_test_ext().execute_with(|| {
				store_sgx_collateral();
				let mut quote = sgx_quote();
				quote[position] ^= 1 << bit;
				let result = Attestation::do_verify_quote(&quote);
				prop_assert!(result.is_err(), "byte {position} bit {bit}: {result:?}");
				Ok(())
			})?;
		});
	}

	#[test]
	fn random_bytes_are_typed_errors() {
		require_samples!();
		proptest!(ProptestConfig::with_cases(64), |(bytes in proptest::collection::vec(any::<u8>(), 0..2048))| {
			new_test_ext().execute_with(|| {
				store_sgx_collateral();
				prop_assert!(Attestation::do_verify_quote(&bytes).is_err());
				let root = RootCa::<Test>::get().unwrap();
				prop_assert!(dcap_verifier::verify_quote(&sgx_quote(), &bytes, &root, SAMPLE_NOW).is_err());
				Ok(())
			})?;
		});
	}
}

#[test]
fn rejected_advisories_are_stored_normalized_and_matched_ignoring_case() {
	end(|| {
		let ids = |list: &[&str]| -> AdvisoryIds {
			BoundedVec::truncate_from(
				list.iter().map(|id| BoundedVec::truncate_from(id.as_bytes().to_vec())).collect(),
			)
		};
		assert_ok!(Attestation::set_rejected_advisories(
			RuntimeOrigin::root(),
			ids(&["intel-sa-00900", "INTEL-SA-00100", "Intel-SA-00900"])
		));
		// Upper-case, sorted, each once: what the event and storage say.
		let stored = ids(&["INTEL-SA-00100", "INTEL-SA-00900"]);
		assert_eq!(RejectedAdvisories::<Test>::get(), stored);
		System::assert_last_event(
			Event::<Test>::RejectedAdvisoriesSet { advisory_ids: stored }.into(),
		);
		// A platform's advisories, in any case and order, are found by binary search.
		assert!(Attestation::any_rejected(&normalize_advisories(ids(&["x", "intel-SA-00900"]))));
		assert!(!Attestation::any_rejected(&normalize_advisories(ids(&["INTEL-SA-00500"]))));
		assert!(!Attestation::any_rejected(&AdvisoryIds::default()));
	});
}
