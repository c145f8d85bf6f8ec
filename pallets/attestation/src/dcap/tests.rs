use super::*;
use crate::{
	test_fixtures::*,
	types::{Digest384, EnclaveIdentity, TdConfiguration},
};

fn verify(
	quote: &[u8],
	collateral: &[u8],
	root: &[u8],
	now: u64,
) -> Result<VerifiedQuote, DcapError> {
	// Through the runtime interface (its latest version), as the runtime calls it
	// natively.
	dcap_verifier::verify_quote(quote, collateral, root, now).map(|v| v.quote)
}

#[test]
fn sgx_sample_verifies_natively() {
	require_samples!();
	let v = verify(&sgx_quote(), &sgx_collateral(), &intel_root(), SAMPLE_NOW).unwrap();
	assert_eq!(v.quote_version, 3);
	assert!(matches!(v.identity, EnclaveIdentity::Sgx(_)));
	assert_eq!(v.collateral.tee_type, TeeType::Sgx);
	assert_eq!(v.collateral.fmspc, [0x00, 0xA0, 0x67, 0x11, 0x00, 0x00]);
	assert_eq!(v.collateral.tcb_eval_data_number, 17);
	assert!(v.collateral.next_update > SAMPLE_NOW);
	println!("{v:?}");
}

#[test]
fn tdx_sample_verifies_natively() {
	require_samples!();
	let v = verify(&tdx_quote(), &tdx_collateral(), &intel_root(), SAMPLE_NOW).unwrap();
	assert_eq!(v.quote_version, 4);
	assert!(matches!(v.identity, EnclaveIdentity::Tdx(_)));
	assert_eq!(v.collateral.fmspc, [0xB0, 0xC0, 0x6F, 0x00, 0x00, 0x00]);
	println!("{v:?}");
}

#[test]
fn platform_is_read_from_the_quote() {
	require_samples!();
	assert_eq!(
		dcap_verifier::quote_platform(&sgx_quote()),
		Ok((TeeType::Sgx, [0x00, 0xA0, 0x67, 0x11, 0x00, 0x00]))
	);
	assert_eq!(
		dcap_verifier::quote_platform(&tdx_quote()),
		Ok((TeeType::Tdx, [0xB0, 0xC0, 0x6F, 0x00, 0x00, 0x00]))
	);
	assert_eq!(dcap_verifier::quote_platform(&[1, 2, 3]), Err(DcapError::QuoteMalformed));
}

#[test]
fn typed_errors() {
	require_samples!();
	let root = intel_root();
	for (quote, collateral, report_len) in [
		(sgx_quote(), sgx_collateral(), SGX_REPORT_LEN),
		(tdx_quote(), tdx_collateral(), TDX_REPORT_LEN),
	] {
		let off = signature_offset(report_len);
		for i in [off, off + 31, off + 32, off + 63] {
			let mut q = quote.clone();
			q[i] ^= 0x01;
			assert_eq!(
				verify(&q, &collateral, &root, SAMPLE_NOW),
				Err(DcapError::QuoteSignatureInvalid),
				"byte {i}"
			);
		}
		assert_eq!(
			verify(&quote, &collateral, &root, AFTER_NEXT_UPDATE),
			Err(DcapError::CollateralExpired)
		);
		assert_eq!(
			verify(&quote, &collateral, &other_root(), SAMPLE_NOW),
			Err(DcapError::UntrustedRoot)
		);
		assert_eq!(
			verify(&quote, &collateral, &root[..100], SAMPLE_NOW),
			Err(DcapError::RootMalformed)
		);
		assert_eq!(
			verify(&quote, &collateral, &root, 1_600_000_000),
			Err(DcapError::CollateralNotYetValid)
		);
		assert_eq!(
			verify(&quote[..100], &collateral, &root, SAMPLE_NOW),
			Err(DcapError::QuoteMalformed)
		);
		assert_eq!(
			verify(&quote, &collateral[..50], &root, SAMPLE_NOW),
			Err(DcapError::CollateralMalformed)
		);
	}
	// The SGX quote against the TDX collateral.
	assert_eq!(
		verify(&sgx_quote(), &tdx_collateral(), &root, SAMPLE_NOW),
		Err(DcapError::FmspcMismatch)
	);
}

