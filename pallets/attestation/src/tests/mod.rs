//! Specification of the attestation pallet, on the mock runtime, with Intel's real DCAP
//! samples verified through the pallet's own code path (root and collateral from storage,
//! time from the timestamp pallet).

use crate::{mock::*, test_fixtures::*, *};
use azra_primitives::{ProviderEligibility, TcbStatus, WorkClaim, WorkProofVerifier};
use frame_support::{assert_noop, assert_ok, traits::Hooks, BoundedVec};
use sp_core::{ecdsa, ed25519, sr25519, Pair, H256};
use sp_runtime::{BuildStorage, DispatchError, MultiSignature};

mod dev_pki;

const PROVIDER: AccountId = 1;
const OTHER: AccountId = 2;
/// The sealing key the tests' enclaves generated (any non-zero 32 bytes: the chain stores
/// what the quote carries and never uses it as a curve point).
const SEALING_KEY: SealingKey = [0x5e; 32];

fn bounded<S: Get<u32>>(bytes: Vec<u8>) -> BoundedVec<u8, S> {
	BoundedVec::try_from(bytes).expect("fits")
}

fn submit(fmspc: Fmspc, collateral: Vec<u8>, witness: Vec<u8>) -> DispatchResult {
	Attestation::submit_collateral(
		RuntimeOrigin::signed(OTHER),
		fmspc,
		bounded(collateral),
		bounded(witness),
	)
}

const SGX_FMSPC: Fmspc = [0x00, 0xA0, 0x67, 0x11, 0x00, 0x00];
const TDX_FMSPC: Fmspc = [0xB0, 0xC0, 0x6F, 0x00, 0x00, 0x00];

fn store_sgx_collateral() {
	assert_ok!(submit(SGX_FMSPC, sgx_collateral(), sgx_quote()));
}

fn store_tdx_collateral() {
	assert_ok!(submit(TDX_FMSPC, tdx_collateral(), tdx_quote()));
}

/// The measurement entry the SGX sample satisfies, pinned by MRENCLAVE.
fn sgx_entry(verified: &VerifiedQuote) -> MeasurementEntry {
	let EnclaveIdentity::Sgx(id) = &verified.identity else { panic!("an SGX quote") };
	MeasurementEntry::Sgx {
		mr_enclave: Some(id.mr_enclave),
		mr_signer: None,
		isv_prod_id: id.isv_prod_id,
		min_isv_svn: id.isv_svn,
	}
}

/// The measurement entry the TDX sample satisfies (MRTD and all four RTMRs).
fn tdx_entry(verified: &VerifiedQuote) -> MeasurementEntry {
	let EnclaveIdentity::Tdx(id) = &verified.identity else { panic!("a TDX quote") };
	MeasurementEntry::Tdx {
		mr_td: id.mr_td,
		rtmr: id.rtmr.map(RtmrPin::Exact),
		mr_config_id: None,
		td_attributes: None,
		xfam: None,
	}
}

fn allow(entry: &MeasurementEntry) -> MeasurementId {
	assert_ok!(Attestation::allow_measurement(RuntimeOrigin::root(), entry.clone()));
	entry.id()
}

fn nonce_for(provider: AccountId) -> H256 {
	Attestation::do_request_nonce(provider).expect("a nonce")
}

fn register(
	provider: AccountId,
	quote: Vec<u8>,
	key: EnclaveKey,
	nonce: H256,
	measurement: MeasurementId,
) -> DispatchResult {
	register_sealing(provider, quote, key, nonce, measurement, SEALING_KEY)
}

/// [`register`] submitting `sealing_key`.
fn register_sealing(
	provider: AccountId,
	quote: Vec<u8>,
	key: EnclaveKey,
	nonce: H256,
	measurement: MeasurementId,
	sealing_key: SealingKey,
) -> DispatchResult {
	Attestation::register_enclave(
		RuntimeOrigin::signed(provider),
		bounded(quote),
		key,
		nonce,
		measurement,
		sealing_key,
	)
}

