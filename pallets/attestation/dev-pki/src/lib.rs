//! # AzraCode dev enclave
//!
//! Dev and test chains run where there is no SGX or TDX hardware, yet AzraCode's
//! attestation pallet accepts nothing but Intel DCAP quotes it verified itself. This crate
//! closes that gap without a single skip switch: it is a complete, miniature copy of
//! Intel's DCAP PKI whose **private keys are public knowledge** (each is the SHA-256 of a
//! fixed label), and it issues real DCAP-format artefacts through it:
//!
//! - a root CA ([`DevPki::root_ca_der`]) that dev and local chain specs trust instead of
//!   Intel's SGX root;
//! - a PCK platform CA and, for each of two dev platforms ([`Platform`]) of the one
//!   platform type [`DEV_FMSPC`], a PCK leaf certificate carrying Intel's SGX extension
//!   (FMSPC, CPU SVN, PCE SVN, PCE id, SGX type) and its own PPID and keys;
//! - a TCB signing certificate that signs TCB info and QE identity;
//! - collateral ([`DevPki::collateral`]): TCB info and QE identity JSON, PCK and root CRLs
//!   with their issuer chains, for SGX or TDX, with the dates, numbers and TCB status a
//!   test asks for (and, if asked, a platform's PCK chain attached, as dcap-qvl's fetcher
//!   attaches it: [`CollateralOptions::pck_chain_of`]);
//! - quotes ([`DevPki::quote`], [`DevPki::quote_on`]): SGX v3 and TDX v4, with the QE
//!   report signed by the platform's PCK key and the enclave report signed by its
//!   attestation key.
//!
//! The pallet verifies these with the same `dcap-qvl` code path as Intel's. What changes
//! is only *who* could have produced them: anyone. A chain that trusts the dev root is
//! therefore a dev chain and nothing more; production chain specs trust Intel's root,
//! under which no dev quote verifies.
//!
//! Everything is deterministic (fixed keys, RFC 6979 signatures, fixed certificate
//! validity), so the dev root certificate is the same bytes on every machine.

#![deny(missing_docs)]

use codec::Encode;
/// Intel's TCB statuses, as collateral states them.
pub use dcap_qvl::TcbStatus;
use dcap_qvl::{
	quote::{
		AuthData, AuthDataV3, AuthDataV4, CertificationData, Data, EnclaveReport, Header,
		QEReportCertificationData, Quote, Report, TDReport10, TDReport15,
	},
	tcb_info::TdxModule,
	QeIdentity, QeTcb, QeTcbLevel, QuoteCollateralV3, Tcb, TcbComponents, TcbInfo, TcbLevel,
	INTEL_QE_VENDOR_ID,
};
use der::{
	asn1::{Any, ObjectIdentifier, OctetString, UtcTime},
	Encode as _, EncodePem, Tag,
};
use p256::ecdsa::{signature::Signer, DerSignature, Signature, SigningKey};
use sha2::{Digest, Sha256};
use std::{fmt, str::FromStr, time::Duration};
use x509_cert::{
	builder::{profile::BuilderProfile, Builder, CertificateBuilder, CrlBuilder},
	crl::RevokedCert,
	ext::{
		pkix::{BasicConstraints, CrlNumber, KeyUsage, KeyUsages},
		Extension, ToExtension,
	},
	name::Name,
	serial_number::SerialNumber,
	spki::{SubjectPublicKeyInfo, SubjectPublicKeyInfoRef},
	time::{Time, Validity},
	Certificate, TbsCertificate,
};

/// The platform type (FMSPC) of the dev platform. Intel never issued it.
pub const DEV_FMSPC: [u8; 6] = [0xA2, 0x7A, 0xC0, 0xDE, 0x00, 0x01];

/// CPU SVN of the dev platform (in its PCK certificate and TCB info).
pub const DEV_CPU_SVN: [u8; 16] = [3; 16];

/// PCE SVN of the dev platform.
pub const DEV_PCE_SVN: u16 = 13;