/// A time inside the window of dev collateral issued an hour earlier.
const DEV_NOW: u64 = 1_790_000_000;

/// The dev PKI, its root, and the dev SGX and TDX runtime identities.
fn dev() -> (azra_dev_pki::DevPki, Vec<u8>, [azra_dev_pki::Identity; 2]) {
	use azra_dev_pki::{DevPki, Identity, SgxEnclave, TdxGuest};
	let pki = DevPki::new().expect("dev PKI");
	let root = pki.root_ca_der().expect("root");
	let identities = [
		Identity::Sgx(SgxEnclave::azra_dev_runtime()),
		Identity::Tdx(TdxGuest::azra_dev_runtime()),
	];
	(pki, root, identities)
}

/// Up-to-date dev collateral issued an hour before [`DEV_NOW`].
fn dev_options() -> azra_dev_pki::CollateralOptions {
	azra_dev_pki::CollateralOptions::issued_at(DEV_NOW - 3600)
}

/// Verify a dev quote of `identity` at [`DEV_NOW`] against dev collateral made with
/// `options`, after `edit` changed it. With `resign`, the TCB info and QE identity are
/// signed again by the dev TCB signing key after the edit (as if Intel had issued the
/// edited JSON).
fn verify_dev(
	identity: &azra_dev_pki::Identity,
	options: &azra_dev_pki::CollateralOptions,
	resign: bool,
	edit: impl FnOnce(&mut dcap_qvl::QuoteCollateralV3),
) -> Result<VerifiedQuote, DcapError> {
	let (pki, root, _) = dev();
	let quote = pki.quote(identity, [0; 64]).expect("quote");
	let mut collateral = pki.collateral(identity.tee(), options).expect("collateral");
	edit(&mut collateral);
	if resign {
		pki.resign_collateral(&mut collateral);
	}
	verify(&quote, &native::encode_collateral(&collateral), &root, DEV_NOW)
}

/// `edit` applied to the TCB info JSON of `collateral`.
fn edit_tcb_info(
	collateral: &mut dcap_qvl::QuoteCollateralV3,
	edit: impl FnOnce(&mut dcap_qvl::TcbInfo),
) {
	let mut tcb_info: dcap_qvl::TcbInfo =
		serde_json::from_str(&collateral.tcb_info).expect("dev TCB info");
	edit(&mut tcb_info);
	collateral.tcb_info = serde_json::to_string(&tcb_info).expect("TCB info JSON");
}

/// `edit` applied to the QE identity JSON of `collateral`.
fn edit_qe_identity(
	collateral: &mut dcap_qvl::QuoteCollateralV3,
	edit: impl FnOnce(&mut dcap_qvl::QeIdentity),
) {
	let mut qe_identity: dcap_qvl::QeIdentity =
		serde_json::from_str(&collateral.qe_identity).expect("dev QE identity");
	edit(&mut qe_identity);
	collateral.qe_identity = serde_json::to_string(&qe_identity).expect("QE identity JSON");
}

