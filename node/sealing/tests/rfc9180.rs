//! RFC 9180's own test vector for the suite sealed builds use (Appendix A.2.1:
//! DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, base mode), checked against
//! the `hpke` crate as this crate calls it: key derivation, encapsulation with the
//! vector's ephemeral key, every listed encryption in sequence, and the exports.

mod common;

use common::{unhex, unhex32, Replay};
use hpke::{
	aead::ChaCha20Poly1305, kdf::HkdfSha256, kem::X25519HkdfSha256, Deserializable, Kem, OpModeR,
	OpModeS, Serializable,
};
use serde_json::Value;

fn vector() -> Value {
	serde_json::from_str(include_str!("vectors/rfc9180-a2-1.json")).expect("the vector parses")
}

#[test]
fn the_vector_is_the_suite_sealed_builds_use() {
	let v = vector();
	assert_eq!((v["mode"].as_u64(), v["kem_id"].as_u64()), (Some(0), Some(0x20)));
	assert_eq!((v["kdf_id"].as_u64(), v["aead_id"].as_u64()), (Some(1), Some(3)));
}

#[test]
fn derive_key_pair_gives_the_vectors_keys() {
	let v = vector();
	let (sk_r, pk_r) = X25519HkdfSha256::derive_keypair(&unhex(&v["ikmR"]));
	assert_eq!(sk_r.to_bytes().to_vec(), unhex(&v["skRm"]));
	assert_eq!(pk_r.to_bytes().to_vec(), unhex(&v["pkRm"]));
	let (sk_e, pk_e) = X25519HkdfSha256::derive_keypair(&unhex(&v["ikmE"]));
	assert_eq!(sk_e.to_bytes().to_vec(), unhex(&v["skEm"]));
	assert_eq!(pk_e.to_bytes().to_vec(), unhex(&v["pkEm"]));

	// The crate's own key pair type derives the same keys.
	let pair = azra_sealing::KeyPair::derive(&unhex(&v["ikmR"]));
	assert_eq!(pair.public(), unhex32(&v["pkRm"]));
	assert_eq!(pair.secret_bytes().to_vec(), unhex(&v["skRm"]));
	let again = azra_sealing::KeyPair::from_secret_bytes(&unhex32(&v["skRm"])).unwrap();
	assert_eq!(again.public(), unhex32(&v["pkRm"]));
}

#[test]
fn the_sender_reproduces_enc_every_ciphertext_and_the_exports() {
	let v = vector();
	let pk_r = <X25519HkdfSha256 as Kem>::PublicKey::from_bytes(&unhex(&v["pkRm"])).unwrap();
	// The ephemeral key comes from the RNG as its input keying material, ikmE.
	let mut rng = Replay::new(unhex(&v["ikmE"]));
	let (enc, mut sender) =
		hpke::setup_sender::<ChaCha20Poly1305, HkdfSha256, X25519HkdfSha256, _>(
			&OpModeS::Base,
			&pk_r,
			&unhex(&v["info"]),
			&mut rng,
		)
		.unwrap();
	assert!(rng.exhausted());
	assert_eq!(enc.to_bytes().to_vec(), unhex(&v["enc"]));

	let encryptions = v["encryptions"].as_array().unwrap();
	let last = encryptions.last().unwrap()["sequence_number"].as_u64().unwrap();
	let mut checked = 0;
	for sequence in 0..=last {
		let listed = encryptions.iter().find(|e| e["sequence_number"].as_u64() == Some(sequence));
		let (pt, aad) = match listed {
			Some(e) => (unhex(&e["pt"]), unhex(&e["aad"])),
			// The RFC lists some sequence numbers only; the context still advances.
			None => (unhex(&encryptions[0]["pt"]), Vec::new()),
		};
		let ct = sender.seal(&pt, &aad).unwrap();
		if let Some(e) = listed {
			assert_eq!(ct, unhex(&e["ct"]), "ciphertext at sequence number {sequence}");
			checked += 1;
		}
	}
	assert_eq!(checked, encryptions.len());

	for export in v["exports"].as_array().unwrap() {
		let mut out = vec![0u8; export["length"].as_u64().unwrap() as usize];
		sender.export(&unhex(&export["exporter_context"]), &mut out).unwrap();
		assert_eq!(out, unhex(&export["value"]));
	}
}

#[test]
fn the_recipient_opens_every_ciphertext_and_refuses_a_changed_one() {
	let v = vector();
	let (sk_r, pk_r) = X25519HkdfSha256::derive_keypair(&unhex(&v["ikmR"]));
	let enc = <X25519HkdfSha256 as Kem>::EncappedKey::from_bytes(&unhex(&v["enc"])).unwrap();
	let info = unhex(&v["info"]);
	let mut receiver = hpke::setup_receiver::<ChaCha20Poly1305, HkdfSha256, X25519HkdfSha256>(
		&OpModeR::Base,
		&sk_r,
		&enc,
		&info,
	)
	.unwrap();
	// The sequence numbers the RFC does not list are stepped over with messages of a
	// sender in the same key schedule (the vector's ephemeral key again).
	let (_, mut sender) = hpke::setup_sender::<ChaCha20Poly1305, HkdfSha256, X25519HkdfSha256, _>(
		&OpModeS::Base,
		&pk_r,
		&info,
		&mut Replay::new(unhex(&v["ikmE"])),
	)
	.unwrap();

	let encryptions = v["encryptions"].as_array().unwrap();
	// The first ciphertext with one bit flipped does not open (and does not advance the
	// receiver: the real one opens next).
	let mut flipped = unhex(&encryptions[0]["ct"]);
	flipped[0] ^= 1;
	assert!(receiver.open(&flipped, &unhex(&encryptions[0]["aad"])).is_err());

	let last = encryptions.last().unwrap()["sequence_number"].as_u64().unwrap();
	let mut opened = 0;
	for sequence in 0..=last {
		let step = sender.seal(b"step", b"").unwrap();
		match encryptions.iter().find(|e| e["sequence_number"].as_u64() == Some(sequence)) {
			Some(e) => {
				let pt = receiver.open(&unhex(&e["ct"]), &unhex(&e["aad"])).unwrap();
				assert_eq!(pt, unhex(&e["pt"]), "plaintext at sequence number {sequence}");
				opened += 1;
			}
			None => assert_eq!(receiver.open(&step, b"").unwrap(), b"step"),
		}
	}
	assert_eq!(opened, encryptions.len());
}
