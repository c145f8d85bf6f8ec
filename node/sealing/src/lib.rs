//! # Sealed builds: the envelope
//!
//! A *sealed* build is one whose input (and, if the builder wants, whose program) only the
//! enclaves the builder chose can read, and whose output only the builder can read. This
//! crate is the one format both directions use, the **envelope**:
//!
//! - the sender draws a fresh 32-byte *content key* and encrypts the payload once with it
//!   (ChaCha20-Poly1305);
//! - it wraps the content key for each recipient with HPKE (RFC 9180, base mode) in the
//!   suite DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305;
//! - a recipient finds its own entry by its public key, unwraps the content key with its
//!   secret key and opens the payload.
//!
//! No cryptography is written here: the `hpke` crate does the key encapsulation, the key
//! schedule and the wrapping, `chacha20poly1305` (the AEAD `hpke` itself uses) encrypts
//! the payload. Builders seal from JavaScript with `@hpke/core` in the same suite
//! (`scripts/lib/sealing.mjs`); `tests/vectors/interop.json` is an envelope both
//! implementations must reproduce byte for byte and open.
//!
//! ## What binds an envelope
//!
//! - **Its chain, its builder, its program** ([`SealContext`]): the genesis hash, the
//!   builder's account and the build's spec hash are the associated data of every
//!   wrapped key and of the payload. An envelope made for another chain, copied by another
//!   builder, or attached to another program does not open.
//! - **Its direction** ([`Purpose`]): input envelopes (builder → enclaves) and output
//!   envelopes (enclave → builder) use different HPKE `info` strings, so one can never be
//!   passed off as the other.
//! - **Its recipient list**: the header (version, purpose, every recipient's key and
//!   wrapped key) is associated data of the payload, so dropping, adding or reordering a
//!   recipient makes the payload fail to open for everyone.
//!
//! ## Layout (version 1)
//!
//! | bytes | what |
//! |---|---|
//! | 8 | the magic `AZRASEAL` |
//! | 1 | version, `1` |
//! | 1 | purpose: `0` input, `1` output |
//! | 1 | `n`, the number of recipients, 1 to [`MAX_RECIPIENTS`] |
//! | `n` × 112 | per recipient: X25519 public key (32), HPKE `enc` (32), wrapped content key (48) |
//! | the rest | the payload: ChaCha20-Poly1305 with the content key and a zero nonce (the key is used once), tag included |
//!
//! An envelope's size is therefore `11 + 112·n + payload + 16` bytes.
#![deny(missing_docs)]

use chacha20poly1305::{
	aead::{Aead as _, KeyInit as _, Payload},
	ChaCha20Poly1305 as PayloadAead, Key, Nonce,
};
use hpke::{
	aead::ChaCha20Poly1305, kdf::HkdfSha256, kem::X25519HkdfSha256, Deserializable, Kem as _,
	OpModeR, OpModeS, Serializable,
};
use rand_core::{CryptoRng, RngCore};
use zeroize::Zeroizing;

type Kem = X25519HkdfSha256;

/// The magic an envelope starts with.
pub const MAGIC: &[u8; 8] = b"AZRASEAL";
/// The envelope version this crate writes and reads.
pub const VERSION: u8 = 1;
/// At most this many recipients (enclaves) per envelope; the chain bounds a build's
/// recipients by the same figure.
pub const MAX_RECIPIENTS: usize = 8;
/// Bytes of an X25519 public key (a sealing key or a builder's output key).
pub const PUBLIC_KEY_LEN: usize = 32;
/// Bytes of the fixed header before the recipient entries.
pub const HEADER_LEN: usize = 11;
/// Bytes of one recipient entry: public key, HPKE `enc`, wrapped content key.
pub const RECIPIENT_ENTRY_LEN: usize = PUBLIC_KEY_LEN + ENC_LEN + WRAPPED_KEY_LEN;
/// Bytes an AEAD tag adds (the payload's and each wrapped key's).
pub const TAG_LEN: usize = 16;

const ENC_LEN: usize = 32;
const CONTENT_KEY_LEN: usize = 32;
const WRAPPED_KEY_LEN: usize = CONTENT_KEY_LEN + TAG_LEN;
/// The content key is fresh for every envelope and encrypts exactly one payload, so a
/// fixed nonce never repeats under one key.
const PAYLOAD_NONCE: [u8; 12] = [0; 12];

