//! Intel's public DCAP samples (`/work/shared/fixtures/dcap`, beside the repository), read
//! at test time; never copied into the project.

use crate::dcap::native;
use dcap_qvl::QuoteCollateralV3;
use std::path::PathBuf;

/// A time inside both samples' collateral window (2025-07-01T00:00:00Z).
pub const SAMPLE_NOW: u64 = 1_751_328_000;

/// A time after both samples' `nextUpdate` (2025-07-19): 2025-08-01T00:00:00Z.
pub const AFTER_NEXT_UPDATE: u64 = 1_754_006_400;

fn dir() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/dcap")
}

fn read(name: &str) -> Vec<u8> {
	let path = dir().join(name);
	std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// Intel's SGX root CA certificate (DER).
pub fn intel_root() -> Vec<u8> {
	read("intel_sgx_root_ca.der")
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
