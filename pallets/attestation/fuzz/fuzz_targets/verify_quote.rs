//! Quote and collateral decoding and verification, as the node runs them for the runtime
//! (the native side of the `dcap_verifier` host function), on hostile bytes.
//!
//! A fuzz input is `[mode, ...rest]`:
//! - mode 0: `rest` is a whole quote, verified with valid dev collateral;
//! - mode 1: `rest` is whole collateral, verified with a valid dev quote;
//! - mode 2 / 3: `rest` = `[offset_lo, offset_hi, bytes...]` overwrites a valid dev quote /
//!   collateral at `offset`, so mutations reach the checks behind the parsers (signatures,
//!   certificate chains, CRLs, TCB matching) instead of stopping at the first length field.
//!
//! Any outcome is fine except a panic, a hang or a crash: every failure must come back as
//! a typed `DcapError`.
#![no_main]

use azra_dev_enclave::{CollateralOptions, DevPki, Identity, SgxEnclave, TdxGuest, Tee};
use libfuzzer_sys::fuzz_target;
use pallet_attestation::dcap::native;
use std::sync::OnceLock;

const NOW: u64 = 1_790_000_000;

struct Valid {
	quotes: [Vec<u8>; 2],
	collaterals: [Vec<u8>; 2],
	root: Vec<u8>,
}

fn valid() -> &'static Valid {
	static VALID: OnceLock<Valid> = OnceLock::new();
	VALID.get_or_init(|| {
		let pki = DevPki::new().expect("the dev PKI builds");
		let options = CollateralOptions::issued_at(NOW - 3600);
		let sgx = Identity::Sgx(SgxEnclave::azra_dev_runtime());
		let tdx = Identity::Tdx(TdxGuest::azra_dev_runtime());
		Valid {
			quotes: [pki.quote(&sgx, [1; 64]).expect("q"), pki.quote(&tdx, [2; 64]).expect("q")],
			collaterals: [
				pki.collateral_bytes(Tee::Sgx, &options).expect("c"),
				pki.collateral_bytes(Tee::Tdx, &options).expect("c"),
			],
			root: pki.root_ca_der().expect("root"),
		}
	})
}

/// `base` with `patch` written over it at `offset` (wrapping inside `base`).
fn spliced(base: &[u8], patch: &[u8]) -> Vec<u8> {
	let mut out = base.to_vec();
	let Some((offset, bytes)) = patch.split_first_chunk::<2>() else { return out };
	let start = usize::from(u16::from_le_bytes(*offset)) % out.len().max(1);
	for (slot, byte) in out.iter_mut().skip(start).zip(bytes) {
		*slot = *byte;
	}
	out
}

fuzz_target!(|data: &[u8]| {
	let Some((&mode, rest)) = data.split_first() else { return };
	let valid = valid();
	// The high bit picks SGX or TDX for the valid half.
	let tee = usize::from(mode >> 7);
	let (quote, collateral) = (&valid.quotes[tee], &valid.collaterals[tee]);
	match mode & 0x03 {
		0 => {
			let _ = native::quote_platform(rest);
			let _ = native::verify_quote(rest, collateral, &valid.root, NOW);
		},
		1 => {
			let _ = native::decode_collateral(rest);
			let _ = native::verify_quote(quote, rest, &valid.root, NOW);
		},
		2 => {
			let quote = spliced(quote, rest);
			let _ = native::quote_platform(&quote);
			let _ = native::verify_quote(&quote, collateral, &valid.root, NOW);
		},
		_ => {
			let collateral = spliced(collateral, rest);
			let _ = native::verify_quote(quote, &collateral, &valid.root, NOW);
		},
	}
});
