//! Burn + attestation + mint on one mock runtime, wired as AzraCode's runtime wires them,
//! with enclaves registered through real dev-PKI quotes (`azra-dev-enclave`).
//!
//! A property test drives random sequences of build submissions, acceptances, valid and
//! forged work proofs, cancellations, expiries and refunds, measurement revocation,
//! epoch closes and claims, and after every step checks the supply invariant (total
//! issuance = genesis issuance + minted + refunded − burned) together with every
//! pallet's own `try_state`. A failed call must change nothing.

use crate as pallet_mint;
use azra_dev_enclave::{CollateralOptions, DevPki, Identity, SgxEnclave, Tee, DEV_FMSPC};
use azra_primitives::{BuildState, WorkClaim};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Hooks},
	BoundedVec,
};
use frame_system::EnsureRoot;
use pallet_attestation::{EnclaveKey, MeasurementEntry, WorkProof};
use proptest::prelude::*;
use sp_core::{ed25519, Pair, H256};
use sp_runtime::{BuildStorage, FixedU128, MultiSignature, Perbill};
use std::sync::OnceLock;

type Block = frame_system::mocking::MockBlock<Test>;
type AccountId = u64;
type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Burn: pallet_burn,
		Attestation: pallet_attestation,
		Mint: pallet_mint,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = frame_support::traits::ConstU64<1>;
	type WeightInfo = ();
}

parameter_types! {
	pub const MaxUnitsPerBuild: u64 = 1_000;
	pub const BuildLifetime: u64 = 12;
	pub const AssignmentPeriod: u64 = 4;
	pub const MinPricePerUnit: Balance = 1;
	pub const MaxPricePerUnit: Balance = 1_000;
	pub MaxPriceChangePerEpoch: Perbill = Perbill::from_percent(10);
	pub const NonceLifetime: u64 = 1_000;
	pub const ReattestationPeriod: u64 = 10_000;
	pub MinRatio: FixedU128 = FixedU128::from_rational(1, 10);
	pub MaxRatio: FixedU128 = FixedU128::from_u32(2);
	pub const MinFloor: Balance = 0;
	pub const MaxFloor: Balance = 10_000;
	pub const MinCeiling: Balance = 1_000;
	pub const MaxCeiling: Balance = 1_000_000;
	pub MinSmoothing: Perbill = Perbill::from_percent(1);
	pub MaxSmoothing: Perbill = Perbill::from_percent(100);
	pub const MinEpochLength: u64 = 2;
	pub const MaxEpochLength: u64 = 100;
	pub MaxChangePerEpoch: Perbill = Perbill::from_percent(10);
}

impl pallet_burn::Config for Test {
	type Currency = Balances;
	type Eligibility = Attestation;
	type Refund = Mint;
	type EpochClock = Mint;
	type MaxUnitsPerBuild = MaxUnitsPerBuild;
	type MaxOpenBuildsPerBuilder = ConstU32<8>;
	type BuildLifetime = BuildLifetime;
	type AssignmentPeriod = AssignmentPeriod;
	type MinPricePerUnit = MinPricePerUnit;
	type MaxPricePerUnit = MaxPricePerUnit;
	type MaxPriceChangePerEpoch = MaxPriceChangePerEpoch;
	type WeightInfo = ();
}

impl pallet_attestation::Config for Test {
	type UnixTime = Timestamp;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MaxQuoteLen = ConstU32<8192>;
	type MaxCollateralLen = ConstU32<32768>;
	type MaxRootCaLen = ConstU32<2048>;
	type NonceLifetime = NonceLifetime;
	type MaxNoncesPerProvider = ConstU32<4>;
	type ReattestationPeriod = ReattestationPeriod;
	type MaxEnclavesPerProvider = ConstU32<4>;
	type WeightInfo = ();
}