/// TEE TCB SVN of the dev TDX module (module version 0: no module identity needed).
pub const DEV_TEE_TCB_SVN: [u8; 16] = [3, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/// ISV SVN of the dev quoting enclave.
pub const DEV_QE_SVN: u16 = 8;

/// Start of every dev certificate's validity (2025-01-01T00:00:00Z).
pub const CERT_NOT_BEFORE: u64 = 1_735_689_600;

/// Start of [`Platform::Second`]'s PCK certificate validity (2026-09-21T14:03:20Z): a
/// young certificate, issued after collateral a test may verify with it, to show that no
/// figure the chain compares between collateral depends on the witness quote's
/// certificates.
pub const SECOND_PCK_NOT_BEFORE: u64 = 1_789_999_400;

/// End of every dev certificate's validity (2049-12-31T23:59:59Z, the last UTCTime).
pub const CERT_NOT_AFTER: u64 = 2_524_607_999;

/// How long dev collateral is valid by default: 30 days, like Intel's TCB info.
pub const DEFAULT_COLLATERAL_VALIDITY: u64 = 30 * 24 * 60 * 60;

const ORGANISATION: &str = "AzraCode Dev PKI - private keys are public";

// Intel's SGX extension of PCK certificates and the parts dcap-qvl reads.
const SGX_EXTENSION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113741.1.13.1");
const SGX_PPID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113741.1.13.1.1");
const SGX_TCB: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113741.1.13.1.2");
const SGX_PCE_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113741.1.13.1.3");
const SGX_FMSPC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113741.1.13.1.4");
const SGX_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113741.1.13.1.5");
const SGX_TCB_PCESVN: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113741.1.13.1.2.17");
const SGX_TCB_CPUSVN: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113741.1.13.1.2.18");

// Quote constants (Intel's quote format).
const ATTESTATION_KEY_TYPE_ECDSA_P256: u16 = 2;
const TEE_TYPE_SGX: u32 = 0x0000_0000;
const TEE_TYPE_TDX: u32 = 0x0000_0081;
const CERT_TYPE_PCK_CHAIN: u16 = 5;
const CERT_TYPE_QE_REPORT: u16 = 6;
const SGX_QE_PROD_ID: u16 = 1;
const TDX_QE_PROD_ID: u16 = 2;
// SGX ATTRIBUTES.FLAGS: INIT | MODE64BIT, plus DEBUG for a debug enclave.
const SGX_FLAGS: u8 = 0x05;
const SGX_FLAG_DEBUG: u8 = 0x02;
// TD ATTRIBUTES: SEPT_VE_DISABLE (bit 28) always; TUD.DEBUG (bit 0) for a debug TD.
/// TD attributes of every dev trust domain that is not under debug: SEPT_VE_DISABLE.
pub const DEV_TD_ATTRIBUTES: [u8; 8] = [0, 0, 0, 0x10, 0, 0, 0, 0];

/// XFAM of every dev trust domain: x87, SSE, AVX.
pub const DEV_XFAM: [u8; 8] = [0x07, 0, 0, 0, 0, 0, 0, 0];

/// What went wrong while issuing a dev artefact (a bug or an out-of-range input; the
/// fixed dev PKI itself always builds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl Error {
	fn new(context: &str, error: impl fmt::Display) -> Self {
		Self(format!("{context}: {error}"))
	}
}

impl fmt::Display for Error {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for Error {}

/// Results of this crate.
pub type Result<T> = core::result::Result<T, Error>;

/// The TEE a quote or collateral is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tee {
	/// Intel SGX (quote v3, TCB info id `SGX`, QE identity id `QE`).
	Sgx,
	/// Intel TDX (quote v4, TCB info id `TDX`, QE identity id `TD_QE`).
	Tdx,
}

/// The identity of a dev SGX enclave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SgxEnclave {
	/// MRENCLAVE: the enclave's code measurement.
	pub mr_enclave: [u8; 32],
	/// MRSIGNER: the hash of the enclave signer's key.
	pub mr_signer: [u8; 32],
	/// ISV product id.
	pub isv_prod_id: u16,
	/// ISV security version.
	pub isv_svn: u16,
	/// Whether the enclave runs in debug mode (the pallet must reject it).
	pub debug: bool,
}

impl SgxEnclave {
	/// AzraCode's dev build runtime: the identity dev chain specs allow-list.
	pub fn azra_dev_runtime() -> Self {
		Self {
			mr_enclave: sha256(b"azra/dev-enclave/mrenclave/v1"),
			mr_signer: sha256(b"azra/dev-enclave/mrsigner/v1"),
			isv_prod_id: 1,
			isv_svn: 1,
			debug: false,
		}
	}
}

