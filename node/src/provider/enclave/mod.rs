//! The enclave a provider agent works with.
//!
//! A provider's agent needs three things from its enclave: a public *enclave key*, a DCAP
//! *quote* whose report data the agent chooses (to register that key on chain with
//! `attestation.registerEnclave`), and the enclave key's *work proof* over each work claim
//! (for `mint.submitWork`). [`Enclave`] is that contract; two implementations serve it:
//!
//! - [`DevEnclave`]: AzraCode's dev PKI (`azra-dev-pki`) plays the TEE and Intel's
//!   services. Its quotes are real DCAP quotes, but anyone can make them, so only dev and
//!   local chains (which trust the dev root) accept them. `azra-node dev-enclave` prints
//!   through it, so the CLI and the agent produce the same quotes and proofs.
//! - [`ConfigfsTsm`]: a Linux TDX guest, which asks the kernel for quotes through
//!   `configfs-tsm` (`/sys/kernel/config/tsm/report`).
//!
//! Both hold the enclave key as an sr25519 pair ([`EnclaveKeyPair`]): the key is bound to
//! the enclave by the quote, whose report data commits to it
//! ([`registration_report`]), not by where the key happens to live.
//!
//! Each enclave also holds a *sealing key* (X25519, [`azra_sealing::KeyPair`]) that
//! builders seal inputs to. It is derived inside the enclave from the enclave key's secret
//! (RFC 9180 `DeriveKeyPair` over a domain-separated hash of it), so it lives exactly where
//! the enclave key lives, and the same enclave key always comes back with the same sealing
//! key: the chain refuses a re-attestation that changes it. The quote's report data
//! carries its public half in bytes 32..64. The dev enclave seals nothing real: its keys
//! sit in a process the provider controls.

use azra_dev_pki::{DevPki, Identity, SgxEnclave, TdxGuest, Tee};
use azra_primitives::{MeasurementId, SealingKey, WorkClaim};
use azra_runtime::AccountId;
use azra_sealing::{Purpose, SealContext, SealError};
use pallet_attestation::{
	registration_report_data, Digest384, EnclaveKey, Fmspc, MeasurementEntry, RtmrPin, WorkProof,
};
use sp_core::{hexdisplay::HexDisplay, sr25519, Get, Pair, H256};
use sp_runtime::MultiSignature;
use std::{
	fmt, fs,
	io::{self, Read},
	path::{Path, PathBuf},
	sync::atomic::{AtomicU64, Ordering},
	thread,
	time::{Duration, Instant},
};
use zeroize::Zeroizing;

/// Why an enclave could not quote (or could not be set up).
#[derive(Debug)]
pub enum EnclaveError {
	/// The platform interface the enclave needs is not there: `path` is missing or is not
	/// what the interface provides.
	InterfaceMissing {
		/// What was looked for.
		path: PathBuf,
		/// Why it does not count as the interface.
		reason: &'static str,
	},
	/// `configfs-tsm` is served by another trusted security module than the expected one
	/// (its quotes would not be DCAP quotes the chain can verify).
	WrongProvider {
		/// The provider this enclave needs.
		expected: &'static str,
		/// The provider the kernel named.
		found: String,
	},
	/// In every attempt the report's `generation` moved by more than this agent's own
	/// write: another writer used the report entry, so the quote may answer its report
	/// data instead of ours.
	GenerationChanged {
		/// How many attempts were made, each with a fresh report entry.
		attempts: u32,
	},
	/// The report's `generation` attribute is not a number.
	MalformedGeneration {
		/// The attribute.
		path: PathBuf,
		/// What it held.
		found: String,
	},
	/// No quote came: the quote stayed empty until the wait ran out.
	EmptyQuote {
		/// Where the quote was expected.
		origin: String,
	},
	/// The quote is longer than the chain accepts (`attestation.registerEnclave` bounds
	/// it), so it could never register.
	QuoteTooLarge {
		/// Its length (at least this much).
		len: usize,
		/// The most the chain accepts.
		max: usize,
	},
	/// Reading or writing the platform interface failed.
	Io {
		/// What was being done.
		action: &'static str,
		/// The file or directory it was done to.
		path: PathBuf,
		/// The operating system's error.
		source: io::Error,
	},
	/// The enclave key's secret URI does not parse.
	SecretUri(String),
	/// A TEE name other than `sgx` or `tdx`.
	UnknownTee(String),
	/// The dev PKI could not issue a quote.
	DevPki(String),
}

