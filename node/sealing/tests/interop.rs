//! The shared interop vector (`vectors/interop.json`): an envelope that this crate and the
//! JavaScript builder tools (`scripts/lib/sealing.mjs`, checked by
//! `scripts/e2e/sealing.test.mjs`) must both reproduce byte for byte from the same keys and
//! "randomness", and both open.
//!
//! `AZRA_WRITE_INTEROP_VECTOR=1 cargo test -p azra-sealing --test interop` rewrites the
//! vector's envelope from this crate (only when the format changes on purpose).

mod common;

use azra_sealing::{open, recipients, seal, KeyPair, Purpose, SealContext};
use common::{unhex, unhex32, Replay};
use serde_json::Value;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/interop.json");

struct Vector {
	json: Value,
	purpose: Purpose,
	context: SealContext,
	keys: Vec<KeyPair>,
	randomness: Vec<u8>,
	payload: Vec<u8>,
}

fn vector() -> Vector {
	let json: Value = serde_json::from_str(&std::fs::read_to_string(PATH).unwrap()).unwrap();
	let purpose = match json["purpose"].as_str() {
		Some("input") => Purpose::Input,
		Some("output") => Purpose::Output,
		other => panic!("unknown purpose {other:?}"),
	};
	let context = SealContext {
		genesis_hash: unhex32(&json["genesis_hash"]),
		builder: unhex32(&json["builder"]),
		spec_hash: unhex32(&json["spec_hash"]),
	};
	let keys = json["recipient_ikms"]
		.as_array()
		.unwrap()
		.iter()
		.map(|ikm| KeyPair::derive(&unhex(ikm)))
		.collect();
	let randomness = unhex(&json["randomness"]);
	let payload = json["payload_utf8"].as_str().unwrap().as_bytes().to_vec();
	Vector { json, purpose, context, keys, randomness, payload }
}

fn seal_vector(v: &Vector) -> Vec<u8> {
	let publics: Vec<_> = v.keys.iter().map(KeyPair::public).collect();
	let mut rng = Replay::new(v.randomness.clone());
	let envelope = seal(v.purpose, &publics, &v.context, &v.payload, &mut rng).unwrap();
	assert!(rng.exhausted(), "the vector gives exactly the randomness sealing draws");
	envelope
}

#[test]
fn this_crate_reproduces_the_shared_envelope() {
	let v = vector();
	let envelope = seal_vector(&v);
	if std::env::var_os("AZRA_WRITE_INTEROP_VECTOR").is_some() {
		let mut json = v.json.clone();
		json["envelope"] = Value::String(hex::encode(&envelope));
		std::fs::write(PATH, serde_json::to_string_pretty(&json).unwrap() + "\n").unwrap();
	}
	assert_eq!(hex::encode(&envelope), v.json["envelope"].as_str().unwrap());
}

#[test]
fn every_recipient_of_the_shared_envelope_opens_it() {
	let v = vector();
	let envelope = unhex(&v.json["envelope"]);
	let publics: Vec<_> = v.keys.iter().map(KeyPair::public).collect();
	assert_eq!(recipients(&envelope).unwrap(), publics);
	let listed: Vec<_> =
		v.json["recipient_public_keys"].as_array().unwrap().iter().map(unhex32).collect();
	assert_eq!(listed, publics);
	for key in &v.keys {
		assert_eq!(open(v.purpose, &envelope, key, &v.context).unwrap(), v.payload);
	}
}