/// The identity of a dev TDX trust domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TdxGuest {
	/// MRTD: the measurement of the TD's initial contents.
	pub mr_td: [u8; 48],
	/// RTMR0..3: the runtime measurement registers.
	pub rtmr: [[u8; 48]; 4],
	/// MRCONFIGID: the configuration the host set for the TD.
	pub mr_config_id: [u8; 48],
	/// Whether the TD runs under debug (the pallet must reject it).
	pub debug: bool,
}

impl TdxGuest {
	/// AzraCode's dev build runtime as a trust domain.
	pub fn azra_dev_runtime() -> Self {
		let digest = |label: &str| sha384_like(label.as_bytes());
		Self {
			mr_td: digest("azra/dev-td/mrtd/v1"),
			rtmr: [
				digest("azra/dev-td/rtmr0/v1"),
				digest("azra/dev-td/rtmr1/v1"),
				digest("azra/dev-td/rtmr2/v1"),
				digest("azra/dev-td/rtmr3/v1"),
			],
			mr_config_id: [0; 48],
			debug: false,
		}
	}
}

/// The layout of a dev quote. Intel's quoting enclaves emit several, and the verifier
/// must read each it claims to accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteFormat {
	/// SGX: quote version 3 (what SGX DCAP has always emitted).
	SgxV3,
	/// SGX: quote version 4 (SGX enclave report with version-4 authentication data).
	/// dcap-qvl 0.7.1 parses it but verifies SGX quotes of version 3 only.
	SgxV4,
	/// SGX: quote version 5 (a typed body holding the SGX enclave report). Like
	/// [`Self::SgxV4`], not verified by dcap-qvl 0.7.1.
	SgxV5,
	/// TDX: quote version 4 with a TD 1.0 report.
	TdxV4,
	/// TDX: quote version 5 with a TD 1.0 report.
	TdxV5,
	/// TDX: quote version 5 with a TD 1.5 report (TEE TCB SVN 2 and MRSERVICETD added).
	Td15V5,
}

impl QuoteFormat {
	/// The format [`DevPki::quote`] uses for `tee`: SGX v3, TDX v4.
	pub fn default_for(tee: Tee) -> Self {
		match tee {
			Tee::Sgx => QuoteFormat::SgxV3,
			Tee::Tdx => QuoteFormat::TdxV4,
		}
	}

	/// The TEE the format is for.
	pub fn tee(&self) -> Tee {
		match self {
			QuoteFormat::SgxV3 | QuoteFormat::SgxV4 | QuoteFormat::SgxV5 => Tee::Sgx,
			QuoteFormat::TdxV4 | QuoteFormat::TdxV5 | QuoteFormat::Td15V5 => Tee::Tdx,
		}
	}

	/// The quote's header version.
	pub fn version(&self) -> u16 {
		match self {
			QuoteFormat::SgxV3 => 3,
			QuoteFormat::SgxV4 | QuoteFormat::TdxV4 => 4,
			QuoteFormat::SgxV5 | QuoteFormat::TdxV5 | QuoteFormat::Td15V5 => 5,
		}
	}

	/// Every format.
	pub const ALL: [QuoteFormat; 6] = [
		QuoteFormat::SgxV3,
		QuoteFormat::SgxV4,
		QuoteFormat::SgxV5,
		QuoteFormat::TdxV4,
		QuoteFormat::TdxV5,
		QuoteFormat::Td15V5,
	];
}

/// Who a quote says is running.
#[derive(Debug, Clone, PartialEq, Eq)]
// A TD's identity is larger than an enclave's; boxing it buys nothing in a std-only test PKI.
#[allow(clippy::large_enum_variant)]
pub enum Identity {
	/// An SGX enclave (quote v3).
	Sgx(SgxEnclave),
	/// A TDX trust domain (quote v4).
	Tdx(TdxGuest),
}

impl Identity {
	/// The TEE of this identity.
	pub fn tee(&self) -> Tee {
		match self {
			Identity::Sgx(_) => Tee::Sgx,
			Identity::Tdx(_) => Tee::Tdx,
		}
	}
}

/// A dev platform: one machine of platform type [`DEV_FMSPC`]. Each has its own PCK
/// certificate (own key, own PPID) under the one dev PCK platform CA, and its own
/// attestation key, as two real machines of one FMSPC do; the collateral of the platform
/// type serves both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Platform {
	/// The platform [`DevPki::quote`] quotes from (the benchmarks' quote is its).
	#[default]
	First,
	/// A second machine of the same platform type, whose PCK certificate is young (valid
	/// from [`SECOND_PCK_NOT_BEFORE`]).
	Second,
}