impl pallet_mint::Config for Test {
	type Currency = Balances;
	type Builds = Burn;
	type BurnLedger = Burn;
	type Proof = WorkProof;
	type WorkProofs = Attestation;
	type MinRatio = MinRatio;
	type MaxRatio = MaxRatio;
	type MinFloor = MinFloor;
	type MaxFloor = MaxFloor;
	type MinCeiling = MinCeiling;
	type MaxCeiling = MaxCeiling;
	type MinSmoothing = MinSmoothing;
	type MaxSmoothing = MaxSmoothing;
	type MinEpochLength = MinEpochLength;
	type MaxEpochLength = MaxEpochLength;
	type MaxChangePerEpoch = MaxChangePerEpoch;
	type BreakerMultiple = ConstU32<4>;
	type MaxEpochsPerClaim = ConstU32<8>;
	type MaxProvidersPerEpoch = ConstU32<8>;
	type WeightInfo = ();
}

/// Block time (unix seconds) inside the dev certificates' and collateral's validity.
const NOW: u64 = 1_790_000_000;
const BUILDERS: [AccountId; 3] = [1, 2, 3];
const PROVIDERS: [AccountId; 3] = [11, 12, 13];
const ENDOWMENT: Balance = 1_000_000;

fn pki() -> &'static DevPki {
	static PKI: OnceLock<DevPki> = OnceLock::new();
	PKI.get_or_init(|| DevPki::new().expect("the dev PKI builds"))
}

fn enclave_pair(provider: AccountId) -> ed25519::Pair {
	ed25519::Pair::from_seed(&[provider as u8; 32])
}

fn dev_measurement() -> MeasurementEntry {
	let enclave = SgxEnclave::azra_dev_runtime();
	MeasurementEntry::Sgx {
		mr_enclave: Some(H256(enclave.mr_enclave)),
		mr_signer: Some(H256(enclave.mr_signer)),
		isv_prod_id: enclave.isv_prod_id,
		min_isv_svn: enclave.isv_svn,
	}
}

/// Genesis: funded builders and providers, the dev root trusted, the dev runtime
/// allow-listed; then dev collateral stored and each provider's enclave registered with a
/// genuine dev quote.
fn new_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: BUILDERS.iter().chain(&PROVIDERS).map(|a| (*a, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_burn::GenesisConfig::<Test> { price_per_unit: 2 }
		.assimilate_storage(&mut storage)
		.unwrap();
	pallet_attestation::GenesisConfig::<Test> {
		root_ca: pki().root_ca_der().expect("root"),
		measurements: vec![dev_measurement()],
		accepted_tcb_statuses: vec![pallet_attestation::GenesisTcbStatus::UpToDate],
		rejected_advisories: vec![],
		_config: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_mint::GenesisConfig::<Test> {
		ratio: FixedU128::from_u32(1),
		floor: 100,
		ceiling: 100_000,
		smoothing: Perbill::from_percent(50),
		epoch_length: 5,
		initial_smoothed_burn: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		pallet_timestamp::Now::<Test>::put(NOW * 1000);
		let identity = Identity::Sgx(SgxEnclave::azra_dev_runtime());
		let collateral = pki()
			.collateral_bytes(Tee::Sgx, &CollateralOptions::issued_at(NOW - 3600))
			.expect("collateral");
		let witness = pki().quote(&identity, [0; 64]).expect("witness");
		Attestation::submit_collateral(
			RuntimeOrigin::signed(BUILDERS[0]),
			DEV_FMSPC,
			BoundedVec::try_from(collateral).expect("fits"),
			BoundedVec::try_from(witness).expect("fits"),
		)
		.expect("dev collateral verifies");
		for provider in PROVIDERS {
			let key = EnclaveKey::Ed25519(enclave_pair(provider).public().0);
			let nonce = Attestation::do_request_nonce(provider).expect("a nonce");
			let mut report_data = [0u8; 64];
			report_data[..32]
				.copy_from_slice(&Attestation::expected_report_data(&provider, &key, &nonce));
			let quote = pki().quote(&identity, report_data).expect("quote");
			Attestation::register_enclave(
				RuntimeOrigin::signed(provider),
				BoundedVec::try_from(quote).expect("fits"),
				key,
				nonce,
				dev_measurement().id(),
			)
			.expect("a genuine dev quote registers");
		}
		System::reset_events();
	});
	ext
}

fn advance(blocks: u64) {
	for _ in 0..blocks {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Mint::on_initialize(next);
	}
}

/// One random step.
#[derive(Debug, Clone)]
enum Step {
	Submit { builder: usize, units: u64, require_measurement: bool },
	Accept { provider: usize, build: u64 },
	Prove { build: u64, used_percent: u64 },
	Forge { build: u64 },
	Cancel { builder: usize, build: u64 },
	Reclaim { builder: usize, build: u64 },
	Advance { blocks: u64 },
	Claim { provider: usize, back: u32 },
	Revoke,
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		4 => (0usize..3, 1u64..200, any::<bool>())
			.prop_map(|(builder, units, require_measurement)| Step::Submit { builder, units, require_measurement }),
		4 => (0usize..3, 0u64..12).prop_map(|(provider, build)| Step::Accept { provider, build }),
		4 => (0u64..12, 1u64..=100).prop_map(|(build, used_percent)| Step::Prove { build, used_percent }),
		1 => (0u64..12).prop_map(|build| Step::Forge { build }),
		1 => (0usize..3, 0u64..12).prop_map(|(builder, build)| Step::Cancel { builder, build }),
		2 => (0usize..3, 0u64..12).prop_map(|(builder, build)| Step::Reclaim { builder, build }),
		3 => (1u64..8).prop_map(|blocks| Step::Advance { blocks }),
		2 => (0usize..3, 1u32..4).prop_map(|(provider, back)| Step::Claim { provider, back }),
		1 => Just(Step::Revoke),
	]
}

