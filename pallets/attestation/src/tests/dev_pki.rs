//! Registration end to end with quotes from the dev PKI (`azra-dev-pki`): the same
//! verifier and code path as Intel's samples, but with report data that can commit to a
//! registration, so every rule after verification is exercised with a genuine quote.

use super::*;
use azra_dev_pki::{
	CollateralOptions, DevPki, Identity, Platform, SgxEnclave, TcbStatus as IntelStatus, TdxGuest,
	Tee, DEV_FMSPC,
};

/// Block time of these tests (2026-09-21), inside the dev certificates' validity.
const DEV_NOW: u64 = 1_790_000_000;

fn pki() -> DevPki {
	DevPki::new().expect("the dev PKI builds")
}

fn sgx() -> Identity {
	Identity::Sgx(SgxEnclave::azra_dev_runtime())
}

fn tdx() -> Identity {
	Identity::Tdx(TdxGuest::azra_dev_runtime())
}

fn options() -> CollateralOptions {
	CollateralOptions::issued_at(DEV_NOW - 3600)
}

/// A quote of `identity` whose report data commits to registering `key` for `provider`
/// with `nonce` on this chain, and carries [`SEALING_KEY`].
fn registration_quote(
	pki: &DevPki,
	identity: &Identity,
	provider: AccountId,
	key: &EnclaveKey,
	nonce: &H256,
) -> Vec<u8> {
	registration_quote_on(pki, Platform::First, identity, provider, key, nonce)
}

/// [`registration_quote`] from the dev platform `platform`.
fn registration_quote_on(
	pki: &DevPki,
	platform: Platform,
	identity: &Identity,
	provider: AccountId,
	key: &EnclaveKey,
	nonce: &H256,
) -> Vec<u8> {
	sealing_quote_on(pki, platform, identity, provider, key, nonce, SEALING_KEY)
}

/// [`registration_quote_on`] whose report data carries `sealing_key`.
fn sealing_quote_on(
	pki: &DevPki,
	platform: Platform,
	identity: &Identity,
	provider: AccountId,
	key: &EnclaveKey,
	nonce: &H256,
	sealing_key: SealingKey,
) -> Vec<u8> {
	let mut report_data = [0u8; 64];
	report_data[..32].copy_from_slice(&Attestation::expected_report_data(&provider, key, nonce));
	report_data[32..].copy_from_slice(&sealing_key);
	pki.quote_on(platform, identity, report_data).expect("a dev quote")
}

/// The measurement entry `identity` satisfies.
fn entry_of(identity: &Identity) -> MeasurementEntry {
	match identity {
		Identity::Sgx(enclave) => MeasurementEntry::Sgx {
			mr_enclave: Some(H256(enclave.mr_enclave)),
			mr_signer: Some(H256(enclave.mr_signer)),
			isv_prod_id: enclave.isv_prod_id,
			min_isv_svn: enclave.isv_svn,
		},
		Identity::Tdx(guest) => MeasurementEntry::Tdx {
			mr_td: Digest384(guest.mr_td),
			rtmr: guest.rtmr.map(|r| RtmrPin::Exact(Digest384(r))),
			mr_config_id: None,
			td_attributes: None,
			xfam: None,
		},
	}
}

fn tee_type(tee: Tee) -> TeeType {
	match tee {
		Tee::Sgx => TeeType::Sgx,
		Tee::Tdx => TeeType::Tdx,
	}
}

/// The mock switched to the dev root at [`DEV_NOW`], with dev collateral for both TEEs
/// stored (an SGX and a TDX quote as witnesses).
fn dev_chain(test: impl FnOnce(&DevPki)) {
	end(|| {
		let pki = pki();
		set_unix_time(DEV_NOW);
		// A dev chain: it did not start with Intel's root, so it may trust the dev one.
		IntelRootOnly::<Test>::put(false);
		assert_ok!(Attestation::set_root_ca(
			RuntimeOrigin::root(),
			bounded(pki.root_ca_der().expect("root"))
		));
		for identity in [sgx(), tdx()] {
			let collateral = pki.collateral_bytes(identity.tee(), &options()).expect("collateral");
			let witness = pki.quote(&identity, [0; 64]).expect("witness");
			assert_ok!(submit(DEV_FMSPC, collateral, witness));
			assert!(Attestation::collateral_info(tee_type(identity.tee()), DEV_FMSPC).is_some());
		}
		test(&pki);
	});
}

/// Register `key` for `provider` with a fresh nonce and a genuine quote of `identity`.
fn register_dev(
	pki: &DevPki,
	identity: &Identity,
	provider: AccountId,
	key: EnclaveKey,
) -> (MeasurementId, DispatchResult) {
	register_dev_on(pki, Platform::First, identity, provider, key)
}

/// [`register_dev`] with a quote from the dev platform `platform`.
fn register_dev_on(
	pki: &DevPki,
	platform: Platform,
	identity: &Identity,
	provider: AccountId,
	key: EnclaveKey,
) -> (MeasurementId, DispatchResult) {
	let entry = entry_of(identity);
	if Measurements::<Test>::get(entry.id()).is_none() {
		allow(&entry);
	}
	let nonce = nonce_for(provider);
	let quote = registration_quote_on(pki, platform, identity, provider, &key, &nonce);
	(entry.id(), register(provider, quote, key, nonce, entry.id()))
}

#[test]
fn a_dev_sgx_quote_registers_and_its_key_signs_work() {
	dev_chain(|pki| {
		let pair = ed_pair(1);
		let (id, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&pair));
		assert_ok!(result);
		assert_eq!(
			last_event(),
			Event::EnclaveRegistered {
				provider: PROVIDER,
				enclave_key: ed_key(&pair),
				measurement: id,
				tcb_status: TcbStatus::UpToDate,
				expires_at: 1 + ReattestationPeriod::get(),
				sealing_key: SEALING_KEY,
			}
		);
		assert_eq!(Attestation::sealing_key(&ed_key(&pair)), Some(SEALING_KEY));
		let record = Enclaves::<Test>::get(ed_key(&pair)).expect("registered");
		assert_eq!(record.fmspc, DEV_FMSPC);
		// Its only nonce was used up: the provider has no nonce entry left.
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert_eq!(Attestation::enclaves_of(&PROVIDER).len(), 1);

		let work = claim(PROVIDER);
		assert_eq!(
			Attestation::verify_work_proof(&work, &ed_sign(&pair, &work)),
			Ok(VerifiedWork {
				enclave_key: ed_key(&pair),
				measurement: id,
				tcb_status: TcbStatus::UpToDate
			})
		);
		assert_ok!(Attestation::ensure_eligible(&PROVIDER, Some(id)));
	});
}

#[test]
fn a_dev_tdx_quote_registers_with_an_sr25519_key() {
	dev_chain(|pki| {
		let pair = sr_pair(2);
		let (id, result) = register_dev(pki, &tdx(), PROVIDER, sr_key(&pair));
		assert_ok!(result);
		let work = claim(PROVIDER);
		assert_eq!(
			Attestation::verify_work_proof(&work, &sr_sign(&pair, &work)).map(|w| w.measurement),
			Ok(id)
		);
	});
}

#[test]
fn a_quote_must_carry_the_submitted_sealing_key() {
	// SGX (the dev enclave's default) and TDX (what a configfs-tsm guest quotes).
	for (seed, identity) in [(1, sgx()), (2, tdx())] {
		quote_must_carry_the_submitted_sealing_key(seed, identity);
	}
}

fn quote_must_carry_the_submitted_sealing_key(seed: u8, identity: Identity) {
	dev_chain(|pki| {
		let id = allow(&entry_of(&identity));
		let key = ed_key(&ed_pair(seed));
		let nonce = nonce_for(PROVIDER);
		// An enclave that committed to no sealing key (report data bytes 32..64 zero).
		let none =
			sealing_quote_on(pki, Platform::First, &identity, PROVIDER, &key, &nonce, [0; 32]);
		assert_noop!(
			register_sealing(PROVIDER, none.clone(), key, nonce, id, [0; 32]),
			Error::<Test>::SealingKeyMissing
		);
		assert_noop!(
			register_sealing(PROVIDER, none, key, nonce, id, SEALING_KEY),
			Error::<Test>::SealingKeyMissing
		);
		// A quote carrying one key, submitted with another: a host that swaps in a key it
		// holds the secret of, so that builders seal to it, is refused.
		let carried = registration_quote(pki, &identity, PROVIDER, &key, &nonce);
		assert_noop!(
			register_sealing(PROVIDER, carried.clone(), key, nonce, id, [0x77; 32]),
			Error::<Test>::SealingKeyMismatch
		);
		assert_eq!(Attestation::sealing_key(&key), None);
		assert_ok!(register_sealing(PROVIDER, carried, key, nonce, id, SEALING_KEY));
		assert_eq!(SealingKeys::<Test>::get(key), Some(SEALING_KEY));
		assert_ok!(Attestation::do_try_state());
	});
}