/// What dev collateral says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollateralOptions {
	/// Issue date (unix seconds) of the TCB info, QE identity and both CRLs.
	pub issued_at: u64,
	/// Seconds from `issued_at` to `nextUpdate`.
	pub validity: u64,
	/// TCB evaluation data number of the TCB info and QE identity.
	pub tcb_evaluation_data_number: u32,
	/// CRL number of both CRLs.
	pub crl_number: u32,
	/// Intel's verdict on the dev platform's TCB.
	pub tcb_status: TcbStatus,
	/// Advisories Intel lists against that TCB.
	pub advisory_ids: Vec<String>,
	/// Whether the PCK CRL revokes the dev PCK certificate (of [`Platform::First`]).
	pub revoke_pck: bool,
	/// Attach this platform's PCK certificate chain (leaf, PCK platform CA, root; PEM) as
	/// `pck_certificate_chain`, as dcap-qvl's collateral fetcher does. dcap-qvl then
	/// verifies every quote with that chain instead of the quote's own, so such
	/// collateral serves that one platform only; the attestation pallet refuses it.
	/// `None` (the default) gives Intel's items only.
	pub pck_chain_of: Option<Platform>,
	/// TCB levels placed before the platform's own, each above the platform in every
	/// component, so that TCB matching walks all of them: the costliest TCB info of a
	/// given size (see [`DevPki::largest_collateral`]).
	pub padding_tcb_levels: u32,
	/// Serial numbers the PCK CRL revokes besides any real one, none of them a dev
	/// certificate's: the costliest CRL of a given size.
	pub padding_revoked_serials: u32,
}

/// `count` distinct advisory ids of `len` bytes each (`INTEL-SA-` and a zero-padded
/// number), for collateral that carries the most advisories a chain records.
pub fn long_advisory_ids(count: usize, len: usize) -> Vec<String> {
	let digits = len.saturating_sub("INTEL-SA-".len());
	(0..count).map(|i| format!("INTEL-SA-{i:0digits$}")).collect()
}

impl CollateralOptions {
	/// Up-to-date collateral issued at `issued_at`, valid for [`DEFAULT_COLLATERAL_VALIDITY`].
	pub fn issued_at(issued_at: u64) -> Self {
		Self {
			issued_at,
			validity: DEFAULT_COLLATERAL_VALIDITY,
			tcb_evaluation_data_number: 1,
			crl_number: 1,
			tcb_status: TcbStatus::UpToDate,
			advisory_ids: Vec::new(),
			revoke_pck: false,
			pck_chain_of: None,
			padding_tcb_levels: 0,
			padding_revoked_serials: 0,
		}
	}

	/// Unix time after which the collateral no longer verifies.
	pub fn next_update(&self) -> u64 {
		self.issued_at.saturating_add(self.validity)
	}
}

/// One certificate of the dev PKI with its key.
struct Issued {
	key: SigningKey,
	cert: Certificate,
}

impl Issued {
	fn pem(&self) -> Result<String> {
		self.cert.to_pem(der::pem::LineEnding::LF).map_err(|e| Error::new("PEM", e))
	}
}

/// The dev PKI: Intel's DCAP hierarchy in miniature, with public keys.
pub struct DevPki {
	root: Issued,
	pck_ca: Issued,
	pck: Issued,
	tcb_signer: Issued,
	attestation_key: SigningKey,
	second_pck: Issued,
	second_attestation_key: SigningKey,
}

