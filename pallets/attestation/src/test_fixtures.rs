//! Intel's public DCAP samples (`../shared/fixtures/dcap`, beside the repository), read
//! at test time; never copied into the project.
//!
//! Only Intel's SGX Root CA certificate is embedded ([`intel_root`]), so the mock genesis
//! never needs the samples. Every test that reads another sample starts with
//! [`require_samples!`]: where the samples are absent (a fresh clone with no `../shared`
//! beside it) it prints `skipped: Intel's DCAP samples are not at <path>` and passes.
//!
//! The environment variable `AZRA_DCAP_SAMPLES` overrides where the samples are read from
//! (e.g. `AZRA_DCAP_SAMPLES=/nonexistent` to check the skips without moving `../shared`).

use crate::dcap::native;
use dcap_qvl::QuoteCollateralV3;
use std::path::PathBuf;

/// A time inside both samples' collateral window (2025-07-01T00:00:00Z).
pub const SAMPLE_NOW: u64 = 1_751_328_000;

/// A time after both samples' `nextUpdate` (2025-07-19): 2025-08-01T00:00:00Z.
pub const AFTER_NEXT_UPDATE: u64 = 1_754_006_400;

/// Where Intel's samples are read from: `$AZRA_DCAP_SAMPLES` if set, else
/// `../shared/fixtures/dcap` beside the repository.
fn dir() -> PathBuf {
	match std::env::var_os("AZRA_DCAP_SAMPLES") {
		Some(dir) => PathBuf::from(dir),
		None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/dcap"),
	}
}

/// The sample files the tests read (the root CA is embedded instead).
const SAMPLES: [&str; 4] =
	["sgx_quote", "sgx_quote_collateral.json", "tdx_quote", "tdx_quote_collateral.json"];

/// Whether Intel's DCAP samples are all present at [`dir`].
pub fn samples_present() -> bool {
	let dir = dir();
	SAMPLES.iter().all(|name| dir.join(name).is_file())
}

/// Says that the calling test is skipped because the samples are absent.
pub fn report_skipped() {
	eprintln!("skipped: Intel's DCAP samples are not at {}", dir().display());
}

/// First statement of every test that reads a sample other than [`intel_root`]: when the
/// samples are absent, says the test is skipped and returns from it.
macro_rules! require_samples {
	() => {
		if !$crate::test_fixtures::samples_present() {
			$crate::test_fixtures::report_skipped();
			return;
		}
	};
}
pub(crate) use require_samples;

fn read(name: &str) -> Vec<u8> {
	let path = dir().join(name);
	std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// Intel's SGX Root CA certificate (DER): Intel's public root, embedded as the trust anchor
/// the tests (and later a production preset) use. A copy of `intel_sgx_root_ca.der` from
/// the samples; SHA-256 fingerprint `44A0196B…FAB674D3`.
pub fn intel_root() -> Vec<u8> {
	include_bytes!("intel_sgx_root_ca.der").to_vec()
}

/// A root CA certificate that differs from Intel's in its public key (one byte of the
/// point flipped): chains and CRLs signed by Intel's root do not verify under it.
pub fn other_root() -> Vec<u8> {
	let mut root = intel_root();
	let spki = root
		.windows(4)
		.position(|w| w == [0x03, 0x42, 0x00, 0x04])
		.expect("Intel's root carries an uncompressed P-256 key");
	root[spki + 10] ^= 0x01;
	root
}

/// The SGX v3 sample quote.
pub fn sgx_quote() -> Vec<u8> {
	read("sgx_quote")
}

/// The TDX v4 sample quote.
pub fn tdx_quote() -> Vec<u8> {
	read("tdx_quote")
}

fn collateral(name: &str) -> QuoteCollateralV3 {
	let text = String::from_utf8(read(name)).expect("collateral JSON is UTF-8");
	serde_json::from_str(&text).expect("collateral JSON is QuoteCollateralV3")
}

/// The SGX sample's collateral, SCALE-encoded as the chain stores it.
pub fn sgx_collateral() -> Vec<u8> {
	native::encode_collateral(&collateral("sgx_quote_collateral.json"))
}

/// The TDX sample's collateral, SCALE-encoded as the chain stores it.
pub fn tdx_collateral() -> Vec<u8> {
	native::encode_collateral(&collateral("tdx_quote_collateral.json"))
}

/// The SGX sample's collateral, decoded, for tests that alter it.
#[allow(dead_code)]
pub fn sgx_collateral_struct() -> QuoteCollateralV3 {
	collateral("sgx_quote_collateral.json")
}

/// The PCK certificate chain (PEM) a sample quote carries: what dcap-qvl's collateral
/// fetcher attaches as `pck_certificate_chain`.
pub fn sample_pck_chain(quote: &[u8]) -> String {
	let parsed = dcap_qvl::quote::Quote::parse(quote).expect("a sample quote parses");
	let chain = parsed.raw_cert_chain().expect("the sample carries its PCK chain");
	String::from_utf8(chain.to_vec()).expect("a PEM chain is text")
}

/// Offset of the ECDSA signature over header and report in a quote: it opens the
/// length-prefixed auth data (4 length bytes) after the header (48) and the report body
/// (384 for SGX, 584 for TDX 1.0).
pub fn signature_offset(tee_report_len: usize) -> usize {
	48 + tee_report_len + 4
}

/// Length of an SGX enclave report body.
pub const SGX_REPORT_LEN: usize = 384;
/// Length of a TDX 1.0 report body.
pub const TDX_REPORT_LEN: usize = 584;