/// Proof by `provider`'s registered enclave over the claim of `build` with `units_used`;
/// forged, it names that enclave but carries the signature of a key never registered.
fn proof(
	provider: AccountId,
	build: u64,
	spec_hash: H256,
	units_used: u64,
	forged: bool,
) -> WorkProof {
	let claim = WorkClaim {
		build_id: build,
		spec_hash,
		output_hash: H256::repeat_byte(0xAB),
		units_used,
		provider,
	};
	let enclave = enclave_pair(provider);
	let signer = if forged { ed25519::Pair::from_seed(&[0xEE; 32]) } else { enclave.clone() };
	WorkProof {
		enclave_key: EnclaveKey::Ed25519(enclave.public().0),
		signature: MultiSignature::Ed25519(signer.sign(&claim.signing_payload())),
	}
}

/// Runs `step`; returns whether it succeeded.
fn run(step: &Step) -> bool {
	let signed = RuntimeOrigin::signed;
	match *step {
		Step::Submit { builder, units, require_measurement } => Burn::submit_build(
			signed(BUILDERS[builder]),
			H256::repeat_byte(units as u8),
			H256::repeat_byte(7),
			units,
			require_measurement.then(|| dev_measurement().id()),
			u64::MAX,
		)
		.is_ok(),
		Step::Accept { provider, build } => {
			Burn::accept_build(signed(PROVIDERS[provider]), build).is_ok()
		}
		Step::Prove { build, used_percent } => prove(build, used_percent, false),
		Step::Forge { build } => {
			let proven = prove(build, 100, true);
			assert!(!proven, "a forged proof was accepted for build {build}");
			false
		}
		Step::Cancel { builder, build } => {
			Burn::cancel_build(signed(BUILDERS[builder]), build).is_ok()
		}
		Step::Reclaim { builder, build } => {
			Burn::reclaim_expired(signed(BUILDERS[builder]), build).is_ok()
		}
		Step::Advance { blocks } => {
			advance(blocks);
			true
		}
		Step::Claim { provider, back } => {
			let current = Mint::current_epoch();
			let Some(epoch) = current.checked_sub(back) else { return false };
			Mint::claim_rewards(
				signed(PROVIDERS[provider]),
				BoundedVec::try_from(vec![epoch]).expect("one fits"),
			)
			.is_ok()
		}
		Step::Revoke => {
			Attestation::revoke_measurement(RuntimeOrigin::root(), dev_measurement().id()).is_ok()
		}
	}
}

