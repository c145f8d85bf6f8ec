use super::*;
use dcap_qvl::{configs::RustCryptoConfig, verify::QuoteVerifier, QuotePolicy};

const NOW: u64 = 1_790_000_000;

/// Intel's verdict, or dcap-qvl's error chain as text.
type Outcome = core::result::Result<TcbStatus, String>;

fn verify(pki: &DevPki, identity: &Identity, options: &CollateralOptions, at: u64) -> Outcome {
	verify_on(pki, Platform::First, identity, options, at)
}

#[test]
fn re_signed_crls_carry_their_edits_past_the_signature_check() {
	use der::Decode as _;
	let pki = DevPki::new().unwrap();
	let identity = Identity::Sgx(SgxEnclave::azra_dev_runtime());
	let quote = pki.quote(&identity, [7; 64]).unwrap();
	let verify = |collateral: QuoteCollateralV3| -> Outcome {
		QuoteVerifier::<RustCryptoConfig>::new_with_config(pki.root_ca_der().unwrap())
			.verify_with_policy(&quote, collateral, NOW, &QuotePolicy::claims_only(NOW))
			.map(|claims| claims.tcb.status)
			.map_err(|e| format!("{e:#}"))
	};
	// Unedited, re-signing changes nothing.
	let revoked = CollateralOptions { revoke_pck: true, ..CollateralOptions::issued_at(NOW - 60) };
	let original = pki.collateral(Tee::Sgx, &revoked).unwrap();
	let mut same = original.clone();
	pki.resign_crls(&mut same);
	assert_eq!(same, original);
	assert!(verify(original.clone()).unwrap_err().contains("Revoked"));
	// Edit the PCK CRL so it revokes another serial: without re-signing the signature
	// fails; re-signed, the edit is what the verifier sees (the PCK is not revoked).
	let mut crl = x509_cert::crl::CertificateList::<x509_cert::certificate::Rfc5280>::from_der(
		&original.pck_crl,
	)
	.unwrap();
	crl.tbs_cert_list.revoked_certificates.as_mut().unwrap()[0].serial_number =
		SerialNumber::from(4_242u32);
	let mut edited = original.clone();
	edited.pck_crl = crl.to_der().unwrap();
	assert!(verify(edited.clone()).is_err());
	pki.resign_crls(&mut edited);
	assert_eq!(verify(edited), Ok(TcbStatus::UpToDate));
}

#[test]
fn every_quote_format_verifies_with_dcap_qvl() {
	let pki = DevPki::new().unwrap();
	let options = CollateralOptions::issued_at(NOW - 3600);
	for format in QuoteFormat::ALL {
		let identity = match format.tee() {
			Tee::Sgx => Identity::Sgx(SgxEnclave::azra_dev_runtime()),
			Tee::Tdx => Identity::Tdx(TdxGuest::azra_dev_runtime()),
		};
		let quote = pki.quote_as(Platform::First, &identity, [7; 64], format).unwrap();
		let parsed = Quote::parse(&quote).unwrap();
		assert_eq!(parsed.header.version, format.version(), "{format:?}");
		assert_eq!(parsed.report.as_td15().is_some(), format == QuoteFormat::Td15V5);
		let collateral = pki.collateral(format.tee(), &options).unwrap();
		let status = QuoteVerifier::<RustCryptoConfig>::new_with_config(pki.root_ca_der().unwrap())
			.verify_with_policy(&quote, collateral, NOW, &QuotePolicy::claims_only(NOW))
			.map(|claims| claims.tcb.status)
			.map_err(|e| format!("{e:#}"));
		// dcap-qvl 0.7.1 parses SGX quotes of versions 4 and 5 but verifies only
		// version 3; these quotes are ready for the dcap-qvl release that verifies them.
		let expected = match format {
			QuoteFormat::SgxV4 | QuoteFormat::SgxV5 => {
				Err("SGX TEE quote must have version 3".to_string())
			}
			_ => Ok(TcbStatus::UpToDate),
		};
		assert_eq!(status, expected, "{format:?}");
	}
	// A format of the other TEE is refused.
	let sgx = Identity::Sgx(SgxEnclave::azra_dev_runtime());
	assert!(pki.quote_as(Platform::First, &sgx, [0; 64], QuoteFormat::TdxV4).is_err());
}