#[test]
fn re_attestation_keeps_the_sealing_key() {
	dev_chain(|pki| {
		let id = allow(&entry_of(&sgx()));
		let key = ed_key(&ed_pair(1));
		let first = nonce_for(PROVIDER);
		let quote = registration_quote(pki, &sgx(), PROVIDER, &key, &first);
		assert_ok!(register(PROVIDER, quote, key, first, id));

		// The same enclave re-attests with the same sealing key: fine.
		let second = nonce_for(PROVIDER);
		let quote = registration_quote(pki, &sgx(), PROVIDER, &key, &second);
		assert_ok!(register(PROVIDER, quote, key, second, id));
		assert_eq!(Attestation::sealing_key(&key), Some(SEALING_KEY));

		// A new sealing key under the same enclave key would strand the builds sealed to
		// the old one: refused, even with a quote that carries it.
		let third = nonce_for(PROVIDER);
		let rotated =
			sealing_quote_on(pki, Platform::First, &sgx(), PROVIDER, &key, &third, [0x66; 32]);
		assert_noop!(
			register_sealing(PROVIDER, rotated, key, third, id, [0x66; 32]),
			Error::<Test>::SealingKeyChanged
		);
		assert_eq!(Attestation::sealing_key(&key), Some(SEALING_KEY));

		// A new enclave key brings its own sealing key.
		let other = ed_key(&ed_pair(2));
		let rotated =
			sealing_quote_on(pki, Platform::First, &sgx(), PROVIDER, &other, &third, [0x66; 32]);
		assert_ok!(register_sealing(PROVIDER, rotated, other, third, id, [0x66; 32]));
		assert_eq!(Attestation::sealing_key(&other), Some([0x66; 32]));
	});
}

#[test]
fn a_sealing_key_leaves_with_its_enclave() {
	dev_chain(|pki| {
		let id = allow(&entry_of(&sgx()));
		let (a, b) = (ed_key(&ed_pair(1)), ed_key(&ed_pair(2)));
		for key in [a, b] {
			let nonce = nonce_for(PROVIDER);
			let quote = registration_quote(pki, &sgx(), PROVIDER, &key, &nonce);
			assert_ok!(register(PROVIDER, quote, key, nonce, id));
		}
		assert_ok!(Attestation::deregister_enclave(RuntimeOrigin::signed(PROVIDER), a));
		assert_eq!(Attestation::sealing_key(&a), None);
		assert_ok!(Attestation::force_deregister(RuntimeOrigin::root(), b));
		assert_eq!(Attestation::sealing_key(&b), None);
		assert_eq!(SealingKeys::<Test>::iter().count(), 0);
		assert_ok!(Attestation::do_try_state());
	});
}

#[test]
fn sealing_keys_lists_eligible_enclaves_only() {
	dev_chain(|pki| {
		let sgx_id = allow(&entry_of(&sgx()));
		let tdx_id = allow(&entry_of(&tdx()));
		let (a, b) = (ed_key(&ed_pair(1)), ed_key(&ed_pair(2)));
		let nonce = nonce_for(PROVIDER);
		let quote = sealing_quote_on(pki, Platform::First, &sgx(), PROVIDER, &a, &nonce, [1; 32]);
		assert_ok!(register_sealing(PROVIDER, quote, a, nonce, sgx_id, [1; 32]));
		let nonce = nonce_for(OTHER);
		let quote = sealing_quote_on(pki, Platform::First, &tdx(), OTHER, &b, &nonce, [2; 32]);
		assert_ok!(register_sealing(OTHER, quote, b, nonce, tdx_id, [2; 32]));

		let listed = |measurement| {
			let (found, complete) = Attestation::sealing_keys(measurement, 10, 10);
			assert!(complete);
			found.into_iter().map(|(key, _, sealing)| (key, sealing)).collect::<Vec<_>>()
		};
		let both = listed(None);
		assert_eq!(both.len(), 2);
		assert!(both.contains(&(a, [1; 32])) && both.contains(&(b, [2; 32])));
		assert_eq!(listed(Some(tdx_id)), vec![(b, [2; 32])]);
		// Bounded: one at most, and the answer says it stopped early.
		let (found, complete) = Attestation::sealing_keys(None, 1, 10);
		assert_eq!((found.len(), complete), (1, false));
		let (found, complete) = Attestation::sealing_keys(None, 10, 1);
		assert!(found.len() <= 1 && !complete);

		// A revoked measurement's enclaves are no longer offered to builders.
		assert_ok!(Attestation::revoke_measurement(RuntimeOrigin::root(), tdx_id));
		assert_eq!(listed(None), vec![(a, [1; 32])]);
	});
}

#[test]
fn report_data_must_commit_to_provider_key_and_nonce() {
	dev_chain(|pki| {
		let entry = entry_of(&sgx());
		let id = allow(&entry);
		let key = ed_key(&ed_pair(1));
		let nonce = nonce_for(PROVIDER);
		let wrong = [
			// Another provider's registration.
			registration_quote(pki, &sgx(), OTHER, &key, &nonce),
			// Another key.
			registration_quote(pki, &sgx(), PROVIDER, &ed_key(&ed_pair(9)), &nonce),
			// Another nonce.
			registration_quote(pki, &sgx(), PROVIDER, &key, &H256::repeat_byte(7)),
			// Nothing at all.
			pki.quote(&sgx(), [0; 64]).expect("quote"),
		];
		for quote in wrong {
			assert_noop!(
				register(PROVIDER, quote, key, nonce, id),
				Error::<Test>::ReportDataMismatch
			);
		}
	});
}

#[test]
fn a_nonce_is_used_once_and_expires() {
	dev_chain(|pki| {
		let id = allow(&entry_of(&sgx()));
		let key = ed_key(&ed_pair(1));
		let nonce = nonce_for(PROVIDER);
		let quote = registration_quote(pki, &sgx(), PROVIDER, &key, &nonce);
		assert_ok!(register(PROVIDER, quote.clone(), key, nonce, id));
		// Replaying the same registration: the nonce is gone.
		assert_noop!(register(PROVIDER, quote, key, nonce, id), Error::<Test>::NonceUnknown);

		let late = nonce_for(PROVIDER);
		let quote = registration_quote(pki, &sgx(), PROVIDER, &key, &late);
		run_to_block(1 + NonceLifetime::get() + 1);
		assert_noop!(register(PROVIDER, quote, key, late, id), Error::<Test>::NonceExpired);

		// Another provider cannot use this provider's nonce.
		let nonce = nonce_for(PROVIDER);
		let quote = registration_quote(pki, &sgx(), OTHER, &key, &nonce);
		assert_noop!(register(OTHER, quote, key, nonce, id), Error::<Test>::NonceUnknown);
	});
}

#[test]
fn a_provider_who_registers_keeps_working_through_the_nonce_sweep() {
	dev_chain(|pki| {
		let id = allow(&entry_of(&sgx()));
		let (first, second) = (ed_key(&ed_pair(1)), ed_key(&ed_pair(2)));
		let spare = nonce_for(PROVIDER);
		let nonce = nonce_for(PROVIDER);
		let quote = registration_quote(pki, &sgx(), PROVIDER, &first, &nonce);
		assert_ok!(register(PROVIDER, quote, first, nonce, id));
		assert_eq!(queued(), 2);

		// Up to the nonces' last block the sweep leaves the spare one alone, and it
		// registers a second key.
		let last = 1 + NonceLifetime::get();
		idle(last);
		let quote = registration_quote(pki, &sgx(), PROVIDER, &second, &spare);
		assert_ok!(register(PROVIDER, quote, second, spare, id));
		assert!(!Nonces::<Test>::contains_key(PROVIDER));

		// Both nonces were used: the sweep only takes their entries off the queue.
		idle(last + 1);
		assert_eq!(queued(), 0);
		assert_eq!(Attestation::enclaves_of(&PROVIDER).len(), 2);

		// The provider goes on: a new nonce re-attests its first key.
		let (_, result) = register_dev(pki, &sgx(), PROVIDER, first);
		assert_ok!(result);
		assert_ok!(Attestation::ensure_eligible(&PROVIDER, Some(id)));

		// A nonce that expired and was swept is unknown.
		let late = nonce_for(PROVIDER);
		let quote = registration_quote(pki, &sgx(), PROVIDER, &first, &late);
		idle(last + 1 + NonceLifetime::get() + 1);
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert_noop!(register(PROVIDER, quote, first, late, id), Error::<Test>::NonceUnknown);
	});
}

#[test]
fn debug_enclaves_are_always_rejected() {
	dev_chain(|pki| {
		let debug_sgx = Identity::Sgx(SgxEnclave { debug: true, ..SgxEnclave::azra_dev_runtime() });
		let debug_td = Identity::Tdx(TdxGuest { debug: true, ..TdxGuest::azra_dev_runtime() });
		for identity in [debug_sgx, debug_td] {
			let id = allow(&entry_of(&identity));
			let key = ed_key(&ed_pair(3));
			let nonce = nonce_for(PROVIDER);
			let quote = registration_quote(pki, &identity, PROVIDER, &key, &nonce);
			assert_noop!(register(PROVIDER, quote, key, nonce, id), Error::<Test>::DebugEnclave);
		}
	});
}

#[test]
fn the_quote_must_satisfy_the_named_measurement() {
	dev_chain(|pki| {
		let other = SgxEnclave { mr_enclave: [0xAB; 32], ..SgxEnclave::azra_dev_runtime() };
		let id = allow(&entry_of(&Identity::Sgx(other)));
		let key = ed_key(&ed_pair(1));
		let nonce = nonce_for(PROVIDER);
		let quote = registration_quote(pki, &sgx(), PROVIDER, &key, &nonce);
		assert_noop!(
			register(PROVIDER, quote.clone(), key, nonce, id),
			Error::<Test>::MeasurementMismatch
		);
		assert_noop!(
			register(PROVIDER, quote, key, nonce, H256::repeat_byte(5)),
			Error::<Test>::MeasurementNotAllowed
		);
	});
}

