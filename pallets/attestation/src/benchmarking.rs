//! Benchmarks of the attestation pallet. Every benchmark that verifies a quote runs the
//! real DCAP host function on the runtime's largest realistic quote
//! ([`BenchmarkHelper::quote`]).

use super::*;
use crate::Pallet as Attestation;
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{
	assert_ok,
	traits::fungible::{Inspect, Mutate},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::Saturating;

/// Public keys of the well-known dev accounts (//Alice … //Ferdie, sr25519): valid points,
/// so signature checks against them do the full work.
const DEV_SR25519: [[u8; 32]; 6] = [
	hex32("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"),
	hex32("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48"),
	hex32("90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22"),
	hex32("306721211d5404bd9da88e0204360a1a9ab8b87c66c1bc2fcdd37f3c2222cc20"),
	hex32("e659a7a1628cdd93febc04a4e0646ea20e9f5f0ce097d9a05290d4a9e054df4e"),
	hex32("1cbd2d43530a44705ad088af313e18f80b53ef16b36177cd4b77b846f2a5f07c"),
];

const fn hex32(s: &str) -> [u8; 32] {
	let b = s.as_bytes();
	let mut out = [0u8; 32];
	let mut i = 0;
	while i < 32 {
		out[i] = (nibble(b[2 * i]) << 4) | nibble(b[2 * i + 1]);
		i += 1;
	}
	out
}

const fn nibble(c: u8) -> u8 {
	match c {
		b'0'..=b'9' => c - b'0',
		b'a'..=b'f' => c - b'a' + 10,
		_ => panic!("not lowercase hex"),
	}
}

/// The `i`-th enclave key of a benchmark provider: a dev sr25519 key while they last.
fn enclave_key(i: u32) -> EnclaveKey {
	match DEV_SR25519.get(i as usize) {
		Some(key) => EnclaveKey::Sr25519(*key),
		None => EnclaveKey::Ed25519(sp_io::hashing::blake2_256(&i.encode())),
	}
}

/// The registration the benchmark quote commits to: the whitelisted caller registers the
/// key after the `MaxEnclavesPerProvider` ones it already holds, with a fixed nonce. A
/// runtime's helper returns a quote made for exactly this, on a genesis hash of `0x69…69`
/// (set by `setup_verified`).
pub fn registration<T: Config>() -> (T::AccountId, EnclaveKey, H256) {
	(whitelisted_caller(), enclave_key(T::MaxEnclavesPerProvider::get()), BENCH_NONCE)
}

/// The nonce of the benchmarks' registration.
pub const BENCH_NONCE: H256 = H256([0x42; 32]);

/// Root, collateral and time set up for the benchmark quote; returns it with its verified
/// form.
fn setup_verified<T: Config>() -> (BenchmarkQuote, VerifiedQuoteV2) {
	// Pin the genesis hash the registration commits to, whatever the benchmark state holds.
	let genesis = T::Hash::decode(&mut &[0x69u8; 32][..]).expect("a 32-byte hash");
	frame_system::BlockHash::<T>::insert(BlockNumberFor::<T>::zero(), genesis);
	let (caller, key, nonce) = registration::<T>();
	let report_data = Attestation::<T>::expected_report_data(&caller, &key, &nonce);
	let sample = T::BenchmarkHelper::quote(report_data);
	T::BenchmarkHelper::set_unix_time(sample.unix_time);
	Attestation::<T>::put_root_ca(BoundedVec::try_from(sample.root_ca.clone()).expect("fits"));
	assert_ok!(Attestation::<T>::do_submit_collateral(
		sample.fmspc,
		BoundedVec::try_from(sample.collateral.clone()).expect("collateral fits"),
		&sample.quote,
	));
	let (verified, _, _) =
		Attestation::<T>::verify_with_stored_collateral(&sample.quote).expect("the quote verifies");
	(sample, verified)
}

/// The most specific measurement entry the verified quote satisfies: for TDX, every RTMR
/// and every configuration field pinned (the most comparisons).
fn entry_for(verified: &VerifiedQuoteV2) -> MeasurementEntry {
	match &verified.quote.identity {
		EnclaveIdentity::Sgx(id) => MeasurementEntry::Sgx {
			mr_enclave: Some(id.mr_enclave),
			mr_signer: Some(id.mr_signer),
			isv_prod_id: id.isv_prod_id,
			min_isv_svn: id.isv_svn,
		},
		EnclaveIdentity::Tdx(id) => {
			let td = verified.td.expect("a TDX quote carries its configuration");
			MeasurementEntry::Tdx {
				mr_td: id.mr_td,
				rtmr: id.rtmr.map(RtmrPin::Exact),
				mr_config_id: Some(td.mr_config_id),
				td_attributes: Some(MaskedBits { value: td.td_attributes, mask: [0xFF; 8] }),
				xfam: Some(MaskedBits { value: td.xfam, mask: [0xFF; 8] }),
			}
		}
	}
}

/// The largest allow-list entry: TDX with every field pinned.
fn largest_entry() -> MeasurementEntry {
	MeasurementEntry::Tdx {
		mr_td: Digest384([1; 48]),
		rtmr: [RtmrPin::Exact(Digest384([2; 48])); 4],
		mr_config_id: Some(Digest384([3; 48])),
		td_attributes: Some(MaskedBits { value: [4; 8], mask: [0xFF; 8] }),
		xfam: Some(MaskedBits { value: [5; 8], mask: [0xFF; 8] }),
	}
}

/// Every status but `Revoked`.
fn all_statuses() -> TcbStatuses {
	BoundedVec::try_from(alloc::vec![
		TcbStatus::UpToDate,
		TcbStatus::SwHardeningNeeded,
		TcbStatus::ConfigurationNeeded,
		TcbStatus::ConfigurationAndSwHardeningNeeded,
		TcbStatus::OutOfDate,
		TcbStatus::OutOfDateConfigurationNeeded,
	])
	.expect("six fit")
}

/// The longest rejected-advisory list, matching nothing the benchmarks' enclaves carry.
fn max_advisories() -> AdvisoryIds {
	worst_case_advisories(b'R')
}

/// Gives `who` the deposits of the most enclaves a provider may hold, and one more.
fn fund<T: Config>(who: &T::AccountId) {
	let deposits = T::EnclaveDeposit::get()
		.saturating_mul(T::MaxEnclavesPerProvider::get().saturating_add(1).into());
	let _ = T::Currency::set_balance(who, T::Currency::minimum_balance().saturating_add(deposits));
}

/// A provider with `MaxEnclavesPerProvider` enclaves registered under `verified`'s
/// measurement, each carrying the longest advisory list, while the policy rejects the
/// longest list of other advisories (so every eligibility check compares every pair).

fn fill_enclaves<T: Config>(provider: &T::AccountId, verified: &VerifiedQuoteV2) -> MeasurementId {
	fund::<T>(provider);
	let entry = entry_for(verified);
	let id = entry.id();
	Measurements::<T>::insert(id, MeasurementRecord { entry, revoked: false });
	AcceptedTcbStatuses::<T>::put(all_statuses());
	RejectedAdvisories::<T>::put(max_advisories());
	let now = frame_system::Pallet::<T>::block_number();
	let root_hash = Attestation::<T>::root_ca_hash().expect("setup_verified set the root");
	for i in 0..T::MaxEnclavesPerProvider::get() {
		let mut record = Attestation::<T>::enclave_record(
			provider.clone(),
			id,
			verified.quote.clone(),
			root_hash,
			verified.quote.collateral.tcb_eval_data_number,
			now,
		);
		record.advisory_ids = worst_case_advisories(b'E');
		// Each with its own sealing key, which the cleanup of expired ones removes too.
		let sealing_key = sp_io::hashing::blake2_256(&(b"sealing", i).encode());
		assert_ok!(Attestation::<T>::bind_enclave(enclave_key(i), record, sealing_key, now));
	}
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// The longest root a chain may set (hashed whole), on a chain that did not start with
	// Intel's root (one that did may only set Intel's, which is shorter).
	#[benchmark]
	fn set_root_ca() {
		IntelRootOnly::<T>::put(false);
		let root: BoundedVec<u8, T::MaxRootCaLen> =
			BoundedVec::truncate_from(alloc::vec![0x30; T::MaxRootCaLen::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Root, root);
		assert!(RootCa::<T>::exists());
	}

	// Replaces stored collateral with itself: the rollback comparison and both writes.
	#[benchmark]
	fn submit_collateral() {
		let (sample, _) = setup_verified::<T>();
		let caller: T::AccountId = whitelisted_caller();
		let collateral = BoundedVec::try_from(sample.collateral).expect("fits");
		let witness = BoundedVec::try_from(sample.quote).expect("fits");
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), sample.fmspc, collateral, witness);
	}

	#[benchmark]
	fn allow_measurement() {
		let entry = largest_entry();
		#[extrinsic_call]
		_(RawOrigin::Root, entry.clone());
		assert!(Measurements::<T>::contains_key(entry.id()));
	}

	#[benchmark]
	fn revoke_measurement() {
		let entry = largest_entry();
		let id = entry.id();
		Measurements::<T>::insert(id, MeasurementRecord { entry, revoked: false });
		#[extrinsic_call]
		_(RawOrigin::Root, id);
		assert!(Measurements::<T>::get(id).expect("kept").revoked);
	}

	#[benchmark]
	fn set_accepted_tcb_statuses() {
		#[extrinsic_call]
		_(RawOrigin::Root, all_statuses());
	}

	#[benchmark]
	fn set_rejected_advisories() {
		#[extrinsic_call]
		_(RawOrigin::Root, max_advisories());
	}

	// The provider holds one nonce less than the maximum, all alive.
	#[benchmark]
	fn request_nonce() {
		let caller: T::AccountId = whitelisted_caller();
		for _ in 1..T::MaxNoncesPerProvider::get() {
			assert_ok!(Attestation::<T>::do_request_nonce(caller.clone()));
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));
		assert_eq!(Nonces::<T>::get(&caller).len() as u32, T::MaxNoncesPerProvider::get());
	}

	// A successful registration in its worst case: full verification of the largest quote
	// through the host function, every policy check (all statuses, the longest advisory
	// list), the nonce last of a full list, and a provider whose enclave list is full of
	// expired registrations that must be cleared to make room.
	#[benchmark]
	fn register_enclave() {
		let (sample, verified) = setup_verified::<T>();
		let (caller, key, nonce) = registration::<T>();
		let id = fill_enclaves::<T>(&caller, &verified);
		RejectedAdvisories::<T>::put(max_advisories());
		let now = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::ReattestationPeriod::get())
			.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(now);
		let expires_at = now.saturating_add(T::NonceLifetime::get());
		let mut nonces: Vec<IssuedNonce<BlockNumberFor<T>>> = (1..T::MaxNoncesPerProvider::get())
			.map(|i| IssuedNonce {
				nonce: H256(sp_io::hashing::blake2_256(&i.encode())),
				expires_at,
			})
			.collect();
		nonces.push(IssuedNonce { nonce, expires_at });
		Nonces::<T>::insert(&caller, BoundedVec::try_from(nonces).expect("at most the maximum"));
		let quote: BoundedVec<u8, T::MaxQuoteLen> =
			BoundedVec::try_from(sample.quote).expect("quote fits");
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), quote, key, nonce, id, BENCH_SEALING_KEY);
		assert_eq!(ProviderEnclaves::<T>::get(&caller).into_inner(), alloc::vec![key]);
		assert_eq!(SealingKeys::<T>::get(key), Some(BENCH_SEALING_KEY));
	}

	#[benchmark]
	fn deregister_enclave() {
		let (_, verified) = setup_verified::<T>();
		let caller: T::AccountId = whitelisted_caller();
		fill_enclaves::<T>(&caller, &verified);
		let key = enclave_key(T::MaxEnclavesPerProvider::get() - 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), key);
		assert!(!Enclaves::<T>::contains_key(key));
	}

	// Worst case: every eligibility check passes and the signature check runs to the end on
	// an sr25519 key (the slower scheme); a well-formed signature that does not match does
	// the same work as one that does.
	#[benchmark]
	fn verify_work_proof() {
		let (_, verified) = setup_verified::<T>();
		let provider: T::AccountId = whitelisted_caller();
		fill_enclaves::<T>(&provider, &verified);
		let claim = WorkClaim {
			genesis_hash: H256::repeat_byte(9),
			build_id: 1,
			spec_hash: H256::repeat_byte(1),
			input_hash: H256::repeat_byte(3),
			output_hash: H256::repeat_byte(2),
			units_used: 1,
			provider,
		};
		let mut signature = [0u8; 64];
		signature[..32].copy_from_slice(&DEV_SR25519[0]);
		signature[32] = 1;
		signature[63] = 0x80;
		let proof = WorkProof {
			enclave_key: enclave_key(0),
			signature: MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw(signature)),
		};
		#[block]
		{
			let result =
				<Attestation<T> as WorkProofVerifier<_, _>>::verify_work_proof(&claim, &proof);
			assert_eq!(result, Err(Error::<T>::WorkProofInvalid.into()));
		}
	}

	// Worst case: only the provider's last enclave has the required measurement.
	#[benchmark]
	fn ensure_eligible() {
		let (_, verified) = setup_verified::<T>();
		let provider: T::AccountId = whitelisted_caller();
		let id = fill_enclaves::<T>(&provider, &verified);
		let required = Some(id);
		let last = enclave_key(T::MaxEnclavesPerProvider::get() - 1);
		let other = H256::repeat_byte(0xee);
		for key in ProviderEnclaves::<T>::get(&provider) {
			if key != last {
				Enclaves::<T>::mutate(key, |r| {
					if let Some(r) = r {
						r.measurement = other
					}
				});
			}
		}
		#[block]
		{
			assert_ok!(<Attestation<T> as ProviderEligibility<_, _>>::ensure_eligible(
				&provider, required
			));
		}
	}

	#[benchmark]
	fn force_deregister() {
		let (_, verified) = setup_verified::<T>();
		let provider: T::AccountId = whitelisted_caller();
		fill_enclaves::<T>(&provider, &verified);
		let key = enclave_key(T::MaxEnclavesPerProvider::get() - 1);
		#[extrinsic_call]
		_(RawOrigin::Root, key);
		assert!(!Enclaves::<T>::contains_key(key));
	}

	#[benchmark]
	fn revoke_platform() {
		#[extrinsic_call]
		_(RawOrigin::Root, TeeType::Tdx, [7; 6]);
		assert!(RevokedPlatforms::<T>::contains_key((TeeType::Tdx, [7; 6])));
	}

	#[benchmark]
	fn restore_platform() {
		RevokedPlatforms::<T>::insert((TeeType::Tdx, [7; 6]), ());
		#[extrinsic_call]
		_(RawOrigin::Root, TeeType::Tdx, [7; 6]);
		assert!(!RevokedPlatforms::<T>::contains_key((TeeType::Tdx, [7; 6])));
	}

	// Restores collateral over the stored one: the checks of a submission but the rollback
	// rule, and three writes (the collateral, its record and the ceiling).
	#[benchmark]
	fn restore_collateral() {
		let (sample, _) = setup_verified::<T>();
		let collateral = BoundedVec::try_from(sample.collateral).expect("fits");
		let witness = BoundedVec::try_from(sample.quote).expect("fits");
		#[extrinsic_call]
		_(RawOrigin::Root, sample.fmspc, collateral, witness);
		assert_eq!(CollateralCeilings::<T>::iter().count(), 1);
	}

	#[benchmark]
	fn lift_collateral_ceiling() {
		let ceiling = CollateralCeiling { tcb_eval_data_number: 17, qe_eval_data_number: 8 };
		CollateralCeilings::<T>::insert((TeeType::Tdx, [7; 6]), ceiling);
		#[extrinsic_call]
		_(RawOrigin::Root, TeeType::Tdx, [7; 6]);
		assert!(!CollateralCeilings::<T>::contains_key((TeeType::Tdx, [7; 6])));
	}

	#[benchmark]
	fn set_min_tcb_eval_data_number() {
		#[extrinsic_call]
		_(RawOrigin::Root, TeeType::Tdx, 17);
		assert_eq!(MinTcbEvalDataNumber::<T>::get(TeeType::Tdx), 17);
	}

	// `n` expired queue entries of `n` providers who never came back, each holding a full
	// list of nonces of which only that one expired (every entry decodes the longest list
	// and writes the rest back), then an entry still alive that stops the walk (read
	// whatever `n`, unless the per-block limit stops it first).
	#[benchmark]
	fn sweep_nonces(n: Linear<0, { T::MaxNoncesSweptPerBlock::get().min(256) }>) {
		let providers: Vec<T::AccountId> = (0..n).map(|i| account("provider", i, 0)).collect();
		let start = frame_system::Pallet::<T>::block_number();
		for provider in &providers {
			assert_ok!(Attestation::<T>::do_request_nonce(provider.clone()));
		}
		let later = start.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(later);
		for provider in &providers {
			for _ in 1..T::MaxNoncesPerProvider::get() {
				assert_ok!(Attestation::<T>::do_request_nonce(provider.clone()));
			}
		}
		let head: T::AccountId = whitelisted_caller();
		assert_ok!(Attestation::<T>::do_request_nonce(head.clone()));
		// The first nonces have expired, the later ones are alive.
		let now = start.saturating_add(T::NonceLifetime::get()).saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Attestation::<T>::sweep_nonces(now, Weight::MAX);
		}

		assert_eq!(NonceSweepCursor::<T>::get(), n as u64);
		for provider in &providers {
			assert_eq!(
				Nonces::<T>::get(provider).len() as u32,
				T::MaxNoncesPerProvider::get().saturating_sub(1)
			);
		}
		assert!(Nonces::<T>::contains_key(&head));
	}

	// `n` records one re-attestation period past their expiry, each of its own provider with
	// its deposit held: every one leaves, with its sealing key, its place in its provider's
	// list and its deposit (each visit is charged as such a removal).
	#[benchmark]
	fn prune_enclaves(n: Linear<0, { T::MaxEnclavesPrunedPerBlock::get().min(64) }>) {
		let (_, verified) = setup_verified::<T>();
		let entry = entry_for(&verified);
		let id = entry.id();
		Measurements::<T>::insert(id, MeasurementRecord { entry, revoked: false });
		let root_hash = Attestation::<T>::root_ca_hash().expect("setup_verified set the root");
		let start = frame_system::Pallet::<T>::block_number();
		let keys: Vec<EnclaveKey> = (0..n)
			.map(|i| EnclaveKey::Ed25519(sp_io::hashing::blake2_256(&(b"pruned", i).encode())))
			.collect();
		for (i, key) in keys.iter().enumerate() {
			let provider: T::AccountId = account("provider", i as u32, 0);
			fund::<T>(&provider);
			let record = Attestation::<T>::enclave_record(
				provider,
				id,
				verified.quote.clone(),
				root_hash,
				verified.quote.collateral.tcb_eval_data_number,
				start,
			);
			assert_ok!(Attestation::<T>::bind_enclave(*key, record, [0x5e; 32], start));
		}
		let period = T::ReattestationPeriod::get();
		let now = start.saturating_add(period).saturating_add(period).saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Attestation::<T>::prune_expired_enclaves(now, Weight::MAX);
		}

		for key in &keys {
			assert!(!Enclaves::<T>::contains_key(key));
			assert!(!EnclaveDeposits::<T>::contains_key(key));
		}
	}

	impl_benchmark_test_suite!(Attestation, crate::mock::new_test_ext(), crate::mock::Test);
}

#[cfg(test)]
mod dev_keys {
	use sp_core::{sr25519, Pair};

	#[test]
	fn dev_keys_are_the_well_known_ones() {
		for (i, name) in ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"].iter().enumerate() {
			let pair = sr25519::Pair::from_string(&format!("//{name}"), None).unwrap();
			assert_eq!(pair.public().0, super::DEV_SR25519[i], "{name}");
		}
	}
}
