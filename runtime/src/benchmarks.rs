//! The pallets `azra-node benchmark pallet` can measure (feature `runtime-benchmarks`), and
//! the set-ups AzraCode's pallets need from their neighbours to be benchmarked.

use crate::{AccountId, Attestation, Burn, Runtime, UNIT};
use azra_primitives::{
	BuildId, MeasurementId, SealedTerms, Units, WorkClaim, MAX_SEALED_RECIPIENTS,
};
use frame_support::traits::{fungible::Mutate, Get};
use pallet_attestation::{EnclaveKey, WorkProof};
use sp_core::{crypto::KeyTypeId, hexdisplay::HexDisplay, H256};

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_preimage, Preimage]
	[pallet_burn, Burn]
	[pallet_attestation, Attestation]
	[pallet_mint, Mint]
	[pallet_validator_set, ValidatorSet]
	[pallet_enactment, Enactment]
);

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}

/// Key type of the enclave keys the benchmarks generate in the benchmark keystore.
const BENCH_ENCLAVE_KEY: KeyTypeId = KeyTypeId(*b"azbe");

/// The measurement benchmark enclaves run, when a build names none.
const BENCH_MEASUREMENT: MeasurementId = H256([7u8; 32]);

/// `bytes` noted as a preimage by `provider` (its deposit held), as an agent notes an
/// output before proving it; returns their hash.
fn note_as(provider: &AccountId, bytes: alloc::vec::Vec<u8>) -> H256 {
	let hash = H256(sp_io::hashing::blake2_256(&bytes));
	crate::Preimage::note_preimage(frame_system::RawOrigin::Signed(provider.clone()).into(), bytes)
		.expect("a funded provider notes an output");
	hash
}

/// Benchmark set-ups that cross pallet boundaries.
pub struct AzraBenchmarks;

impl AzraBenchmarks {
	/// The enclave key of `provider` in the benchmark keystore (made on first use).
	fn enclave_key(provider: &AccountId) -> sp_core::ed25519::Public {
		let account: &[u8] = provider.as_ref();
		let seed =
			alloc::format!("//azra-bench-enclave//{}", HexDisplay::from(&account)).into_bytes();
		sp_io::crypto::ed25519_generate(BENCH_ENCLAVE_KEY, Some(seed))
	}
}

impl pallet_burn::BenchmarkHelper<AccountId> for AzraBenchmarks {
	fn make_eligible(provider: &AccountId, measurement: Option<MeasurementId>) -> EnclaveKey {
		let key = EnclaveKey::Ed25519(Self::enclave_key(provider).0);
		Attestation::benchmark_bind_enclave(
			provider.clone(),
			key,
			measurement.unwrap_or(BENCH_MEASUREMENT),
		);
		key
	}

	fn make_eligible_behind_refused(
		provider: &AccountId,
		measurement: Option<MeasurementId>,
	) -> EnclaveKey {
		let measurement = measurement.unwrap_or(BENCH_MEASUREMENT);
		let others =
			<<Runtime as pallet_attestation::Config>::MaxEnclavesPerProvider as Get<u32>>::get()
				.saturating_sub(1);
		let account: &[u8] = provider.as_ref();
		for index in 0..others {
			let seed =
				alloc::format!("//azra-bench-refused//{}//{index}", HexDisplay::from(&account))
					.into_bytes();
			let key = sp_io::crypto::ed25519_generate(BENCH_ENCLAVE_KEY, Some(seed));
			Attestation::benchmark_bind_enclave(
				provider.clone(),
				EnclaveKey::Ed25519(key.0),
				measurement,
			);
		}
		// Refuse the others before the eligible one joins.
		Attestation::benchmark_refuse_enclaves(provider);
		Self::make_eligible(provider, Some(measurement))
	}

	fn refuse_by_governance(provider: &AccountId) {
		Attestation::benchmark_refuse_enclaves(provider);
	}