impl fmt::Display for EnclaveError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			EnclaveError::InterfaceMissing { path, reason } => {
				write!(f, "no enclave interface at {}: {reason}", path.display())
			}
			EnclaveError::WrongProvider { expected, found } => {
				write!(f, "configfs-tsm provider is {found:?}, not {expected:?}")
			}
			EnclaveError::GenerationChanged { attempts } => write!(
				f,
				"another writer changed the report's generation in each of {attempts} attempts"
			),
			EnclaveError::MalformedGeneration { path, found } => {
				write!(f, "{} holds {found:?}, not a generation number", path.display())
			}
			EnclaveError::EmptyQuote { origin } => write!(f, "no quote came from {origin}"),
			EnclaveError::QuoteTooLarge { len, max } => {
				write!(f, "a quote of {len} bytes exceeds the chain's {max}")
			}
			EnclaveError::Io { action, path, source } => {
				write!(f, "could not {action} {}: {source}", path.display())
			}
			EnclaveError::SecretUri(reason) => write!(f, "not a secret URI: {reason}"),
			EnclaveError::UnknownTee(name) => write!(f, "the TEE must be sgx or tdx, not {name:?}"),
			EnclaveError::DevPki(reason) => write!(f, "the dev PKI could not quote: {reason}"),
		}
	}
}

impl std::error::Error for EnclaveError {
	fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
		match self {
			EnclaveError::Io { source, .. } => Some(source),
			_ => None,
		}
	}
}

/// An enclave, as the provider agent uses it.
///
/// Quoting may block (a TDX guest waits for the host's quoting service): call
/// [`Enclave::quote`] from a blocking context, not from an async task.
pub trait Enclave: Send + Sync {
	/// One line for logs: what the enclave is and its key.
	fn describe(&self) -> String;

	/// The public key the chain registers and checks work proofs against.
	fn enclave_key(&self) -> EnclaveKey;

	/// The public half of the sealing key builders seal inputs to.
	fn sealing_key(&self) -> SealingKey;

	/// A DCAP quote of this enclave carrying `report_data`.
	fn quote(&self, report_data: [u8; 64]) -> Result<Vec<u8>, EnclaveError>;

	/// The enclave key's work proof for `claim`: the `proof` of `mint.submitWork`.
	fn sign_work(&self, claim: &WorkClaim<AccountId>) -> WorkProof;

	/// Opens a sealed build's input `envelope` with the secret half of the sealing key,
	/// which never leaves the enclave. The plaintext lives only in this process's memory
	/// and is wiped when dropped; the caller must write it nowhere (docs/builders.md
	/// "Sealed builds" says what a dev enclave does not protect).
	fn open_input(
		&self,
		envelope: &[u8],
		context: &SealContext,
	) -> Result<Zeroizing<Vec<u8>>, SealError>;

	/// The quote for `attestation.registerEnclave(quote, enclave_key, nonce, measurement,
	/// sealing_key)`: its report data commits to this enclave's key, `provider`, `nonce`
	/// (from `attestation.requestNonce`) and the chain's `genesis` hash, and carries the
	/// sealing key.
	fn registration_quote(
		&self,
		genesis: &H256,
		provider: &AccountId,
		nonce: &H256,
	) -> Result<Vec<u8>, EnclaveError> {
		self.quote(registration_report(
			genesis,
			provider,
			&self.enclave_key(),
			nonce,
			&self.sealing_key(),
		))
	}

	/// The allow-listed measurement this enclave runs, if the enclave knows it (the dev
	/// enclave does; a TD's measurement is the operator's to name).
	fn measurement_id(&self) -> Option<MeasurementId> {
		None
	}

	/// Fresh collateral for this enclave's platform and a witness quote: the arguments of
	/// `attestation.submitCollateral`. Only the dev enclave can issue collateral; a real
	/// platform's comes from Intel's PCS, and the operator stores it.
	fn collateral(&self) -> Option<Result<DevCollateral, EnclaveError>> {
		None
	}
}

/// Collateral for `attestation.submitCollateral(fmspc, collateral, witness_quote)`.
pub struct DevCollateral {
	/// The platform's FMSPC.
	pub fmspc: Fmspc,
	/// SCALE-encoded collateral.
	pub collateral: Vec<u8>,
	/// A quote of the platform that the collateral verifies.
	pub witness_quote: Vec<u8>,
}

/// Dev-PKI collateral for `identity`'s platform issued with `options`, and a witness quote.
pub fn dev_collateral(
	pki: &DevPki,
	identity: &Identity,
	options: &azra_dev_pki::CollateralOptions,
) -> Result<DevCollateral, EnclaveError> {
	let dev = |e: azra_dev_pki::Error| EnclaveError::DevPki(e.to_string());
	Ok(DevCollateral {
		fmspc: azra_dev_pki::DEV_FMSPC,
		collateral: pki.collateral_bytes(identity.tee(), options).map_err(dev)?,
		witness_quote: pki.quote(identity, [0; 64]).map_err(dev)?,
	})
}

