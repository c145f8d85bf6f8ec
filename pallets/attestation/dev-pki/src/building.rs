//! The pieces the dev PKI builds certificates, CRLs and quotes from: certificate profiles,
//! Intel's SGX extension, enclave and TD reports, deterministic keys, time and hash helpers.

use super::*;

/// `crl_der` with its signature replaced by `key`'s over its TBS part, if it parses.
pub(crate) fn resign_crl(crl_der: &[u8], key: &SigningKey) -> Vec<u8> {
	use der::Decode as _;
	let resigned = || -> Option<Vec<u8>> {
		let mut crl =
			x509_cert::crl::CertificateList::<x509_cert::certificate::Rfc5280>::from_der(crl_der)
				.ok()?;
		let tbs = crl.tbs_cert_list.to_der().ok()?;
		let signature: DerSignature = key.sign(&tbs);
		crl.signature = der::asn1::BitString::from_bytes(signature.as_bytes()).ok()?;
		crl.to_der().ok()
	};
	resigned().unwrap_or_else(|| crl_der.to_vec())
}

/// The profile of a dev certificate/// The profile of a dev certificate: names, CA or not, and Intel's SGX extension on the
/// PCK leaf. No extended key usage: dcap-qvl's path check would then demand TLS server use.
pub(crate) struct CertProfile {
	pub(crate) issuer: Name,
	pub(crate) subject: Name,
	pub(crate) ca: bool,
	pub(crate) extra: Option<Extension>,
}

impl BuilderProfile for CertProfile {
	fn get_issuer(&self, _subject: &Name) -> Name {
		self.issuer.clone()
	}

	fn get_subject(&self) -> Name {
		self.subject.clone()
	}

	fn build_extensions(
		&self,
		_spk: SubjectPublicKeyInfoRef<'_>,
		_issuer_spk: SubjectPublicKeyInfoRef<'_>,
		_tbs: &TbsCertificate,
	) -> x509_cert::builder::Result<Vec<Extension>> {
		let mut extensions = Vec::new();
		let constraints = BasicConstraints { ca: self.ca, path_len_constraint: None };
		extensions.push(constraints.to_extension(&self.subject, &extensions)?);
		let usage = if self.ca {
			KeyUsage(KeyUsages::KeyCertSign | KeyUsages::CRLSign)
		} else {
			KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation)
		};
		extensions.push(usage.to_extension(&self.subject, &extensions)?);
		extensions.extend(self.extra.clone());
		Ok(extensions)
	}
}

/// An attestation key's public point (x ‖ y), as quotes carry it.
pub(crate) fn public_point(key: &SigningKey) -> Result<[u8; 64]> {
	use p256::elliptic_curve::sec1::ToSec1Point;
	let point = key.verifying_key().as_affine().to_sec1_point(false);
	point.as_bytes()[1..]
		.try_into()
		.map_err(|_| Error("an uncompressed P-256 point is 65 bytes".into()))
}

/// Issue a certificate for `subject_key` under `profile`, signed by `issuer_key`, valid
/// from [`CERT_NOT_BEFORE`].
pub(crate) fn issue(
	profile: CertProfile,
	serial: u32,
	subject_key: &SigningKey,
	issuer_key: &SigningKey,
) -> Result<Certificate> {
	issue_from(CERT_NOT_BEFORE, profile, serial, subject_key, issuer_key)
}

/// [`issue`], valid from `not_before` (unix seconds) to [`CERT_NOT_AFTER`].
pub(crate) fn issue_from(
	not_before: u64,
	profile: CertProfile,
	serial: u32,
	subject_key: &SigningKey,
	issuer_key: &SigningKey,
) -> Result<Certificate> {
	let spki = SubjectPublicKeyInfo::from_key(subject_key.verifying_key())
		.map_err(|e| Error::new("public key", e))?;
	let validity = Validity::new(utc(not_before)?, utc(CERT_NOT_AFTER)?);
	let builder = CertificateBuilder::new(profile, SerialNumber::from(serial), validity, spki)
		.map_err(|e| Error::new("certificate", e))?;
	builder
		.build::<SigningKey, DerSignature>(issuer_key)
		.map_err(|e| Error::new("certificate signature", e))
}

