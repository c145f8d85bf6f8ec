//! The attestation pallet's vocabulary: what a verified quote says, how verification can
//! fail, what the policy allow-lists and what the enclave registry records.
//!
//! Everything here is plain SCALE data, usable in the no_std runtime. The types that cross
//! the host-function boundary ([`VerifiedQuote`], [`CollateralInfo`], [`DcapError`],
//! [`TeeType`]) are part of the versioned host interface in [`crate::dcap`]: their encoding
//! may only be extended by a new interface version.

use azra_primitives::{MeasurementId, TcbStatus};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{
	serde::{de::Error as _, Deserialize, Deserializer, Serialize, Serializer},
	MultiSignature,
};

/// Family-Model-Stepping-Platform-CustomSKU: the platform type Intel's collateral is
/// issued for, read from the PCK certificate inside a quote.
pub type Fmspc = [u8; 6];

/// Longest Intel security advisory id kept (e.g. `INTEL-SA-00615` is 14 bytes).
pub const MAX_ADVISORY_ID_LEN: u32 = 32;

/// Most advisory ids one verified quote may carry, and most ids the policy may reject.
pub const MAX_ADVISORIES: u32 = 64;

/// An Intel security advisory id, as ASCII bytes (`INTEL-SA-00615`).
pub type AdvisoryId = BoundedVec<u8, ConstU32<MAX_ADVISORY_ID_LEN>>;

/// A bounded list of advisory ids.
pub type AdvisoryIds = BoundedVec<AdvisoryId, ConstU32<MAX_ADVISORIES>>;

/// `ids` in the form the pallet stores and compares them: upper-case ASCII (Intel writes
/// `INTEL-SA-00615`; case never distinguishes two advisories), sorted, without repeats,
/// so that whether an id is in a list is a binary search.
pub fn normalize_advisories(ids: AdvisoryIds) -> AdvisoryIds {
	let mut ids = ids.into_inner();
	for id in ids.iter_mut() {
		id.as_mut().make_ascii_uppercase();
	}
	ids.sort();
	ids.dedup();
	// Normalizing never lengthens the list.
	AdvisoryIds::truncate_from(ids)
}

/// How many distinct TCB statuses exist (the size of the accepted-status list).
pub const TCB_STATUS_COUNT: u32 = 7;

/// The TCB statuses the policy accepts.
pub type TcbStatuses = BoundedVec<TcbStatus, ConstU32<TCB_STATUS_COUNT>>;

/// The kind of trusted execution environment a quote comes from.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	PartialOrd,
	Ord,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum TeeType {
	/// Intel SGX enclave (quote version 3).
	Sgx,
	/// Intel TDX trust domain (quote version 4 or 5).
	Tdx,
}

/// A 48-byte (SHA-384) measurement register value, as TDX reports them.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Digest384(pub [u8; 48]);

impl Serialize for Digest384 {
	fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		serializer.serialize_bytes(&self.0)
	}
}

impl<'de> Deserialize<'de> for Digest384 {
	fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let bytes = alloc::vec::Vec::<u8>::deserialize(deserializer)?;
		let array: [u8; 48] = bytes
			.try_into()
			.map_err(|_| D::Error::custom("a 48-byte measurement register is expected"))?;
		Ok(Digest384(array))
	}
}

/// The identity an SGX enclave report carries.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct SgxIdentity {
	/// MRENCLAVE: hash of the enclave's code and initial data.
	pub mr_enclave: H256,
	/// MRSIGNER: hash of the key that signed the enclave.
	pub mr_signer: H256,
	/// ISVPRODID: product id assigned by the signer.
	pub isv_prod_id: u16,
	/// ISVSVN: security version number assigned by the signer.
	pub isv_svn: u16,
}

/// The identity a TDX trust-domain report carries.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct TdxIdentity {
	/// MRTD: measurement of the initial TD contents.
	pub mr_td: Digest384,
	/// RTMR0..RTMR3: runtime-extendable measurement registers.
	pub rtmr: [Digest384; 4],
}