impl DevPki {
	/// Build the dev PKI. Deterministic: the same certificates on every call.
	pub fn new() -> Result<Self> {
		let root_key = dev_key("root-ca")?;
		let root_name = dev_name("AzraCode Dev SGX Root CA")?;
		let root_cert = issue(
			CertProfile { issuer: root_name.clone(), subject: root_name, ca: true, extra: None },
			1,
			&root_key,
			&root_key,
		)?;
		let root = Issued { key: root_key, cert: root_cert };

		let pck_ca_key = dev_key("pck-platform-ca")?;
		let pck_ca_cert = issue(
			CertProfile {
				issuer: subject_of(&root.cert),
				subject: dev_name("AzraCode Dev SGX PCK Platform CA")?,
				ca: true,
				extra: None,
			},
			2,
			&pck_ca_key,
			&root.key,
		)?;
		let pck_ca = Issued { key: pck_ca_key, cert: pck_ca_cert };

		let pck = pck_leaf(&pck_ca, "pck-leaf", PPID_LABEL, 3, CERT_NOT_BEFORE)?;

		let tcb_key = dev_key("tcb-signing")?;
		let tcb_cert = issue(
			CertProfile {
				issuer: subject_of(&root.cert),
				subject: dev_name("AzraCode Dev SGX TCB Signing")?,
				ca: false,
				extra: None,
			},
			4,
			&tcb_key,
			&root.key,
		)?;
		let tcb_signer = Issued { key: tcb_key, cert: tcb_cert };

		// The second platform: same PCK platform CA, same subject and FMSPC (as Intel's PCK
		// certificates of one platform type share them), its own key, serial and PPID.
		let second_pck =
			pck_leaf(&pck_ca, "pck-leaf-2", SECOND_PPID_LABEL, 5, SECOND_PCK_NOT_BEFORE)?;

		Ok(Self {
			root,
			pck_ca,
			pck,
			tcb_signer,
			attestation_key: dev_key("attestation-key")?,
			second_pck,
			second_attestation_key: dev_key("attestation-key-2")?,
		})
	}

	/// The dev root CA certificate (DER): what dev chain specs trust.
	pub fn root_ca_der(&self) -> Result<Vec<u8>> {
		self.root.cert.to_der().map_err(|e| Error::new("root DER", e))
	}

	/// `platform`'s PCK certificate chain (PEM: PCK leaf, PCK platform CA, root), as its
	/// quotes embed it and as dcap-qvl's fetcher attaches it to collateral.
	pub fn pck_chain_pem(&self, platform: Platform) -> Result<String> {
		let (pck, _) = self.platform_keys(platform);
		Ok(format!("{}{}{}", pck.pem()?, self.pck_ca.pem()?, self.root.pem()?))
	}

	/// `platform`'s PCK certificate and key, and its attestation key.
	fn platform_keys(&self, platform: Platform) -> (&Issued, &SigningKey) {
		match platform {
			Platform::First => (&self.pck, &self.attestation_key),
			Platform::Second => (&self.second_pck, &self.second_attestation_key),
		}
	}