#[test]
fn revoking_a_measurement_disables_its_enclaves_at_once() {
	dev_chain(|pki| {
		let pair = ed_pair(1);
		let (id, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&pair));
		assert_ok!(result);
		let other_pair = ed_pair(2);
		assert_ok!(register_dev(pki, &sgx(), OTHER, ed_key(&other_pair)).1);

		assert_ok!(Attestation::revoke_measurement(RuntimeOrigin::root(), id));
		let work = claim(PROVIDER);
		assert_noop!(
			Attestation::verify_work_proof(&work, &ed_sign(&pair, &work)),
			Error::<Test>::MeasurementRevoked
		);
		let work = claim(OTHER);
		assert_noop!(
			Attestation::verify_work_proof(&work, &ed_sign(&other_pair, &work)),
			Error::<Test>::MeasurementRevoked
		);
		assert_noop!(
			Attestation::ensure_eligible(&PROVIDER, None),
			Error::<Test>::MeasurementRevoked
		);
		// Governance, not the provider, is why it cannot prove: a release returns its bond.
		assert!(Attestation::ineligible_by_governance(&PROVIDER, None, None, 0));
		assert!(Attestation::ineligible_by_governance(&PROVIDER, None, Some(&[ed_key(&pair)]), 0));
		// Unless the build was sealed to none of its enclaves, or it has none.
		assert!(!Attestation::ineligible_by_governance(
			&PROVIDER,
			None,
			Some(&[ed_key(&other_pair)]),
			0
		));
		assert!(!Attestation::ineligible_by_governance(&99, None, None, 0));
		// And nobody registers under it again.
		let nonce = nonce_for(PROVIDER);
		let key = ed_key(&ed_pair(3));
		let quote = registration_quote(pki, &sgx(), PROVIDER, &key, &nonce);
		assert_noop!(register(PROVIDER, quote, key, nonce, id), Error::<Test>::MeasurementRevoked);
	});
}

#[test]
fn an_expired_registration_earns_nothing_until_it_re_attests() {
	dev_chain(|pki| {
		let pair = ed_pair(1);
		let (id, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&pair));
		assert_ok!(result);
		run_to_block(1 + ReattestationPeriod::get() + 1);
		let work = claim(PROVIDER);
		assert_noop!(
			Attestation::verify_work_proof(&work, &ed_sign(&pair, &work)),
			Error::<Test>::EnclaveExpired
		);
		assert_noop!(
			Attestation::ensure_eligible(&PROVIDER, Some(id)),
			Error::<Test>::EnclaveExpired
		);
		// Renewing is the provider's job: governance is not why it cannot prove.
		assert!(!Attestation::ineligible_by_governance(&PROVIDER, None, None, 0));
		// Re-attesting the same key renews it.
		assert_ok!(register_dev(pki, &sgx(), PROVIDER, ed_key(&pair)).1);
		assert_ok!(Attestation::verify_work_proof(&work, &ed_sign(&pair, &work)));
	});
}

#[test]
fn a_work_proof_signed_by_another_providers_enclave_is_invalid() {
	dev_chain(|pki| {
		let mine = ed_pair(1);
		let theirs = ed_pair(2);
		assert_ok!(register_dev(pki, &sgx(), PROVIDER, ed_key(&mine)).1);
		assert_ok!(register_dev(pki, &sgx(), OTHER, ed_key(&theirs)).1);
		let work = claim(PROVIDER);
		assert_noop!(
			Attestation::verify_work_proof(&work, &ed_sign(&theirs, &work)),
			Error::<Test>::NotEnclaveProvider
		);
		assert_noop!(
			Attestation::verify_work_proof(&work, &forge(&mine, &theirs, &work)),
			Error::<Test>::WorkProofInvalid
		);
		// A proof for other work than signed.
		let mut other_work = claim(PROVIDER);
		other_work.output_hash = H256::repeat_byte(0xEE);
		assert_noop!(
			Attestation::verify_work_proof(&other_work, &ed_sign(&mine, &work)),
			Error::<Test>::WorkProofInvalid
		);
		// The other provider cannot register the key that is already mine.
		let (_, result) = register_dev(pki, &sgx(), OTHER, ed_key(&mine));
		assert_eq!(result, Err(Error::<Test>::EnclaveKeyTaken.into()));
	});
}

#[test]
fn truncated_and_corrupted_dev_quotes_are_typed_errors() {
	dev_chain(|pki| {
		let id = allow(&entry_of(&tdx()));
		let key = ed_key(&ed_pair(1));
		let nonce = nonce_for(PROVIDER);
		let quote = registration_quote(pki, &tdx(), PROVIDER, &key, &nonce);
		let lengths: Vec<usize> =
			(0..quote.len()).step_by(97).chain([quote.len() - 1, 48, 632, 1020]).collect();
		for len in lengths {
			let result = register(PROVIDER, quote[..len].to_vec(), key, nonce, id);
			let error = result.expect_err("a truncated quote never registers");
			assert!(
				[
					Error::<Test>::QuoteMalformed.into(),
					Error::<Test>::QuoteUnsupported.into(),
					Error::<Test>::CollateralMalformed.into(),
				]
				.contains(&error),
				"length {len}: {error:?}"
			);
		}
		// Every 13th byte flipped in turn: always an error, never a panic. The chain ends
		// with a copy of the root, which verification never reads (the root comes from
		// storage), so bytes from there on are left alone.
		let marker = b"-----BEGIN CERTIFICATE-----";
		let root_copy = quote
			.windows(marker.len())
			.rposition(|w| w == marker)
			.expect("the quote carries its PCK chain");
		for i in (0..root_copy).step_by(13) {
			let mut corrupted = quote.clone();
			corrupted[i] ^= 0x5A;
			assert!(register(PROVIDER, corrupted, key, nonce, id).is_err(), "byte {i}");
		}
		// The untouched quote still registers: none of the failures used the nonce up.
		assert_ok!(register(PROVIDER, quote, key, nonce, id));
	});
}

#[test]
fn dev_collateral_policy_revocation_and_rollback() {
	dev_chain(|pki| {
		let witness = pki.quote(&sgx(), [0; 64]).expect("witness");
		let submit_with = |options: CollateralOptions| {
			submit(DEV_FMSPC, pki.collateral_bytes(Tee::Sgx, &options).expect("c"), witness.clone())
		};
		// A PCK CRL that revokes the platform's PCK certificate.
		let revoked = CollateralOptions { revoke_pck: true, crl_number: 2, ..options() };
		assert_noop!(submit_with(revoked), Error::<Test>::CertificateRevoked);
		// Newer collateral replaces older; going back is a rollback.
		let newer = CollateralOptions {
			tcb_evaluation_data_number: 2,
			crl_number: 2,
			issued_at: DEV_NOW - 60,
			tcb_status: IntelStatus::OutOfDate,
			advisory_ids: vec!["INTEL-SA-00999".into()],
			..options()
		};
		assert_ok!(submit_with(newer));
		assert_noop!(submit_with(options()), Error::<Test>::CollateralRollback);

		// The platform is now out of date with an advisory: policy decides.
		assert_ok!(Attestation::set_accepted_tcb_statuses(
			RuntimeOrigin::root(),
			BoundedVec::try_from(vec![TcbStatus::UpToDate]).expect("fits")
		));
		let (_, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&ed_pair(1)));
		assert_eq!(result, Err(Error::<Test>::TcbStatusRejected.into()));
		assert_ok!(Attestation::set_accepted_tcb_statuses(
			RuntimeOrigin::root(),
			BoundedVec::try_from(vec![TcbStatus::UpToDate, TcbStatus::OutOfDate]).expect("fits")
		));
		assert_ok!(Attestation::set_rejected_advisories(
			RuntimeOrigin::root(),
			BoundedVec::try_from(vec![
				BoundedVec::try_from(b"INTEL-SA-00999".to_vec()).expect("id")
			])
			.expect("fits")
		));
		let (_, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&ed_pair(1)));
		assert_eq!(result, Err(Error::<Test>::AdvisoryRejected.into()));
		assert_ok!(Attestation::set_rejected_advisories(RuntimeOrigin::root(), Default::default()));
		let (_, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&ed_pair(1)));
		assert_ok!(result);
		assert_eq!(
			Enclaves::<Test>::get(ed_key(&ed_pair(1))).map(|r| r.tcb_status),
			Some(TcbStatus::OutOfDate)
		);

		// Past the collateral's nextUpdate, nothing registers.
		set_unix_time(DEV_NOW - 60 + azra_dev_pki::DEFAULT_COLLATERAL_VALIDITY + 1);
		let (_, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&ed_pair(2)));
		assert_eq!(result, Err(Error::<Test>::CollateralExpired.into()));
	});
}

#[test]
fn collateral_carrying_a_pck_chain_is_refused() {
	dev_chain(|pki| {
		for identity in [sgx(), tdx()] {
			let tee = identity.tee();
			// Newer than the stored collateral, so only the attached chain stands in the way.
			let newer = CollateralOptions {
				tcb_evaluation_data_number: 2,
				crl_number: 2,
				issued_at: DEV_NOW - 60,
				..options()
			};
			// Either machine's chain, with either machine's quote as witness (the first's
			// would verify: the chain is its own).
			for chain in [Platform::First, Platform::Second] {
				let attached = CollateralOptions { pck_chain_of: Some(chain), ..newer.clone() };
				let collateral = pki.collateral_bytes(tee, &attached).expect("collateral");
				for witness in [Platform::First, Platform::Second] {
					let witness = pki.quote_on(witness, &identity, [0; 64]).expect("witness");
					assert_noop!(
						submit(DEV_FMSPC, collateral.clone(), witness),
						Error::<Test>::CollateralCarriesPckChain
					);
				}
			}
			// The same collateral with Intel's items only is stored.
			let collateral = pki.collateral_bytes(tee, &newer).expect("collateral");
			let witness = pki.quote_on(Platform::Second, &identity, [0; 64]).expect("witness");
			assert_ok!(submit(DEV_FMSPC, collateral, witness));
		}
	});
}