#[test]
fn quote_formats_under_both_interface_versions() {
	use azra_dev_pki::{Platform, QuoteFormat, Tee};
	let (pki, root, _) = dev();
	let guest = azra_dev_pki::TdxGuest {
		mr_config_id: [0xC0; 48],
		..azra_dev_pki::TdxGuest::azra_dev_runtime()
	};
	for format in QuoteFormat::ALL {
		let identity = match format.tee() {
			Tee::Sgx => azra_dev_pki::Identity::Sgx(azra_dev_pki::SgxEnclave::azra_dev_runtime()),
			Tee::Tdx => azra_dev_pki::Identity::Tdx(guest.clone()),
		};
		let quote = pki.quote_as(Platform::First, &identity, [3; 64], format).expect("quote");
		let collateral =
			native::encode_collateral(&pki.collateral(format.tee(), &dev_options()).unwrap());
		let v1 = native::verify_quote(&quote, &collateral, &root, DEV_NOW);
		let v2 = dcap_verifier::verify_quote(&quote, &collateral, &root, DEV_NOW);
		match format {
			// dcap-qvl 0.7.1 verifies SGX quotes of version 3 only: both versions refuse
			// the others with a typed error, before dcap-qvl runs.
			QuoteFormat::SgxV4 | QuoteFormat::SgxV5 => {
				assert_eq!(v1, Err(DcapError::UnsupportedQuote), "{format:?}");
				assert_eq!(v2, Err(DcapError::UnsupportedQuote), "{format:?}");
				assert_eq!(dcap_verifier::quote_platform(&quote), Err(DcapError::UnsupportedQuote));
			}
			_ => {
				let v2 = v2.expect("verifies");
				// Version 2 returns version 1's result unchanged, plus the TD's
				// configuration.
				assert_eq!(v1, Ok(v2.quote.clone()), "{format:?}");
				assert_eq!(v2.quote.quote_version, format.version());
				assert_eq!(v2.quote.report_data, [3; 64]);
				let expected_td = (format.tee() == Tee::Tdx).then_some(TdConfiguration {
					mr_config_id: Digest384([0xC0; 48]),
					td_attributes: azra_dev_pki::DEV_TD_ATTRIBUTES,
					xfam: azra_dev_pki::DEV_XFAM,
				});
				assert_eq!(v2.td, expected_td, "{format:?}");
				assert!(dcap_verifier::quote_platform(&quote).is_ok());
			}
		}
	}
}

#[test]
fn freshness_is_read_from_the_collateral_items_alone() {
	let (pki, _, _) = dev();
	for tee in [azra_dev_pki::Tee::Sgx, azra_dev_pki::Tee::Tdx] {
		let options = azra_dev_pki::CollateralOptions {
			tcb_evaluation_data_number: 4,
			crl_number: 7,
			..dev_options()
		};
		let collateral = pki.collateral_bytes(tee, &options).expect("collateral");
		let freshness = dcap_verifier::collateral_freshness(&collateral).expect("reads");
		assert_eq!(
			freshness,
			CollateralFreshness {
				tcb_eval_data_number: 4,
				tcb_info_issued_at: options.issued_at,
				qe_eval_data_number: 4,
				qe_identity_issued_at: options.issued_at,
				pck_crl_number: 7,
				pck_crl_issued_at: options.issued_at,
				root_ca_crl_number: 7,
				root_ca_crl_issued_at: options.issued_at,
				next_update: options.next_update(),
			},
			"{tee:?}"
		);
		// Every part must parse.
		assert_eq!(
			dcap_verifier::collateral_freshness(&collateral[..collateral.len() - 1]),
			Err(DcapError::CollateralMalformed)
		);
		for edit in [
			(|c: &mut dcap_qvl::QuoteCollateralV3| c.tcb_info.push('x'))
				as fn(&mut dcap_qvl::QuoteCollateralV3),
			|c| c.qe_identity = "{}".into(),
			|c| c.pck_crl.truncate(10),
			|c| c.root_ca_crl = vec![0x30, 0x00],
			|c| c.tcb_info_issuer_chain = "-----BEGIN CERTIFICATE-----\nAA==\n".into(),
			|c| edit_tcb_info(c, |t| t.issue_date = "yesterday".into()),
			|c| edit_qe_identity(c, |q| q.next_update = "2026-13-01T00:00:00Z".into()),
		] {
			let mut edited = pki.collateral(tee, &options).expect("collateral");
			edit(&mut edited);
			assert_eq!(
				dcap_verifier::collateral_freshness(&native::encode_collateral(&edited)),
				Err(DcapError::CollateralMalformed)
			);
		}
	}
}