fn ed_pair(seed: u8) -> ed25519::Pair {
	ed25519::Pair::from_seed(&[seed; 32])
}

fn sr_pair(seed: u8) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[seed; 32])
}

fn ed_key(pair: &ed25519::Pair) -> EnclaveKey {
	EnclaveKey::Ed25519(pair.public().0)
}

fn sr_key(pair: &sr25519::Pair) -> EnclaveKey {
	EnclaveKey::Sr25519(pair.public().0)
}

/// Bind `key` to `provider` as a registration at block `now` with `verified` would, under
/// the current root.
fn bind(
	provider: AccountId,
	key: EnclaveKey,
	id: MeasurementId,
	verified: &VerifiedQuote,
	now: u64,
) -> DispatchResult {
	let root_hash = Attestation::root_ca_hash().expect("a root is set");
	let tcb_eval = verified.collateral.tcb_eval_data_number;
	let record =
		Attestation::enclave_record(provider, id, verified.clone(), root_hash, tcb_eval, now);
	Attestation::bind_enclave(key, record, SEALING_KEY, now)
}

/// Bind `key` to `provider` as a successful registration of the (verified) SGX sample
/// would: the part of `register_enclave` after verification, policy and report data.
fn bind_sample(provider: AccountId, key: EnclaveKey) -> MeasurementId {
	let verified = Attestation::do_verify_quote(&sgx_quote()).expect("the sample verifies");
	let entry = sgx_entry(&verified);
	let id = entry.id();
	if Measurements::<Test>::get(id).is_none() {
		allow(&entry);
	}
	let now = System::block_number();
	assert_ok!(bind(provider, key, id, &verified, now));
	id
}

fn claim(provider: AccountId) -> WorkClaim<AccountId> {
	WorkClaim {
		genesis_hash: H256::repeat_byte(9),
		build_id: 7,
		spec_hash: H256::repeat_byte(1),
		input_hash: H256::repeat_byte(3),
		output_hash: H256::repeat_byte(2),
		units_used: 42,
		provider,
	}
}

/// `pair`'s work proof over `claim`, naming `pair`'s own key.
fn ed_sign(pair: &ed25519::Pair, claim: &WorkClaim<AccountId>) -> WorkProof {
	WorkProof {
		enclave_key: ed_key(pair),
		signature: MultiSignature::Ed25519(pair.sign(&claim.signing_payload())),
	}
}

/// `pair`'s work proof over `claim`, naming `pair`'s own key.
fn sr_sign(pair: &sr25519::Pair, claim: &WorkClaim<AccountId>) -> WorkProof {
	WorkProof {
		enclave_key: sr_key(pair),
		signature: MultiSignature::Sr25519(pair.sign(&claim.signing_payload())),
	}
}

/// `signer`'s signature over `claim`, presented as the work of `named`'s key.
fn forge(named: &ed25519::Pair, signer: &ed25519::Pair, claim: &WorkClaim<AccountId>) -> WorkProof {
	WorkProof { enclave_key: ed_key(named), signature: ed_sign(signer, claim).signature }
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Attestation(e) => Some(e),
			_ => None,
		})
		.expect("an attestation event")
}

fn end(ext: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		ext();
		Attestation::do_try_state().expect("invariants hold");
	});
}

// -------- Properties: arbitrary bytes never panic the verifier and never verify

mod properties {
	use super::*;
	use proptest::prelude::*;

	// Header, report, ISV signature, attestation key, QE report and its signature: every
	// byte is covered by a signature. (The PEM chain after them ends in a copy of the root
	// certificate, which is not trusted — the stored root is — so it is left out.)
	#[test]
	fn mutated_quotes_never_verify() {
		require_samples!();
		proptest!(ProptestConfig::with_cases(64), |(position in 0usize..(signature_offset(SGX_REPORT_LEN) + 64 + 64 + 384 + 64), bit in 0u8..8)| {
			new_test_ext().execute_with(|| {
				store_sgx_collateral();
				let mut quote = sgx_quote();
				quote[position] ^= 1 << bit;
				let result = Attestation::do_verify_quote(&quote);
				prop_assert!(result.is_err(), "byte {position} bit {bit}: {result:?}");
				Ok(())
			})?;
		});
	}