/// An X25519 public key: an enclave's sealing key, or a builder's output key.
pub type PublicKey = [u8; PUBLIC_KEY_LEN];

/// Which way an envelope goes. Part of the HPKE `info`, so the two never mix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
	/// A build's input (or program), sealed by the builder to the enclaves it chose.
	Input,
	/// A build's output, sealed by the enclave that ran it to the builder's output key.
	Output,
}

impl Purpose {
	fn byte(self) -> u8 {
		match self {
			Purpose::Input => 0,
			Purpose::Output => 1,
		}
	}

	fn from_byte(byte: u8) -> Option<Self> {
		match byte {
			0 => Some(Purpose::Input),
			1 => Some(Purpose::Output),
			_ => None,
		}
	}

	/// The HPKE `info` of this direction's wrapped keys.
	fn info(self) -> &'static [u8] {
		match self {
			Purpose::Input => b"azra sealed build v1: input",
			Purpose::Output => b"azra sealed build v1: output",
		}
	}
}

/// What an envelope is bound to: it opens only under the same three values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SealContext {
	/// The genesis hash of the chain the build is submitted to.
	pub genesis_hash: [u8; 32],
	/// The builder's account (its 32-byte public key).
	pub builder: [u8; 32],
	/// The build's spec hash (the hash of the program preimage).
	pub spec_hash: [u8; 32],
}

impl SealContext {
	/// The associated data every wrapped key is sealed under: genesis hash, builder and
	/// spec hash, concatenated.
	pub fn associated_data(&self) -> [u8; 96] {
		let mut aad = [0u8; 96];
		aad[..32].copy_from_slice(&self.genesis_hash);
		aad[32..64].copy_from_slice(&self.builder);
		aad[64..].copy_from_slice(&self.spec_hash);
		aad
	}
}

/// Why an envelope could not be made or opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealError {
	/// An envelope needs at least one recipient.
	NoRecipients,
	/// More than [`MAX_RECIPIENTS`] recipients.
	TooManyRecipients,
	/// The same recipient key is listed twice.
	DuplicateRecipient,
	/// A recipient's public key is not a valid X25519 key.
	InvalidPublicKey,
	/// A secret key's bytes are not a valid X25519 secret key.
	InvalidSecretKey,
	/// The bytes are not an envelope: wrong magic, or shorter than their header says.
	Malformed,
	/// An envelope of a version this crate does not read.
	UnsupportedVersion,
	/// An input envelope where an output was expected, or the reverse.
	WrongPurpose,
	/// The key trying to open the envelope is not one of its recipients.
	NotARecipient,
	/// The envelope does not open: it was altered, or made for another chain, builder or
	/// program (its associated data differ).
	DoesNotOpen,
	/// HPKE could not wrap the content key (a low-order recipient key).
	SealFailed,
}

impl core::fmt::Display for SealError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			SealError::NoRecipients => "an envelope needs at least one recipient",
			SealError::TooManyRecipients => "more recipients than an envelope may have (8)",
			SealError::DuplicateRecipient => "a recipient is listed twice",
			SealError::InvalidPublicKey => "not a valid X25519 public key",
			SealError::InvalidSecretKey => "not a valid X25519 secret key",
			SealError::Malformed => "not a sealed-build envelope",
			SealError::UnsupportedVersion => "an envelope version this node does not read",
			SealError::WrongPurpose => "an envelope sealed for the other direction",
			SealError::NotARecipient => "this key is not one of the envelope's recipients",
			SealError::DoesNotOpen =>
				"the envelope does not open (altered, or made for another chain, builder or program)",
			SealError::SealFailed => "HPKE could not wrap the content key",
		})
	}
}

impl std::error::Error for SealError {}

/// An X25519 key pair that can open envelopes: an enclave's sealing key, or a builder's
/// output key. The secret half is zeroed when the pair is dropped (by `hpke`).
pub struct KeyPair {
	secret: <Kem as hpke::Kem>::PrivateKey,
	public: PublicKey,
}

impl KeyPair {
	/// A new key pair from a cryptographic RNG.
	pub fn generate<R: RngCore + CryptoRng>(rng: &mut R) -> Self {
		let (secret, public) = Kem::gen_keypair(rng);
		Self::from_parts(secret, &public)
	}

	/// A new key pair from the operating system's RNG.
	pub fn generate_with_os_rng() -> Self {
		Self::generate(&mut os_rng())
	}

