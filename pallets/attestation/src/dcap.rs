//! DCAP quote verification as a host function.
//!
//! The runtime never links `dcap-qvl` (docs/architecture.md §6: its cdylib crate type does not
//! link in the no_std Wasm build, and native P-256 is an order of magnitude faster than
//! Wasm). Instead the [`dcap_verifier`] runtime interface runs `dcap-qvl` =0.7.1 natively in
//! the node and hands the runtime SCALE data: a [`VerifiedQuote`] or a typed [`DcapError`].
//!
//! Rules that come with a host function:
//! - Every input is on-chain data (quote, stored collateral, stored root, block time), so
//!   the result is deterministic across nodes.
//! - The interface is versioned. Any change of verification behaviour (including a new
//!   `dcap-qvl` release) ships as a new `#[version(n)]` of the function; an old version is
//!   never changed, so old blocks re-execute exactly as they were produced.
//! - The node registers [`HostFunctions`] in its executor and in benchmarking; a node that
//!   lacks them cannot import a runtime that calls them.
//!
//! Collateral crosses the boundary as the SCALE encoding of `dcap_qvl::QuoteCollateralV3`
//! (the same fields as Intel's PCS JSON: PEM issuer chains, DER CRLs, TCB info and QE
//! identity JSON text, raw signatures). The root CA is a DER certificate.
//!
//! Collateral the chain stores holds Intel's items only. `QuoteCollateralV3` also has an
//! optional `pck_certificate_chain`, which dcap-qvl's fetcher fills with the PCK chain of
//! the quote it fetched for, and which `verify_quote` then uses *instead of* every quote's
//! own chain. Stored for a whole (TEE, FMSPC), it would make every other machine of that
//! platform type fail with [`DcapError::QuoteSignatureInvalid`].
//! [`dcap_verifier::check_collateral`] refuses such collateral before it is stored.
//!
//! The functions and their versions (the runtime always calls the latest):
//!
//! | function | version | what it does |
//! |---|---|---|
//! | `quote_platform` | 1 | the quote's TEE and FMSPC |
//! | | 2 | the same, after checking the PCK chain has Intel's shape (3 P-256 certificates) |
//! | `verify_quote` | 1 | full verification, [`VerifiedQuote`] |
//! | | 2 | the same, plus the TD configuration ([`VerifiedQuoteV2`]) |
//! | `check_collateral` | 1 | decodes; refuses an attached PCK chain |
//! | | 2 | the same, and issuer chains of Intel's shape (2 P-256 certificates each) |
//! | `collateral_freshness` | 1 | each item's age, read from the items alone |

use crate::types::{
	CollateralFreshness, DcapError, Fmspc, TeeType, VerifiedQuote, VerifiedQuoteV2,
};
use sp_runtime_interface::{
	pass_by::{AllocateAndReturnByCodec, PassFatPointerAndRead},
	runtime_interface,
};

/// The DCAP verifier the node provides to the runtime.
#[runtime_interface]
pub trait DcapVerifier {
	/// The TEE type and FMSPC (platform type) of `quote`, read from its header and the PCK
	/// certificate it carries. Nothing is verified: this only picks the collateral to
	/// verify the quote with.
	fn quote_platform(
		quote: PassFatPointerAndRead<&[u8]>,
	) -> AllocateAndReturnByCodec<Result<(TeeType, Fmspc), DcapError>> {
		#[cfg(feature = "std")]
		{
			native::quote_platform(quote)
		}
		#[cfg(not(feature = "std"))]
		{
			let _ = quote;
			Err(DcapError::VerifierUnavailable)
		}
	}

	/// Version 2: what `quote_platform` version 1 returns, after checking that
	/// the quote's PCK certificate chain has the shape of Intel's: certification data type
	/// 5 (a PEM chain) of exactly three certificates (PCK, platform or processor CA, root),
	/// each a P-256 key signed with ECDSA over SHA-256. Longer chains or other algorithms
	/// give the verifier's path building more work than the weight of `register_enclave`
	/// pays for; they are refused with
	/// [`DcapError::CertificateChainShape`] before anything is verified.
	#[version(2)]
	fn quote_platform(
		quote: PassFatPointerAndRead<&[u8]>,
	) -> AllocateAndReturnByCodec<Result<(TeeType, Fmspc), DcapError>> {
		#[cfg(feature = "std")]
		{
			native::check_quote_shape(quote)?;
			native::quote_platform_v2(quote)
		}
		#[cfg(not(feature = "std"))]
		{
			let _ = quote;
			Err(DcapError::VerifierUnavailable)
		}
	}