/// The measured identity of the code a quote attests.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum EnclaveIdentity {
	/// An SGX enclave.
	Sgx(SgxIdentity),
	/// A TDX trust domain.
	Tdx(TdxIdentity),
}

impl EnclaveIdentity {
	/// The TEE the identity belongs to.
	pub fn tee_type(&self) -> TeeType {
		match self {
			EnclaveIdentity::Sgx(_) => TeeType::Sgx,
			EnclaveIdentity::Tdx(_) => TeeType::Tdx,
		}
	}
}

/// What the verifier learned about a piece of collateral while verifying a quote with it:
/// the figures the rollback rule compares, and its validity window.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct CollateralInfo {
	/// The TEE the TCB info is for.
	pub tee_type: TeeType,
	/// The platform type the TCB info is for.
	pub fmspc: Fmspc,
	/// `tcbEvaluationDataNumber` of the TCB info.
	pub tcb_eval_data_number: u32,
	/// `tcbEvaluationDataNumber` of the QE identity.
	pub qe_eval_data_number: u32,
	/// CRL number of the PCK CRL.
	pub pck_crl_number: u32,
	/// CRL number of the root CA CRL.
	pub root_ca_crl_number: u32,
	/// Latest issue date (unix seconds) over TCB info, QE identity, both CRLs and the
	/// certificates of their chains.
	pub issued_at: u64,
	/// Earliest `nextUpdate` / `notAfter` (unix seconds) over the same items: after this
	/// instant the collateral no longer verifies.
	pub next_update: u64,
}

/// What a TDX report says beyond MRTD and the RTMRs, for policy to pin: returned by
/// version 2 of `verify_quote` (version 1's [`TdxIdentity`] stays as it was).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct TdConfiguration {
	/// MRCONFIGID: the software-defined configuration the host set for the TD.
	pub mr_config_id: Digest384,
	/// TDATTRIBUTES (little-endian bytes as in the report): debug, SEPT_VE_DISABLE, PKS, …
	pub td_attributes: [u8; 8],
	/// XFAM: the extended CPU features the TD may use.
	pub xfam: [u8; 8],
}

/// What version 2 of `verify_quote` returns: version 1's result, unchanged, and for a TDX
/// quote its [`TdConfiguration`]. Version 2 also accepts SGX quotes in formats 4 and 5.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct VerifiedQuoteV2 {
	/// Everything version 1 returned.
	pub quote: VerifiedQuote,
	/// The TD's configuration (TDX quotes only).
	pub td: Option<TdConfiguration>,
}

/// What each item of a piece of collateral says about its own age, read from the items
/// themselves and never from a quote verified with them: the figures the rollback rule
/// compares one by one, and the instant the items stop verifying.
///
/// [`CollateralInfo::issued_at`] / [`CollateralInfo::next_update`] (version 1 of the host
/// interface) also count the witness quote's PCK certificates, so a witness with a young PCK
/// certificate could make older collateral look newer than honest newer collateral. This
/// is what the pallet compares and stores instead.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
pub struct CollateralFreshness {
	/// `tcbEvaluationDataNumber` of the TCB info.
	pub tcb_eval_data_number: u32,
	/// `issueDate` of the TCB info (unix seconds).
	pub tcb_info_issued_at: u64,
	/// `tcbEvaluationDataNumber` of the QE identity.
	pub qe_eval_data_number: u32,
	/// `issueDate` of the QE identity (unix seconds).
	pub qe_identity_issued_at: u64,
	/// CRL number of the PCK CRL.
	pub pck_crl_number: u32,
	/// `thisUpdate` of the PCK CRL (unix seconds).
	pub pck_crl_issued_at: u64,
	/// CRL number of the root CA CRL.
	pub root_ca_crl_number: u32,
	/// `thisUpdate` of the root CA CRL (unix seconds).
	pub root_ca_crl_issued_at: u64,
	/// Earliest `nextUpdate` / `notAfter` (unix seconds) over the TCB info, the QE
	/// identity, both CRLs and the certificates of their issuer chains: after this instant
	/// the collateral no longer verifies, whichever quote it is used with.
	pub next_update: u64,
}

