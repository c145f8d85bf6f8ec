//! Collateral whose items were edited and then signed again with the dev PKI's public
//! keys, as if Intel had issued them, verified as the node verifies for the runtime.
//!
//! The `verify_quote` target's mutations stop at the TCB info, QE identity and CRL
//! signatures. Here every edited item is re-signed (TCB info and QE identity by the dev
//! TCB signing key, the CRLs by their dev issuers), so mutations reach what lies behind
//! the signatures: JSON parsing, TCB level and QE identity matching, TCB status and
//! advisories, CRL dates, numbers and revocation, and the figures the rollback rule reads.
//!
//! A fuzz input is `[flags, options (8 bytes), rest...]`:
//! - `flags` bit 7 picks SGX or TDX, bits 3..5 the quote format (of that TEE), bits 0..2
//!   what `rest` edits: 0/1 splice into the TCB info / QE identity JSON, 2/3 splice into
//!   the PCK / root CA CRL DER, 4/5 replace the TCB info / QE identity JSON, 6 nothing,
//!   7 splice into the TCB info then the QE identity (half of `rest` each);
//! - the 8 option bytes set what the dev PKI issues before the edit (issue date, validity,
//!   evaluation number, CRL number, TCB status, advisories, a revoked PCK, padding).
//!
//! Any outcome is fine except a panic, a hang or a crash. Run with a per-input time limit
//! (`-timeout=10`): an input that takes longer is a finding too (docs/development.md).
#![no_main]

use azra_dev_pki::{
	CollateralOptions, DevPki, Identity, Platform, QuoteFormat, SgxEnclave, TcbStatus, TdxGuest,
	Tee,
};
use libfuzzer_sys::fuzz_target;
use pallet_attestation::dcap::native;
use std::sync::OnceLock;

const NOW: u64 = 1_790_000_000;

fn pki() -> &'static (DevPki, Vec<u8>) {
	static PKI: OnceLock<(DevPki, Vec<u8>)> = OnceLock::new();
	PKI.get_or_init(|| {
		let pki = DevPki::new().expect("the dev PKI builds");
		let root = pki.root_ca_der().expect("root");
		(pki, root)
	})
}

/// `base` with `patch` written over it at the offset its first two bytes name.
fn splice(base: &mut Vec<u8>, patch: &[u8]) {
	let Some((offset, bytes)) = patch.split_first_chunk::<2>() else { return };
	let start = usize::from(u16::from_le_bytes(*offset)) % base.len().max(1);
	for (i, byte) in bytes.iter().enumerate() {
		match base.get_mut(start + i) {
			Some(slot) => *slot = *byte,
			None => base.push(*byte),
		}
	}
}

/// `text` with `patch` spliced into its bytes (kept as text, lossily, as JSON must be).
fn splice_text(text: &mut String, patch: &[u8]) {
	let mut bytes = std::mem::take(text).into_bytes();
	splice(&mut bytes, patch);
	*text = String::from_utf8_lossy(&bytes).into_owned();
}

fn options(bytes: &[u8; 8]) -> CollateralOptions {
	const STATUSES: [TcbStatus; 7] = [
		TcbStatus::UpToDate,
		TcbStatus::SWHardeningNeeded,
		TcbStatus::ConfigurationNeeded,
		TcbStatus::ConfigurationAndSWHardeningNeeded,
		TcbStatus::OutOfDate,
		TcbStatus::OutOfDateConfigurationNeeded,
		TcbStatus::Revoked,
	];
	let issued_at = NOW - 60 * u64::from(u16::from_le_bytes([bytes[0], bytes[1]]));
	CollateralOptions {
		validity: 3600 * u64::from(bytes[2]),
		tcb_evaluation_data_number: u32::from(bytes[3]),
		crl_number: u32::from(bytes[4]),
		tcb_status: STATUSES[usize::from(bytes[5] % 7)],
		advisory_ids: (0..bytes[5] >> 5).map(|i| format!("INTEL-SA-{i:05}")).collect(),
		revoke_pck: bytes[6] & 1 == 1,
		padding_tcb_levels: u32::from(bytes[6] >> 4),
		padding_revoked_serials: u32::from(bytes[7]),
		..CollateralOptions::issued_at(issued_at)
	}
}

fuzz_target!(|data: &[u8]| {
	let Some((&flags, rest)) = data.split_first() else { return };
	let Some((option_bytes, rest)) = rest.split_first_chunk::<8>() else { return };
	let (pki, root) = pki();
	let tee = if flags & 0x80 == 0 { Tee::Sgx } else { Tee::Tdx };
	let formats: Vec<QuoteFormat> =
		QuoteFormat::ALL.into_iter().filter(|f| f.tee() == tee).collect();
	let format = formats[usize::from((flags >> 3) & 0x07) % formats.len()];
	let identity = match tee {
		Tee::Sgx => Identity::Sgx(SgxEnclave::azra_dev_runtime()),
		Tee::Tdx => Identity::Tdx(TdxGuest::azra_dev_runtime()),
	};
	let platform = if flags & 0x40 == 0 { Platform::First } else { Platform::Second };
	let Ok(quote) = pki.quote_as(platform, &identity, [5; 64], format) else { return };
	let Ok(mut collateral) = pki.collateral(tee, &options(option_bytes)) else { return };

	match flags & 0x07 {
		0 => splice_text(&mut collateral.tcb_info, rest),
		1 => splice_text(&mut collateral.qe_identity, rest),
		2 => splice(&mut collateral.pck_crl, rest),
		3 => splice(&mut collateral.root_ca_crl, rest),
		4 => collateral.tcb_info = String::from_utf8_lossy(rest).into_owned(),
		5 => collateral.qe_identity = String::from_utf8_lossy(rest).into_owned(),
		6 => {},
		_ => {
			let (first, second) = rest.split_at(rest.len() / 2);
			splice_text(&mut collateral.tcb_info, first);
			splice_text(&mut collateral.qe_identity, second);
		},
	}
	pki.resign_collateral(&mut collateral);
	pki.resign_crls(&mut collateral);
	let collateral = native::encode_collateral(&collateral);

	let _ = native::check_collateral(&collateral);
	let _ = native::check_collateral_shape(&collateral);
	let _ = native::collateral_freshness(&collateral);
	let _ = native::check_quote_shape(&quote);
	let _ = native::quote_platform_v2(&quote);
	let v1 = native::verify_quote(&quote, &collateral, root, NOW);
	let v2 = native::verify_quote_v2(&quote, &collateral, root, NOW);
	// Version 2 returns version 1's result unchanged (or the same refusal).
	assert_eq!(v1, v2.map(|v| v.quote));
});
