//! What the sealing tests share: a stand-in RNG that replays given bytes, so that test
//! vectors fix every random choice, and hex helpers.
#![allow(dead_code)]

use rand_core::{CryptoRng, RngCore};

/// Replays `bytes` as randomness, then fails the test if more is asked for. It is a
/// CryptoRng only so that `hpke` accepts it: the vectors need fixed "randomness".
pub struct Replay {
	bytes: Vec<u8>,
	at: usize,
}

impl Replay {
	pub fn new(bytes: Vec<u8>) -> Self {
		Self { bytes, at: 0 }
	}

	/// Every replayed byte was used.
	pub fn exhausted(&self) -> bool {
		self.at == self.bytes.len()
	}
}

impl RngCore for Replay {
	fn next_u32(&mut self) -> u32 {
		let mut b = [0u8; 4];
		self.fill_bytes(&mut b);
		u32::from_le_bytes(b)
	}

	fn next_u64(&mut self) -> u64 {
		let mut b = [0u8; 8];
		self.fill_bytes(&mut b);
		u64::from_le_bytes(b)
	}

	fn fill_bytes(&mut self, dst: &mut [u8]) {
		let end = self.at + dst.len();
		assert!(end <= self.bytes.len(), "the vector's randomness ran out");
		dst.copy_from_slice(&self.bytes[self.at..end]);
		self.at = end;
	}
}

impl CryptoRng for Replay {}

pub fn unhex(value: &serde_json::Value) -> Vec<u8> {
	hex::decode(value.as_str().expect("a hex string")).expect("valid hex")
}

pub fn unhex32(value: &serde_json::Value) -> [u8; 32] {
	unhex(value).try_into().expect("32 bytes")
}
