//! Parsing what people type: accounts and measurement ids, for the `azra_*` RPC methods
//! and the node's commands alike (one rule for each, whoever reads it).

use azra_primitives::MeasurementId;
use azra_runtime::AccountId;
use sp_core::{
	bytes::from_hex,
	crypto::{Ss58AddressFormat, Ss58Codec},
	H256,
};

/// An account from SS58 (any network prefix) or 0x-hex of 32 bytes.
pub fn parse_account(text: &str) -> Result<AccountId, String> {
	if text.starts_with("0x") {
		let bytes = from_hex(text).map_err(|e| format!("{text:?} is not hex: {e}"))?;
		let raw: [u8; 32] =
			bytes.try_into().map_err(|_| format!("{text:?} is not 32 bytes of hex"))?;
		return Ok(AccountId::from(raw));
	}
	AccountId::from_ss58check_with_version(text)
		.map(|(account, _format): (AccountId, Ss58AddressFormat)| account)
		.map_err(|e| format!("{text:?} is not an SS58 address or 0x-hex account: {e:?}"))
}

/// A 32-byte hash from 0x-hex.
pub fn parse_h256(text: &str) -> Result<H256, String> {
	let bytes = from_hex(text).map_err(|e| format!("{text:?} is not hex: {e}"))?;
	let raw: [u8; 32] = bytes.try_into().map_err(|_| format!("{text:?} is not 32 bytes of hex"))?;
	Ok(H256(raw))
}

/// A measurement id from 0x-hex of 32 bytes (the RPC's and the provider agent's
/// `--measurement`).
pub fn parse_measurement(text: &str) -> Result<MeasurementId, String> {
	let bytes = from_hex(text).map_err(|e| format!("{text:?} is not hex: {e}"))?;
	let raw: [u8; 32] =
		bytes.try_into().map_err(|_| format!("{text:?} is not a 32-byte measurement id"))?;
	Ok(MeasurementId::from(raw))
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::hexdisplay::HexDisplay;

	#[test]
	fn accounts_parse_from_ss58_or_hex_and_bad_ones_are_errors() {
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		let azra_ss58 =
			alice.to_ss58check_with_version(Ss58AddressFormat::custom(azra_runtime::SS58_PREFIX));
		assert_eq!(parse_account(&azra_ss58), Ok(alice.clone()));
		assert_eq!(parse_account(&alice.to_ss58check()), Ok(alice.clone()));
		let hex = format!("0x{}", HexDisplay::from(&<AccountId as AsRef<[u8]>>::as_ref(&alice)));
		assert_eq!(parse_account(&hex), Ok(alice));
		for bad in ["", "5Bad", "0x12", "0xzz", "0x123", "not an account"] {
			assert!(parse_account(bad).is_err(), "{bad:?}");
		}
	}

	#[test]
	fn hashes_are_32_bytes_of_hex() {
		assert_eq!(parse_h256(&format!("0x{}", "01".repeat(32))), Ok(H256([1; 32])));
		assert!(parse_h256("0x0101").is_err());
		assert!(parse_h256(&format!("0x{}", "0g".repeat(32))).is_err());
	}

	#[test]
	fn measurement_ids_are_32_bytes_of_hex() {
		let hex = format!("0x{}", "ab".repeat(32));
		assert_eq!(parse_measurement(&hex), Ok(MeasurementId::from([0xab; 32])));
		for bad in
			["0x", "0xab", &format!("0x{}", "ab".repeat(33)), &format!("0x{}", "zz".repeat(32))]
		{
			assert!(parse_measurement(bad).is_err(), "{bad:?}");
		}
	}
}
