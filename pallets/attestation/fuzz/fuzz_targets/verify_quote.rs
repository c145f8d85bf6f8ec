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

use azra_dev_pki::{CollateralOptions, DevPki, Identity, SgxEnclave, TdxGuest, Tee};
use libfuzzer_sys::fuzz_target;
use pallet_attestation::{dcap::native, DcapError};
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

/// Every node-side check the runtime can call on (`quote`, `collateral`), and both versions
/// of verification, which must agree on everything version 1 returns. (Version 2 is
/// stricter in one place: a format-5 body of another TEE than the header's is refused as
/// unsupported before dcap-qvl runs.)
fn check_all(quote: &[u8], collateral: &[u8], root: &[u8]) {
	let _ = native::quote_platform(quote);
	let _ = native::quote_platform_v2(quote);
	let _ = native::check_quote_shape(quote);
	let _ = native::check_collateral(collateral);
	let _ = native::check_collateral_shape(collateral);
	let _ = native::collateral_freshness(collateral);
	let v1 = native::verify_quote(quote, collateral, root, NOW);
	let v2 = native::verify_quote_v2(quote, collateral, root, NOW);
	if v2 != Err(DcapError::UnsupportedQuote) {
		assert_eq!(v1, v2.map(|v| v.quote));
	}
}

fuzz_target!(|data: &[u8]| {
	let Some((&mode, rest)) = data.split_first() else { return };
	let valid = valid();
	// The high bit picks SGX or TDX for the valid half.
	let tee = usize::from(mode >> 7);
	let (quote, collateral) = (&valid.quotes[tee], &valid.collaterals[tee]);
	match mode & 0x03 {
		0 => check_all(rest, collateral, &valid.root),
		1 => {
			let _ = native::decode_collateral(rest);
			check_all(quote, rest, &valid.root);
		},
		2 => check_all(&spliced(quote, rest), collateral, &valid.root),
		_ => check_all(quote, &spliced(collateral, rest), &valid.root),
	}
});
