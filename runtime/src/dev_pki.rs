//! What dev chains take from AzraCode's dev PKI (the `azra-dev-pki` crate): the root
//! CA they trust and the dev build runtime they allow-list, plus the quote the runtime's
//! attestation benchmarks verify.
//!
//! The dev PKI is deterministic, so these are fixed bytes, committed under `runtime/dev-pki/`
//! and checked against the crate by `runtime/tests/dev_pki.rs` (which rewrites them when
//! run with `AZRA_WRITE_DEV_PKI=1`). Its private keys are public: a chain that trusts this
//! root accepts quotes anyone can make, which is what a dev chain is for and why
//! production chain specs must trust Intel's root instead.

use pallet_attestation::{Fmspc, MeasurementEntry};
use sp_core::H256;

/// The dev root CA certificate (DER).
pub const DEV_ROOT_CA: &[u8] = include_bytes!("../dev-pki/root-ca.der");

/// The dev platform's FMSPC.
pub const DEV_FMSPC: Fmspc = [0xA2, 0x7A, 0xC0, 0xDE, 0x00, 0x01];

/// MRENCLAVE of the dev build runtime (SGX).
pub const DEV_MR_ENCLAVE: H256 =
	H256(hex_literal::hex!("bbf11c0d52b3982c2af7c4fcb028897937e3b043d98ccd9ca6724318c32a163d"));

/// MRSIGNER of the dev build runtime (SGX).
pub const DEV_MR_SIGNER: H256 =
	H256(hex_literal::hex!("c8fb1b0e6e2194c2756a600848c798132e917ea247c0cdc73a64658d92724104"));

/// The allow-list entry of the dev build runtime: its exact code, signer, product 1,
/// security version 1 or later.
pub fn dev_runtime_measurement() -> MeasurementEntry {
	MeasurementEntry::Sgx {
		mr_enclave: Some(DEV_MR_ENCLAVE),
		mr_signer: Some(DEV_MR_SIGNER),
		isv_prod_id: 1,
		min_isv_svn: 1,
	}
}

/// The benchmarks' quote: a dev TDX v4 quote committing to the attestation benchmarks'
/// registration, with the largest collateral, valid at [`BENCH_UNIX_TIME`].
#[cfg(feature = "runtime-benchmarks")]
pub mod bench {
	/// The quote.
	pub const QUOTE: &[u8] = include_bytes!("../dev-pki/bench-tdx-quote.bin");
	/// Its collateral (SCALE-encoded `QuoteCollateralV3`): the largest the runtime accepts
	/// (`MaxCollateralLen`), padded with TCB levels that matching walks past and PCK CRL
	/// entries, so that the weights cover the most expensive collateral there can be.
	pub const COLLATERAL: &[u8] = include_bytes!("../dev-pki/bench-tdx-collateral.bin");
	/// A time inside the collateral's window.
	pub const BENCH_UNIX_TIME: u64 = 1_790_000_000;
}