#[test]
fn two_platforms_of_one_fmspc_register_under_one_collateral() {
	dev_chain(|pki| {
		for (identity, seed) in [(sgx(), 1), (tdx(), 3)] {
			let tee = tee_type(identity.tee());
			// The first machine's chain attached to collateral is refused ...
			let attached = CollateralOptions { pck_chain_of: Some(Platform::First), ..options() };
			let collateral = pki.collateral_bytes(identity.tee(), &attached).expect("collateral");
			let witness = pki.quote(&identity, [0; 64]).expect("witness");
			assert_noop!(
				submit(DEV_FMSPC, collateral.clone(), witness),
				Error::<Test>::CollateralCarriesPckChain
			);
			// ... so the second machine registers under the stored collateral, and the first
			// one too.
			let (_, result) =
				register_dev_on(pki, Platform::Second, &identity, PROVIDER, ed_key(&ed_pair(seed)));
			assert_ok!(result);
			let (_, result) =
				register_dev_on(pki, Platform::First, &identity, OTHER, ed_key(&ed_pair(seed + 1)));
			assert_ok!(result);
			for key in [ed_key(&ed_pair(seed)), ed_key(&ed_pair(seed + 1))] {
				assert_eq!(Enclaves::<Test>::get(key).map(|r| r.fmspc), Some(DEV_FMSPC));
			}

			// What the refusal prevents: had the chain been stored (written here directly,
			// as a chain could hold it from before this rule), the second machine would be
			// locked out; registration itself is unchanged.
			let key = (tee, DEV_FMSPC);
			let honest = CollateralBytes::<Test>::get(key).expect("stored");
			CollateralBytes::<Test>::insert(
				key,
				bounded::<<Test as Config>::MaxCollateralLen>(collateral),
			);
			let (_, result) =
				register_dev_on(pki, Platform::Second, &identity, PROVIDER, ed_key(&ed_pair(seed)));
			assert_eq!(result, Err(Error::<Test>::QuoteSignatureInvalid.into()));
			// Anyone repairs it with the same collateral, Intel's items only (equal is no
			// rollback).
			let witness = pki.quote_on(Platform::Second, &identity, [0; 64]).expect("witness");
			assert_ok!(submit(DEV_FMSPC, honest.to_vec(), witness));
			let (_, result) =
				register_dev_on(pki, Platform::Second, &identity, PROVIDER, ed_key(&ed_pair(seed)));
			assert_ok!(result);
		}
	});
}

#[test]
fn dev_quotes_do_not_verify_under_intels_root() {
	dev_chain(|pki| {
		assert_ok!(Attestation::set_root_ca(RuntimeOrigin::root(), bounded(intel_root())));
		let collateral = pki.collateral_bytes(Tee::Tdx, &options()).expect("collateral");
		let witness = pki.quote(&tdx(), [0; 64]).expect("witness");
		assert_noop!(submit(DEV_FMSPC, collateral, witness), Error::<Test>::UntrustedRoot);
		// Collateral stored under the dev root no longer counts.
		let (_, result) = register_dev(pki, &tdx(), PROVIDER, ed_key(&ed_pair(1)));
		assert_eq!(result, Err(Error::<Test>::CollateralMissing.into()));
	});
}

#[test]
fn the_dev_tdx_quote_is_v4_and_within_bounds() {
	let pki = pki();
	let quote = pki.quote(&tdx(), [0; 64]).expect("quote");
	assert_eq!(u16::from_le_bytes([quote[0], quote[1]]), 4);
	assert!(quote.len() <= <<Test as Config>::MaxQuoteLen as Get<u32>>::get() as usize);
	let collateral = pki.collateral_bytes(Tee::Tdx, &options()).expect("collateral");
	assert!(collateral.len() <= <<Test as Config>::MaxCollateralLen as Get<u32>>::get() as usize);
}

// ---------------------------------------------------------------------------------------
// Revocation that is immediate for every reason, and collateral rules that no witness or
// old collateral can bend.
// ---------------------------------------------------------------------------------------

/// Whether `provider`'s enclave `pair` can still earn: its work proof over a claim of
/// `provider` verifies (the check the mint runs before paying).
fn earns(provider: AccountId, pair: &ed25519::Pair) -> Result<(), DispatchError> {
	let work = claim(provider);
	Attestation::verify_work_proof(&work, &ed_sign(pair, &work)).map(|_| ())
}

fn advisory_ids(ids: &[&str]) -> AdvisoryIds {
	BoundedVec::try_from(
		ids.iter()
			.map(|id| BoundedVec::try_from(id.as_bytes().to_vec()).expect("short id"))
			.collect::<Vec<_>>(),
	)
	.expect("few ids")
}

#[test]
fn setting_another_root_disables_registered_enclaves_at_once() {
	dev_chain(|pki| {
		let pair = ed_pair(1);
		let (id, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&pair));
		assert_ok!(result);
		assert_ok!(earns(PROVIDER, &pair));

		// The attacker's hope: an enclave verified under a root governance has since
		// dropped keeps earning until its registration expires. It stops at once.
		assert_ok!(Attestation::set_root_ca(RuntimeOrigin::root(), bounded(other_root())));
		assert_eq!(earns(PROVIDER, &pair), Err(Error::<Test>::EnclaveRootChanged.into()));
		assert_eq!(
			Attestation::ensure_eligible(&PROVIDER, Some(id)),
			Err(Error::<Test>::EnclaveRootChanged.into())
		);

		// Back under the root it was verified against, it counts again.
		assert_ok!(Attestation::set_root_ca(
			RuntimeOrigin::root(),
			bounded(pki.root_ca_der().expect("root"))
		));
		assert_ok!(earns(PROVIDER, &pair));
	});
}

#[test]
fn rejecting_an_advisory_disables_registered_enclaves_at_once() {
	dev_chain(|pki| {
		// Intel lists an advisory against the platform; the policy accepts it for now.
		let witness = pki.quote(&sgx(), [0; 64]).expect("witness");
		let flagged = CollateralOptions {
			tcb_evaluation_data_number: 2,
			crl_number: 2,
			issued_at: DEV_NOW - 60,
			advisory_ids: vec!["INTEL-SA-00999".into()],
			..options()
		};
		let collateral = pki.collateral_bytes(Tee::Sgx, &flagged).expect("collateral");
		assert_ok!(submit(DEV_FMSPC, collateral, witness));
		let pair = ed_pair(1);
		let (_, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&pair));
		assert_ok!(result);
		let record = Enclaves::<Test>::get(ed_key(&pair)).expect("registered");
		assert_eq!(record.advisory_ids, advisory_ids(&["INTEL-SA-00999"]));
		// A TDX enclave of the same FMSPC, whose TCB info lists no advisory.
		let tdx_pair = ed_pair(2);
		let (_, result) = register_dev(pki, &tdx(), OTHER, ed_key(&tdx_pair));
		assert_ok!(result);

		// Rejecting an unrelated advisory changes nothing.
		assert_ok!(Attestation::set_rejected_advisories(
			RuntimeOrigin::root(),
			advisory_ids(&["INTEL-SA-00001"])
		));
		assert_ok!(earns(PROVIDER, &pair));
		// Rejecting its advisory (in any case) stops it at once; the other enclave earns on.
		assert_ok!(Attestation::set_rejected_advisories(
			RuntimeOrigin::root(),
			advisory_ids(&["INTEL-SA-00001", "intel-sa-00999"])
		));
		assert_eq!(earns(PROVIDER, &pair), Err(Error::<Test>::AdvisoryRejected.into()));
		assert_eq!(
			Attestation::ensure_eligible(&PROVIDER, None),
			Err(Error::<Test>::AdvisoryRejected.into())
		);
		assert_ok!(earns(OTHER, &tdx_pair));
		// Lifting the rejection restores it.
		assert_ok!(Attestation::set_rejected_advisories(RuntimeOrigin::root(), Default::default()));
		assert_ok!(earns(PROVIDER, &pair));
	});
}

#[test]
fn revoking_a_platform_disables_its_enclaves_at_once() {
	dev_chain(|pki| {
		let (sgx_pair, tdx_pair) = (ed_pair(1), ed_pair(2));
		assert_ok!(register_dev(pki, &sgx(), PROVIDER, ed_key(&sgx_pair)).1);
		assert_ok!(register_dev(pki, &tdx(), OTHER, ed_key(&tdx_pair)).1);

		assert_noop!(
			Attestation::revoke_platform(RuntimeOrigin::signed(PROVIDER), TeeType::Sgx, DEV_FMSPC),
			DispatchError::BadOrigin
		);
		assert_ok!(Attestation::revoke_platform(RuntimeOrigin::root(), TeeType::Sgx, DEV_FMSPC));
		System::assert_last_event(
			Event::<Test>::PlatformRevoked { tee_type: TeeType::Sgx, fmspc: DEV_FMSPC }.into(),
		);
		assert_noop!(
			Attestation::revoke_platform(RuntimeOrigin::root(), TeeType::Sgx, DEV_FMSPC),
			Error::<Test>::PlatformAlreadyRevoked
		);
		// The SGX enclave of that FMSPC stops at once; the TDX one (another TEE) does not.
		assert_eq!(earns(PROVIDER, &sgx_pair), Err(Error::<Test>::PlatformRevoked.into()));
		assert_eq!(
			Attestation::ensure_eligible(&PROVIDER, None),
			Err(Error::<Test>::PlatformRevoked.into())
		);
		assert_ok!(earns(OTHER, &tdx_pair));
		// Re-attesting does not get around it: no quote of the platform registers.
		let (_, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&ed_pair(3)));
		assert_eq!(result, Err(Error::<Test>::PlatformRevoked.into()));

		assert_noop!(
			Attestation::restore_platform(RuntimeOrigin::signed(PROVIDER), TeeType::Sgx, DEV_FMSPC),
			DispatchError::BadOrigin
		);
		assert_ok!(Attestation::restore_platform(RuntimeOrigin::root(), TeeType::Sgx, DEV_FMSPC));
		System::assert_last_event(
			Event::<Test>::PlatformRestored { tee_type: TeeType::Sgx, fmspc: DEV_FMSPC }.into(),
		);
		assert_noop!(
			Attestation::restore_platform(RuntimeOrigin::root(), TeeType::Sgx, DEV_FMSPC),
			Error::<Test>::PlatformNotRevoked
		);
		assert_ok!(earns(PROVIDER, &sgx_pair));
	});
}