/// Label of [`Platform::First`]'s PPID (its PCK certificate's bytes depend on it).
pub(crate) const PPID_LABEL: &[u8] = b"azra/dev-pki/ppid";
/// Label of [`Platform::Second`]'s PPID.
pub(crate) const SECOND_PPID_LABEL: &[u8] = b"azra/dev-pki/ppid-2";

/// Intel's SGX extension for a dev platform: PPID (the first 16 bytes of SHA-256 of
/// `ppid_label`), TCB (CPU SVN and PCE SVN), PCE id, FMSPC and SGX type, each a
/// (OID, value) sequence as in Intel's PCK certificates.
/// A platform's PCK certificate: key `key_label`, issued by the dev PCK platform CA with
/// serial `serial`, carrying Intel's SGX extension with the PPID of `ppid_label`.
pub(crate) fn pck_leaf(
	pck_ca: &Issued,
	key_label: &str,
	ppid_label: &[u8],
	serial: u32,
	not_before: u64,
) -> Result<Issued> {
	let key = dev_key(key_label)?;
	let cert = issue_from(
		not_before,
		CertProfile {
			issuer: subject_of(&pck_ca.cert),
			subject: dev_name("AzraCode Dev SGX PCK Certificate")?,
			ca: false,
			extra: Some(sgx_extension(ppid_label)?),
		},
		serial,
		&key,
		&pck_ca.key,
	)?;
	Ok(Issued { key, cert })
}

pub(crate) fn sgx_extension(ppid_label: &[u8]) -> Result<Extension> {
	#[derive(der::Sequence)]
	struct Entry {
		id: ObjectIdentifier,
		value: Any,
	}
	let entry = |id: ObjectIdentifier, value: Any| Entry { id, value };
	let octets = |bytes: &[u8]| {
		Any::new(Tag::OctetString, bytes.to_vec()).map_err(|e| Error::new("OCTET STRING", e))
	};
	let integer = |value: u16| Any::encode_from(&value).map_err(|e| Error::new("INTEGER", e));

	let mut tcb = Vec::new();
	for (i, svn) in DEV_CPU_SVN.iter().enumerate() {
		let id = ObjectIdentifier::new(&format!("{SGX_TCB}.{}", i + 1))
			.map_err(|e| Error::new("OID", e))?;
		tcb.push(entry(id, integer(u16::from(*svn))?));
	}
	tcb.push(entry(SGX_TCB_PCESVN, integer(DEV_PCE_SVN)?));
	tcb.push(entry(SGX_TCB_CPUSVN, octets(&DEV_CPU_SVN)?));

	let entries = vec![
		entry(SGX_PPID, octets(&sha256(ppid_label)[..16])?),
		entry(SGX_TCB, Any::encode_from(&tcb).map_err(|e| Error::new("TCB", e))?),
		entry(SGX_PCE_ID, octets(&[0, 0])?),
		entry(SGX_FMSPC, octets(&DEV_FMSPC)?),
		// SGX type: Standard.
		entry(SGX_TYPE, Any::new(Tag::Enumerated, vec![0]).map_err(|e| Error::new("ENUM", e))?),
	];
	let value = entries.to_der().map_err(|e| Error::new("SGX extension", e))?;
	Ok(Extension {
		extn_id: SGX_EXTENSION,
		critical: false,
		extn_value: OctetString::new(value).map_err(|e| Error::new("SGX extension", e))?,
	})
}

pub(crate) fn sgx_report(enclave: &SgxEnclave, report_data: [u8; 64]) -> EnclaveReport {
	let mut attributes = [0u8; 16];
	attributes[0] = SGX_FLAGS | if enclave.debug { SGX_FLAG_DEBUG } else { 0 };
	// XFRM: x87 and SSE state.
	attributes[8] = 0x03;
	EnclaveReport {
		cpu_svn: DEV_CPU_SVN,
		misc_select: 0,
		reserved1: [0; 28],
		attributes,
		mr_enclave: enclave.mr_enclave,
		reserved2: [0; 32],
		mr_signer: enclave.mr_signer,
		reserved3: [0; 96],
		isv_prod_id: enclave.isv_prod_id,
		isv_svn: enclave.isv_svn,
		reserved4: [0; 60],
		report_data,
	}
}