#[test]
fn intels_sample_freshness_is_within_what_verification_saw() {
	require_samples!();
	for (quote, collateral) in [(sgx_quote(), sgx_collateral()), (tdx_quote(), tdx_collateral())] {
		let verified = verify(&quote, &collateral, &intel_root(), SAMPLE_NOW).unwrap();
		let freshness = dcap_verifier::collateral_freshness(&collateral).unwrap();
		let info = verified.collateral;
		assert_eq!(freshness.tcb_eval_data_number, info.tcb_eval_data_number);
		assert_eq!(freshness.qe_eval_data_number, info.qe_eval_data_number);
		assert_eq!(freshness.pck_crl_number, info.pck_crl_number);
		assert_eq!(freshness.root_ca_crl_number, info.root_ca_crl_number);
		// Version 1's figures also count the quote's PCK chain: never earlier expiry
		// or later issue than the items alone.
		assert!(freshness.next_update >= info.next_update);
		for issued in [
			freshness.tcb_info_issued_at,
			freshness.qe_identity_issued_at,
			freshness.pck_crl_issued_at,
			freshness.root_ca_crl_issued_at,
		] {
			assert!(issued <= info.issued_at && issued <= SAMPLE_NOW);
		}
		assert!(freshness.next_update > SAMPLE_NOW);
	}
}

#[test]
fn dev_collateral_verifies_unedited_and_re_signed() {
	let (_, _, identities) = dev();
	for identity in &identities {
		assert!(verify_dev(identity, &dev_options(), false, |_| ()).is_ok(), "{identity:?}");
		assert!(verify_dev(identity, &dev_options(), true, |_| ()).is_ok(), "{identity:?}");
	}
}

#[test]
fn a_revoked_platform_tcb_is_tcb_revoked() {
	let (_, _, identities) = dev();
	let revoked = azra_dev_pki::CollateralOptions {
		tcb_status: azra_dev_pki::TcbStatus::Revoked,
		..dev_options()
	};
	for identity in &identities {
		assert_eq!(
			verify_dev(identity, &revoked, false, |_| ()).map(|v| v.tcb_status),
			Err(DcapError::TcbRevoked),
			"{identity:?}"
		);
	}
}

#[test]
fn a_pck_certificate_on_the_pck_crl_is_certificate_revoked() {
	let (_, _, identities) = dev();
	let revoked = azra_dev_pki::CollateralOptions { revoke_pck: true, ..dev_options() };
	for identity in &identities {
		assert_eq!(
			verify_dev(identity, &revoked, false, |_| ()).map(|v| v.tcb_status),
			Err(DcapError::CertificateRevoked),
			"{identity:?}"
		);
	}
}

#[test]
fn dev_collateral_outside_its_window_is_expired_or_not_yet_valid() {
	let (pki, root, identities) = dev();
	let options = dev_options();
	for identity in &identities {
		let quote = pki.quote(identity, [0; 64]).expect("quote");
		let collateral = pki.collateral_bytes(identity.tee(), &options).expect("collateral");
		assert_eq!(
			verify(&quote, &collateral, &root, options.next_update() + 1).map(|_| ()),
			Err(DcapError::CollateralExpired),
			"{identity:?}"
		);
		assert_eq!(
			verify(&quote, &collateral, &root, options.issued_at - 1).map(|_| ()),
			Err(DcapError::CollateralNotYetValid),
			"{identity:?}"
		);
	}
}

#[test]
fn an_altered_tcb_info_or_qe_identity_signature_is_collateral_signature_invalid() {
	let (_, _, identities) = dev();
	for identity in &identities {
		let tcb_info = verify_dev(identity, &dev_options(), false, |c| {
			c.tcb_info_signature[0] ^= 0x01;
		});
		assert_eq!(tcb_info.map(|_| ()), Err(DcapError::CollateralSignatureInvalid));
		// Edited JSON under the old signature.
		let edited = verify_dev(identity, &dev_options(), false, |c| {
			edit_tcb_info(c, |t| t.tcb_evaluation_data_number += 1);
		});
		assert_eq!(edited.map(|_| ()), Err(DcapError::CollateralSignatureInvalid));
		let qe_identity = verify_dev(identity, &dev_options(), false, |c| {
			c.qe_identity_signature[0] ^= 0x01;
		});
		assert_eq!(qe_identity.map(|_| ()), Err(DcapError::CollateralSignatureInvalid));
	}
}

