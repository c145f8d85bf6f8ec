//! The enclave a provider agent works with.
//!
//! A provider's agent needs three things from its enclave: a public *enclave key*, a DCAP
//! *quote* whose report data the agent chooses (to register that key on chain with
//! `attestation.registerEnclave`), and the enclave key's *work proof* over each work claim
//! (for `mint.submitWork`). [`Enclave`] is that contract; two implementations serve it:
//!
//! - [`DevEnclave`]: AzraCode's dev PKI (`azra-dev-enclave`) plays the TEE and Intel's
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

use azra_dev_enclave::{DevPki, Identity, SgxEnclave, TdxGuest, Tee};
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
	options: &azra_dev_enclave::CollateralOptions,
) -> Result<DevCollateral, EnclaveError> {
	let dev = |e: azra_dev_enclave::Error| EnclaveError::DevPki(e.to_string());
	Ok(DevCollateral {
		fmspc: azra_dev_enclave::DEV_FMSPC,
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

/// AzraCode's dev build runtime on `tee` (under debug if `debug`, which chains reject).
pub fn dev_identity(tee: Tee, debug: bool) -> Identity {
	match tee {
		Tee::Sgx => Identity::Sgx(SgxEnclave { debug, ..SgxEnclave::azra_dev_runtime() }),
		Tee::Tdx => Identity::Tdx(TdxGuest { debug, ..TdxGuest::azra_dev_runtime() }),
	}
}

/// The dev enclave: the dev PKI quotes for AzraCode's dev build runtime, and an sr25519
/// key held by the agent signs work.
///
/// For dev and local chains, which trust the dev root. The dev PKI's private keys are
/// public, so these quotes prove nothing on a chain that trusts Intel's root, and such a
/// chain rejects them.
pub struct DevEnclave {
	key: EnclaveKeyPair,
	sealing: azra_sealing::KeyPair,
	identity: Identity,
	pki: DevPki,
}

impl DevEnclave {
	/// The dev build runtime on `tee`, with enclave key `key`.
	pub fn new(key: EnclaveKeyPair, tee: Tee) -> Result<Self, EnclaveError> {
		let pki = DevPki::new().map_err(|e| EnclaveError::DevPki(e.to_string()))?;
		let sealing = key.sealing_key_pair();
		Ok(Self { key, sealing, identity: dev_identity(tee, false), pki })
	}

	/// The same enclave running under debug: its quotes say so, and chains must reject
	/// them (for testing that they do).
	pub fn under_debug(self) -> Self {
		Self { identity: dev_identity(self.identity.tee(), true), ..self }
	}

	/// The allow-list entry its quotes satisfy (dev presets allow-list the SGX one).
	pub fn measurement(&self) -> MeasurementEntry {
		match &self.identity {
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
}

impl Enclave for DevEnclave {
	fn describe(&self) -> String {
		let debug = match &self.identity {
			Identity::Sgx(SgxEnclave { debug, .. }) | Identity::Tdx(TdxGuest { debug, .. }) => {
				*debug
			}
		};
		format!(
			"dev enclave ({}{}, dev PKI: dev chains only), enclave key {}",
			tee_name(self.identity.tee()),
			if debug { ", debug" } else { "" },
			key_text(&self.enclave_key()),
		)
	}

	fn enclave_key(&self) -> EnclaveKey {
		self.key.enclave_key()
	}

	fn sealing_key(&self) -> SealingKey {
		self.sealing.public()
	}

	fn open_input(
		&self,
		envelope: &[u8],
		context: &SealContext,
	) -> Result<Zeroizing<Vec<u8>>, SealError> {
		azra_sealing::open(Purpose::Input, envelope, &self.sealing, context).map(Zeroizing::new)
	}

	fn quote(&self, report_data: [u8; 64]) -> Result<Vec<u8>, EnclaveError> {
		let quote = self
			.pki
			.quote(&self.identity, report_data)
			.map_err(|e| EnclaveError::DevPki(e.to_string()))?;
		within_chain_bound(quote)
	}

	fn sign_work(&self, claim: &WorkClaim<AccountId>) -> WorkProof {
		self.key.sign_work(claim)
	}

	fn measurement_id(&self) -> Option<MeasurementId> {
		Some(self.measurement().id())
	}

	fn collateral(&self) -> Option<Result<DevCollateral, EnclaveError>> {
		let issued_at = match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
			// Backdated a minute so a node whose clock runs slightly behind accepts it.
			Ok(now) => now.as_secs().saturating_sub(60),
			Err(e) => return Some(Err(EnclaveError::DevPki(format!("clock: {e}")))),
		};
		let options = azra_dev_enclave::CollateralOptions::issued_at(issued_at);
		Some(dev_collateral(&self.pki, &self.identity, &options))
	}
}

/// Where Linux mounts `configfs-tsm`'s report interface.
pub const TSM_REPORT_ROOT: &str = "/sys/kernel/config/tsm/report";

/// The `provider` a TDX guest's kernel names (its `tdx_guest` driver): the one whose
/// `outblob` is a DCAP quote.
pub const TDX_GUEST_PROVIDER: &str = "tdx_guest";

/// Attempts at a quote before [`EnclaveError::GenerationChanged`]. Each uses its own
/// report entry, so only a writer that targets this agent's entries can make them all fail.
pub const GENERATION_ATTEMPTS: u32 = 3;

/// How long an attempt waits for the entry's attributes and quote by default.
pub const DEFAULT_QUOTE_WAIT: Duration = Duration::from_secs(10);

/// The most `outblob` can hold (the kernel's `TSM_REPORT_OUTBLOB_MAX`, 32 KiB).
const OUTBLOB_MAX: u64 = 32 * 1024;

/// The most a text attribute (`provider`, `generation`) can hold: one page.
const ATTRIBUTE_MAX: u64 = 4096;

/// Pause between looks at an attribute that is not there yet.
const POLL_INTERVAL: Duration = Duration::from_millis(5);

/// When an attempt stops waiting (kept as a start and a span, so no wait can overflow).
#[derive(Clone, Copy)]
struct Deadline {
	start: Instant,
	wait: Duration,
}

impl Deadline {
	fn passed(&self) -> bool {
		self.start.elapsed() >= self.wait
	}
}

/// Makes report entry names unique within the process (the process id makes them unique
/// among processes).
static NEXT_ENTRY: AtomicU64 = AtomicU64::new(0);

/// A TDX guest's enclave: the Linux kernel's `configfs-tsm` report interface quotes, and an
/// sr25519 key held by the agent inside the guest signs work.
///
/// For each quote it creates a report entry (`mkdir` under the root), checks the entry's
/// `provider` is [`TDX_GUEST_PROVIDER`], reads `generation`, writes the 64 bytes of report
/// data to `inblob`, reads the quote from `outblob`, reads `generation` again and removes
/// the entry. The kernel bumps `generation` on every write to the entry, so anything but
/// one more than before means another writer's report data may be in the quote: the
/// attempt is dropped and retried with a new entry, [`GENERATION_ATTEMPTS`] times in all,
/// then [`EnclaveError::GenerationChanged`].
///
/// On configfs every attribute exists as soon as the entry does and reading `outblob`
/// blocks until the quote is made, so the first look always finds them. Where the root is
/// a plain directory (as in this module's tests, where a thread plays the kernel), files
/// appear only when written: an attempt therefore looks again, every few milliseconds, at
/// an attribute that is missing or empty, until [`DEFAULT_QUOTE_WAIT`] (or
/// [`Self::with_wait`]) runs out. The same code runs in both.
///
/// The enclave key: on real hardware it must be generated inside the trust domain and
/// never leave it (a key from a seed the host or the operator also knows lets them sign
/// work the TD never did). Its binding to the TD comes from the quote alone, whose report
/// data commits to it ([`registration_report`]); nothing else ties the two together.
///
/// Not exercised on TDX hardware: there is none on the machine this was written on. It is
/// tested against a simulated report directory only.
pub struct ConfigfsTsm {
	root: PathBuf,
	key: EnclaveKeyPair,
	sealing: azra_sealing::KeyPair,
	wait: Duration,
}

impl ConfigfsTsm {
	/// The report interface at `root` (normally [`TSM_REPORT_ROOT`]), with the enclave key
	/// `key`.
	pub fn new(root: impl Into<PathBuf>, key: EnclaveKeyPair) -> Self {
		let sealing = key.sealing_key_pair();
		Self { root: root.into(), key, sealing, wait: DEFAULT_QUOTE_WAIT }
	}

	/// The same, waiting at most `wait` per attempt for the entry's attributes and quote.
	#[cfg(test)]
	pub fn with_wait(self, wait: Duration) -> Self {
		Self { wait, ..self }
	}

	/// One attempt with a fresh report entry: the quote, or `None` if the generation shows
	/// another writer.
	fn attempt(&self, report_data: &[u8; 64]) -> Result<Option<Vec<u8>>, EnclaveError> {
		match fs::metadata(&self.root) {
			Ok(meta) if meta.is_dir() => {}
			Ok(_) => {
				return Err(EnclaveError::InterfaceMissing {
					path: self.root.clone(),
					reason: "not a directory",
				})
			}
			Err(e) if e.kind() == io::ErrorKind::NotFound => {
				return Err(EnclaveError::InterfaceMissing {
					path: self.root.clone(),
					reason: "no configfs-tsm report directory (not a TDX guest, configfs not \
					         mounted, or a kernel older than 6.7)",
				})
			}
			Err(source) => {
				return Err(EnclaveError::Io { action: "inspect", path: self.root.clone(), source })
			}
		}
		let entry = ReportEntry::create(&self.root)?;
		let deadline = Deadline { start: Instant::now(), wait: self.wait };

		let provider = entry.attribute("provider", deadline)?;
		let provider = String::from_utf8_lossy(&provider);
		if provider.trim() != TDX_GUEST_PROVIDER {
			return Err(EnclaveError::WrongProvider {
				expected: TDX_GUEST_PROVIDER,
				found: provider.trim().into(),
			});
		}

		let before = entry.generation(deadline)?;
		// One write of all 64 bytes: configfs hands a binary attribute to the kernel when
		// the file is closed (here, inside `fs::write`), as a single update.
		let inblob = entry.path.join("inblob");
		fs::write(&inblob, report_data).map_err(|source| EnclaveError::Io {
			action: "write report data to",
			path: inblob,
			source,
		})?;
		let outblob = entry.path.join("outblob");
		let quote = poll_read(&outblob, OUTBLOB_MAX, deadline)?
			.ok_or_else(|| EnclaveError::EmptyQuote { origin: outblob.display().to_string() })?;
		let after = entry.generation(deadline)?;
		if before.checked_add(1) != Some(after) {
			return Ok(None);
		}
		within_chain_bound(quote).map(Some)
	}
}

impl Enclave for ConfigfsTsm {
	fn describe(&self) -> String {
		format!(
			"TDX guest via configfs-tsm at {}, enclave key {}",
			self.root.display(),
			key_text(&self.enclave_key()),
		)
	}

	fn enclave_key(&self) -> EnclaveKey {
		self.key.enclave_key()
	}

	fn sealing_key(&self) -> SealingKey {
		self.sealing.public()
	}

	fn open_input(
		&self,
		envelope: &[u8],
		context: &SealContext,
	) -> Result<Zeroizing<Vec<u8>>, SealError> {
		// The agent runs inside the TD: opening here keeps the plaintext in the TD's memory.
		azra_sealing::open(Purpose::Input, envelope, &self.sealing, context).map(Zeroizing::new)
	}

	fn quote(&self, report_data: [u8; 64]) -> Result<Vec<u8>, EnclaveError> {
		for _ in 0..GENERATION_ATTEMPTS {
			if let Some(quote) = self.attempt(&report_data)? {
				return Ok(quote);
			}
		}
		Err(EnclaveError::GenerationChanged { attempts: GENERATION_ATTEMPTS })
	}

	fn sign_work(&self, claim: &WorkClaim<AccountId>) -> WorkProof {
		self.key.sign_work(claim)
	}
}

/// A `configfs-tsm` report entry this agent created, removed when dropped.
struct ReportEntry {
	path: PathBuf,
}

impl ReportEntry {
	/// A new entry under `root`, named after this process so that concurrent agents never
	/// share one.
	fn create(root: &Path) -> Result<Self, EnclaveError> {
		// A name can only be taken by an entry a crashed process with the same id left
		// behind; a few more numbers get past such leftovers.
		const NAME_TRIES: u32 = 16;
		let mut tries_left = NAME_TRIES;
		loop {
			tries_left = tries_left.saturating_sub(1);
			let n = NEXT_ENTRY.fetch_add(1, Ordering::Relaxed);
			let path = root.join(format!("azra-{}-{n}", std::process::id()));
			match fs::create_dir(&path) {
				Ok(()) => return Ok(Self { path }),
				Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries_left > 0 => {}
				Err(source) => {
					return Err(EnclaveError::Io { action: "create report entry", path, source })
				}
			}
		}
	}

	/// The text attribute `name`, waiting until `deadline` for it to appear.
	fn attribute(&self, name: &str, deadline: Deadline) -> Result<Vec<u8>, EnclaveError> {
		let path = self.path.join(name);
		poll_read(&path, ATTRIBUTE_MAX, deadline)?.ok_or(EnclaveError::InterfaceMissing {
			path,
			reason: "the report entry has no such attribute (not configfs-tsm)",
		})
	}

	/// The entry's write count.
	fn generation(&self, deadline: Deadline) -> Result<u64, EnclaveError> {
		let text = self.attribute("generation", deadline)?;
		let text = String::from_utf8_lossy(&text);
		text.trim().parse().map_err(|_| EnclaveError::MalformedGeneration {
			path: self.path.join("generation"),
			found: text.trim().into(),
		})
	}
}

impl Drop for ReportEntry {
	fn drop(&mut self) {
		// On configfs, rmdir takes the attributes with the entry. A plain directory keeps
		// the files written into it, so they go first; configfs never reaches that branch.
		// Errors are dropped: nothing here can do better, and a leftover entry holds only
		// public report data.
		if fs::remove_dir(&self.path).is_err() {
			let _ = fs::remove_dir_all(&self.path);
		}
	}
}

/// The contents of `path` (at most `limit + 1` bytes, enough to tell it is too long), or
/// `None` if it was still missing or empty at `deadline`.
fn poll_read(path: &Path, limit: u64, deadline: Deadline) -> Result<Option<Vec<u8>>, EnclaveError> {
	loop {
		let mut bytes = Vec::new();
		let read = fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes));
		match read {
			Ok(_) if !bytes.is_empty() => return Ok(Some(bytes)),
			Ok(_) => {}
			Err(e) if e.kind() == io::ErrorKind::NotFound => {}
			Err(source) => {
				return Err(EnclaveError::Io { action: "read", path: path.to_path_buf(), source })
			}
		}
		if deadline.passed() {
			return Ok(None);
		}
		thread::sleep(POLL_INTERVAL);
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use azra_dev_enclave::CollateralOptions;
	use pallet_attestation::VerifiedQuoteV2;
	use sp_keyring::Sr25519Keyring;
	use std::{
		collections::HashMap,
		sync::{atomic::AtomicBool, Arc},
		thread::JoinHandle,
	};

	fn unix_now() -> u64 {
		std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.expect("after 1970")
			.as_secs()
	}

	/// Verify `quote` as a dev chain does: the chain's own native verifier, the dev root
	/// that dev presets trust, fresh dev collateral.
	fn verify_as_dev_chain(quote: &[u8], tee: Tee) -> VerifiedQuoteV2 {
		let now = unix_now();
		let collateral = DevPki::new()
			.expect("dev PKI")
			.collateral_bytes(tee, &CollateralOptions::issued_at(now - 60))
			.expect("collateral");
		pallet_attestation::dcap::native::verify_quote_v2(
			quote,
			&collateral,
			azra_runtime::dev_pki::DEV_ROOT_CA,
			now,
		)
		.expect("the quote verifies as on chain")
	}

	fn dev_enclave(seed: &str, tee: Tee) -> DevEnclave {
		DevEnclave::new(EnclaveKeyPair::from_secret_uri(seed).expect("seed"), tee)
			.expect("dev enclave")
	}

	fn claim() -> WorkClaim<AccountId> {
		WorkClaim {
			genesis_hash: H256([2; 32]),
			build_id: 7,
			spec_hash: H256([3; 32]),
			input_hash: H256([4; 32]),
			output_hash: H256([5; 32]),
			units_used: 1_000,
			provider: Sr25519Keyring::Bob.to_account_id(),
		}
	}

	/// Whether `proof` holds for `claim`, checked as the attestation pallet checks it.
	fn proves(proof: &WorkProof, claim: &WorkClaim<AccountId>) -> bool {
		match (&proof.enclave_key, &proof.signature) {
			(EnclaveKey::Sr25519(public), MultiSignature::Sr25519(signature)) => {
				sr25519::Pair::verify(
					signature,
					claim.signing_payload(),
					&sr25519::Public::from_raw(*public),
				)
			}
			_ => false,
		}
	}

	#[test]
	fn a_dev_registration_quote_verifies_and_commits_to_the_registration() {
		let (genesis, nonce) = (H256([2; 32]), H256([1; 32]));
		let provider = Sr25519Keyring::Bob.to_account_id();
		for tee in [Tee::Sgx, Tee::Tdx] {
			let enclave = dev_enclave("//BobEnclave", tee);
			let quote = enclave.registration_quote(&genesis, &provider, &nonce).expect("quote");
			let verified = verify_as_dev_chain(&quote, tee);

			let key = enclave.enclave_key();
			let expected = registration_report_data(&genesis, &provider, &key, &nonce);
			assert_eq!(verified.quote.report_data[..32], expected);
			// The second half carries the sealing key, which is the enclave key's own.
			assert_eq!(verified.quote.report_data[32..], enclave.sealing_key());
			assert_ne!(enclave.sealing_key(), [0; 32]);
			assert!(!verified.quote.debug);
			assert!(enclave.measurement().matches_quote(&verified));

			// Each part of the registration is bound: changing any one changes the data.
			let other = H256([9; 32]);
			let alice = Sr25519Keyring::Alice.to_account_id();
			let other_key = EnclaveKey::Sr25519([9; 32]);
			for changed in [
				registration_report_data(&other, &provider, &key, &nonce),
				registration_report_data(&genesis, &alice, &key, &nonce),
				registration_report_data(&genesis, &provider, &other_key, &nonce),
				registration_report_data(&genesis, &provider, &key, &other),
			] {
				assert_ne!(verified.quote.report_data[..32], changed);
			}
		}
		// Dev presets allow-list the SGX dev runtime: the dev SGX enclave is that one.
		assert_eq!(
			dev_enclave("//BobEnclave", Tee::Sgx).measurement(),
			azra_runtime::dev_pki::dev_runtime_measurement()
		);
	}

	#[test]
	fn a_dev_enclave_under_debug_says_so_in_its_quotes() {
		let enclave = dev_enclave("//BobEnclave", Tee::Sgx).under_debug();
		let verified = verify_as_dev_chain(&enclave.quote([7; 64]).expect("quote"), Tee::Sgx);
		assert!(verified.quote.debug);
		assert_eq!(verified.quote.report_data, [7; 64]);
		assert!(enclave.describe().contains("debug"));
	}

	#[test]
	fn a_work_proof_holds_for_its_claim_only() {
		let enclave = dev_enclave("//BobEnclave", Tee::Sgx);
		let claim = claim();
		let proof = enclave.sign_work(&claim);
		assert_eq!(proof.enclave_key, enclave.enclave_key());
		assert!(proves(&proof, &claim));

		let changes: [fn(&mut WorkClaim<AccountId>); 4] = [
			|c| c.units_used += 1,
			|c| c.output_hash = H256([6; 32]),
			|c| c.genesis_hash = H256([6; 32]),
			|c| c.provider = Sr25519Keyring::Alice.to_account_id(),
		];
		for change in changes {
			let mut changed = claim.clone();
			change(&mut changed);
			assert!(!proves(&proof, &changed));
		}
		// Another enclave's key does not make this enclave's proofs.
		let other = dev_enclave("//AliceEnclave", Tee::Sgx).sign_work(&claim);
		assert_ne!(other.enclave_key, proof.enclave_key);
	}

	#[test]
	fn the_dev_enclave_cli_and_the_dev_enclave_agree() {
		use crate::dev_enclave::DevEnclaveCmd;
		// Every byte (`HexDisplay` shortens long data for display).
		let hex = |bytes: &[u8]| {
			bytes.iter().fold(String::from("0x"), |text, b| format!("{text}{b:02x}"))
		};
		let provider = Sr25519Keyring::Bob.to_account_id();
		let (genesis, nonce) = (H256([2; 32]), H256([1; 32]));
		let claim = WorkClaim { provider: provider.clone(), ..claim() };

		for (tee, name) in [(Tee::Sgx, "sgx"), (Tee::Tdx, "tdx")] {
			let enclave = dev_enclave("//BobEnclave", tee);
			let cli = DevEnclaveCmd::Quote {
				provider: hex(provider.as_ref()),
				enclave_seed: "//BobEnclave".into(),
				nonce: hex(nonce.as_bytes()),
				genesis: hex(genesis.as_bytes()),
				tee: name.into(),
				debug: false,
			}
			.output()
			.expect("CLI quote");
			// The dev PKI signs deterministically (RFC 6979): equal inputs, equal bytes.
			let quote = enclave.registration_quote(&genesis, &provider, &nonce).expect("quote");
			assert_eq!(cli["quote"], hex(&quote));
			let EnclaveKey::Sr25519(key) = enclave.enclave_key() else { panic!("sr25519") };
			assert_eq!(cli["enclaveKey"]["Sr25519"], hex(&key));
			assert_eq!(cli["measurement"], format!("{:?}", enclave.measurement().id()));
		}

		let cli = DevEnclaveCmd::SignWork {
			enclave_seed: "//BobEnclave".into(),
			provider: hex(provider.as_ref()),
			genesis: hex(claim.genesis_hash.as_bytes()),
			build_id: claim.build_id,
			spec_hash: hex(claim.spec_hash.as_bytes()),
			input_hash: hex(claim.input_hash.as_bytes()),
			output_hash: hex(claim.output_hash.as_bytes()),
			units_used: claim.units_used,
		}
		.output()
		.expect("CLI proof");
		let enclave = dev_enclave("//BobEnclave", Tee::Sgx);
		let EnclaveKey::Sr25519(key) = enclave.enclave_key() else { panic!("sr25519") };
		assert_eq!(cli["enclaveKey"]["Sr25519"], hex(&key));
		assert_eq!(cli["proof"]["enclaveKey"]["Sr25519"], hex(&key));
		// sr25519 signatures are randomised, so the CLI's equals the enclave's in what it
		// proves, not in its bytes.
		let signature = cli["proof"]["signature"]["Sr25519"].as_str().expect("signature");
		let raw = crate::azra_rpc::decode_hex(signature.trim_start_matches("0x")).expect("hex");
		let raw: [u8; 64] = raw.try_into().expect("64 bytes");
		let from_cli = WorkProof {
			enclave_key: enclave.enclave_key(),
			signature: MultiSignature::Sr25519(sr25519::Signature::from_raw(raw)),
		};
		assert!(proves(&from_cli, &claim));
		assert!(proves(&enclave.sign_work(&claim), &claim));
	}

	#[test]
	fn bad_tee_names_and_secret_uris_are_refused() {
		assert!(matches!(parse_tee("sgx"), Ok(Tee::Sgx)));
		assert!(matches!(parse_tee("tdx"), Ok(Tee::Tdx)));
		assert!(matches!(parse_tee("sev"), Err(EnclaveError::UnknownTee(t)) if t == "sev"));
		assert!(matches!(
			EnclaveKeyPair::from_secret_uri("not a secret uri ///"),
			Err(EnclaveError::SecretUri(_))
		));
	}

	/// A directory under the system's temp dir, removed when dropped.
	struct TempDir(PathBuf);

	impl TempDir {
		fn new(label: &str) -> Self {
			static NEXT: AtomicU64 = AtomicU64::new(0);
			let n = NEXT.fetch_add(1, Ordering::Relaxed);
			let path = std::env::temp_dir()
				.join(format!("azra-tsm-test-{}-{label}-{n}", std::process::id()));
			fs::create_dir_all(&path).expect("temp dir");
			Self(path)
		}
	}

	impl Drop for TempDir {
		fn drop(&mut self) {
			let _ = fs::remove_dir_all(&self.0);
		}
	}

	/// What the simulated kernel does once an entry's report data is written: bump the
	/// generation by this much and publish this quote, or (`None`) never answer.
	type Answer = Box<dyn FnMut(usize, [u8; 64]) -> Option<(u64, Vec<u8>)> + Send>;

	/// A thread that plays the kernel's configfs-tsm in a plain directory: it gives each
	/// new entry its `generation` (0) and `provider`; once the entry's `inblob` holds 64
	/// bytes it bumps `generation` (as the kernel does on that write) and then publishes
	/// `outblob`. Each file appears whole (written aside, then renamed), as configfs
	/// attributes do.
	struct Kernel {
		stop: Arc<AtomicBool>,
		thread: Option<JoinHandle<usize>>,
	}

	impl Kernel {
		fn start(root: &Path, provider: &'static str, mut answer: Answer) -> Self {
			let stop = Arc::new(AtomicBool::new(false));
			let (root, stopped) = (root.to_path_buf(), stop.clone());
			let thread = thread::spawn(move || {
				// Entry name → (its number, answered yet).
				let mut entries: HashMap<PathBuf, (usize, bool)> = HashMap::new();
				while !stopped.load(Ordering::Relaxed) {
					let dirs = fs::read_dir(&root).map(|d| d.flatten().map(|e| e.path()));
					for dir in dirs.into_iter().flatten() {
						let next = entries.len();
						let (number, answered) = entries.entry(dir.clone()).or_insert_with(|| {
							publish(&dir, "generation", b"0\n");
							publish(&dir, "provider", format!("{provider}\n").as_bytes());
							(next, false)
						});
						if *answered {
							continue;
						}
						let Ok(report_data) = fs::read(dir.join("inblob")) else { continue };
						let Ok(report_data) = <[u8; 64]>::try_from(report_data) else {
							continue;
						};
						*answered = true;
						if let Some((bump, quote)) = answer(*number, report_data) {
							publish(&dir, "generation", format!("{bump}\n").as_bytes());
							publish(&dir, "outblob", &quote);
						}
					}
					thread::sleep(Duration::from_millis(1));
				}
				entries.len()
			});
			Self { stop, thread: Some(thread) }
		}

		/// Stop and say how many report entries were made.
		fn entries(mut self) -> usize {
			self.stop.store(true, Ordering::Relaxed);
			self.thread.take().expect("running").join().expect("kernel thread")
		}
	}

	impl Drop for Kernel {
		fn drop(&mut self) {
			self.stop.store(true, Ordering::Relaxed);
		}
	}

	/// Write `name` in `dir` whole, as configfs shows an attribute. Entries may vanish
	/// under the simulation (the agent removes them), so failures are ignored.
	fn publish(dir: &Path, name: &str, bytes: &[u8]) {
		let aside = dir.join(format!(".{name}.new"));
		if fs::write(&aside, bytes).is_ok() {
			let _ = fs::rename(&aside, dir.join(name));
		}
	}

	/// The simulated kernel's honest answer: a dev-PKI TDX quote of the report data.
	fn tdx_quotes() -> Answer {
		let pki = DevPki::new().expect("dev PKI");
		let guest = Identity::Tdx(TdxGuest::azra_dev_runtime());
		Box::new(move |_, report_data| Some((1, pki.quote(&guest, report_data).ok()?)))
	}

	fn tsm(root: &Path) -> ConfigfsTsm {
		ConfigfsTsm::new(root, EnclaveKeyPair::from_secret_uri("//BobEnclave").expect("seed"))
	}

	fn is_empty(dir: &Path) -> bool {
		fs::read_dir(dir).expect("root").next().is_none()
	}

	#[test]
	fn configfs_tsm_quotes_through_the_kernel_and_removes_its_entry() {
		let root = TempDir::new("quote");
		let kernel = Kernel::start(&root.0, TDX_GUEST_PROVIDER, tdx_quotes());
		// As the agent holds it: behind the trait.
		let tsm: Box<dyn Enclave> = Box::new(tsm(&root.0));
		let (genesis, nonce) = (H256([2; 32]), H256([1; 32]));
		let provider = Sr25519Keyring::Bob.to_account_id();

		let quote = tsm.registration_quote(&genesis, &provider, &nonce).expect("quote");
		let verified = verify_as_dev_chain(&quote, Tee::Tdx);
		assert_eq!(
			verified.quote.report_data,
			registration_report(
				&genesis,
				&provider,
				&tsm.enclave_key(),
				&nonce,
				&tsm.sealing_key()
			)
		);
		// The sealing key is the enclave key's: the same seed gives the same one, wherever
		// the key is held, so a restarted agent re-attests with the key builders know.
		assert_eq!(tsm.sealing_key(), dev_enclave("//BobEnclave", Tee::Tdx).sealing_key());
		assert_ne!(tsm.sealing_key(), dev_enclave("//AliceEnclave", Tee::Tdx).sealing_key());
		assert_eq!(kernel.entries(), 1);
		assert!(is_empty(&root.0));
		assert!(tsm.describe().contains("configfs-tsm"));

		// Work proofs come from the agent's key, like the dev enclave's.
		let proof = tsm.sign_work(&claim());
		assert_eq!(proof.enclave_key, dev_enclave("//BobEnclave", Tee::Tdx).enclave_key());
		assert!(proves(&proof, &claim()));
	}

	#[test]
	fn configfs_tsm_retries_a_collision_with_a_fresh_entry() {
		let root = TempDir::new("collision");
		let mut honest = tdx_quotes();
		// The first entry also takes another writer's report data: two writes, and the
		// quote answers the other writer's.
		let answer: Answer = Box::new(move |number, report_data| {
			let (bump, quote) = honest(number, report_data)?;
			if number == 0 {
				Some((bump + 1, honest(number, [0xee; 64])?.1))
			} else {
				Some((bump, quote))
			}
		});
		let kernel = Kernel::start(&root.0, TDX_GUEST_PROVIDER, answer);
		let quote = tsm(&root.0).quote([5; 64]).expect("quote");
		assert_eq!(verify_as_dev_chain(&quote, Tee::Tdx).quote.report_data, [5; 64]);
		assert_eq!(kernel.entries(), 2);
		assert!(is_empty(&root.0));
	}

	#[test]
	fn a_generation_that_keeps_changing_ends_in_generation_changed() {
		let root = TempDir::new("generation");
		let mut honest = tdx_quotes();
		let answer: Answer = Box::new(move |number, report_data| {
			honest(number, report_data).map(|(bump, quote)| (bump + 1, quote))
		});
		let kernel = Kernel::start(&root.0, TDX_GUEST_PROVIDER, answer);
		let result = tsm(&root.0).quote([5; 64]);
		assert!(
			matches!(result, Err(EnclaveError::GenerationChanged { attempts }) if attempts == GENERATION_ATTEMPTS),
			"{result:?}"
		);
		assert_eq!(kernel.entries(), GENERATION_ATTEMPTS as usize);
		assert!(is_empty(&root.0));
	}

	#[test]
	fn configfs_tsm_refuses_another_provider() {
		let root = TempDir::new("provider");
		let kernel = Kernel::start(&root.0, "sev_guest", tdx_quotes());
		let result = tsm(&root.0).quote([5; 64]);
		assert!(
			matches!(&result, Err(EnclaveError::WrongProvider { expected, found })
				if *expected == TDX_GUEST_PROVIDER && found == "sev_guest"),
			"{result:?}"
		);
		assert_eq!(kernel.entries(), 1);
		assert!(is_empty(&root.0));
	}

	#[test]
	fn configfs_tsm_without_the_interface_says_it_is_missing() {
		let root = TempDir::new("missing");
		let result = tsm(&root.0.join("tsm/report")).quote([5; 64]);
		assert!(matches!(result, Err(EnclaveError::InterfaceMissing { .. })), "{result:?}");
		// A directory no kernel serves never grows the attributes.
		let result = tsm(&root.0).with_wait(Duration::from_millis(50)).quote([5; 64]);
		assert!(matches!(result, Err(EnclaveError::InterfaceMissing { .. })), "{result:?}");
		assert!(is_empty(&root.0));
	}

	#[test]
	fn configfs_tsm_ends_an_empty_or_oversized_quote_in_its_error() {
		let root = TempDir::new("silent");
		let kernel = Kernel::start(&root.0, TDX_GUEST_PROVIDER, Box::new(|_, _| None));
		let result = tsm(&root.0).with_wait(Duration::from_millis(100)).quote([5; 64]);
		assert!(matches!(result, Err(EnclaveError::EmptyQuote { .. })), "{result:?}");
		assert_eq!(kernel.entries(), 1);

		let root = TempDir::new("oversized");
		let too_long = max_quote_len() + 1;
		let kernel = Kernel::start(
			&root.0,
			TDX_GUEST_PROVIDER,
			Box::new(move |_, _| Some((1, vec![1; too_long]))),
		);
		let result = tsm(&root.0).quote([5; 64]);
		assert!(
			matches!(result, Err(EnclaveError::QuoteTooLarge { len, .. }) if len == too_long),
			"{result:?}"
		);
		assert_eq!(kernel.entries(), 1);
		assert!(is_empty(&root.0));
	}
}