	/// Collateral for the dev platform's `tee`, as `submit_collateral` takes it.
	pub fn collateral(&self, tee: Tee, options: &CollateralOptions) -> Result<QuoteCollateralV3> {
		let issue_date = rfc3339(options.issued_at)?;
		let next_update = rfc3339(options.next_update())?;
		let level_tcb = match tee {
			Tee::Sgx => Tcb {
				sgx_components: components(&DEV_CPU_SVN),
				tdx_components: Vec::new(),
				pce_svn: DEV_PCE_SVN,
			},
			Tee::Tdx => Tcb {
				sgx_components: components(&DEV_CPU_SVN),
				tdx_components: components(&DEV_TEE_TCB_SVN),
				pce_svn: DEV_PCE_SVN,
			},
		};
		// Padding levels first: above the platform in every component, they never match,
		// so matching walks all of them before reaching the platform's level.
		let padding_level = TcbLevel {
			tcb: Tcb {
				sgx_components: components(&[u8::MAX; 16]),
				tdx_components: match tee {
					Tee::Sgx => Vec::new(),
					Tee::Tdx => components(&[u8::MAX; 16]),
				},
				pce_svn: u16::MAX,
			},
			tcb_date: issue_date.clone(),
			tcb_status: TcbStatus::UpToDate,
			advisory_ids: Vec::new(),
		};
		let mut tcb_levels = vec![padding_level; options.padding_tcb_levels as usize];
		tcb_levels.push(TcbLevel {
			tcb: level_tcb,
			tcb_date: issue_date.clone(),
			tcb_status: options.tcb_status,
			advisory_ids: options.advisory_ids.clone(),
		});
		let tcb_info = TcbInfo {
			id: match tee {
				Tee::Sgx => "SGX",
				Tee::Tdx => "TDX",
			}
			.into(),
			version: 3,
			issue_date: issue_date.clone(),
			next_update: next_update.clone(),
			fmspc: hex_upper(&DEV_FMSPC),
			pce_id: "0000".into(),
			tcb_type: 0,
			tcb_evaluation_data_number: options.tcb_evaluation_data_number,
			tcb_levels,
			tdx_module: (tee == Tee::Tdx).then(|| TdxModule {
				mrsigner: hex_upper(&[0u8; 48]),
				attributes: hex_upper(&[0u8; 8]),
				attributes_mask: hex_upper(&[0xFFu8; 8]),
			}),
			tdx_module_identities: Vec::new(),
		};
		let qe_identity = QeIdentity {
			id: match tee {
				Tee::Sgx => "QE",
				Tee::Tdx => "TD_QE",
			}
			.into(),
			version: 2,
			issue_date: issue_date.clone(),
			next_update,
			tcb_evaluation_data_number: options.tcb_evaluation_data_number,
			miscselect: [0; 4],
			miscselect_mask: [0xFF; 4],
			attributes: qe_attributes(),
			attributes_mask: [
				0xFB, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0,
			],
			mrsigner: qe_mr_signer(),
			isvprodid: qe_prod_id(tee),
			tcb_levels: vec![QeTcbLevel {
				tcb: QeTcb { isvsvn: DEV_QE_SVN },
				tcb_date: issue_date,
				tcb_status: TcbStatus::UpToDate,
				advisory_ids: Vec::new(),
			}],
		};
		let tcb_info = serde_json::to_string(&tcb_info).map_err(|e| Error::new("TCB info", e))?;
		let qe_identity =
			serde_json::to_string(&qe_identity).map_err(|e| Error::new("QE identity", e))?;
		let signer_chain = format!("{}{}", self.tcb_signer.pem()?, self.root.pem()?);
		// Padding serials start far above every dev certificate's (which are below 10).
		let mut pck_revoked: Vec<SerialNumber> = (0..options.padding_revoked_serials)
			.map(|i| SerialNumber::from(1_000_000u32.saturating_add(i)))
			.collect();
		if options.revoke_pck {
			pck_revoked.push(self.pck.cert.tbs_certificate().serial_number().clone());
		}
		Ok(QuoteCollateralV3 {
			pck_crl_issuer_chain: format!("{}{}", self.pck_ca.pem()?, self.root.pem()?),
			root_ca_crl: self.crl(&self.root, options, Vec::new())?,
			pck_crl: self.crl(&self.pck_ca, options, pck_revoked)?,
			tcb_info_issuer_chain: signer_chain.clone(),
			tcb_info_signature: raw_signature(&self.tcb_signer.key, tcb_info.as_bytes()),
			tcb_info,
			qe_identity_issuer_chain: signer_chain,
			qe_identity_signature: raw_signature(&self.tcb_signer.key, qe_identity.as_bytes()),
			qe_identity,
			pck_certificate_chain: options
				.pck_chain_of
				.map(|platform| self.pck_chain_pem(platform))
				.transpose()?,
		})
	}

	/// Sign `collateral`'s TCB info and QE identity again with the dev TCB signing key,
	/// replacing both signatures; nothing else changes. For tests that edit the JSON of dev
	/// collateral (a TCB level the platform does not meet, the QE identity of another
	/// quoting enclave, …): re-signed, the edit passes dcap-qvl's signature check and
	/// reaches the rule under test. Unedited collateral comes back byte-identical.
	pub fn resign_collateral(&self, collateral: &mut QuoteCollateralV3) {
		collateral.tcb_info_signature =
			raw_signature(&self.tcb_signer.key, collateral.tcb_info.as_bytes());
		collateral.qe_identity_signature =
			raw_signature(&self.tcb_signer.key, collateral.qe_identity.as_bytes());
	}

	/// Sign both CRLs of `collateral` again with their dev issuers' keys (root CA CRL by
	/// the root, PCK CRL by the PCK platform CA), after a test or fuzzer edited what they
	/// say; a CRL that no longer parses is left as it is. Like
	/// [`Self::resign_collateral`], so edits reach the CRL rules instead of stopping at
	/// the signature.
	pub fn resign_crls(&self, collateral: &mut QuoteCollateralV3) {
		collateral.root_ca_crl = resign_crl(&collateral.root_ca_crl, &self.root.key);
		collateral.pck_crl = resign_crl(&collateral.pck_crl, &self.pck_ca.key);
	}

	/// [`Self::collateral`] SCALE-encoded: the `collateral` argument of `submit_collateral`.
	pub fn collateral_bytes(&self, tee: Tee, options: &CollateralOptions) -> Result<Vec<u8>> {
		Ok(self.collateral(tee, options)?.encode())
	}