#[test]
fn tcb_info_for_another_platform_type_is_fmspc_mismatch() {
	let (_, _, identities) = dev();
	for identity in &identities {
		// Another FMSPC, signed as Intel would sign it.
		let other_fmspc = verify_dev(identity, &dev_options(), true, |c| {
			edit_tcb_info(c, |t| t.fmspc = "00A067110000".into());
		});
		assert_eq!(other_fmspc.map(|_| ()), Err(DcapError::FmspcMismatch), "{identity:?}");
	}
	// TCB info of the quote's TEE type by id but of a version that cannot describe a
	// TD (TDX TCB info is version 3).
	let tdx = &identities[1];
	let old_version = verify_dev(tdx, &dev_options(), true, |c| {
		edit_tcb_info(c, |t| t.version = 2);
	});
	assert_eq!(old_version.map(|_| ()), Err(DcapError::FmspcMismatch));
}

#[test]
fn a_qe_identity_of_another_quoting_enclave_is_qe_identity_mismatch() {
	let (_, _, identities) = dev();
	type Edit = fn(&mut dcap_qvl::QeIdentity);
	let edits: [(&str, Edit); 5] = [
		("MRSIGNER", |q| q.mrsigner[0] ^= 0x01),
		("ISVPRODID", |q| q.isvprodid += 1),
		("MISCSELECT", |q| q.miscselect[0] ^= 0x01),
		("ATTRIBUTES", |q| q.attributes[1] ^= 0x01),
		("id", |q| q.id = if q.id == "QE" { "TD_QE".into() } else { "QE".into() }),
	];
	for identity in &identities {
		for (field, edit) in edits {
			let result = verify_dev(identity, &dev_options(), true, |c| {
				edit_qe_identity(c, edit);
			});
			assert_eq!(
				result.map(|_| ()),
				Err(DcapError::QeIdentityMismatch),
				"{field} {identity:?}"
			);
		}
	}
}

#[test]
fn a_platform_below_every_tcb_level_is_tcb_level_unknown() {
	let (_, _, identities) = dev();
	for identity in &identities {
		// The only TCB level asks for a PCE SVN above the platform's.
		let higher_pce = verify_dev(identity, &dev_options(), true, |c| {
			edit_tcb_info(c, |t| t.tcb_levels[0].tcb.pce_svn += 1);
		});
		assert_eq!(higher_pce.map(|_| ()), Err(DcapError::TcbLevelUnknown), "{identity:?}");
		// ... or a CPU SVN component above the platform's.
		let higher_cpu = verify_dev(identity, &dev_options(), true, |c| {
			edit_tcb_info(c, |t| t.tcb_levels[0].tcb.sgx_components[0].svn += 1);
		});
		assert_eq!(higher_cpu.map(|_| ()), Err(DcapError::TcbLevelUnknown), "{identity:?}");
	}
	let tdx = &identities[1];
	// A TEE TCB SVN component above the TD's.
	let higher_tee = verify_dev(tdx, &dev_options(), true, |c| {
		edit_tcb_info(c, |t| t.tcb_levels[0].tcb.tdx_components[0].svn += 1);
	});
	assert_eq!(higher_tee.map(|_| ()), Err(DcapError::TcbLevelUnknown));
	// A TDX module signed by another key than the TD's SEAM module.
	let other_module = verify_dev(tdx, &dev_options(), true, |c| {
		edit_tcb_info(c, |t| {
			if let Some(module) = t.tdx_module.as_mut() {
				module.mrsigner = "01".repeat(48);
			}
		});
	});
	assert_eq!(other_module.map(|_| ()), Err(DcapError::TcbLevelUnknown));
}