#[test]
fn force_deregister_retires_one_key_and_nothing_else() {
	dev_chain(|pki| {
		let (leaked, honest) = (ed_pair(1), ed_pair(2));
		let (id, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&leaked));
		assert_ok!(result);
		assert_ok!(register_dev(pki, &sgx(), OTHER, ed_key(&honest)).1);

		assert_noop!(
			Attestation::force_deregister(RuntimeOrigin::signed(OTHER), ed_key(&leaked)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Attestation::force_deregister(RuntimeOrigin::root(), ed_key(&ed_pair(9))),
			Error::<Test>::EnclaveUnknown
		);
		assert_ok!(Attestation::force_deregister(RuntimeOrigin::root(), ed_key(&leaked)));
		System::assert_last_event(
			Event::<Test>::EnclaveForceDeregistered {
				provider: PROVIDER,
				enclave_key: ed_key(&leaked),
			}
			.into(),
		);
		// Whoever holds the leaked key can no longer earn with it ...
		assert_eq!(earns(PROVIDER, &leaked), Err(Error::<Test>::EnclaveUnknown.into()));
		assert!(Attestation::enclaves_of(&PROVIDER).is_empty());
		assert!(!ProviderEnclaves::<Test>::contains_key(PROVIDER), "no empty list is left");
		// ... while the measurement and every other enclave under it are untouched.
		assert!(!Measurements::<Test>::get(id).expect("allowed").revoked);
		assert_ok!(earns(OTHER, &honest));
		// The provider may register a fresh key with a fresh quote.
		assert_ok!(register_dev(pki, &sgx(), PROVIDER, ed_key(&ed_pair(3))).1);
		// The retired key stays retired, with a genuine quote, for its provider or anyone.
		assert!(RetiredEnclaveKeys::<Test>::contains_key(ed_key(&leaked)));
		for provider in [PROVIDER, OTHER] {
			assert_eq!(
				register_dev(pki, &sgx(), provider, ed_key(&leaked)).1,
				Err(Error::<Test>::EnclaveKeyRetired.into())
			);
		}
		assert_ok!(Attestation::do_try_state());
	});
}

#[test]
fn a_minimum_tcb_evaluation_refuses_pre_recovery_collateral_and_its_enclaves() {
	dev_chain(|pki| {
		// Both TEEs' collateral is at evaluation 1; an enclave of each registers.
		let (sgx_pair, tdx_pair) = (ed_pair(1), ed_pair(2));
		assert_ok!(register_dev(pki, &sgx(), PROVIDER, ed_key(&sgx_pair)).1);
		assert_ok!(register_dev(pki, &tdx(), OTHER, ed_key(&tdx_pair)).1);
		assert_eq!(Enclaves::<Test>::get(ed_key(&sgx_pair)).unwrap().tcb_eval_data_number, 1);

		// Intel's TCB recovery: evaluation 2. Governance raises SGX's minimum.
		assert_noop!(
			Attestation::set_min_tcb_eval_data_number(
				RuntimeOrigin::signed(PROVIDER),
				TeeType::Sgx,
				2
			),
			DispatchError::BadOrigin
		);
		assert_ok!(Attestation::set_min_tcb_eval_data_number(
			RuntimeOrigin::root(),
			TeeType::Sgx,
			2
		));
		System::assert_last_event(
			Event::<Test>::MinTcbEvalDataNumberSet { tee_type: TeeType::Sgx, number: 2 }.into(),
		);
		// The SGX enclave verified with pre-recovery collateral stops at once; TDX does not.
		assert_eq!(earns(PROVIDER, &sgx_pair), Err(Error::<Test>::TcbEvaluationTooOld.into()));
		assert_ok!(earns(OTHER, &tdx_pair));
		// Pre-recovery collateral neither registers nor can be stored, however fresh its
		// dates are.
		let (_, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&ed_pair(3)));
		assert_eq!(result, Err(Error::<Test>::TcbEvaluationTooOld.into()));
		let witness = pki.quote(&sgx(), [0; 64]).expect("witness");
		let pre_recovery =
			CollateralOptions { crl_number: 2, issued_at: DEV_NOW - 60, ..options() };
		assert_noop!(
			submit(
				DEV_FMSPC,
				pki.collateral_bytes(Tee::Sgx, &pre_recovery).expect("c"),
				witness.clone()
			),
			Error::<Test>::TcbEvaluationTooOld
		);
		// Post-recovery collateral is stored, and the enclave re-attests with it.
		let recovered = CollateralOptions { tcb_evaluation_data_number: 2, ..pre_recovery };
		assert_ok!(submit(
			DEV_FMSPC,
			pki.collateral_bytes(Tee::Sgx, &recovered).expect("c"),
			witness
		));
		assert_ok!(register_dev(pki, &sgx(), PROVIDER, ed_key(&sgx_pair)).1);
		assert_ok!(earns(PROVIDER, &sgx_pair));
	});
}

#[test]
fn the_rollback_rule_reads_the_items_not_the_witness() {
	dev_chain(|pki| {
		// The attacker stores the current collateral again, witnessed by the machine with
		// a young PCK certificate (issued after every item of that collateral).
		let young_witness = pki.quote_on(Platform::Second, &sgx(), [0; 64]).expect("witness");
		let current = pki.collateral_bytes(Tee::Sgx, &options()).expect("c");
		assert_ok!(submit(DEV_FMSPC, current, young_witness.clone()));
		let stored = Attestation::collateral_info(TeeType::Sgx, DEV_FMSPC).expect("stored");
		// Nothing stored comes from the witness: dates are the items', and the
		// collateral's life is the items' (not shortened or lengthened by the witness).
		assert_eq!(stored.tcb_info_issued_at, DEV_NOW - 3600);
		assert!(stored.tcb_info_issued_at < azra_dev_pki::SECOND_PCK_NOT_BEFORE);
		assert_eq!(stored.next_update, options().next_update());

		// Honest collateral whose items are newer (but older than that PCK certificate)
		// replaces it, witnessed by any machine.
		let newer = CollateralOptions { issued_at: DEV_NOW - 1800, ..options() };
		let witness = pki.quote(&sgx(), [0; 64]).expect("witness");
		assert_ok!(submit(
			DEV_FMSPC,
			pki.collateral_bytes(Tee::Sgx, &newer).expect("c"),
			witness.clone()
		));
		assert_eq!(
			Attestation::collateral_info(TeeType::Sgx, DEV_FMSPC).map(|f| f.tcb_info_issued_at),
			Some(DEV_NOW - 1800)
		);
		// And the young witness cannot carry older items back in.
		assert_noop!(
			submit(
				DEV_FMSPC,
				pki.collateral_bytes(Tee::Sgx, &options()).expect("c"),
				young_witness
			),
			Error::<Test>::CollateralRollback
		);
		// Each item is compared on its own: a higher evaluation number does not excuse
		// older issue dates.
		let mixed = CollateralOptions { tcb_evaluation_data_number: 5, ..options() };
		assert_noop!(
			submit(DEV_FMSPC, pki.collateral_bytes(Tee::Sgx, &mixed).expect("c"), witness),
			Error::<Test>::CollateralRollback
		);
	});
}

/// `quote` with its PCK certificate chain replaced by `edit` of it (PEM text).
fn with_pck_chain(quote: &[u8], edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
	use codec::{Decode, Encode};
	use dcap_qvl::quote::{AuthData, Quote};
	let mut parsed = Quote::decode(&mut &quote[..]).expect("a dev quote decodes");
	let data = match &mut parsed.auth_data {
		AuthData::V3(data) => &mut data.certification_data,
		AuthData::V4(data) => &mut data.qe_report_data.certification_data,
	};
	edit(&mut data.body.data);
	parsed.encode()
}