pub(crate) fn td_report(guest: &TdxGuest, report_data: [u8; 64]) -> TDReport10 {
	let mut td_attributes = DEV_TD_ATTRIBUTES;
	if guest.debug {
		td_attributes[0] |= 0x01;
	}
	TDReport10 {
		tee_tcb_svn: DEV_TEE_TCB_SVN,
		mr_seam: sha384_like(b"azra/dev-pki/mrseam"),
		mr_signer_seam: [0; 48],
		seam_attributes: [0; 8],
		td_attributes,
		xfam: DEV_XFAM,
		mr_td: guest.mr_td,
		mr_config_id: guest.mr_config_id,
		mr_owner: [0; 48],
		mr_owner_config: [0; 48],
		rt_mr0: guest.rtmr[0],
		rt_mr1: guest.rtmr[1],
		rt_mr2: guest.rtmr[2],
		rt_mr3: guest.rtmr[3],
		report_data,
	}
}

pub(crate) fn qe_attributes() -> [u8; 16] {
	// INIT | PROVISIONKEY, not DEBUG.
	let mut attributes = [0u8; 16];
	attributes[0] = 0x11;
	attributes
}

pub(crate) fn qe_mr_signer() -> [u8; 32] {
	sha256(b"azra/dev-pki/qe-mrsigner")
}

pub(crate) fn qe_prod_id(tee: Tee) -> u16 {
	match tee {
		Tee::Sgx => SGX_QE_PROD_ID,
		Tee::Tdx => TDX_QE_PROD_ID,
	}
}

pub(crate) fn components(svns: &[u8; 16]) -> Vec<TcbComponents> {
	svns.iter().map(|svn| TcbComponents { svn: *svn }).collect()
}

/// The dev key named `label`: SHA-256 of a public label, so anyone can derive it.
pub(crate) fn dev_key(label: &str) -> Result<SigningKey> {
	let seed = sha256(format!("azra/dev-pki/{label}").as_bytes());
	SigningKey::from_slice(&seed).map_err(|e| Error::new("dev key", e))
}

pub(crate) fn dev_name(common_name: &str) -> Result<Name> {
	Name::from_str(&format!("CN={common_name},O={ORGANISATION}")).map_err(|e| Error::new("name", e))
}

pub(crate) fn subject_of(cert: &Certificate) -> Name {
	cert.tbs_certificate().subject().clone()
}

pub(crate) fn utc(secs: u64) -> Result<Time> {
	UtcTime::from_unix_duration(Duration::from_secs(secs))
		.map(Time::UtcTime)
		.map_err(|e| Error::new("time", e))
}

pub(crate) fn rfc3339(secs: u64) -> Result<String> {
	let secs = i64::try_from(secs).map_err(|e| Error::new("time", e))?;
	chrono::DateTime::from_timestamp(secs, 0)
		.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
		.ok_or_else(|| Error("time out of range".into()))
}

pub(crate) fn raw_signature(key: &SigningKey, message: &[u8]) -> Vec<u8> {
	let signature: Signature = key.sign(message);
	signature.to_bytes().to_vec()
}

pub(crate) fn raw_signature_array(key: &SigningKey, message: &[u8]) -> Result<[u8; 64]> {
	raw_signature(key, message)
		.try_into()
		.map_err(|_| Error("a P-256 signature is 64 bytes".into()))
}

/// SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
	Sha256::digest(data).into()
}

pub(crate) fn sha384_like(label: &[u8]) -> [u8; 48] {
	let mut out = [0u8; 48];
	out[..32].copy_from_slice(&sha256(label));
	out[32..].copy_from_slice(&sha256(&sha256(label))[..16]);
	out
}

pub(crate) fn hex_upper(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02X}")).collect()
}