	#[test]
	fn random_bytes_are_typed_errors() {
		require_samples!();
		proptest!(ProptestConfig::with_cases(64), |(bytes in proptest::collection::vec(any::<u8>(), 0..2048))| {
			new_test_ext().execute_with(|| {
				store_sgx_collateral();
				prop_assert!(Attestation::do_verify_quote(&bytes).is_err());
				let root = RootCa::<Test>::get().unwrap();
				prop_assert!(dcap_verifier::verify_quote(&sgx_quote(), &bytes, &root, SAMPLE_NOW).is_err());
				Ok(())
			})?;
		});
	}
}

#[test]
fn rejected_advisories_are_stored_normalized_and_matched_ignoring_case() {
	end(|| {
		let ids = |list: &[&str]| -> AdvisoryIds {
			BoundedVec::truncate_from(
				list.iter().map(|id| BoundedVec::truncate_from(id.as_bytes().to_vec())).collect(),
			)
		};
		assert_ok!(Attestation::set_rejected_advisories(
			RuntimeOrigin::root(),
			ids(&["intel-sa-00900", "INTEL-SA-00100", "Intel-SA-00900"])
		));
		// Upper-case, sorted, each once: what the event and storage say.
		let stored = ids(&["INTEL-SA-00100", "INTEL-SA-00900"]);
		assert_eq!(RejectedAdvisories::<Test>::get(), stored);
		System::assert_last_event(
			Event::<Test>::RejectedAdvisoriesSet { advisory_ids: stored }.into(),
		);
		// A platform's advisories, in any case and order, are found by binary search.
		assert!(Attestation::any_rejected(&normalize_advisories(ids(&["x", "intel-SA-00900"]))));
		assert!(!Attestation::any_rejected(&normalize_advisories(ids(&["INTEL-SA-00500"]))));
		assert!(!Attestation::any_rejected(&AdvisoryIds::default()));
	});
}

/// `on_idle` at block `n` with all the weight it wants; the invariants hold after it.
/// `on_idle` at block `n` with all the weight it wants. With no enclave record in state,
/// returns the weight of the nonce sweep (what `on_idle` used, less the enclave pruning
/// walk's base); otherwise all it used.
fn idle(n: u64) -> Weight {
	run_to_block(n);
	let no_records = Enclaves::<Test>::iter().next().is_none();
	let used = <Attestation as Hooks<u64>>::on_idle(n, Weight::MAX);
	Attestation::do_try_state().expect("invariants hold");
	if no_records {
		used.saturating_sub(pruning_walk_within(Weight::MAX))
	} else {
		used
	}
}

/// What the enclave pruning walk charges, with no record to prune, when `on_idle` leaves
/// it `spare`: its base if it can afford to visit a record, else nothing.
fn pruning_walk_within(spare: Weight) -> Weight {
	let base = <() as crate::WeightInfo>::prune_enclaves(0);
	let one = <() as crate::WeightInfo>::prune_enclaves(1);
	if spare.all_gte(one) {
		base
	} else {
		Weight::zero()
	}
}

/// `on_idle` at the current block with `limit`.
fn idle_within(limit: Weight) -> Weight {
	<Attestation as Hooks<u64>>::on_idle(System::block_number(), limit)
}

/// The weight of a sweep visiting `n` queue entries.
fn sweep_weight(n: u32) -> Weight {
	<() as crate::WeightInfo>::sweep_nonces(n)
}

/// How many entries the nonce expiry queue holds.
fn queued() -> usize {
	NonceExpiries::<Test>::iter().count()
}

fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

mod bounded_state;
mod calls;
mod conformance;
mod work_proofs;