/// Submit work for `build` by whoever it is assigned to.
fn prove(build: u64, used_percent: u64, forged: bool) -> bool {
	let Some(view) = Burn::build_view(build) else { return false };
	let BuildState::Assigned { provider, .. } = view.state else { return false };
	let used = (view.units * used_percent / 100).max(1);
	let work_proof = proof(provider, build, view.spec_hash, used, forged);
	Mint::submit_work(
		RuntimeOrigin::signed(provider),
		build,
		H256::repeat_byte(0xAB),
		used,
		work_proof,
	)
	.is_ok()
}

/// Every invariant: the supply equation, mint's `try_state`, the enclave registry.
fn check_invariants() {
	let totals = Mint::supply_totals();
	assert_eq!(
		u128::from(pallet_balances::TotalIssuance::<Test>::get()),
		u128::from(totals.genesis_issuance)
			+ u128::from(totals.minted)
			+ u128::from(totals.refunded)
			- u128::from(totals.burned),
		"issuance = genesis + minted + refunded − burned"
	);
	Mint::do_try_state().expect("mint invariants");
	// The enclave registry's own invariant: each provider lists exactly its enclaves.
	for (provider, keys) in pallet_attestation::ProviderEnclaves::<Test>::iter() {
		for key in keys {
			let record = pallet_attestation::Enclaves::<Test>::get(key).expect("listed enclave");
			assert_eq!(record.provider, provider, "listed enclave belongs to its provider");
		}
	}
}

fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

	#[test]
	fn supply_invariant_holds_across_burn_attestation_and_mint(
		steps in proptest::collection::vec(step(), 1..50)
	) {
		new_ext().execute_with(|| {
			check_invariants();
			for step in &steps {
				let before = storage_root();
				let events = System::event_count();
				let succeeded = run(step);
				if !succeeded && !matches!(step, Step::Advance { .. }) {
					prop_assert_eq!(storage_root(), before.clone(), "failed {:?} changed state", step);
					prop_assert_eq!(System::event_count(), events);
				}
				check_invariants();
			}
			Ok(())
		})?;
	}
}

/// The property test is not vacuous: a fixed, realistic sequence completes work, closes
/// the epoch, pays a reward, refunds an expired build, and a revocation stops proofs.
#[test]
fn a_scripted_loop_mints_refunds_and_revocation_bites() {
	new_ext().execute_with(|| {
		let submit = |units| Step::Submit { builder: 0, units, require_measurement: true };
		assert!(run(&submit(100)));
		assert!(run(&Step::Accept { provider: 0, build: 0 }));
		assert!(!run(&Step::Forge { build: 0 }));
		assert!(run(&Step::Prove { build: 0, used_percent: 80 }));
		assert!(!run(&Step::Prove { build: 0, used_percent: 80 }), "a build completes once");
		check_invariants();
		let epoch = Mint::current_epoch();
		advance(5);
		let balance = Balances::free_balance(PROVIDERS[0]);
		assert!(run(&Step::Claim { provider: 0, back: Mint::current_epoch() - epoch }));
		assert!(Balances::free_balance(PROVIDERS[0]) > balance, "a reward was minted");
		assert!(Mint::supply_totals().minted > 0);

		assert!(run(&submit(50)));
		advance(BuildLifetime::get() + 1);
		assert!(run(&Step::Reclaim { builder: 0, build: 1 }), "an expired build is refunded");
		assert!(Mint::supply_totals().refunded > 0);

		assert!(run(&submit(10)));
		assert!(run(&Step::Accept { provider: 1, build: 2 }));
		assert!(run(&Step::Revoke));
		assert!(!run(&Step::Prove { build: 2, used_percent: 100 }), "revoked: no proof counts");
		check_invariants();
	});
}
