//! The dev PKI artefacts committed under `runtime/dev-pki/` are exactly what
//! `azra-dev-pki` issues, and dev presets hold the dev build runtime it describes.
//! `AZRA_WRITE_DEV_PKI=1 cargo test -p azra-runtime --test dev_pki` rewrites them.

use azra_dev_pki::{CollateralOptions, DevPki, Identity, SgxEnclave, TdxGuest, Tee};
use azra_runtime::{dev_pki, AccountId, Runtime};
use pallet_attestation::{registration_report_data, EnclaveKey, MeasurementEntry};
use sp_core::{Get, H256};
use std::path::PathBuf;

/// Mirrors the attestation benchmarks' `registration`: the whitelisted caller registers
/// the key after its `MaxEnclavesPerProvider` (4: Alice…Dave) ones, Eve's, with nonce
/// 0x42…42, on benchmark state whose genesis hash is frame_system's 0x69…69, carrying the
/// sealing key 0x5e…5e.
fn bench_report_data() -> [u8; 64] {
	let caller: AccountId = frame_benchmarking::whitelisted_caller();
	let max = <<Runtime as pallet_attestation::Config>::MaxEnclavesPerProvider as Get<u32>>::get();
	assert_eq!(max, 4, "the benchmark key below is the fifth dev key");
	let eve = sp_keyring::Sr25519Keyring::Eve.public().0;
	let digest = registration_report_data(
		&H256::repeat_byte(0x69),
		&caller,
		&EnclaveKey::Sr25519(eve),
		&H256::repeat_byte(0x42),
	);
	let mut report_data = [0u8; 64];
	report_data[..32].copy_from_slice(&digest);
	// The benchmarks' `BENCH_SEALING_KEY`.
	report_data[32..].copy_from_slice(&[0x5e; 32]);
	report_data
}

fn check_or_write(name: &str, expected: &[u8]) {
	let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dev-pki").join(name);
	if std::env::var_os("AZRA_WRITE_DEV_PKI").is_some() {
		std::fs::write(&path, expected).expect("write dev PKI artefact");
	}
	let committed = std::fs::read(&path).unwrap_or_default();
	assert!(
		committed == expected,
		"{} is stale: run AZRA_WRITE_DEV_PKI=1 cargo test -p azra-runtime --test dev_pki",
		path.display()
	);
}

#[test]
fn committed_artefacts_match_the_dev_pki() {
	let pki = DevPki::new().expect("the dev PKI builds");
	let root = pki.root_ca_der().expect("root");
	check_or_write("root-ca.der", &root);
	assert_eq!(dev_pki::DEV_ROOT_CA, &root[..]);
	let quote = pki
		.quote(&Identity::Tdx(TdxGuest::azra_dev_runtime()), bench_report_data())
		.expect("quote");
	check_or_write("bench-tdx-quote.bin", &quote);
	// The largest collateral the runtime accepts, padded where verification costs most,
	// whose platform carries the most advisories an enclave record keeps.
	let options = CollateralOptions {
		advisory_ids: azra_dev_pki::long_advisory_ids(
			pallet_attestation::MAX_ADVISORIES as usize,
			pallet_attestation::MAX_ADVISORY_ID_LEN as usize,
		),
		..CollateralOptions::issued_at(1_790_000_000 - 3600)
	};
	let max_len = <<Runtime as pallet_attestation::Config>::MaxCollateralLen as Get<u32>>::get();
	check_or_write(
		"bench-tdx-collateral.bin",
		&pki.largest_collateral(Tee::Tdx, &options, max_len as usize).expect("collateral"),
	);
	assert_eq!(dev_pki::DEV_FMSPC, azra_dev_pki::DEV_FMSPC);
}

#[test]
fn the_dev_measurement_is_the_dev_enclaves() {
	let enclave = SgxEnclave::azra_dev_runtime();
	assert_eq!(
		dev_pki::dev_runtime_measurement(),
		MeasurementEntry::Sgx {
			mr_enclave: Some(H256(enclave.mr_enclave)),
			mr_signer: Some(H256(enclave.mr_signer)),
			isv_prod_id: enclave.isv_prod_id,
			min_isv_svn: enclave.isv_svn,
		}
	);
}