	/// The most expensive collateral of `tee` whose encoding fits in `max_len` bytes:
	/// `options` with about half the room left filled with TCB levels that matching must
	/// walk past and the rest with serials the PCK CRL revokes
	/// ([`CollateralOptions::padding_tcb_levels`], `padding_revoked_serials`). Benchmarks
	/// verify with it so that weights cover the largest collateral a chain accepts.
	pub fn largest_collateral(
		&self,
		tee: Tee,
		options: &CollateralOptions,
		max_len: usize,
	) -> Result<Vec<u8>> {
		let size = |levels: u32, serials: u32| -> Result<usize> {
			let padded = CollateralOptions {
				padding_tcb_levels: levels,
				padding_revoked_serials: serials,
				..options.clone()
			};
			Ok(self.collateral_bytes(tee, &padded)?.len())
		};
		let base = size(0, 0)?;
		if base > max_len {
			return Err(Error(format!("{base} bytes of collateral exceed {max_len}")));
		}
		// The most of one kind of padding that keeps the size within `limit`.
		let most = |limit: usize, grow: &dyn Fn(u32) -> Result<usize>| -> Result<u32> {
			let (mut fits, mut too_many) = (0u32, 1u32);
			while grow(too_many)? <= limit {
				fits = too_many;
				too_many = too_many.saturating_mul(2);
			}
			while too_many - fits > 1 {
				let middle = fits + (too_many - fits) / 2;
				if grow(middle)? <= limit {
					fits = middle;
				} else {
					too_many = middle;
				}
			}
			Ok(fits)
		};
		let levels = most(base + (max_len - base) / 2, &|n| size(n, 0))?;
		let serials = most(max_len, &|n| size(levels, n))?;
		self.collateral_bytes(
			tee,
			&CollateralOptions {
				padding_tcb_levels: levels,
				padding_revoked_serials: serials,
				..options.clone()
			},
		)
	}

	/// A quote by the dev platform's quoting enclave that `identity` runs with
	/// `report_data`: SGX quote v3 or TDX quote v4, PCK chain embedded. The platform is
	/// [`Platform::First`]; see [`Self::quote_on`] for the other.
	pub fn quote(&self, identity: &Identity, report_data: [u8; 64]) -> Result<Vec<u8>> {
		self.quote_on(Platform::First, identity, report_data)
	}

	/// [`Self::quote`] from `platform`: its attestation key signs the enclave report, its
	/// PCK key the QE report, and its PCK chain is embedded.
	pub fn quote_on(
		&self,
		platform: Platform,
		identity: &Identity,
		report_data: [u8; 64],
	) -> Result<Vec<u8>> {
		let format = QuoteFormat::default_for(identity.tee());
		self.quote_as(platform, identity, report_data, format)
	}