	/// The key pair RFC 9180's `DeriveKeyPair` makes of `ikm` (at least 32 bytes of
	/// secret randomness). Deterministic: for test vectors and keys derived from a seed.
	pub fn derive(ikm: &[u8]) -> Self {
		let (secret, public) = Kem::derive_keypair(ikm);
		Self::from_parts(secret, &public)
	}

	/// The key pair whose secret key is `secret` (as [`KeyPair::secret_bytes`] gave it).
	pub fn from_secret_bytes(secret: &[u8; 32]) -> Result<Self, SealError> {
		let secret = <Kem as hpke::Kem>::PrivateKey::from_bytes(secret)
			.map_err(|_| SealError::InvalidSecretKey)?;
		let public = Kem::sk_to_pk(&secret);
		Ok(Self::from_parts(secret, &public))
	}

	fn from_parts(
		secret: <Kem as hpke::Kem>::PrivateKey,
		public: &<Kem as hpke::Kem>::PublicKey,
	) -> Self {
		let mut bytes = [0u8; PUBLIC_KEY_LEN];
		bytes.copy_from_slice(&public.to_bytes());
		Self { secret, public: bytes }
	}

	/// The public half, which others seal to.
	pub fn public(&self) -> PublicKey {
		self.public
	}

	/// The secret half's bytes, for a key store to keep. Zeroed when dropped.
	pub fn secret_bytes(&self) -> Zeroizing<[u8; 32]> {
		let mut bytes = Zeroizing::new([0u8; 32]);
		bytes.copy_from_slice(&self.secret.to_bytes());
		bytes
	}
}

impl core::fmt::Debug for KeyPair {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		// Never the secret half.
		f.debug_struct("KeyPair").field("public", &self.public).finish_non_exhaustive()
	}
}

/// The operating system's RNG in the trait `hpke` takes.
pub fn os_rng() -> impl CryptoRng {
	use rand_core::TryRngCore as _;
	rand_core::OsRng.unwrap_err()
}

/// Seals `payload` to every key of `recipients` (1 to [`MAX_RECIPIENTS`], no repeats),
/// bound to `context` and `purpose`. The content key and each recipient's ephemeral key
/// are drawn from `rng`, in that order.
pub fn seal<R: RngCore + CryptoRng>(
	purpose: Purpose,
	recipients: &[PublicKey],
	context: &SealContext,
	payload: &[u8],
	rng: &mut R,
) -> Result<Vec<u8>, SealError> {
	if recipients.is_empty() {
		return Err(SealError::NoRecipients);
	}
	if recipients.len() > MAX_RECIPIENTS {
		return Err(SealError::TooManyRecipients);
	}
	for (i, key) in recipients.iter().enumerate() {
		if recipients[..i].contains(key) {
			return Err(SealError::DuplicateRecipient);
		}
	}

	let mut content_key = Zeroizing::new([0u8; CONTENT_KEY_LEN]);
	rng.fill_bytes(content_key.as_mut());

	let aad = context.associated_data();
	let mut envelope = Vec::with_capacity(
		HEADER_LEN + recipients.len() * RECIPIENT_ENTRY_LEN + payload.len() + TAG_LEN,
	);
	envelope.extend_from_slice(MAGIC);
	envelope.push(VERSION);
	envelope.push(purpose.byte());
	// At most MAX_RECIPIENTS (8), checked above.
	envelope.push(recipients.len() as u8);
	for key in recipients {
		let public = <Kem as hpke::Kem>::PublicKey::from_bytes(key)
			.map_err(|_| SealError::InvalidPublicKey)?;
		let (enc, wrapped) = hpke::single_shot_seal::<ChaCha20Poly1305, HkdfSha256, Kem, _>(
			&OpModeS::Base,
			&public,
			purpose.info(),
			content_key.as_ref(),
			&aad,
			rng,
		)
		.map_err(|_| SealError::SealFailed)?;
		envelope.extend_from_slice(key);
		envelope.extend_from_slice(&enc.to_bytes());
		envelope.extend_from_slice(&wrapped);
	}

	let header_len = envelope.len();
	let ciphertext = payload_cipher(&content_key)
		.encrypt(
			Nonce::from_slice(&PAYLOAD_NONCE),
			Payload { msg: payload, aad: &payload_aad(&aad, &envelope[..header_len]) },
		)
		.map_err(|_| SealError::SealFailed)?;
	envelope.extend_from_slice(&ciphertext);
	Ok(envelope)
}