#[test]
fn the_largest_collateral_fills_the_room_and_still_verifies() {
	let pki = DevPki::new().unwrap();
	let options = CollateralOptions::issued_at(NOW - 3600);
	for tee in [Tee::Sgx, Tee::Tdx] {
		let bytes = pki.largest_collateral(tee, &options, 32_768).unwrap();
		let collateral = <QuoteCollateralV3 as codec::Decode>::decode(&mut &bytes[..]).unwrap();
		// Within one padding item of the limit, never over it.
		assert!(bytes.len() <= 32_768 && bytes.len() > 32_768 - 600, "{}", bytes.len());
		let levels: TcbInfo = serde_json::from_str(&collateral.tcb_info).unwrap();
		assert!(levels.tcb_levels.len() > 10, "{tee:?}: {}", levels.tcb_levels.len());
		assert!(collateral.pck_crl.len() > 4_000, "{tee:?}: {}", collateral.pck_crl.len());
		// Every padding level is walked past and the platform's own still matches.
		let identity = match tee {
			Tee::Sgx => Identity::Sgx(SgxEnclave::azra_dev_runtime()),
			Tee::Tdx => Identity::Tdx(TdxGuest::azra_dev_runtime()),
		};
		let quote = pki.quote(&identity, [7; 64]).unwrap();
		let status = QuoteVerifier::<RustCryptoConfig>::new_with_config(pki.root_ca_der().unwrap())
			.verify_with_policy(&quote, collateral, NOW, &QuotePolicy::claims_only(NOW))
			.map(|claims| claims.tcb.status)
			.map_err(|e| format!("{e:#}"));
		assert_eq!(status, Ok(TcbStatus::UpToDate), "{tee:?}");
	}
	assert!(pki.largest_collateral(Tee::Tdx, &options, 1_000).is_err());
}

/// [`verify`] with a quote from `platform`.
fn verify_on(
	pki: &DevPki,
	platform: Platform,
	identity: &Identity,
	options: &CollateralOptions,
	at: u64,
) -> Outcome {
	let quote = pki.quote_on(platform, identity, [7; 64]).unwrap();
	let collateral = pki.collateral(identity.tee(), options).unwrap();
	QuoteVerifier::<RustCryptoConfig>::new_with_config(pki.root_ca_der().unwrap())
		.allow_debug(true)
		.verify_with_policy(&quote, collateral, at, &QuotePolicy::claims_only(at))
		.map(|claims| claims.tcb.status)
		.map_err(|e| format!("{e:#}"))
}

fn both_tees() -> [Identity; 2] {
	[Identity::Sgx(SgxEnclave::azra_dev_runtime()), Identity::Tdx(TdxGuest::azra_dev_runtime())]
}

#[test]
fn sgx_and_tdx_quotes_verify_under_the_dev_root() {
	let pki = DevPki::new().unwrap();
	let options = CollateralOptions::issued_at(NOW - 60);
	for identity in
		[Identity::Sgx(SgxEnclave::azra_dev_runtime()), Identity::Tdx(TdxGuest::azra_dev_runtime())]
	{
		assert_eq!(verify(&pki, &identity, &options, NOW), Ok(TcbStatus::UpToDate), "{identity:?}");
	}
}

#[test]
fn the_pki_is_deterministic() {
	let a = DevPki::new().unwrap();
	let b = DevPki::new().unwrap();
	assert_eq!(a.root_ca_der().unwrap(), b.root_ca_der().unwrap());
	let identity = Identity::Sgx(SgxEnclave::azra_dev_runtime());
	assert_eq!(a.quote(&identity, [1; 64]).unwrap(), b.quote(&identity, [1; 64]).unwrap());
}

#[test]
fn resigning_unedited_collateral_changes_nothing() {
	let pki = DevPki::new().unwrap();
	for tee in [Tee::Sgx, Tee::Tdx] {
		let collateral = pki.collateral(tee, &CollateralOptions::issued_at(NOW)).unwrap();
		let mut resigned = collateral.clone();
		resigned.tcb_info_signature = vec![0; 64];
		resigned.qe_identity_signature = vec![0; 64];
		pki.resign_collateral(&mut resigned);
		assert_eq!(resigned, collateral, "{tee:?}");
	}
}