	/// [`Self::quote_on`] in the layout `format` (which must be for `identity`'s TEE).
	pub fn quote_as(
		&self,
		platform: Platform,
		identity: &Identity,
		report_data: [u8; 64],
		format: QuoteFormat,
	) -> Result<Vec<u8>> {
		let (pck, attestation_key) = self.platform_keys(platform);
		let tee = identity.tee();
		if format.tee() != tee {
			return Err(Error(format!("{format:?} is not a format for {tee:?}")));
		}
		let (tee_type, report) = match (identity, format) {
			(Identity::Sgx(enclave), _) => {
				(TEE_TYPE_SGX, Report::SgxEnclave(sgx_report(enclave, report_data)))
			}
			(Identity::Tdx(guest), QuoteFormat::Td15V5) => (
				TEE_TYPE_TDX,
				Report::TD15(TDReport15 {
					base: td_report(guest, report_data),
					// No TCB update since launch: the second SVN equals the first.
					tee_tcb_svn2: DEV_TEE_TCB_SVN,
					mr_service_td: [0; 48],
				}),
			),
			(Identity::Tdx(guest), _) => {
				(TEE_TYPE_TDX, Report::TD10(td_report(guest, report_data)))
			}
		};
		let header = Header {
			version: format.version(),
			attestation_key_type: ATTESTATION_KEY_TYPE_ECDSA_P256,
			tee_type,
			qe_svn: DEV_QE_SVN,
			pce_svn: DEV_PCE_SVN,
			qe_vendor_id: INTEL_QE_VENDOR_ID,
			user_data: [0; 20],
		};
		// The attestation key signs the header, the body descriptor (version 5) and the
		// report: exactly the bytes before the authentication data in the encoding.
		let unsigned = Quote {
			header,
			report: report.clone(),
			auth_data: AuthData::V3(AuthDataV3 {
				ecdsa_signature: [0; 64],
				ecdsa_attestation_key: [0; 64],
				qe_report: [0; 384],
				qe_report_signature: [0; 64],
				qe_auth_data: Data::new(Vec::new()),
				certification_data: CertificationData { cert_type: 0, body: Data::new(Vec::new()) },
			}),
		};
		let encoded = unsigned.encode();
		let signed = encoded
			.get(..unsigned.signed_length())
			.ok_or_else(|| Error("the quote encodes shorter than its signed part".into()))?;
		let ecdsa_signature = raw_signature_array(attestation_key, signed)?;
		let ecdsa_attestation_key = public_point(attestation_key)?;

		// The quoting enclave vouches for the attestation key in its own report, which the
		// PCK key signs.
		let qe_auth_data = sha256(b"azra/dev-pki/qe-auth-data").to_vec();
		let mut qe_report_data = [0u8; 64];
		let mut hashed = ecdsa_attestation_key.to_vec();
		hashed.extend_from_slice(&qe_auth_data);
		qe_report_data[..32].copy_from_slice(&sha256(&hashed));
		let qe_report = EnclaveReport {
			cpu_svn: DEV_CPU_SVN,
			misc_select: 0,
			reserved1: [0; 28],
			attributes: qe_attributes(),
			mr_enclave: sha256(b"azra/dev-pki/qe-mrenclave"),
			reserved2: [0; 32],
			mr_signer: qe_mr_signer(),
			reserved3: [0; 96],
			isv_prod_id: qe_prod_id(tee),
			isv_svn: DEV_QE_SVN,
			reserved4: [0; 60],
			report_data: qe_report_data,
		};
		let qe_report_bytes: [u8; 384] =
			qe_report.encode().try_into().map_err(|_| Error("a QE report is 384 bytes".into()))?;
		let qe_report_signature = raw_signature_array(&pck.key, &qe_report_bytes)?;
		let pck_chain = self.pck_chain_pem(platform)?;
		let certification_data = CertificationData {
			cert_type: CERT_TYPE_PCK_CHAIN,
			body: Data::new(pck_chain.into_bytes()),
		};
		// Version 3 carries version-3 authentication data; versions 4 and 5 (either TEE)
		// carry version 4's, with the QE report inside certification data of type 6.
		let auth_data = match format.version() {
			3 => AuthData::V3(AuthDataV3 {
				ecdsa_signature,
				ecdsa_attestation_key,
				qe_report: qe_report_bytes,
				qe_report_signature,
				qe_auth_data: Data::new(qe_auth_data),
				certification_data,
			}),
			_ => AuthData::V4(AuthDataV4 {
				ecdsa_signature,
				ecdsa_attestation_key,
				// The encoder fills this body with `qe_report_data`.
				certification_data: CertificationData {
					cert_type: CERT_TYPE_QE_REPORT,
					body: Data::new(Vec::new()),
				},
				qe_report_data: QEReportCertificationData {
					qe_report: qe_report_bytes,
					qe_report_signature,
					qe_auth_data: Data::new(qe_auth_data),
					certification_data,
				},
			}),
		};
		Ok(Quote { header, report, auth_data }.encode())
	}

	/// A CRL by `issuer`, revoking `revoked`.
	fn crl(
		&self,
		issuer: &Issued,
		options: &CollateralOptions,
		revoked: Vec<SerialNumber>,
	) -> Result<Vec<u8>> {
		let this_update = utc(options.issued_at)?;
		let number =
			CrlNumber::try_from(options.crl_number).map_err(|e| Error::new("CRL number", e))?;
		let builder = CrlBuilder::new_with_this_update(&issuer.cert, number, this_update)
			.map_err(|e| Error::new("CRL", e))?
			.with_next_update(Some(utc(options.next_update())?))
			.with_certificates(revoked.into_iter().map(|serial_number| RevokedCert {
				serial_number,
				revocation_date: this_update,
				crl_entry_extensions: None,
			}));
		let crl = builder
			.build::<SigningKey, DerSignature>(&issuer.key)
			.map_err(|e| Error::new("CRL signature", e))?;
		crl.to_der().map_err(|e| Error::new("CRL DER", e))
	}
}

mod building;
#[cfg(test)]
mod tests;

pub use building::sha256;
use building::*;