impl CollateralFreshness {
	/// Whether any item of `self` is older than the same item of `stored`: a lower
	/// evaluation data number, CRL number or issue date. Items are compared one by one,
	/// never through a sum or a maximum, so no newer item can hide an older one.
	pub fn rolls_back(&self, stored: &Self) -> bool {
		self.tcb_eval_data_number < stored.tcb_eval_data_number
			|| self.tcb_info_issued_at < stored.tcb_info_issued_at
			|| self.qe_eval_data_number < stored.qe_eval_data_number
			|| self.qe_identity_issued_at < stored.qe_identity_issued_at
			|| self.pck_crl_number < stored.pck_crl_number
			|| self.pck_crl_issued_at < stored.pck_crl_issued_at
			|| self.root_ca_crl_number < stored.root_ca_crl_number
			|| self.root_ca_crl_issued_at < stored.root_ca_crl_issued_at
	}
}

/// The newest collateral signed submitters may store for a platform whose collateral
/// governance restored: the restored collateral's evaluation data numbers.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct CollateralCeiling {
	/// The highest `tcbEvaluationDataNumber` of TCB info.
	pub tcb_eval_data_number: u32,
	/// The highest `tcbEvaluationDataNumber` of QE identity.
	pub qe_eval_data_number: u32,
}

impl CollateralCeiling {
	/// The ceiling at `freshness`'s evaluation data numbers.
	pub fn of(freshness: &CollateralFreshness) -> Self {
		Self {
			tcb_eval_data_number: freshness.tcb_eval_data_number,
			qe_eval_data_number: freshness.qe_eval_data_number,
		}
	}

	/// Whether collateral of `freshness` is above the ceiling (either number is higher).
	pub fn is_exceeded_by(&self, freshness: &CollateralFreshness) -> bool {
		freshness.tcb_eval_data_number > self.tcb_eval_data_number
			|| freshness.qe_eval_data_number > self.qe_eval_data_number
	}
}

/// The stored collateral of a platform, as the rollback rule and registrations read it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct CollateralRecord {
	/// `blake2_256` of the root CA it was verified against (collateral verified against
	/// another root does not count).
	pub root_hash: H256,
	/// What its items say about their age, and when they stop verifying.
	pub freshness: CollateralFreshness,
}

/// The result of a successful DCAP quote verification, as the host function returns it.
///
/// Only cryptographic verification and Intel's TCB evaluation have happened; AzraCode's
/// policy (measurements, accepted statuses, advisories, debug) is applied by the pallet.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct VerifiedQuote {
	/// Quote format version (3 for SGX, 4 or 5 for TDX).
	pub quote_version: u16,
	/// The measured identity of the attested code.
	pub identity: EnclaveIdentity,
	/// Whether the enclave (SGX `DEBUG` attribute) or trust domain (any TUD bit) runs in
	/// debug mode, where its memory is readable by the host.
	pub debug: bool,
	/// The 64 bytes of report data the enclave chose to bind into its quote.
	pub report_data: [u8; 64],
	/// Intel's TCB status for the platform and quoting enclave, converged.
	pub tcb_status: TcbStatus,
	/// Intel security advisories that apply to the platform.
	pub advisory_ids: AdvisoryIds,
	/// What the collateral used for the verification says about itself.
	pub collateral: CollateralInfo,
}