	fn note_output(provider: &AccountId, bytes: alloc::vec::Vec<u8>) -> H256 {
		note_as(provider, bytes)
	}

	fn unnote_output(provider: &AccountId, hash: H256) {
		crate::Preimage::unnote_preimage(
			frame_system::RawOrigin::Signed(provider.clone()).into(),
			hash,
		)
		.expect("the noter takes its deposit back; the proof's request keeps the bytes");
	}
}

impl pallet_mint::BenchmarkHelper<AccountId, WorkProof> for AzraBenchmarks {
	/// The costliest build to complete: sealed to the most recipients, the provider's
	/// enclave the last of them.
	fn assigned_build(provider: &AccountId, units: Units) -> BuildId {
		use pallet_burn::BenchmarkHelper as _;
		let builder: AccountId = frame_benchmarking::account("builder", 0, 0);
		let _ = crate::Balances::set_balance(&builder, 1_000_000_000 * UNIT);
		let mut recipients = (1..MAX_SEALED_RECIPIENTS)
			.map(|i| Self::make_eligible(&frame_benchmarking::account("recipient", i, 0), None))
			.collect::<alloc::vec::Vec<_>>();
		recipients.push(Self::make_eligible(provider, None));
		let id = Burn::do_submit_build(
			builder,
			H256::repeat_byte(1),
			H256::repeat_byte(2),
			units,
			None,
			crate::Balance::MAX,
			Some(SealedTerms {
				recipients: frame_support::BoundedVec::truncate_from(recipients),
				output_key: [0x0b; 32],
			}),
		)
		.expect("a funded builder submits");
		// Taking the build holds the provider's bond.
		let _ = crate::Balances::set_balance(provider, 1_000 * UNIT);
		Burn::do_accept_build(provider.clone(), id).expect("an eligible provider accepts");
		id
	}

	fn stored_output(provider: &AccountId, bytes: alloc::vec::Vec<u8>) -> H256 {
		note_as(provider, bytes)
	}

	fn work_proof(claim: &WorkClaim<AccountId>) -> WorkProof {
		let key = Self::enclave_key(&claim.provider);
		let signature =
			sp_io::crypto::ed25519_sign(BENCH_ENCLAVE_KEY, &key, &claim.signing_payload())
				.expect("the benchmark keystore holds the key it generated");
		WorkProof { enclave_key: EnclaveKey::Ed25519(key.0), signature: signature.into() }
	}
}

impl pallet_validator_set::BenchmarkHelper<AccountId> for AzraBenchmarks {
	fn register_keys(who: &AccountId) {
		use codec::Encode;
		let _ = crate::Balances::set_balance(who, 1_000 * UNIT);
		// Fresh keys in the benchmark keystore, with the proof that `who` holds them.
		let generated = crate::opaque::SessionKeys::generate(&who.encode(), None);
		crate::Session::set_keys(
			frame_system::RawOrigin::Signed(who.clone()).into(),
			generated.keys,
			generated.proof.encode(),
		)
		.expect("fresh keys with their proof are accepted");
	}
}

impl pallet_attestation::BenchmarkHelper for AzraBenchmarks {
	fn set_unix_time(secs: u64) {
		pallet_timestamp::Now::<Runtime>::put(secs.saturating_mul(1000));
	}

	/// The committed dev TDX quote: made for exactly the report data the benchmarks ask for
	/// (`runtime/tests/dev_pki.rs` checks it is), so the registration benchmark succeeds.
	fn quote(_report_data: [u8; 32]) -> pallet_attestation::BenchmarkQuote {
		use crate::dev_pki::{bench, DEV_FMSPC, DEV_ROOT_CA};
		pallet_attestation::BenchmarkQuote {
			quote: bench::QUOTE.to_vec(),
			collateral: bench::COLLATERAL.to_vec(),
			root_ca: DEV_ROOT_CA.to_vec(),
			fmspc: DEV_FMSPC,
			unix_time: bench::BENCH_UNIX_TIME,
		}
	}
}