	/// Verify `quote` fully against `collateral` (SCALE-encoded `QuoteCollateralV3`) and
	/// the root certificate `root_ca_der` at unix time `now_secs`: every certificate chain
	/// and CRL to the root, the collateral's signatures and validity window, the QE report
	/// and the quote's own signature, and Intel's TCB evaluation. Debug enclaves are
	/// reported (see [`VerifiedQuote::debug`]), not rejected: the caller's policy decides.
	fn verify_quote(
		quote: PassFatPointerAndRead<&[u8]>,
		collateral: PassFatPointerAndRead<&[u8]>,
		root_ca_der: PassFatPointerAndRead<&[u8]>,
		now_secs: u64,
	) -> AllocateAndReturnByCodec<Result<VerifiedQuote, DcapError>> {
		#[cfg(feature = "std")]
		{
			native::verify_quote(quote, collateral, root_ca_der, now_secs)
		}
		#[cfg(not(feature = "std"))]
		{
			let _ = (quote, collateral, root_ca_der, now_secs);
			Err(DcapError::VerifierUnavailable)
		}
	}

	/// Check that `collateral` (SCALE-encoded `QuoteCollateralV3`) decodes and holds
	/// Intel's items only: [`DcapError::CollateralCarriesPckChain`] if it carries a PCK
	/// certificate chain (which `verify_quote` would use in place of every quote's own),
	/// [`DcapError::CollateralMalformed`] if it does not decode. Nothing is verified:
	/// `verify_quote` does that.
	fn check_collateral(
		collateral: PassFatPointerAndRead<&[u8]>,
	) -> AllocateAndReturnByCodec<Result<(), DcapError>> {
		#[cfg(feature = "std")]
		{
			native::check_collateral(collateral)
		}
		#[cfg(not(feature = "std"))]
		{
			let _ = collateral;
			Err(DcapError::VerifierUnavailable)
		}
	}
	/// Version 2: what version 1 checks and computes, and the result carries, for a TDX
	/// quote, the TD's configuration (MRCONFIGID, TD attributes, XFAM) so that policy can
	/// pin them. Quotes accepted are those of version 1: SGX version 3, TDX versions 4 and
	/// 5 (TD 1.0 and TD 1.5 reports). SGX quotes of versions 4 and 5 are refused with
	/// [`DcapError::UnsupportedQuote`]: dcap-qvl 0.7.1 parses them but verifies SGX quotes
	/// of version 3 only, so accepting them waits for a dcap-qvl release that verifies them
	/// (and a new version of this function).
	#[version(2)]
	fn verify_quote(
		quote: PassFatPointerAndRead<&[u8]>,
		collateral: PassFatPointerAndRead<&[u8]>,
		root_ca_der: PassFatPointerAndRead<&[u8]>,
		now_secs: u64,
	) -> AllocateAndReturnByCodec<Result<VerifiedQuoteV2, DcapError>> {
		#[cfg(feature = "std")]
		{
			native::verify_quote_v2(quote, collateral, root_ca_der, now_secs)
		}
		#[cfg(not(feature = "std"))]
		{
			let _ = (quote, collateral, root_ca_der, now_secs);
			Err(DcapError::VerifierUnavailable)
		}
	}

	/// Version 2: what `check_collateral` version 1 checks, and the issuer
	/// chains have the shape of Intel's: the TCB info's, the QE identity's and the PCK
	/// CRL's issuer chains hold exactly two certificates each (signer, root), each a P-256
	/// key signed with ECDSA over SHA-256; [`DcapError::CertificateChainShape`] otherwise.
	/// This bounds the signature checks
	/// collateral can cause to what the weight of `submit_collateral` pays for.
	#[version(2)]
	fn check_collateral(
		collateral: PassFatPointerAndRead<&[u8]>,
	) -> AllocateAndReturnByCodec<Result<(), DcapError>> {
		#[cfg(feature = "std")]
		{
			native::check_collateral(collateral)?;
			native::check_collateral_shape(collateral)
		}
		#[cfg(not(feature = "std"))]
		{
			let _ = collateral;
			Err(DcapError::VerifierUnavailable)
		}
	}