#[test]
fn chains_longer_than_intels_are_refused_before_verification() {
	dev_chain(|pki| {
		// Three more certificates: a PCK chain (PCK, platform CA, root).
		let pck_chain = pki.pck_chain_pem(Platform::First).expect("chain");
		for identity in [sgx(), tdx()] {
			let tee = identity.tee();
			let newer = CollateralOptions {
				tcb_evaluation_data_number: 2,
				crl_number: 2,
				issued_at: DEV_NOW - 60,
				..options()
			};
			let witness = pki.quote(&identity, [0; 64]).expect("witness");
			// The attacker pads each issuer chain with more certificates, so path building
			// has more signatures to try than the weight pays for.
			let padded: [fn(&mut dcap_qvl::QuoteCollateralV3, &str); 3] = [
				|c, extra| c.tcb_info_issuer_chain.push_str(extra),
				|c, extra| c.qe_identity_issuer_chain.push_str(extra),
				|c, extra| c.pck_crl_issuer_chain.push_str(extra),
			];
			for pad in padded {
				let mut collateral = pki.collateral(tee, &newer).expect("collateral");
				pad(&mut collateral, &pck_chain);
				assert_noop!(
					submit(
						DEV_FMSPC,
						crate::dcap::native::encode_collateral(&collateral),
						witness.clone()
					),
					Error::<Test>::CertificateChainShape
				);
			}
			// A chain cut to the signer alone is not Intel's shape either.
			let mut short = pki.collateral(tee, &newer).expect("collateral");
			let signer_end = short
				.tcb_info_issuer_chain
				.find("-----END CERTIFICATE-----")
				.expect("a PEM certificate")
				+ "-----END CERTIFICATE-----\n".len();
			short.tcb_info_issuer_chain.truncate(signer_end);
			assert_noop!(
				submit(DEV_FMSPC, crate::dcap::native::encode_collateral(&short), witness.clone()),
				Error::<Test>::CertificateChainShape
			);

			// A witness or a registration quote whose PCK chain carries extra certificates.
			let long_witness =
				with_pck_chain(&witness, |chain| chain.extend_from_slice(pck_chain.as_bytes()));
			let collateral = pki.collateral_bytes(tee, &newer).expect("collateral");
			assert_noop!(
				submit(DEV_FMSPC, collateral.clone(), long_witness),
				Error::<Test>::CertificateChainShape
			);
			let key = ed_key(&ed_pair(1));
			let entry = entry_of(&identity);
			if Measurements::<Test>::get(entry.id()).is_none() {
				allow(&entry);
			}
			let nonce = nonce_for(PROVIDER);
			let quote = registration_quote(pki, &identity, PROVIDER, &key, &nonce);
			let long =
				with_pck_chain(&quote, |chain| chain.extend_from_slice(pck_chain.as_bytes()));
			assert_noop!(
				register(PROVIDER, long, key, nonce, entry.id()),
				Error::<Test>::CertificateChainShape
			);
			// Intel's shape goes through.
			assert_ok!(submit(DEV_FMSPC, collateral, witness));
			assert_ok!(register(PROVIDER, quote, key, nonce, entry.id()));
		}
	});
}

// ---------------------------------------------------------------------------------------
// Policy that says what it pins: quote formats, RTMRs, TD configuration.
// ---------------------------------------------------------------------------------------

#[test]
fn every_quote_format_the_verifier_accepts_registers() {
	use azra_dev_pki::QuoteFormat;
	dev_chain(|pki| {
		for (seed, format) in QuoteFormat::ALL.into_iter().enumerate() {
			let identity = match format.tee() {
				Tee::Sgx => sgx(),
				Tee::Tdx => tdx(),
			};
			let key = ed_key(&ed_pair(seed as u8 + 1));
			let entry = entry_of(&identity);
			if Measurements::<Test>::get(entry.id()).is_none() {
				allow(&entry);
			}
			let nonce = nonce_for(PROVIDER);
			let mut report_data = [0u8; 64];
			report_data[..32]
				.copy_from_slice(&Attestation::expected_report_data(&PROVIDER, &key, &nonce));
			report_data[32..].copy_from_slice(&SEALING_KEY);
			let quote =
				pki.quote_as(Platform::First, &identity, report_data, format).expect("quote");
			let result = register(PROVIDER, quote, key, nonce, entry.id());
			match format {
				// dcap-qvl 0.7.1 verifies SGX quotes of version 3 only.
				QuoteFormat::SgxV4 | QuoteFormat::SgxV5 => {
					assert_eq!(result, Err(Error::<Test>::QuoteUnsupported.into()), "{format:?}")
				}
				_ => {
					assert_ok!(result);
					Attestation::deregister_enclave(RuntimeOrigin::signed(PROVIDER), key)
						.expect("registered");
				}
			}
		}
	});
}

/// The TDX entry of the dev guest with `edit` applied.
fn tdx_entry_with(edit: impl FnOnce(&mut MeasurementEntry)) -> MeasurementEntry {
	let mut entry = entry_of(&tdx());
	edit(&mut entry);
	entry
}

/// Register a fresh key of `guest` under `entry` (allow-listed first).
fn register_guest(pki: &DevPki, guest: &TdxGuest, entry: &MeasurementEntry) -> DispatchResult {
	if Measurements::<Test>::get(entry.id()).is_none() {
		allow(entry);
	}
	let key = ed_key(&ed_pair(7));
	let nonce = nonce_for(PROVIDER);
	let quote = registration_quote(pki, &Identity::Tdx(guest.clone()), PROVIDER, &key, &nonce);
	let result = register(PROVIDER, quote, key, nonce, entry.id());
	if result.is_ok() {
		Attestation::deregister_enclave(RuntimeOrigin::signed(PROVIDER), key)?;
	}
	result
}

#[test]
fn tdx_entries_pin_every_rtmr_unless_they_say_any() {
	dev_chain(|pki| {
		let guest = TdxGuest::azra_dev_runtime();
		// The attacker runs its own application (RTMR3) or kernel (RTMR1) on the allowed
		// firmware: an entry that pins those registers refuses it.
		for register_index in [1, 3] {
			let mut other = guest.clone();
			other.rtmr[register_index] = [0xBA; 48];
			assert_eq!(
				register_guest(pki, &other, &entry_of(&tdx())),
				Err(Error::<Test>::MeasurementMismatch.into()),
				"RTMR{register_index}"
			);
		}
		// An entry that leaves RTMR3 open says so (`Any`), and admits any application.
		let open_app = tdx_entry_with(|entry| {
			if let MeasurementEntry::Tdx { rtmr, .. } = entry {
				rtmr[3] = RtmrPin::Any;
			}
		});
		let mut other_app = guest.clone();
		other_app.rtmr[3] = [0xBA; 48];
		assert_ok!(register_guest(pki, &other_app, &open_app));
		// An MRTD-only entry is four explicit `Any`s; a chain spec cannot get one by
		// leaving RTMRs out or null.
		let mrtd_only: MeasurementEntry = serde_json::from_str(&format!(
			r#"{{"Tdx":{{"mr_td":{:?},"rtmr":["Any","Any","Any","Any"],"mr_config_id":null,"td_attributes":null,"xfam":null}}}}"#,
			guest.mr_td.to_vec()
		))
		.expect("an explicit MRTD-only entry parses");
		assert_ok!(register_guest(pki, &other_app, &mrtd_only));
		for implicit in [
			r#""rtmr":[null,null,null,null],"mr_config_id":null,"td_attributes":null,"xfam":null"#,
			r#""mr_config_id":null,"td_attributes":null,"xfam":null"#,
		] {
			let json = format!(r#"{{"Tdx":{{"mr_td":{:?},{implicit}}}}}"#, guest.mr_td.to_vec());
			assert!(serde_json::from_str::<MeasurementEntry>(&json).is_err(), "{implicit}");
		}
	});
}

#[test]
fn tdx_entries_can_pin_mrconfigid_attributes_and_xfam() {
	use azra_dev_pki::{DEV_TD_ATTRIBUTES, DEV_XFAM};
	dev_chain(|pki| {
		let guest = TdxGuest { mr_config_id: [0xC0; 48], ..TdxGuest::azra_dev_runtime() };
		let pinned = |mr_config_id: Option<[u8; 48]>,
		              attributes: Option<MaskedBits>,
		              xfam: Option<MaskedBits>| {
			tdx_entry_with(|entry| {
				if let MeasurementEntry::Tdx {
					mr_config_id: c, td_attributes: a, xfam: x, ..
				} = entry
				{
					*c = mr_config_id.map(Digest384);
					*a = attributes;
					*x = xfam;
				}
			})
		};
		let exact = |value: [u8; 8]| MaskedBits { value, mask: [0xFF; 8] };
		// Each pin met.
		assert_ok!(register_guest(
			pki,
			&guest,
			&pinned(Some([0xC0; 48]), Some(exact(DEV_TD_ATTRIBUTES)), Some(exact(DEV_XFAM)))
		));
		// The host configured the TD otherwise (another MRCONFIGID): refused.
		assert_eq!(
			register_guest(pki, &guest, &pinned(Some([0x00; 48]), None, None)),
			Err(Error::<Test>::MeasurementMismatch.into())
		);
		// A required attribute bit (PKS, bit 30) the TD does not have: refused.
		let mut with_pks = DEV_TD_ATTRIBUTES;
		with_pks[3] |= 0x40;
		assert_eq!(
			register_guest(pki, &guest, &pinned(None, Some(exact(with_pks)), None)),
			Err(Error::<Test>::MeasurementMismatch.into())
		);
		// The same bit outside the mask is free.
		let sept_only = MaskedBits { value: with_pks, mask: [0, 0, 0, 0x10, 0, 0, 0, 0] };
		assert_ok!(register_guest(pki, &guest, &pinned(None, Some(sept_only), None)));
		// XFAM with AVX-512 required (bits 5..7): refused.
		let mut avx512 = DEV_XFAM;
		avx512[0] |= 0xE0;
		assert_eq!(
			register_guest(pki, &guest, &pinned(None, None, Some(exact(avx512)))),
			Err(Error::<Test>::MeasurementMismatch.into())
		);
		// Configuration pins never match an SGX quote (an SGX entry cannot carry them).
		let sgx_quote_v2 = VerifiedQuoteV2 {
			quote: Attestation::do_verify_quote(&pki.quote(&sgx(), [0; 64]).expect("quote"))
				.expect("verifies"),
			td: None,
		};
		let config_pinned = pinned(Some([0xC0; 48]), None, None);
		assert!(!config_pinned.matches_quote(&sgx_quote_v2));
	});
}

#[test]
fn certificates_other_than_p256_ecdsa_are_refused_before_verification() {
	dev_chain(|pki| {
		// ecdsa-with-SHA256's OID, whose last arc the attacker turns into SHA-384's: a
		// certificate of Intel's count but an algorithm the weights were not measured for.
		const ECDSA_SHA256: [u8; 10] = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02];
		let reissued = |pem_chain: &str, index: usize| -> String {
			let blocks = pem::parse_many(pem_chain.as_bytes()).expect("PEM");
			blocks
				.iter()
				.enumerate()
				.map(|(i, block)| {
					let mut der = block.contents().to_vec();
					if i == index {
						let at = der
							.windows(ECDSA_SHA256.len())
							.rposition(|w| w == ECDSA_SHA256)
							.expect("an ECDSA-SHA256 certificate");
						der[at + ECDSA_SHA256.len() - 1] = 0x03;
					}
					pem::encode(&pem::Pem::new("CERTIFICATE", der))
				})
				.collect()
		};
		for identity in [sgx(), tdx()] {
			let tee = identity.tee();
			let witness = pki.quote(&identity, [0; 64]).expect("witness");
			let mut collateral = pki.collateral(tee, &options()).expect("collateral");
			collateral.tcb_info_issuer_chain = reissued(&collateral.tcb_info_issuer_chain, 0);
			assert_noop!(
				submit(DEV_FMSPC, crate::dcap::native::encode_collateral(&collateral), witness),
				Error::<Test>::CertificateChainShape
			);
			// The PCK platform CA of a quote's chain.
			let key = ed_key(&ed_pair(1));
			let entry = entry_of(&identity);
			if Measurements::<Test>::get(entry.id()).is_none() {
				allow(&entry);
			}
			let nonce = nonce_for(PROVIDER);
			let quote = registration_quote(pki, &identity, PROVIDER, &key, &nonce);
			let altered = with_pck_chain(&quote, |chain| {
				let text = String::from_utf8(chain.clone()).expect("PEM text");
				*chain = reissued(&text, 1).into_bytes();
			});
			assert_noop!(
				register(PROVIDER, altered, key, nonce, entry.id()),
				Error::<Test>::CertificateChainShape
			);
			// A block that is not a certificate at all.
			let garbage = with_pck_chain(&quote, |chain| {
				let text = String::from_utf8(chain.clone()).expect("PEM text");
				let mut blocks = pem::parse_many(text.as_bytes()).expect("PEM");
				blocks[2] = pem::Pem::new("CERTIFICATE", vec![0x30, 0x03, 0x02, 0x01, 0x01]);
				*chain = pem::encode_many(&blocks).into_bytes();
			});
			assert_noop!(
				register(PROVIDER, garbage, key, nonce, entry.id()),
				Error::<Test>::CertificateChainShape
			);
			assert_ok!(register(PROVIDER, quote, key, nonce, entry.id()));
		}
	});
}