/// Opens `envelope` with `key`, which must be one of its recipients, under `context` and
/// `purpose`. Returns the payload.
pub fn open(
	purpose: Purpose,
	envelope: &[u8],
	key: &KeyPair,
	context: &SealContext,
) -> Result<Vec<u8>, SealError> {
	let parsed = Envelope::parse(envelope)?;
	if parsed.purpose != purpose {
		return Err(SealError::WrongPurpose);
	}
	let entry = parsed
		.entries()
		.find(|entry| *entry.recipient == key.public)
		.ok_or(SealError::NotARecipient)?;

	let aad = context.associated_data();
	let enc = <Kem as hpke::Kem>::EncappedKey::from_bytes(entry.enc)
		.map_err(|_| SealError::DoesNotOpen)?;
	let unwrapped = Zeroizing::new(
		hpke::single_shot_open::<ChaCha20Poly1305, HkdfSha256, Kem>(
			&OpModeR::Base,
			&key.secret,
			&enc,
			purpose.info(),
			entry.wrapped_key,
			&aad,
		)
		.map_err(|_| SealError::DoesNotOpen)?,
	);
	let content_key: &[u8; CONTENT_KEY_LEN] =
		unwrapped.as_slice().try_into().map_err(|_| SealError::DoesNotOpen)?;

	payload_cipher(content_key)
		.decrypt(
			Nonce::from_slice(&PAYLOAD_NONCE),
			Payload { msg: parsed.payload, aad: &payload_aad(&aad, parsed.header) },
		)
		.map_err(|_| SealError::DoesNotOpen)
}

/// The public keys an envelope is sealed to, in order: what the chain records as a sealed
/// build's recipients, and what an agent checks before it accepts a build.
pub fn recipients(envelope: &[u8]) -> Result<Vec<PublicKey>, SealError> {
	Ok(Envelope::parse(envelope)?.entries().map(|entry| *entry.recipient).collect())
}

/// An envelope's parts, borrowed from its bytes.
struct Envelope<'a> {
	purpose: Purpose,
	/// Everything before the payload: the payload's associated data.
	header: &'a [u8],
	entries: &'a [u8],
	payload: &'a [u8],
}

struct Entry<'a> {
	recipient: &'a PublicKey,
	enc: &'a [u8],
	wrapped_key: &'a [u8],
}

impl<'a> Envelope<'a> {
	fn parse(bytes: &'a [u8]) -> Result<Self, SealError> {
		if bytes.len() < HEADER_LEN || &bytes[..MAGIC.len()] != MAGIC {
			return Err(SealError::Malformed);
		}
		if bytes[8] != VERSION {
			return Err(SealError::UnsupportedVersion);
		}
		let purpose = Purpose::from_byte(bytes[9]).ok_or(SealError::Malformed)?;
		let count = usize::from(bytes[10]);
		if count == 0 || count > MAX_RECIPIENTS {
			return Err(SealError::Malformed);
		}
		let header_len = HEADER_LEN + count * RECIPIENT_ENTRY_LEN;
		if bytes.len() < header_len + TAG_LEN {
			return Err(SealError::Malformed);
		}
		Ok(Self {
			purpose,
			header: &bytes[..header_len],
			entries: &bytes[HEADER_LEN..header_len],
			payload: &bytes[header_len..],
		})
	}

	fn entries(&self) -> impl Iterator<Item = Entry<'a>> + 'a {
		self.entries.chunks_exact(RECIPIENT_ENTRY_LEN).map(|chunk| {
			let (recipient, rest) = chunk.split_at(PUBLIC_KEY_LEN);
			let (enc, wrapped_key) = rest.split_at(ENC_LEN);
			Entry {
				// `split_at(PUBLIC_KEY_LEN)` gives exactly 32 bytes.
				recipient: recipient.try_into().unwrap_or(&[0; PUBLIC_KEY_LEN]),
				enc,
				wrapped_key,
			}
		})
	}
}

fn payload_cipher(content_key: &[u8; CONTENT_KEY_LEN]) -> PayloadAead {
	PayloadAead::new(Key::from_slice(content_key))
}

/// The payload's associated data: the context, then the whole header.
fn payload_aad(context_aad: &[u8; 96], header: &[u8]) -> Vec<u8> {
	let mut aad = Vec::with_capacity(context_aad.len() + header.len());
	aad.extend_from_slice(context_aad);
	aad.extend_from_slice(header);
	aad
}