	/// Read the age of each item of `collateral` (SCALE-encoded `QuoteCollateralV3`)
	/// from the items themselves: TCB info and QE identity issue dates and evaluation data
	/// numbers, both CRLs' `thisUpdate` and numbers, and the earliest expiry over the
	/// items and their issuer chains. No quote is involved, so no witness can shift these
	/// figures. Nothing is verified: call it only on collateral `verify_quote` accepted.
	fn collateral_freshness(
		collateral: PassFatPointerAndRead<&[u8]>,
	) -> AllocateAndReturnByCodec<Result<CollateralFreshness, DcapError>> {
		#[cfg(feature = "std")]
		{
			native::collateral_freshness(collateral)
		}
		#[cfg(not(feature = "std"))]
		{
			let _ = collateral;
			Err(DcapError::VerifierUnavailable)
		}
	}
}

/// The host functions the node must register (executor and benchmarking).
#[cfg(not(substrate_runtime))]
pub type HostFunctions = (dcap_verifier::HostFunctions,);

/// The native side: `dcap-qvl` with the RustCrypto backend (never `ring`).
#[cfg(feature = "std")]
pub mod native {
	use crate::types::{
		AdvisoryId, AdvisoryIds, CollateralFreshness, CollateralInfo, DcapError, Digest384,
		EnclaveIdentity, Fmspc, SgxIdentity, TdConfiguration, TdxIdentity, TeeType, VerifiedQuote,
		VerifiedQuoteV2,
	};
	use azra_primitives::TcbStatus;
	use codec::{Decode, Encode};
	use dcap_qvl::{
		configs::RustCryptoConfig,
		quote::{Quote, Report, TDAttributes},
		verify::QuoteVerifier,
		QeIdentity, QuoteCollateralV3, QuotePolicy, TcbInfo,
	};
	use sp_core::H256;

	/// Quote versions each TEE type may use (dcap-qvl 0.7.1 verifies SGX version 3 only).
	const SGX_VERSION: u16 = 3;
	const TDX_VERSIONS: [u16; 2] = [4, 5];
	const TEE_TYPE_SGX: u32 = 0x0000_0000;
	const TEE_TYPE_TDX: u32 = 0x0000_0081;

	/// Decode a quote and check its header is one we support.
	fn parse_quote(quote: &[u8]) -> Result<(Quote, TeeType), DcapError> {
		let parsed = Quote::parse(quote).map_err(|_| DcapError::QuoteMalformed)?;
		let tee_type = match (parsed.header.tee_type, parsed.header.version) {
			(TEE_TYPE_SGX, SGX_VERSION) => TeeType::Sgx,
			(TEE_TYPE_TDX, v) if TDX_VERSIONS.contains(&v) => TeeType::Tdx,
			_ => return Err(DcapError::UnsupportedQuote),
		};
		if parsed.header.qe_vendor_id != dcap_qvl::INTEL_QE_VENDOR_ID {
			return Err(DcapError::UnsupportedQuote);
		}
		Ok((parsed, tee_type))
	}

	/// Decode a quote and check its header is one version 2 supports: [`parse_quote`]'s,
	/// and the report body is of the header's TEE (a format 5 body names its type itself).
	fn parse_quote_v2(quote: &[u8]) -> Result<(Quote, TeeType), DcapError> {
		let (parsed, tee_type) = parse_quote(quote)?;
		if parsed.report.is_sgx() != (tee_type == TeeType::Sgx) {
			return Err(DcapError::UnsupportedQuote);
		}
		Ok((parsed, tee_type))
	}

	/// See [`super::dcap_verifier::quote_platform`].
	pub fn quote_platform(quote: &[u8]) -> Result<(TeeType, Fmspc), DcapError> {
		let (parsed, tee_type) = parse_quote(quote)?;
		let fmspc = dcap_qvl::intel::quote_fmspc_with::<RustCryptoConfig>(&parsed)
			.map_err(|_| DcapError::QuoteMalformed)?;
		Ok((tee_type, fmspc))
	}