#[test]
fn only_a_providers_eligible_recipient_enclave_lets_it_take_a_sealed_build() {
	dev_chain(|pki| {
		let (sgx_id, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&ed_pair(1)));
		assert_ok!(result);
		let (tdx_id, result) = register_dev(pki, &tdx(), OTHER, ed_key(&ed_pair(2)));
		assert_ok!(result);
		let (mine, theirs) = (ed_key(&ed_pair(1)), ed_key(&ed_pair(2)));

		// A builder may seal to a registered enclave, under the measurement it runs.
		assert_ok!(Attestation::ensure_sealing_recipient(&mine, None));
		assert_ok!(Attestation::ensure_sealing_recipient(&mine, Some(sgx_id)));
		assert_noop!(
			Attestation::ensure_sealing_recipient(&mine, Some(tdx_id)),
			Error::<Test>::RequiredMeasurementMissing
		);
		assert_noop!(
			Attestation::ensure_sealing_recipient(&ed_key(&ed_pair(9)), None),
			Error::<Test>::EnclaveUnknown
		);

		// Another provider's enclave among the recipients does not make PROVIDER one.
		assert_noop!(
			Attestation::ensure_eligible_recipient(&PROVIDER, None, &[theirs]),
			Error::<Test>::NotARecipient
		);
		assert_ok!(Attestation::ensure_eligible_recipient(&PROVIDER, None, &[theirs, mine]));
		assert_noop!(
			Attestation::ensure_eligible_recipient(&PROVIDER, Some(tdx_id), &[theirs, mine]),
			Error::<Test>::RequiredMeasurementMissing
		);

		// Once its measurement is revoked, the enclave neither receives nor takes builds.
		assert_ok!(Attestation::revoke_measurement(RuntimeOrigin::root(), sgx_id));
		assert_noop!(
			Attestation::ensure_sealing_recipient(&mine, None),
			Error::<Test>::MeasurementRevoked
		);
		assert_noop!(
			Attestation::ensure_eligible_recipient(&PROVIDER, None, &[mine]),
			Error::<Test>::MeasurementRevoked
		);
		// And its proofs name it, so a sealed build can check who proved it.
		let work = claim(OTHER);
		assert_eq!(
			Attestation::verify_work_proof(&work, &ed_sign(&ed_pair(2), &work))
				.map(|verified| verified.enclave_key),
			Ok(theirs)
		);
	});
}

/// The cheapest escape from a bond through the revocation refund: hold a second enclave,
/// drop the one that works (deregister it, or let it expire) and point at governance. An
/// enclave that left the registry after the build was taken, or one that lapsed by the
/// provider's own doing, makes the provider the reason.
#[test]
fn dropping_or_letting_an_enclave_lapse_is_never_governance_s_doing() {
	dev_chain(|pki| {
		let (kept, dropped) = (ed_pair(1), ed_pair(2));
		let (id, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&kept));
		assert_ok!(result);
		assert_ok!(register_dev(pki, &sgx(), PROVIDER, ed_key(&dropped)).1);
		let taken_at = System::block_number();
		run_to_block(taken_at + 1);
		assert_ok!(Attestation::deregister_enclave(
			RuntimeOrigin::signed(PROVIDER),
			ed_key(&dropped)
		));
		assert_ok!(Attestation::revoke_measurement(RuntimeOrigin::root(), id));
		// A build taken before the removal: the provider's doing.
		assert!(!Attestation::ineligible_by_governance(&PROVIDER, None, None, taken_at));
		// One taken after it: governance's.
		assert!(Attestation::ineligible_by_governance(&PROVIDER, None, None, taken_at + 2));
	});
	dev_chain(|pki| {
		let pair = ed_pair(1);
		let (id, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&pair));
		assert_ok!(result);
		run_to_block(1 + ReattestationPeriod::get() + 1);
		assert_ok!(Attestation::revoke_measurement(RuntimeOrigin::root(), id));
		// Expired first: re-attesting was the provider's job.
		assert!(!Attestation::ineligible_by_governance(&PROVIDER, None, None, 0));
	});
}

/// Early TCB-recovery collateral, which anyone can submit weeks before Intel makes it the
/// standard, locks the standard collateral out (the rollback rule) and turns an up-to-date
/// platform out of date; governance restores the standard, and no signed submitter can push
/// the early collateral back until governance lifts the ceiling.
#[test]
fn governance_restores_the_collateral_an_early_recovery_displaced() {
	dev_chain(|pki| {
		let witness = pki.quote(&sgx(), [0; 64]).expect("witness");
		let collateral = |options: CollateralOptions| {
			bounded(pki.collateral_bytes(Tee::Sgx, &options).expect("collateral"))
		};
		let restore = |origin: RuntimeOrigin, options: CollateralOptions| {
			Attestation::restore_collateral(
				origin,
				DEV_FMSPC,
				collateral(options),
				bounded(witness.clone()),
			)
		};
		let submit_signed = |options: CollateralOptions| {
			Attestation::submit_collateral(
				RuntimeOrigin::signed(OTHER),
				DEV_FMSPC,
				collateral(options),
				bounded(witness.clone()),
			)
		};
		assert_ok!(Attestation::set_accepted_tcb_statuses(
			RuntimeOrigin::root(),
			BoundedVec::try_from(vec![TcbStatus::UpToDate]).expect("fits")
		));
		// dev_chain stored the standard collateral (evaluation 1): the platform is up to date.
		// The early recovery's collateral (evaluation 2) says it is out of date.
		let early = CollateralOptions {
			tcb_evaluation_data_number: 2,
			crl_number: 2,
			issued_at: DEV_NOW - 60,
			tcb_status: IntelStatus::OutOfDate,
			..options()
		};
		// Intel's next standard collateral: fresher items, still evaluation 1.
		let standard = CollateralOptions { crl_number: 2, issued_at: DEV_NOW - 30, ..options() };
		assert_ok!(submit_signed(early.clone()));
		assert_noop!(submit_signed(standard.clone()), Error::<Test>::CollateralRollback);
		let (_, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&ed_pair(1)));
		assert_eq!(result, Err(Error::<Test>::TcbStatusRejected.into()));

		// Only governance restores, and only collateral that verifies under its minimum.
		assert_noop!(
			restore(RuntimeOrigin::signed(OTHER), standard.clone()),
			DispatchError::BadOrigin
		);
		assert_ok!(Attestation::set_min_tcb_eval_data_number(
			RuntimeOrigin::root(),
			TeeType::Sgx,
			2
		));
		assert_noop!(
			restore(RuntimeOrigin::root(), standard.clone()),
			Error::<Test>::TcbEvaluationTooOld
		);
		assert_ok!(Attestation::set_min_tcb_eval_data_number(
			RuntimeOrigin::root(),
			TeeType::Sgx,
			0
		));
		assert_ok!(restore(RuntimeOrigin::root(), standard.clone()));
		let ceiling = CollateralCeiling { tcb_eval_data_number: 1, qe_eval_data_number: 1 };
		assert_eq!(CollateralCeilings::<Test>::get((TeeType::Sgx, DEV_FMSPC)), Some(ceiling));
		assert_eq!(
			last_event(),
			Event::CollateralRestored { tee_type: TeeType::Sgx, fmspc: DEV_FMSPC, ceiling }
		);
		let (_, result) = register_dev(pki, &sgx(), PROVIDER, ed_key(&ed_pair(1)));
		assert_ok!(result);
		assert_eq!(
			Enclaves::<Test>::get(ed_key(&ed_pair(1))).map(|r| r.tcb_status),
			Some(TcbStatus::UpToDate)
		);

		// The early collateral does not come back while the ceiling stands...
		assert_noop!(submit_signed(early), Error::<Test>::CollateralAboveCeiling);
		// ...standard updates still do, and the rollback rule still guards them.
		let update = CollateralOptions { crl_number: 3, issued_at: DEV_NOW - 10, ..options() };
		assert_ok!(submit_signed(update));
		assert_noop!(submit_signed(standard), Error::<Test>::CollateralRollback);

		// Once the recovery is Intel's standard, governance lifts the ceiling.
		assert_noop!(
			Attestation::lift_collateral_ceiling(
				RuntimeOrigin::signed(OTHER),
				TeeType::Sgx,
				DEV_FMSPC
			),
			DispatchError::BadOrigin
		);
		assert_ok!(Attestation::lift_collateral_ceiling(
			RuntimeOrigin::root(),
			TeeType::Sgx,
			DEV_FMSPC
		));
		assert_eq!(
			last_event(),
			Event::CollateralCeilingLifted { tee_type: TeeType::Sgx, fmspc: DEV_FMSPC }
		);
		assert_noop!(
			Attestation::lift_collateral_ceiling(RuntimeOrigin::root(), TeeType::Sgx, DEV_FMSPC),
			Error::<Test>::NoCollateralCeiling
		);
		let recovered = CollateralOptions {
			tcb_evaluation_data_number: 2,
			crl_number: 4,
			issued_at: DEV_NOW - 5,
			..options()
		};
		assert_ok!(submit_signed(recovered));
	});
}