#[test]
fn collateral_is_checked_like_intels() {
	let pki = DevPki::new().unwrap();
	let identity = Identity::Sgx(SgxEnclave::azra_dev_runtime());
	let options = CollateralOptions::issued_at(NOW - 60);
	let expired = verify(&pki, &identity, &options, options.next_update() + 1).unwrap_err();
	assert!(expired.to_lowercase().contains("expired"), "{expired}");
	let early = verify(&pki, &identity, &options, NOW - 120).unwrap_err();
	assert!(early.contains("future"), "{early}");
	let revoked = CollateralOptions { revoke_pck: true, ..options.clone() };
	let error = verify(&pki, &identity, &revoked, NOW).unwrap_err();
	assert!(error.contains("Revoked"), "{error}");
	let out_of_date = CollateralOptions {
		tcb_status: TcbStatus::OutOfDate,
		advisory_ids: vec!["INTEL-SA-00001".into()],
		..options
	};
	assert_eq!(verify(&pki, &identity, &out_of_date, NOW), Ok(TcbStatus::OutOfDate));
}

#[test]
fn sgx_collateral_does_not_verify_a_tdx_quote() {
	let pki = DevPki::new().unwrap();
	let quote = pki.quote(&Identity::Tdx(TdxGuest::azra_dev_runtime()), [0; 64]).unwrap();
	let collateral = pki.collateral(Tee::Sgx, &CollateralOptions::issued_at(NOW)).unwrap();
	let result = QuoteVerifier::<RustCryptoConfig>::new_with_config(pki.root_ca_der().unwrap())
		.verify_with_policy(&quote, collateral, NOW, &QuotePolicy::claims_only(NOW));
	assert!(result.is_err());
}

#[test]
fn two_platforms_share_the_platform_type_not_the_keys() {
	use dcap_qvl::intel::quote_fmspc_with;
	let pki = DevPki::new().unwrap();
	let options = CollateralOptions::issued_at(NOW - 60);
	for identity in both_tees() {
		// One collateral, Intel's items only, serves both machines.
		for platform in [Platform::First, Platform::Second] {
			assert_eq!(
				verify_on(&pki, platform, &identity, &options, NOW),
				Ok(TcbStatus::UpToDate),
				"{platform:?} {identity:?}"
			);
		}
		let first = pki.quote_on(Platform::First, &identity, [1; 64]).unwrap();
		let second = pki.quote_on(Platform::Second, &identity, [1; 64]).unwrap();
		let fmspc = |quote: &[u8]| {
			quote_fmspc_with::<RustCryptoConfig>(&Quote::parse(quote).unwrap()).unwrap()
		};
		assert_eq!(fmspc(&first), DEV_FMSPC);
		assert_eq!(fmspc(&second), DEV_FMSPC);
		assert_eq!(pki.quote(&identity, [1; 64]).unwrap(), first);
		assert_ne!(first, second);
	}
	let first = pki.pck_chain_pem(Platform::First).unwrap();
	let second = pki.pck_chain_pem(Platform::Second).unwrap();
	assert_ne!(first, second);
	// Only the leaf differs: same PCK platform CA and root.
	let marker = "-----BEGIN CERTIFICATE-----";
	let tail = |chain: &str| chain[chain[1..].find(marker).unwrap() + 1..].to_string();
	assert_eq!(tail(&first), tail(&second));
}

#[test]
fn an_attached_pck_chain_replaces_every_quotes_own() {
	let pki = DevPki::new().unwrap();
	let plain = CollateralOptions::issued_at(NOW - 60);
	assert_eq!(pki.collateral(Tee::Sgx, &plain).unwrap().pck_certificate_chain, None);
	let attached = CollateralOptions { pck_chain_of: Some(Platform::First), ..plain };
	let collateral = pki.collateral(Tee::Sgx, &attached).unwrap();
	assert_eq!(collateral.pck_certificate_chain, Some(pki.pck_chain_pem(Platform::First).unwrap()));
	for identity in both_tees() {
		// The chain's own platform still verifies ...
		assert_eq!(
			verify_on(&pki, Platform::First, &identity, &attached, NOW),
			Ok(TcbStatus::UpToDate)
		);
		// ... the other machine of the same FMSPC does not: its QE report is checked
		// against the attached PCK key, not its own.
		let error = verify_on(&pki, Platform::Second, &identity, &attached, NOW).unwrap_err();
		assert!(error.contains("Signature is invalid for qe_report"), "{error}");
	}
}