	/// See [`super::dcap_verifier::quote_platform`] (version 2).
	pub fn quote_platform_v2(quote: &[u8]) -> Result<(TeeType, Fmspc), DcapError> {
		let (parsed, tee_type) = parse_quote_v2(quote)?;
		let fmspc = dcap_qvl::intel::quote_fmspc_with::<RustCryptoConfig>(&parsed)
			.map_err(|_| DcapError::QuoteMalformed)?;
		Ok((tee_type, fmspc))
	}

	/// Decode SCALE-encoded collateral, requiring every byte to be used.
	pub fn decode_collateral(collateral: &[u8]) -> Result<QuoteCollateralV3, DcapError> {
		let mut input = collateral;
		let decoded =
			QuoteCollateralV3::decode(&mut input).map_err(|_| DcapError::CollateralMalformed)?;
		if !input.is_empty() {
			return Err(DcapError::CollateralMalformed);
		}
		Ok(decoded)
	}

	/// See [`super::dcap_verifier::check_collateral`].
	pub fn check_collateral(collateral: &[u8]) -> Result<(), DcapError> {
		let collateral = decode_collateral(collateral)?;
		if collateral.pck_certificate_chain.is_some() {
			return Err(DcapError::CollateralCarriesPckChain);
		}
		Ok(())
	}

	/// How many certificates each of Intel's issuer chains holds: the signer and the root.
	pub const ISSUER_CHAIN_LEN: usize = 2;

	/// How many certificates a quote's PCK chain holds: PCK, platform/processor CA, root.
	pub const PCK_CHAIN_LEN: usize = 3;

	/// Certification data type of a PEM PCK certificate chain.
	const PCK_CERT_CHAIN_TYPE: u16 = 5;

	/// `id-ecPublicKey`, `prime256v1` and `ecdsa-with-SHA256`: the only key and signature
	/// algorithms on Intel's DCAP certificates.
	const EC_PUBLIC_KEY: der::asn1::ObjectIdentifier =
		der::asn1::ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
	const PRIME256V1: der::asn1::ObjectIdentifier =
		der::asn1::ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
	const ECDSA_WITH_SHA256: der::asn1::ObjectIdentifier =
		der::asn1::ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");

	/// Whether `certificate_der` is a certificate with a P-256 key, signed with ECDSA over
	/// SHA-256, as all of Intel's DCAP certificates are. Anything else (RSA keys up to 8192
	/// bits, other curves) would cost path building more than the weights measured.
	fn is_p256_certificate(certificate_der: &[u8]) -> bool {
		use der::Decode as _;
		let Ok(certificate) = x509_cert::Certificate::from_der(certificate_der) else {
			return false;
		};
		let key = &certificate.tbs_certificate().subject_public_key_info().algorithm;
		let curve = key
			.parameters
			.as_ref()
			.and_then(|parameters| parameters.decode_as::<der::asn1::ObjectIdentifier>().ok());
		key.oid == EC_PUBLIC_KEY
			&& curve == Some(PRIME256V1)
			&& certificate.signature_algorithm().oid == ECDSA_WITH_SHA256
	}

	/// Whether `chain` (PEM) holds exactly `len` certificates, counted by the parser
	/// dcap-qvl uses (so the count is what dcap-qvl hands to path building), each a P-256
	/// certificate signed with ECDSA over SHA-256.
	fn has_intels_shape(chain: &[u8], len: usize) -> bool {
		let Ok(blocks) = pem::parse_many(chain) else { return false };
		blocks.len() == len && blocks.iter().all(|block| is_p256_certificate(block.contents()))
	}

	/// See [`super::dcap_verifier::quote_platform`] (version 2).
	pub fn check_quote_shape(quote: &[u8]) -> Result<(), DcapError> {
		let (parsed, _) = parse_quote_v2(quote)?;
		let certification_data = match &parsed.auth_data {
			dcap_qvl::quote::AuthData::V3(data) => &data.certification_data,
			dcap_qvl::quote::AuthData::V4(data) => &data.qe_report_data.certification_data,
		};
		if certification_data.cert_type != PCK_CERT_CHAIN_TYPE {
			return Err(DcapError::CertificateChainShape);
		}
		if !has_intels_shape(&certification_data.body.data, PCK_CHAIN_LEN) {
			return Err(DcapError::CertificateChainShape);
		}
		Ok(())
	}