#[test]
fn collateral_items_that_do_not_parse_are_collateral_malformed() {
	let (_, _, identities) = dev();
	for identity in &identities {
		let pck_crl = verify_dev(identity, &dev_options(), false, |c| {
			c.pck_crl = b"not a CRL".to_vec();
		});
		assert_eq!(pck_crl.map(|_| ()), Err(DcapError::CollateralMalformed), "{identity:?}");
		// A TCB info issuer chain with no certificate in it.
		let chain = verify_dev(identity, &dev_options(), false, |c| {
			c.tcb_info_issuer_chain = String::new();
		});
		assert_eq!(chain.map(|_| ()), Err(DcapError::CollateralMalformed), "{identity:?}");
	}
}

#[test]
fn items_issued_under_another_root_are_untrusted_root() {
	require_samples!();
	let (_, _, identities) = dev();
	let intel = sgx_collateral_struct();
	for identity in &identities {
		// Intel's root CA CRL: its signature does not verify under the dev root.
		let root_crl = verify_dev(identity, &dev_options(), false, |c| {
			c.root_ca_crl = intel.root_ca_crl.clone();
		});
		assert_eq!(root_crl.map(|_| ()), Err(DcapError::UntrustedRoot), "{identity:?}");
		// Intel's TCB info signer chain: it does not lead to the dev root.
		let signer = verify_dev(identity, &dev_options(), false, |c| {
			c.tcb_info_issuer_chain = intel.tcb_info_issuer_chain.clone();
		});
		assert_eq!(signer.map(|_| ()), Err(DcapError::UntrustedRoot), "{identity:?}");
	}
}

#[test]
fn a_qe_report_that_does_not_vouch_for_the_quote_is_quote_signature_invalid() {
	let (pki, root, identities) = dev();
	for identity in &identities {
		let quote = pki.quote(identity, [0; 64]).expect("quote");
		let collateral = pki.collateral_bytes(identity.tee(), &dev_options()).expect("c");
		let at = |needle: &[u8]| {
			quote.windows(needle.len()).position(|w| w == needle).expect("in the quote")
		};
		// QE auth data other than the QE report hashed with the attestation key.
		let mut auth_data = quote.clone();
		auth_data[at(&azra_dev_pki::sha256(b"azra/dev-pki/qe-auth-data"))] ^= 0x01;
		assert_eq!(
			verify(&auth_data, &collateral, &root, DEV_NOW).map(|_| ()),
			Err(DcapError::QuoteSignatureInvalid),
			"{identity:?}"
		);
		// A QE report the PCK key did not sign (its MRSIGNER altered).
		let mut qe_report = quote.clone();
		qe_report[at(&azra_dev_pki::sha256(b"azra/dev-pki/qe-mrsigner"))] ^= 0x01;
		assert_eq!(
			verify(&qe_report, &collateral, &root, DEV_NOW).map(|_| ()),
			Err(DcapError::QuoteSignatureInvalid),
			"{identity:?}"
		);
	}
}

/// dcap-qvl failures `classify` has no rule for today. Pinned so that a mapping added
/// in a later host-function version shows up here; version 1 must keep these.
#[test]
fn failures_without_a_mapping_are_verification_failed() {
	let (_, _, identities) = dev();
	for identity in &identities {
		// The TCB signing certificate's own signature does not verify under the root
		// ("InvalidSignatureForPublicKey": not "BadSignature" nor lower-case "signature").
		let bad_chain = verify_dev(identity, &dev_options(), false, |c| {
			let end = c.tcb_info_issuer_chain.find("\n-----END CERTIFICATE-----").expect("PEM");
			// A base64 digit of the certificate's signature, near its end.
			let mut chain = c.tcb_info_issuer_chain.clone().into_bytes();
			chain[end - 6] = if chain[end - 6] == b'A' { b'B' } else { b'A' };
			c.tcb_info_issuer_chain = String::from_utf8(chain).expect("PEM is text");
		});
		assert_eq!(bad_chain.map(|_| ()), Err(DcapError::VerificationFailed), "{identity:?}");
		// A quoting enclave below every TCB level of the QE identity.
		let old_qe = verify_dev(identity, &dev_options(), true, |c| {
			edit_qe_identity(c, |q| q.tcb_levels[0].tcb.isvsvn = azra_dev_pki::DEV_QE_SVN + 1);
		});
		assert_eq!(old_qe.map(|_| ()), Err(DcapError::VerificationFailed), "{identity:?}");
	}
}