/// What `who` holds as enclave deposits.
fn deposits_held(who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&HoldReason::EnclaveDeposit.into(), &who)
}

/// A registration holds the enclave deposit from its provider; re-attesting the same key
/// holds nothing more; deregistering, and governance's retirement, give it back.
#[test]
fn an_enclave_record_holds_a_deposit_until_it_leaves() {
	dev_chain(|pki| {
		let first = ed_key(&ed_pair(1));
		let second = ed_key(&ed_pair(2));
		assert_ok!(register_dev(pki, &sgx(), PROVIDER, first).1);
		assert_eq!(deposits_held(PROVIDER), ENCLAVE_DEPOSIT);
		assert_eq!(EnclaveDeposits::<Test>::get(first), Some(ENCLAVE_DEPOSIT));
		// Re-attestation keeps the record, and its deposit.
		assert_ok!(register_dev(pki, &sgx(), PROVIDER, first).1);
		assert_eq!(deposits_held(PROVIDER), ENCLAVE_DEPOSIT);
		assert_ok!(register_dev(pki, &sgx(), PROVIDER, second).1);
		assert_eq!(deposits_held(PROVIDER), 2 * ENCLAVE_DEPOSIT);

		assert_ok!(Attestation::deregister_enclave(RuntimeOrigin::signed(PROVIDER), first));
		assert_eq!(deposits_held(PROVIDER), ENCLAVE_DEPOSIT);
		assert_eq!(EnclaveDeposits::<Test>::get(first), None);
		assert_ok!(Attestation::force_deregister(RuntimeOrigin::root(), second));
		assert_eq!(deposits_held(PROVIDER), 0);
		assert_eq!(Balances::free_balance(PROVIDER), STARTING_BALANCE);
	});
}

/// An account that cannot pay the deposit adds no record, and its nonce stays usable.
#[test]
fn a_provider_that_cannot_pay_the_deposit_does_not_register() {
	dev_chain(|pki| {
		// Account 21 has nothing; give it less than the deposit on top of the minimum.
		const POOR: AccountId = 21;
		let existential =
			<Balances as frame_support::traits::fungible::Inspect<_>>::minimum_balance();
		assert_ok!(Balances::force_set_balance(
			RuntimeOrigin::root(),
			POOR,
			existential + ENCLAVE_DEPOSIT - 1
		));
		let key = ed_key(&ed_pair(1));
		let entry = entry_of(&sgx());
		allow(&entry);
		let nonce = nonce_for(POOR);
		let quote = registration_quote(pki, &sgx(), POOR, &key, &nonce);
		assert_noop!(
			register(POOR, quote.clone(), key, nonce, entry.id()),
			Error::<Test>::InsufficientEnclaveDeposit
		);
		assert_ok!(Balances::force_set_balance(
			RuntimeOrigin::root(),
			POOR,
			existential + ENCLAVE_DEPOSIT
		));
		assert_ok!(register(POOR, quote, key, nonce, entry.id()));
		assert_eq!(deposits_held(POOR), ENCLAVE_DEPOSIT);
	});
}

/// Expired records leave state one re-attestation period after they expire, a few a block
/// in `on_idle`, each with its deposit returned; a record in its grace period stays, and
/// can re-attest without paying again.
#[test]
fn expired_enclave_records_are_pruned_with_their_deposits_returned() {
	use frame_support::traits::Hooks;
	dev_chain(|pki| {
		let providers = [PROVIDER, OTHER, 3];
		let keys: Vec<EnclaveKey> = (1..=3).map(|i| ed_key(&ed_pair(i))).collect();
		for (provider, key) in providers.iter().zip(&keys) {
			assert_ok!(register_dev(pki, &sgx(), *provider, *key).1);
		}
		let period = ReattestationPeriod::get();
		// A fourth, registered later, is still in its grace period when the others leave.
		run_to_block(1 + period);
		let late = ed_key(&ed_pair(4));
		assert_ok!(register_dev(pki, &sgx(), 4, late).1);

		// Expired but within the grace period: nothing leaves.
		run_to_block(1 + 2 * period);
		Attestation::on_idle(System::block_number(), Weight::MAX);
		assert!(keys.iter().all(Enclaves::<Test>::contains_key));

		// Past it: two records a block (the mock's MaxEnclavesPrunedPerBlock).
		run_to_block(2 + 2 * period);
		let mut blocks = 0;
		while keys.iter().any(Enclaves::<Test>::contains_key) {
			Attestation::on_idle(System::block_number(), Weight::MAX);
			blocks += 1;
			assert!(blocks <= 3, "the walk visits at most two records a block");
		}
		assert!(blocks >= 2, "four records take at least two blocks at two a block");
		for (provider, key) in providers.iter().zip(&keys) {
			assert_eq!(deposits_held(*provider), 0);
			assert_eq!(Balances::free_balance(*provider), STARTING_BALANCE);
			assert!(!SealingKeys::<Test>::contains_key(key));
			assert!(!ProviderEnclaves::<Test>::contains_key(provider));
			assert!(System::events().iter().any(|r| r.event
				== Event::EnclavePruned { provider: *provider, enclave_key: *key }.into()));
		}
		// The late record expired, but is in its grace period: it stays and re-attests
		// without a second deposit.
		assert!(Enclaves::<Test>::contains_key(late));
		assert_ok!(register_dev(pki, &sgx(), 4, late).1);
		assert_eq!(deposits_held(4), ENCLAVE_DEPOSIT);
		// No weight, no pruning.
		run_to_block(10 * period);
		assert_eq!(
			Attestation::prune_expired_enclaves(System::block_number(), Weight::zero()),
			Weight::zero()
		);
		assert!(Enclaves::<Test>::contains_key(late));
	});
}

/// The cheapest way to make the chain keep enclave records for nothing: many accounts each
/// registering and walking away. Every record costs its provider the deposit while it
/// stays, and leaves once expired, so the state an attacker keeps is bounded by what it
/// holds.
#[test]
fn walking_away_from_enclaves_leaves_nothing_behind() {
	use frame_support::traits::Hooks;
	dev_chain(|pki| {
		let attackers: Vec<AccountId> = (5..=12).collect();
		for (i, attacker) in attackers.iter().enumerate() {
			let key = ed_key(&ed_pair(10 + i as u8));
			assert_ok!(register_dev(pki, &sgx(), *attacker, key).1);
			assert_eq!(Balances::free_balance(*attacker), STARTING_BALANCE - ENCLAVE_DEPOSIT);
		}
		assert_eq!(Enclaves::<Test>::iter().count(), attackers.len());
		run_to_block(2 + 2 * ReattestationPeriod::get());
		for _ in 0..attackers.len() {
			Attestation::on_idle(System::block_number(), Weight::MAX);
		}
		assert_eq!(Enclaves::<Test>::iter().count(), 0);
		assert_eq!(EnclaveDeposits::<Test>::iter().count(), 0);
		assert_eq!(SealingKeys::<Test>::iter().count(), 0);
		assert_eq!(ProviderEnclaves::<Test>::iter().count(), 0);
		assert_eq!(EnclavesRemovedAt::<Test>::iter().count(), 0);
	});
}