	/// See [`super::dcap_verifier::check_collateral`] (version 2).
	pub fn check_collateral_shape(collateral: &[u8]) -> Result<(), DcapError> {
		let collateral = decode_collateral(collateral)?;
		for chain in [
			&collateral.tcb_info_issuer_chain,
			&collateral.qe_identity_issuer_chain,
			&collateral.pck_crl_issuer_chain,
		] {
			if !has_intels_shape(chain.as_bytes(), ISSUER_CHAIN_LEN) {
				return Err(DcapError::CertificateChainShape);
			}
		}
		Ok(())
	}

	/// See [`super::dcap_verifier::collateral_freshness`].
	pub fn collateral_freshness(collateral: &[u8]) -> Result<CollateralFreshness, DcapError> {
		let collateral = decode_collateral(collateral)?;
		let tcb_info: TcbInfo = serde_json::from_str(&collateral.tcb_info)
			.map_err(|_| DcapError::CollateralMalformed)?;
		let qe_identity: QeIdentity = serde_json::from_str(&collateral.qe_identity)
			.map_err(|_| DcapError::CollateralMalformed)?;
		let pck_crl = crl_dates(&collateral.pck_crl)?;
		let root_ca_crl = crl_dates(&collateral.root_ca_crl)?;

		let mut next_update =
			rfc3339_secs(&tcb_info.next_update)?.min(rfc3339_secs(&qe_identity.next_update)?);
		// A CRL without `nextUpdate` does not expire (dcap-qvl reads it the same way).
		for crl_next in [pck_crl.next_update, root_ca_crl.next_update].into_iter().flatten() {
			next_update = next_update.min(crl_next);
		}
		for chain in [
			&collateral.tcb_info_issuer_chain,
			&collateral.qe_identity_issuer_chain,
			&collateral.pck_crl_issuer_chain,
		] {
			let certificates = x509_cert::Certificate::load_pem_chain(chain.as_bytes())
				.map_err(|_| DcapError::CollateralMalformed)?;
			for certificate in certificates {
				let not_after = certificate.tbs_certificate().validity().not_after;
				next_update = next_update.min(not_after.to_unix_duration().as_secs());
			}
		}

		Ok(CollateralFreshness {
			tcb_eval_data_number: tcb_info.tcb_evaluation_data_number,
			tcb_info_issued_at: rfc3339_secs(&tcb_info.issue_date)?,
			qe_eval_data_number: qe_identity.tcb_evaluation_data_number,
			qe_identity_issued_at: rfc3339_secs(&qe_identity.issue_date)?,
			pck_crl_number: pck_crl.number,
			pck_crl_issued_at: pck_crl.this_update,
			root_ca_crl_number: root_ca_crl.number,
			root_ca_crl_issued_at: root_ca_crl.this_update,
			next_update,
		})
	}

	/// `thisUpdate`, `nextUpdate` and CRL number of a DER CRL.
	struct CrlDates {
		this_update: u64,
		next_update: Option<u64>,
		number: u32,
	}