#[test]
fn collateral_with_a_pck_chain_is_refused() {
	require_samples!();
	// Intel's sample collateral is Intel's items only.
	assert_eq!(dcap_verifier::check_collateral(&sgx_collateral()), Ok(()));
	assert_eq!(dcap_verifier::check_collateral(&tdx_collateral()), Ok(()));
	// With the sample quote's own PCK chain attached, as dcap-qvl's fetcher does.
	let mut attached = sgx_collateral_struct();
	attached.pck_certificate_chain = Some(sample_pck_chain(&sgx_quote()));
	let attached = native::encode_collateral(&attached);
	assert_eq!(
		dcap_verifier::check_collateral(&attached),
		Err(DcapError::CollateralCarriesPckChain)
	);
	// Even an empty chain: the field must be absent.
	let mut empty = sgx_collateral_struct();
	empty.pck_certificate_chain = Some(String::new());
	assert_eq!(
		dcap_verifier::check_collateral(&native::encode_collateral(&empty)),
		Err(DcapError::CollateralCarriesPckChain)
	);
	// Bytes that are not collateral, or collateral with bytes after it.
	assert_eq!(
		dcap_verifier::check_collateral(&sgx_collateral()[..50]),
		Err(DcapError::CollateralMalformed)
	);
	let mut trailing = sgx_collateral();
	trailing.push(0);
	assert_eq!(dcap_verifier::check_collateral(&trailing), Err(DcapError::CollateralMalformed));
}

/// What the refusal prevents, shown on `verify_quote` version 1 (unchanged): collateral
/// carrying one dev platform's PCK chain verifies that platform's quotes and fails every
/// other platform of the same FMSPC, whose own (genuine) chain is ignored.
#[test]
fn version_1_with_an_attached_pck_chain_locks_out_other_platforms() {
	use azra_dev_pki::{CollateralOptions, DevPki, Identity, Platform, SgxEnclave, TdxGuest};
	let pki = DevPki::new().expect("dev PKI");
	let root = pki.root_ca_der().expect("root");
	let now = 1_790_000_000;
	let plain = CollateralOptions::issued_at(now - 3600);
	let attached = CollateralOptions { pck_chain_of: Some(Platform::First), ..plain.clone() };
	for identity in
		[Identity::Sgx(SgxEnclave::azra_dev_runtime()), Identity::Tdx(TdxGuest::azra_dev_runtime())]
	{
		let tee = identity.tee();
		let first = pki.quote_on(Platform::First, &identity, [0; 64]).expect("quote");
		let second = pki.quote_on(Platform::Second, &identity, [0; 64]).expect("quote");
		// Both machines are of one platform type.
		assert_eq!(dcap_verifier::quote_platform(&first), dcap_verifier::quote_platform(&second));
		let plain = pki.collateral_bytes(tee, &plain).expect("collateral");
		let attached = pki.collateral_bytes(tee, &attached).expect("collateral");
		// Intel's items only: both verify.
		assert!(verify(&first, &plain, &root, now).is_ok(), "{tee:?}");
		assert!(verify(&second, &plain, &root, now).is_ok(), "{tee:?}");
		// First's chain attached: first still verifies, second is locked out.
		assert!(verify(&first, &attached, &root, now).is_ok(), "{tee:?}");
		assert_eq!(
			verify(&second, &attached, &root, now),
			Err(DcapError::QuoteSignatureInvalid),
			"{tee:?}"
		);
		// Which is why such collateral is refused before it is stored.
		assert_eq!(dcap_verifier::check_collateral(&plain), Ok(()));
		assert_eq!(
			dcap_verifier::check_collateral(&attached),
			Err(DcapError::CollateralCarriesPckChain)
		);
	}
}