/// Why a quote (or a piece of collateral) did not verify. Each variant names the rule
/// that was broken.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum DcapError {
	/// The quote bytes do not decode as a DCAP quote.
	QuoteMalformed,
	/// The quote's version, TEE type, attestation key type or QE vendor is not supported
	/// (SGX v3 and TDX v4/v5 with ECDSA P-256 from Intel's QE are).
	UnsupportedQuote,
	/// A signature inside the quote (ISV report by the attestation key, QE report by the
	/// PCK key) or the QE report's binding of the attestation key does not verify.
	QuoteSignatureInvalid,
	/// The collateral bytes do not decode, or a part of it (TCB info, QE identity, CRL,
	/// certificate chain) does not parse.
	CollateralMalformed,
	/// A signature over TCB info or QE identity does not verify.
	CollateralSignatureInvalid,
	/// Collateral or a certificate was used after its `nextUpdate` / `notAfter`.
	CollateralExpired,
	/// Collateral or a certificate was used before its issue date.
	CollateralNotYetValid,
	/// The stored root CA certificate does not parse.
	RootMalformed,
	/// A certificate chain or the root CA CRL does not lead to the trusted root.
	UntrustedRoot,
	/// A certificate on a chain is revoked by a CRL.
	CertificateRevoked,
	/// The quote's platform (FMSPC) or TEE type differs from the collateral's.
	FmspcMismatch,
	/// The quoting enclave does not match Intel's QE identity.
	QeIdentityMismatch,
	/// No TCB level of the collateral matches the platform.
	TcbLevelUnknown,
	/// Intel revoked the platform's TCB.
	TcbRevoked,
	/// The platform carries more advisories than [`MAX_ADVISORIES`] (or one longer than
	/// [`MAX_ADVISORY_ID_LEN`]).
	TooManyAdvisories,
	/// The quote failed verification for a reason not listed above.
	VerificationFailed,
	/// The verifier is not compiled into this host (a native build without `std`).
	VerifierUnavailable,
	/// The collateral carries a PCK certificate chain (`pck_certificate_chain`). dcap-qvl
	/// verifies a quote with such a chain instead of the quote's own, so collateral
	/// stored for a whole platform type (FMSPC) with one machine's chain would make every
	/// other machine of that type fail; collateral must hold Intel's items only.
	/// (Appended last: earlier variants keep their encoding.)
	CollateralCarriesPckChain,
	/// A certificate chain does not have the shape of Intel's: a quote's PCK chain must be
	/// a PEM chain (certification data type 5) of three certificates (PCK, platform or
	/// processor CA, root), and each issuer chain of collateral two (signer, root). Longer
	/// chains would let one input cost more signature checks than its weight pays for.
	/// (Appended last.)
	CertificateChainShape,
}

/// An allow-listed measurement: what an enclave's identity must satisfy to earn.
///
/// Its [`MeasurementId`] is `blake2_256` of its SCALE encoding ([`Self::id`]).
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
// Stored and passed by value in SCALE, where a `Box` encodes the same bytes: the variants'
// sizes are the encoding's.
#[allow(clippy::large_enum_variant)]
pub enum MeasurementEntry {
	/// An SGX enclave: by MRENCLAVE (exact code), by MRSIGNER (any code of that signer),
	/// or both; always with the signer's product id and a minimum security version.
	Sgx {
		/// Required MRENCLAVE, if pinned.
		mr_enclave: Option<H256>,
		/// Required MRSIGNER, if pinned.
		mr_signer: Option<H256>,
		/// Required ISVPRODID.
		isv_prod_id: u16,
		/// Lowest accepted ISVSVN.
		min_isv_svn: u16,
	},
	/// A TDX trust domain: by MRTD (the firmware) and each runtime measurement register
	/// (RTMR0 firmware configuration, RTMR1 kernel, RTMR2 kernel command line and initrd,
	/// RTMR3 the application), plus the configuration fields operators may need to pin.
	/// Every RTMR must be named: [`RtmrPin::Exact`] pins it, and leaving one open is the
	/// explicit [`RtmrPin::Any`] (an entry with all four `Any` admits any kernel and
	/// application on that firmware).
	Tdx {
		/// Required MRTD.
		mr_td: Digest384,
		/// What RTMR0..RTMR3 must be.
		rtmr: [RtmrPin; 4],
		/// Required MRCONFIGID, if pinned.
		mr_config_id: Option<Digest384>,
		/// Required TD attribute bits, if pinned.
		td_attributes: Option<MaskedBits>,
		/// Required XFAM bits, if pinned.
		xfam: Option<MaskedBits>,
	},
}