	/// Read a DER CRL's dates and number. A CRL without the CRL Number extension has
	/// number 0 (as in dcap-qvl); a number wider than 32 bits is malformed.
	fn crl_dates(crl_der: &[u8]) -> Result<CrlDates, DcapError> {
		use der::Decode as _;
		let crl =
			x509_cert::crl::CertificateList::<x509_cert::certificate::Rfc5280>::from_der(crl_der)
				.map_err(|_| DcapError::CollateralMalformed)?;
		let tbs = &crl.tbs_cert_list;
		let mut number = 0u32;
		let crl_number = tbs
			.crl_extensions
			.iter()
			.flatten()
			.find(|extension| extension.extn_id == CRL_NUMBER_OID);
		if let Some(extension) = crl_number {
			let value = der::asn1::UintRef::from_der(extension.extn_value.as_bytes())
				.map_err(|_| DcapError::CollateralMalformed)?;
			let bytes = value.as_bytes();
			if bytes.len() > 4 {
				return Err(DcapError::CollateralMalformed);
			}
			number = bytes.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b));
		}
		Ok(CrlDates {
			this_update: tbs.this_update.to_unix_duration().as_secs(),
			next_update: tbs.next_update.map(|t| t.to_unix_duration().as_secs()),
			number,
		})
	}

	/// The CRL Number extension (RFC 5280 §5.2.3).
	const CRL_NUMBER_OID: der::asn1::ObjectIdentifier =
		der::asn1::ObjectIdentifier::new_unwrap("2.5.29.20");

	/// Unix seconds of an RFC 3339 date as Intel writes them (`2025-06-19T10:01:18Z`).
	fn rfc3339_secs(date: &str) -> Result<u64, DcapError> {
		chrono::DateTime::parse_from_rfc3339(date)
			.ok()
			.and_then(|d| u64::try_from(d.timestamp()).ok())
			.ok_or(DcapError::CollateralMalformed)
	}

	/// Encode collateral in the form the pallet stores and the host function reads.
	pub fn encode_collateral(collateral: &QuoteCollateralV3) -> Vec<u8> {
		collateral.encode()
	}

	/// See [`super::dcap_verifier::verify_quote`].
	pub fn verify_quote(
		quote: &[u8],
		collateral: &[u8],
		root_ca_der: &[u8],
		now_secs: u64,
	) -> Result<VerifiedQuote, DcapError> {
		verify_parsed(parse_quote(quote)?, quote, collateral, root_ca_der, now_secs)
			.map(|(verified, _)| verified)
	}

	/// See [`super::dcap_verifier::verify_quote`] (version 2).
	pub fn verify_quote_v2(
		quote: &[u8],
		collateral: &[u8],
		root_ca_der: &[u8],
		now_secs: u64,
	) -> Result<VerifiedQuoteV2, DcapError> {
		let (quote, td) =
			verify_parsed(parse_quote_v2(quote)?, quote, collateral, root_ca_der, now_secs)?;
		Ok(VerifiedQuoteV2 { quote, td })
	}

	/// Verify `quote`, already parsed (and admitted by its version's rules) as `parsed`.
	fn verify_parsed(
		(parsed, tee_type): (Quote, TeeType),
		quote: &[u8],
		collateral: &[u8],
		root_ca_der: &[u8],
		now_secs: u64,
	) -> Result<(VerifiedQuote, Option<TdConfiguration>), DcapError> {
		let collateral = decode_collateral(collateral)?;
		let tcb_info: TcbInfo = serde_json::from_str(&collateral.tcb_info)
			.map_err(|_| DcapError::CollateralMalformed)?;
		let collateral_tee = match tcb_info.id.as_str() {
			"SGX" => TeeType::Sgx,
			"TDX" => TeeType::Tdx,
			_ => return Err(DcapError::CollateralMalformed),
		};
		if collateral_tee != tee_type {
			return Err(DcapError::FmspcMismatch);
		}

		let claims = QuoteVerifier::<RustCryptoConfig>::new_with_config(root_ca_der.to_vec())
			.allow_debug(true)
			// AzraCode's policy is applied by the pallet, on chain: dcap-qvl only verifies.
			.verify_with_policy(quote, collateral, now_secs, &QuotePolicy::claims_only(now_secs))
			.map_err(|e| classify(&e))?;

		let (identity, debug, report_data) = identity_of(&claims.report)?;
		let td = claims.report.as_td10().map(|td| TdConfiguration {
			mr_config_id: Digest384(td.mr_config_id),
			td_attributes: td.td_attributes,
			xfam: td.xfam,
		});
		let mut advisory_ids = AdvisoryIds::new();
		for id in &claims.tcb.advisory_ids {
			let id = AdvisoryId::try_from(id.as_bytes().to_vec())
				.map_err(|_| DcapError::TooManyAdvisories)?;
			advisory_ids.try_push(id).map_err(|_| DcapError::TooManyAdvisories)?;
		}
		let verified = VerifiedQuote {
			quote_version: parsed.header.version,
			identity,
			debug,
			report_data,
			tcb_status: tcb_status(claims.tcb.status),
			advisory_ids,
			collateral: CollateralInfo {
				tee_type,
				fmspc: claims.platform.pck.fmspc,
				tcb_eval_data_number: tcb_info.tcb_evaluation_data_number,
				qe_eval_data_number: claims.qe.tcb_eval_data_number,
				pck_crl_number: claims.platform.pck_crl_num,
				root_ca_crl_number: claims.platform.root_ca_crl_num,
				issued_at: claims.latest_issue_date,
				next_update: claims.earliest_expiration_date,
			},
		};
		Ok((verified, td))
	}

	/// The identity, debug flag and report data of a verified report body.
	fn identity_of(report: &Report) -> Result<(EnclaveIdentity, bool, [u8; 64]), DcapError> {
		if let Some(sgx) = report.as_sgx() {
			// SGX ATTRIBUTES.DEBUG is bit 1 of the first byte.
			let debug = sgx.attributes[0] & 0x02 != 0;
			let identity = EnclaveIdentity::Sgx(SgxIdentity {
				mr_enclave: H256(sgx.mr_enclave),
				mr_signer: H256(sgx.mr_signer),
				isv_prod_id: sgx.isv_prod_id,
				isv_svn: sgx.isv_svn,
			});
			return Ok((identity, debug, sgx.report_data));
		}
		let td = report.as_td10().ok_or(DcapError::UnsupportedQuote)?;
		// Any TUD ("TD under debug") bit makes the trust domain untrusted.
		let attributes =
			TDAttributes::parse(td.td_attributes).map_err(|_| DcapError::QuoteMalformed)?;
		let identity = EnclaveIdentity::Tdx(TdxIdentity {
			mr_td: Digest384(td.mr_td),
			rtmr: [
				Digest384(td.rt_mr0),
				Digest384(td.rt_mr1),
				Digest384(td.rt_mr2),
				Digest384(td.rt_mr3),
			],
		});
		Ok((identity, attributes.tud != 0, td.report_data))
	}

	/// Intel's status in AzraCode's vocabulary. A TD 1.5 "relaunch advised" status (the TD
	/// launched on an out-of-date TCB that has since been updated) counts as out of date
	/// until the TD relaunches.
	pub fn tcb_status(status: dcap_qvl::TcbStatus) -> TcbStatus {
		use dcap_qvl::TcbStatus as I;
		match status {
			I::UpToDate => TcbStatus::UpToDate,
			I::SWHardeningNeeded => TcbStatus::SwHardeningNeeded,
			I::ConfigurationNeeded => TcbStatus::ConfigurationNeeded,
			I::ConfigurationAndSWHardeningNeeded => TcbStatus::ConfigurationAndSwHardeningNeeded,
			I::OutOfDate | I::TDRelaunchAdvised => TcbStatus::OutOfDate,
			I::OutOfDateConfigurationNeeded | I::TDRelaunchAdvisedConfigurationNeeded => {
				TcbStatus::OutOfDateConfigurationNeeded
			}
			I::Revoked => TcbStatus::Revoked,
		}
	}

	/// Name the rule a `dcap-qvl` error broke. `dcap-qvl` 0.7.1 reports failures as
	/// `anyhow` chains; the messages matched here are those of that exact version (pinned
	/// with `=`), and the conformance tests pin each mapping. A new `dcap-qvl` version
	/// means a new host-function version, with these re-checked.
	pub fn classify<E: core::fmt::Display>(error: &E) -> DcapError {
		let message = format!("{error:#}");
		let has = |needle: &str| message.contains(needle);
		if has("Failed to load root ca") || has("Failed to parse root CA certificate") {
			DcapError::RootMalformed
		} else if has("TCB status is invalid: Revoked") {
			DcapError::TcbRevoked
		} else if has("Failed to parse root CA CRL") || has("UnknownIssuer") {
			DcapError::UntrustedRoot
		} else if has("Expired") || has("expired") {
			DcapError::CollateralExpired
		} else if has("in the future") || has("NotValidYet") {
			DcapError::CollateralNotYetValid
		} else if has("Revoked") {
			DcapError::CertificateRevoked
		} else if has("Signature is invalid for tcb_info")
			|| has("Signature is invalid for qe_identity")
		{
			DcapError::CollateralSignatureInvalid
		} else if has("Signature is invalid for qe_report")
			|| has("QE report hash mismatch")
			|| has("ISV enclave report signature is invalid")
		{
			DcapError::QuoteSignatureInvalid
		} else if has("Fmspc mismatch") || has("non-SGX TCB info") || has("non-TDX TCB info") {
			DcapError::FmspcMismatch
		} else if has("QE MRSIGNER")
			|| has("QE ISVPRODID")
			|| has("QE MISCSELECT")
			|| has("QE ATTRIBUTES")
			|| has("QE report validation")
			|| has("QE Identity id/version")
		{
			DcapError::QeIdentityMismatch
		} else if has("No matching TCB level") || has("TDX module") {
			DcapError::TcbLevelUnknown
		} else if has("Failed to decode quote")
			|| has("Unsupported DCAP quote version")
			|| has("must have version")
		{
			// Unreachable from `verify_quote`: `parse_quote` decodes the quote with the
			// same `Quote::decode` and admits only the (TEE type, version) pairs and QE
			// vendor dcap-qvl admits, returning `QuoteMalformed` / `UnsupportedQuote`
			// itself before dcap-qvl runs. Kept so the mapping stays total.
			DcapError::QuoteMalformed
		} else if has("Failed to decode")
			|| has("Failed to parse")
			|| has("Failed to extract")
			|| has("too short")
			|| has("Unsupported DCAP PCK cert format")
		{
			DcapError::CollateralMalformed
		} else if has("BadSignature") || has("signature") {
			// No dcap-qvl 0.7.1 failure is known to reach this branch: its webpki reports a
			// bad certificate signature as `InvalidSignatureForPublicKey` (no "BadSignature",
			// no lower-case "signature"; it ends as `VerificationFailed`, pinned in
			// `failures_without_a_mapping_are_verification_failed`), and the one message with
			// lower-case "signature" that `verify_quote` can produce ("ISV enclave report
			// signature is invalid") matches `QuoteSignatureInvalid` above. What is left are
			// the ECDSA encoder's "Failed to encode/finalize ECDSA signature sequence" (a DER
			// encoder failure on a signature's r and s), which no test has produced.
			DcapError::UntrustedRoot
		} else {
			log::debug!(target: crate::LOG_TARGET, "unclassified DCAP failure: {message}");
			DcapError::VerificationFailed
		}
	}
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod timing {
	use super::*;
	use crate::test_fixtures::*;

	/// Native time of one full verification of each sample (`cargo test --release -p
	/// pallet-attestation native_verify_time -- --ignored --nocapture`).
	#[test]
	#[ignore = "timing, not a check"]
	fn native_verify_time() {
		require_samples!();
		use azra_dev_pki::{CollateralOptions, DevPki, Identity, TdxGuest, Tee};
		let pki = DevPki::new().expect("dev PKI");
		let dev_now = 1_790_000_000;
		let dev = (
			"dev TDX v4 with its smallest collateral",
			pki.quote(&Identity::Tdx(TdxGuest::azra_dev_runtime()), [0; 64]).expect("quote"),
			pki.collateral_bytes(Tee::Tdx, &CollateralOptions::issued_at(dev_now - 3600))
				.expect("collateral"),
			pki.root_ca_der().expect("root"),
			dev_now,
		);
		let largest = (
			"dev TDX v4 with the largest collateral (32 KiB, the benchmarks')",
			dev.1.clone(),
			pki.largest_collateral(Tee::Tdx, &CollateralOptions::issued_at(dev_now - 3600), 32_768)
				.expect("collateral"),
			dev.3.clone(),
			dev_now,
		);
		for (name, quote, collateral, root, now) in [
			("Intel SGX v3", sgx_quote(), sgx_collateral(), intel_root(), SAMPLE_NOW),
			("Intel TDX v4", tdx_quote(), tdx_collateral(), intel_root(), SAMPLE_NOW),
			dev,
			largest,
		] {
			let runs = 20u32;
			let start = std::time::Instant::now();
			for _ in 0..runs {
				assert!(native::verify_quote(&quote, &collateral, &root, now).is_ok());
			}
			println!("{name}: {:?} per verification", start.elapsed() / runs);
		}
	}
}
