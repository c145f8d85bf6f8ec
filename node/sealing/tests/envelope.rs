//! The envelope's rules: who can open it, under what, and what it refuses.

mod common;

use azra_sealing::{
	open, recipients, seal, KeyPair, Purpose, SealContext, SealError, HEADER_LEN, MAX_RECIPIENTS,
	RECIPIENT_ENTRY_LEN, TAG_LEN,
};

const MARKER: &[u8] = b"input with the marker AZRA-PRIVATE-7f3a in it";

fn context() -> SealContext {
	SealContext { genesis_hash: [1; 32], builder: [2; 32], spec_hash: [3; 32] }
}

fn enclaves(n: u8) -> Vec<KeyPair> {
	(0..n).map(|i| KeyPair::derive(&[i + 10; 32])).collect()
}

fn sealed_to(keys: &[KeyPair]) -> Vec<u8> {
	let publics: Vec<_> = keys.iter().map(KeyPair::public).collect();
	seal(Purpose::Input, &publics, &context(), MARKER, &mut azra_sealing::os_rng()).unwrap()
}

#[test]
fn every_recipient_opens_and_the_payload_is_not_in_the_envelope() {
	let keys = enclaves(MAX_RECIPIENTS as u8);
	let envelope = sealed_to(&keys);
	assert_eq!(
		envelope.len(),
		HEADER_LEN + MAX_RECIPIENTS * RECIPIENT_ENTRY_LEN + MARKER.len() + TAG_LEN
	);
	assert!(!envelope.windows(MARKER.len()).any(|w| w == MARKER));
	assert!(!envelope.windows(16).any(|w| w == &MARKER[..16]));
	for key in &keys {
		assert_eq!(open(Purpose::Input, &envelope, key, &context()).unwrap(), MARKER);
	}
	let listed = recipients(&envelope).unwrap();
	assert_eq!(listed, keys.iter().map(KeyPair::public).collect::<Vec<_>>());
}

#[test]
fn two_envelopes_of_one_payload_differ() {
	let keys = enclaves(1);
	assert_ne!(sealed_to(&keys), sealed_to(&keys));
}

#[test]
fn a_key_that_is_not_a_recipient_cannot_open() {
	let keys = enclaves(3);
	let envelope = sealed_to(&keys[..2]);
	assert_eq!(
		open(Purpose::Input, &envelope, &keys[2], &context()),
		Err(SealError::NotARecipient)
	);
}

#[test]
fn another_chain_builder_or_program_does_not_open() {
	let keys = enclaves(2);
	let envelope = sealed_to(&keys);
	let changes = [
		SealContext { genesis_hash: [9; 32], ..context() },
		SealContext { builder: [9; 32], ..context() },
		SealContext { spec_hash: [9; 32], ..context() },
	];
	for changed in changes {
		assert_eq!(
			open(Purpose::Input, &envelope, &keys[0], &changed),
			Err(SealError::DoesNotOpen)
		);
	}
}

#[test]
fn any_changed_byte_after_the_magic_is_refused() {
	let keys = enclaves(2);
	let envelope = sealed_to(&keys);
	// Every byte of the header's fixed part, the second recipient's whole entry and the
	// payload: the second recipient must fail to open, whatever was changed.
	for at in 8..envelope.len() {
		let mut tampered = envelope.clone();
		tampered[at] ^= 0x01;
		let result = open(Purpose::Input, &tampered, &keys[1], &context());
		assert!(result.is_err(), "byte {at} changed, yet the envelope opened");
	}
}

#[test]
fn dropping_a_recipient_breaks_the_envelope_for_the_others() {
	let keys = enclaves(2);
	let envelope = sealed_to(&keys);
	// Remove the second entry and say there is one recipient.
	let mut cut = envelope[..HEADER_LEN + RECIPIENT_ENTRY_LEN].to_vec();
	cut.extend_from_slice(&envelope[HEADER_LEN + 2 * RECIPIENT_ENTRY_LEN..]);
	cut[10] = 1;
	assert_eq!(open(Purpose::Input, &cut, &keys[0], &context()), Err(SealError::DoesNotOpen));
}

#[test]
fn an_output_envelope_is_not_an_input_envelope() {
	let keys = enclaves(1);
	let output =
		seal(Purpose::Output, &[keys[0].public()], &context(), b"out", &mut azra_sealing::os_rng())
			.unwrap();
	assert_eq!(open(Purpose::Input, &output, &keys[0], &context()), Err(SealError::WrongPurpose));
	// Relabelled as an input, its wrapped key was made under the output's HPKE info.
	let mut relabelled = output.clone();
	relabelled[9] = 0;
	assert_eq!(
		open(Purpose::Input, &relabelled, &keys[0], &context()),
		Err(SealError::DoesNotOpen)
	);
	assert_eq!(open(Purpose::Output, &output, &keys[0], &context()).unwrap(), b"out");
}

#[test]
fn recipient_lists_are_bounded_and_checked() {
	let mut rng = azra_sealing::os_rng();
	let keys: Vec<_> = enclaves(MAX_RECIPIENTS as u8 + 1).iter().map(KeyPair::public).collect();
	assert_eq!(
		seal(Purpose::Input, &keys, &context(), MARKER, &mut rng),
		Err(SealError::TooManyRecipients)
	);
	assert_eq!(
		seal(Purpose::Input, &[], &context(), MARKER, &mut rng),
		Err(SealError::NoRecipients)
	);
	assert_eq!(
		seal(Purpose::Input, &[keys[0], keys[1], keys[0]], &context(), MARKER, &mut rng),
		Err(SealError::DuplicateRecipient)
	);
	// The all-zero point has low order: HPKE refuses to encapsulate to it.
	assert_eq!(
		seal(Purpose::Input, &[[0; 32]], &context(), MARKER, &mut rng),
		Err(SealError::SealFailed)
	);
}

#[test]
fn bytes_that_are_not_an_envelope_are_refused() {
	let keys = enclaves(1);
	let envelope = sealed_to(&keys);
	let open_it = |bytes: &[u8]| open(Purpose::Input, bytes, &keys[0], &context());
	assert_eq!(open_it(b""), Err(SealError::Malformed));
	assert_eq!(open_it(&envelope[..HEADER_LEN + RECIPIENT_ENTRY_LEN]), Err(SealError::Malformed));
	let mut magic = envelope.clone();
	magic[0] = b'X';
	assert_eq!(open_it(&magic), Err(SealError::Malformed));
	let mut version = envelope.clone();
	version[8] = 2;
	assert_eq!(open_it(&version), Err(SealError::UnsupportedVersion));
	let mut purpose = envelope.clone();
	purpose[9] = 7;
	assert_eq!(open_it(&purpose), Err(SealError::Malformed));
	for count in [0u8, MAX_RECIPIENTS as u8 + 1] {
		let mut wrong = envelope.clone();
		wrong[10] = count;
		assert_eq!(open_it(&wrong), Err(SealError::Malformed));
	}
	assert_eq!(recipients(b"AZRASEAL"), Err(SealError::Malformed));
}

#[test]
fn a_key_pair_survives_its_key_store_and_never_prints_its_secret() {
	let pair = KeyPair::generate_with_os_rng();
	let restored = KeyPair::from_secret_bytes(&pair.secret_bytes()).unwrap();
	assert_eq!(restored.public(), pair.public());
	let printed = format!("{pair:?}");
	let secret_hex: String = pair.secret_bytes().iter().map(|b| format!("{b:02x}")).collect();
	assert!(!printed.contains(&secret_hex));
	assert!(!printed.contains(&format!("{:?}", &pair.secret_bytes()[..8])));
}