/// The report data that registers `enclave_key` with `sealing_key` for `provider` with
/// `nonce` on the chain with genesis hash `genesis`: the chain's 32-byte statement
/// ([`registration_report_data`]) followed by the 32-byte sealing key.
pub fn registration_report(
	genesis: &H256,
	provider: &AccountId,
	enclave_key: &EnclaveKey,
	nonce: &H256,
	sealing_key: &SealingKey,
) -> [u8; 64] {
	let mut report_data = [0u8; 64];
	report_data[..32].copy_from_slice(&registration_report_data(
		genesis,
		provider,
		enclave_key,
		nonce,
	));
	report_data[32..].copy_from_slice(sealing_key);
	report_data
}

/// The longest quote the chain accepts: a longer one could never register, so an enclave
/// refuses it here, where the cause can still be seen.
fn max_quote_len() -> usize {
	<<azra_runtime::Runtime as pallet_attestation::Config>::MaxQuoteLen as Get<u32>>::get() as usize
}

/// `quote` if the chain could accept its length.
fn within_chain_bound(quote: Vec<u8>) -> Result<Vec<u8>, EnclaveError> {
	let max = max_quote_len();
	if quote.len() > max {
		return Err(EnclaveError::QuoteTooLarge { len: quote.len(), max });
	}
	Ok(quote)
}

/// Domain of the sealing key's derivation from the enclave key's secret.
const SEALING_DOMAIN: &[u8] = b"azra/sealing-key/v1";

/// An enclave key held as an sr25519 pair: what both enclaves here sign work with.
///
/// Deliberately not `Debug`: it holds a secret.
#[derive(Clone)]
pub struct EnclaveKeyPair(sr25519::Pair);

impl EnclaveKeyPair {
	/// The key of secret URI `uri` (e.g. `//AliceEnclave`, or a mnemonic).
	pub fn from_secret_uri(uri: &str) -> Result<Self, EnclaveError> {
		sr25519::Pair::from_string(uri, None)
			.map(Self::from_pair)
			.map_err(|e| EnclaveError::SecretUri(format!("{e:?}")))
	}

	/// The key `pair`.
	pub fn from_pair(pair: sr25519::Pair) -> Self {
		Self(pair)
	}

	/// The public key, as the chain names it.
	pub fn enclave_key(&self) -> EnclaveKey {
		EnclaveKey::Sr25519(self.0.public().0)
	}

	/// The sealing key that belongs to this enclave key: RFC 9180's `DeriveKeyPair` of a
	/// domain-separated BLAKE2-256 of the enclave key's secret. Whoever holds the enclave
	/// key holds it, and nobody else.
	pub fn sealing_key_pair(&self) -> azra_sealing::KeyPair {
		let secret = zeroize::Zeroizing::new(self.0.to_raw_vec());
		let mut ikm = zeroize::Zeroizing::new(Vec::with_capacity(SEALING_DOMAIN.len() + 64));
		ikm.extend_from_slice(SEALING_DOMAIN);
		ikm.extend_from_slice(&secret);
		let digest = zeroize::Zeroizing::new(sp_io::hashing::blake2_256(&ikm));
		azra_sealing::KeyPair::derive(&digest[..])
	}

	/// The signature over `claim`'s signing payload, with the key that made it.
	pub fn sign_work(&self, claim: &WorkClaim<AccountId>) -> WorkProof {
		WorkProof {
			enclave_key: self.enclave_key(),
			signature: MultiSignature::Sr25519(self.0.sign(&claim.signing_payload())),
		}
	}
}

/// `key` for logs: its scheme and hex.
fn key_text(key: &EnclaveKey) -> String {
	match key {
		EnclaveKey::Ed25519(raw) => format!("ed25519 0x{}", HexDisplay::from(raw)),
		EnclaveKey::Sr25519(raw) => format!("sr25519 0x{}", HexDisplay::from(raw)),
	}
}

/// The TEE named `text` (`sgx` or `tdx`).
pub fn parse_tee(text: &str) -> Result<Tee, EnclaveError> {
	match text {
		"sgx" => Ok(Tee::Sgx),
		"tdx" => Ok(Tee::Tdx),
		other => Err(EnclaveError::UnknownTee(other.into())),
	}
}

fn tee_name(tee: Tee) -> &'static str {
	match tee {
		Tee::Sgx => "sgx",
		Tee::Tdx => "tdx",
	}
}

mod configfs_tsm;
mod dev;
#[cfg(test)]
mod tests;

pub use configfs_tsm::*;
pub use dev::*;