/// What one TDX runtime measurement register must hold.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub enum RtmrPin {
	/// Exactly this value.
	Exact(Digest384),
	/// Any value: the register is deliberately left open.
	Any,
}

impl RtmrPin {
	/// Whether `value` satisfies the pin.
	pub fn admits(&self, value: &Digest384) -> bool {
		match self {
			RtmrPin::Exact(pinned) => pinned == value,
			RtmrPin::Any => true,
		}
	}
}

/// Bits of an 8-byte field that must have given values: `field & mask == value & mask`,
/// byte by byte (bits outside `mask` are free).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
#[serde(crate = "sp_runtime::serde")]
pub struct MaskedBits {
	/// The required values of the bits in `mask`.
	pub value: [u8; 8],
	/// Which bits are required.
	pub mask: [u8; 8],
}

impl MaskedBits {
	/// Whether `field` has the required bits.
	pub fn admits(&self, field: &[u8; 8]) -> bool {
		field.iter().zip(self.value.iter()).zip(self.mask.iter()).all(|((f, v), m)| f & m == v & m)
	}
}

impl MeasurementEntry {
	/// The entry's id: `blake2_256` of its SCALE encoding.
	pub fn id(&self) -> MeasurementId {
		H256(sp_io::hashing::blake2_256(&self.encode()))
	}

	/// Whether the entry pins anything at all (an SGX entry must pin MRENCLAVE or
	/// MRSIGNER).
	pub fn is_well_formed(&self) -> bool {
		match self {
			MeasurementEntry::Sgx { mr_enclave, mr_signer, .. } => {
				mr_enclave.is_some() || mr_signer.is_some()
			}
			MeasurementEntry::Tdx { .. } => true,
		}
	}

	/// Whether `verified` satisfies this entry: its identity, and for TDX also the pinned
	/// configuration fields (a TDX entry that pins any is never met without them).
	pub fn matches_quote(&self, verified: &VerifiedQuoteV2) -> bool {
		if let MeasurementEntry::Tdx { mr_config_id, td_attributes, xfam, .. } = self {
			let pins_configuration =
				mr_config_id.is_some() || td_attributes.is_some() || xfam.is_some();
			match &verified.td {
				Some(td) => {
					let configured = mr_config_id.is_none_or(|m| m == td.mr_config_id)
						&& td_attributes.is_none_or(|a| a.admits(&td.td_attributes))
						&& xfam.is_none_or(|x| x.admits(&td.xfam));
					if !configured {
						return false;
					}
				}
				None if pins_configuration => return false,
				None => {}
			}
		}
		self.matches(&verified.quote.identity)
	}

	/// Whether `identity` satisfies this entry's measurements (MRENCLAVE / MRSIGNER,
	/// product and SVN; MRTD and RTMRs). TDX configuration pins are checked by
	/// [`Self::matches_quote`].
	pub fn matches(&self, identity: &EnclaveIdentity) -> bool {
		match (self, identity) {
			(
				MeasurementEntry::Sgx { mr_enclave, mr_signer, isv_prod_id, min_isv_svn },
				EnclaveIdentity::Sgx(id),
			) => {
				(mr_enclave.is_some() || mr_signer.is_some())
					&& mr_enclave.is_none_or(|m| m == id.mr_enclave)
					&& mr_signer.is_none_or(|m| m == id.mr_signer)
					&& *isv_prod_id == id.isv_prod_id
					&& id.isv_svn >= *min_isv_svn
			}
			(MeasurementEntry::Tdx { mr_td, rtmr, .. }, EnclaveIdentity::Tdx(id)) => {
				*mr_td == id.mr_td
					&& rtmr.iter().zip(id.rtmr.iter()).all(|(pin, have)| pin.admits(have))
			}
			_ => false,
		}
	}
}

