//! A mock runtime: frame_system + pallet_balances (enclave deposits) + pallet_timestamp (the
//! block time) + this pallet, trusting Intel's SGX root and accepting every TCB status but
//! `Revoked`.

use crate as pallet_attestation;
use crate::{test_fixtures, TcbStatus};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts in the mock.
pub type AccountId = u64;
/// Balances in the mock.
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Attestation: pallet_attestation,
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
	pub const NonceLifetime: u64 = 10;
	pub const ReattestationPeriod: u64 = 100;
	/// Small, so that the tests can fill more than a block's sweep.
	pub const MaxNoncesSweptPerBlock: u32 = 2;
	/// Small, so that the tests can fill more than a block's pruning walk.
	pub const MaxEnclavesPrunedPerBlock: u32 = 2;
}

/// Held for each enclave record.
pub const ENCLAVE_DEPOSIT: Balance = 100;
/// What each of the accounts 1 to 20 starts with.
pub const STARTING_BALANCE: Balance = 1_000_000;

impl pallet_attestation::Config for Test {
	type UnixTime = Timestamp;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type MaxQuoteLen = ConstU32<8192>;
	type MaxCollateralLen = ConstU32<32768>;
	type MaxRootCaLen = ConstU32<2048>;
	type NonceLifetime = NonceLifetime;
	type MaxNoncesPerProvider = ConstU32<3>;
	type MaxNoncesSweptPerBlock = MaxNoncesSweptPerBlock;
	type ReattestationPeriod = ReattestationPeriod;
	type MaxEnclavesPerProvider = ConstU32<2>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type EnclaveDeposit = frame_support::traits::ConstU64<ENCLAVE_DEPOSIT>;
	type MaxEnclavesPrunedPerBlock = MaxEnclavesPrunedPerBlock;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Sets the mock's block time.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for MockBenchmarkHelper {
	fn set_unix_time(secs: u64) {
		set_unix_time(secs);
	}
	fn quote(report_data: [u8; 32]) -> crate::BenchmarkQuote {
		use azra_dev_pki::{CollateralOptions, DevPki, Identity, TdxGuest, Tee, DEV_FMSPC};
		let pki = DevPki::new().expect("the dev PKI builds");
		let mut data = [0u8; 64];
		data[..32].copy_from_slice(&report_data);
		data[32..].copy_from_slice(&crate::BENCH_SEALING_KEY);
		let unix_time = 1_790_000_000;
		crate::BenchmarkQuote {
			quote: pki.quote(&Identity::Tdx(TdxGuest::azra_dev_runtime()), data).expect("quote"),
			// The largest collateral the mock accepts, as the runtime's benchmarks use.
			collateral:
				pki
					.largest_collateral(
						Tee::Tdx,
						&CollateralOptions {
							advisory_ids: azra_dev_pki::long_advisory_ids(
								crate::MAX_ADVISORIES as usize,
								crate::MAX_ADVISORY_ID_LEN as usize,
							),
							..CollateralOptions::issued_at(unix_time - 3600)
						},
						<<Test as crate::Config>::MaxCollateralLen as frame_support::traits::Get<
							u32,
						>>::get() as usize,
					)
					.expect("collateral"),
			root_ca: pki.root_ca_der().expect("root"),
			fmspc: DEV_FMSPC,
			unix_time,
		}
	}
}

/// Make the block time `secs` seconds since the Unix epoch.
pub fn set_unix_time(secs: u64) {
	pallet_timestamp::Now::<Test>::put(secs.saturating_mul(1000));
}

/// Move to block `n`.
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

/// Every status an enclave may have except `Revoked`.
pub fn all_statuses() -> Vec<TcbStatus> {
	use TcbStatus::*;
	vec![
		UpToDate,
		SwHardeningNeeded,
		ConfigurationNeeded,
		ConfigurationAndSwHardeningNeeded,
		OutOfDate,
		OutOfDateConfigurationNeeded,
	]
}

/// Genesis: Intel's root, every status but `Revoked` accepted, nothing allow-listed,
/// accounts 1 to 20 funded; block 1 at the samples' verification time.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=20).map(|who| (who, STARTING_BALANCE)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_attestation::GenesisConfig::<Test> {
		root_ca: test_fixtures::intel_root().try_into().expect("Intel's root fits"),
		measurements: vec![],
		accepted_tcb_statuses: all_statuses(),
		rejected_advisories: Default::default(),
		_config: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		run_to_block(1);
		set_unix_time(test_fixtures::SAMPLE_NOW);
	});
	ext
}
