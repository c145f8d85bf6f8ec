//! A runtime with the real scheduler and preimage pallets, where account 1 stands for the
//! governance body (it may announce and cancel) and everyone else is an ordinary account.

use crate as pallet_enactment;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, EqualPrivilegeOnly},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Preimage: pallet_preimage,
		Scheduler: pallet_scheduler,
		Enactment: pallet_enactment,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<u64>;
	type Consideration = ();
}

parameter_types! {
	pub MaxSchedulerWeight: Weight = Weight::from_parts(2_000_000_000_000, u64::MAX);
	pub static MaxCallWeight: Weight = Weight::from_parts(1_000_000_000_000, u64::MAX);
	/// The delay the runtime would read from the mint pallet's epoch length.
	pub static EpochLength: u64 = 10;
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaxSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<u64>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<2>;
	type WeightInfo = ();
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_enactment::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type AnnounceOrigin = EnsureSignedBy<Governance, u64>;
	type CancelOrigin = EnsureSignedBy<Governance, u64>;
	type EnactmentDelay = EpochLength;
	type MinEnactmentDelay = ConstU64<3>;
	type MaxCallWeight = MaxCallWeight;
	type MaxCallLen = ConstU32<{ 64 * 1024 }>;
	type MaxPending = ConstU32<3>;
	type WeightInfo = ();
}

frame_support::ord_parameter_types! {
	/// The governance body.
	pub const Governance: u64 = GOVERNANCE;
}

/// The account that stands for the governance body.
pub const GOVERNANCE: u64 = 1;
/// An ordinary account.
pub const OUTSIDER: u64 = 2;

/// Block 1 of a chain where the governance account and an outsider hold 1,000 each.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(GOVERNANCE, 1_000), (OUTSIDER, 1_000)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks up to and including `n`, with the scheduler's hooks.
pub fn run_to_block(n: u64) {
	use frame_support::traits::{OnFinalize, OnInitialize};
	while System::block_number() < n {
		let next = System::block_number() + 1;
		Scheduler::on_finalize(System::block_number());
		System::set_block_number(next);
		Scheduler::on_initialize(next);
	}
}