/// An allow-list entry and whether it was revoked. Revocation is final: it is the kill
/// switch for every enclave registered under the entry.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct MeasurementRecord {
	/// The entry.
	pub entry: MeasurementEntry,
	/// Set once by `revoke_measurement`; never cleared.
	pub revoked: bool,
}

/// An enclave's public key (defined with the vocabulary the pallets share, since a sealed
/// build names its recipients by it).
pub use azra_primitives::EnclaveKey;

/// A work proof, the `proof` argument of `mint.submitWork`: the enclave key that signed and
/// its signature over the claim's signing payload.
///
/// Naming the key costs 33 bytes and saves the chain from trying the signature against each
/// of the provider's enclaves: a proof check is one lookup and one signature verification.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct WorkProof {
	/// The registered enclave key that signed (its scheme must match the signature's).
	pub enclave_key: EnclaveKey,
	/// The enclave key's signature over the claim's
	/// [`signing_payload`](azra_primitives::WorkClaim::signing_payload).
	pub signature: MultiSignature,
}

/// A registered enclave.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct EnclaveRecord<AccountId, BlockNumber> {
	/// The provider the enclave works for.
	pub provider: AccountId,
	/// The allow-listed measurement the enclave's quote satisfied.
	pub measurement: MeasurementId,
	/// Intel's TCB status for the enclave's platform at registration.
	pub tcb_status: TcbStatus,
	/// The enclave's TEE.
	pub tee_type: TeeType,
	/// The enclave's platform type.
	pub fmspc: Fmspc,
	/// `blake2_256` of the root CA its quote was verified against: once governance sets
	/// another root, the enclave stops being eligible until it re-attests under the new one.
	pub root_hash: H256,
	/// TCB evaluation data number of the collateral its quote was verified with: once
	/// governance raises the minimum for its TEE above it, the enclave stops being
	/// eligible until it re-attests with newer collateral.
	pub tcb_eval_data_number: u32,
	/// Intel advisories that applied to its platform at registration: once governance
	/// rejects one of them, the enclave stops being eligible.
	pub advisory_ids: AdvisoryIds,
	/// Block of the (latest) registration.
	pub registered_at: BlockNumber,
	/// Last block at which the registration holds; the enclave must re-attest after it.
	pub expires_at: BlockNumber,
}

/// A chain-issued registration nonce.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct IssuedNonce<BlockNumber> {
	/// The nonce the quote's report data must commit to.
	pub nonce: H256,
	/// Last block at which the nonce may be used.
	pub expires_at: BlockNumber,
}

/// Domain tag of the registration statement an enclave binds into its report data.
pub const REGISTRATION_DOMAIN: &[u8] = b"azra/enclave-registration/v1";

/// The 32 bytes an enclave must put in `report_data[0..32]` to register `enclave_key` for
/// `provider` with `nonce` on the chain whose genesis hash is `genesis_hash`:
/// `blake2_256(SCALE(REGISTRATION_DOMAIN, genesis_hash, provider, enclave_key, nonce))`.
///
/// The remaining 32 bytes of report data are free for the enclave's own use.
pub fn registration_report_data<AccountId: Encode>(
	genesis_hash: &H256,
	provider: &AccountId,
	enclave_key: &EnclaveKey,
	nonce: &H256,
) -> [u8; 32] {
	let statement = (REGISTRATION_DOMAIN, genesis_hash, provider, enclave_key, nonce);
	sp_io::hashing::blake2_256(&statement.encode())
}
