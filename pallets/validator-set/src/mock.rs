//! A mock runtime: frame_system, pallet_balances (for `pallet-session`'s key deposit),
//! this pallet, and `pallet-session` driven by it (its session manager, end-of-session rule
//! and rotation estimate), in that order, as the runtime must place them.
//!
//! Session keys are `UintAuthorityId`s; the session handler records the sets it is given.
//! A block's author is written into its pre-runtime digest under [`MOCK_ENGINE_ID`] and read
//! back by [`MockFindAuthor`], so `on_initialize` reads authors the way it does on chain.
//! `run_to_block` initialises each block with that digest and runs every pallet's hooks.

use crate as pallet_validator_set;
use codec::{Decode, Encode};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, FindAuthor, Hooks, OnFinalize, OnInitialize},
	weights::constants::RocksDbWeight,
};
use frame_system::EnsureRoot;
use pallet_session::SessionHandler;
use sp_runtime::{
	testing::UintAuthorityId,
	traits::{ConvertInto, OpaqueKeys},
	BuildStorage, ConsensusEngineId, Digest, DigestItem, KeyTypeId, RuntimeAppPublic,
};

type Block = frame_system::mocking::MockBlock<Test>;
/// Accounts in the mock.
pub type AccountId = u64;
/// Balances in the mock.
pub type Balance = u64;
/// Block numbers in the mock.
pub type BlockNumber = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		ValidatorSet: pallet_validator_set,
		Session: pallet_session,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type DbWeight = RocksDbWeight;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// Fewest validators.
pub const MIN_VALIDATORS: u32 = 2;
/// Most validators.
pub const MAX_VALIDATORS: u32 = 5;
/// Shortest session.
pub const MIN_SESSION_LENGTH: BlockNumber = 2;
/// Longest session.
pub const MAX_SESSION_LENGTH: BlockNumber = 100;
/// Session length at genesis.
pub const SESSION_LENGTH: BlockNumber = 5;
/// What `Session::set_keys` holds.
pub const KEY_DEPOSIT: Balance = 10;
/// What each account in [`FUNDED`] holds at genesis.
pub const FUNDS: Balance = 1_000;
/// The genesis validators, each with session keys.
pub const GENESIS_VALIDATORS: [AccountId; 3] = [1, 2, 3];
/// Accounts funded at genesis (the validators and candidates 4..=9); none but the genesis
/// validators has session keys.
pub const FUNDED: [AccountId; 9] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
/// An account that is never a validator.
pub const OUTSIDER: AccountId = 99;
/// The consensus engine id under which a block's author is written into its digest.
pub const MOCK_ENGINE_ID: ConsensusEngineId = *b"mock";

parameter_types! {
	/// The author written into the digest of each block `run_to_block` initialises.
	pub static Author: Option<AccountId> = None;
	/// The validators the session handler was last given as the active set.
	pub static HandlerActive: Vec<AccountId> = Vec::new();
	/// The validators the session handler was last given as the queued set.
	pub static HandlerQueued: Vec<AccountId> = Vec::new();
}

impl pallet_validator_set::Config for Test {
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type KeysRegistered = Session;
	type FindAuthor = MockFindAuthor;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type MinSessionLength = ConstU64<MIN_SESSION_LENGTH>;
	type MaxSessionLength = ConstU64<MAX_SESSION_LENGTH>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager = ValidatorSet;
	type SessionHandler = RecordingSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<KEY_DEPOSIT>;
}

/// Reads the author from a pre-runtime digest under [`MOCK_ENGINE_ID`].
pub struct MockFindAuthor;

impl FindAuthor<AccountId> for MockFindAuthor {
	fn find_author<'a, I>(digests: I) -> Option<AccountId>
	where
		I: 'a + IntoIterator<Item = (ConsensusEngineId, &'a [u8])>,
	{
		digests
			.into_iter()
			.find(|(id, _)| *id == MOCK_ENGINE_ID)
			.and_then(|(_, mut data)| AccountId::decode(&mut data).ok())
	}
}

/// Records the validator sets `pallet-session` hands over.
pub struct RecordingSessionHandler;

impl SessionHandler<AccountId> for RecordingSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[UintAuthorityId::ID];

	fn on_genesis_session<Ks: OpaqueKeys>(validators: &[(AccountId, Ks)]) {
		let ids: Vec<AccountId> = validators.iter().map(|(id, _)| *id).collect();
		HandlerActive::set(ids.clone());
		HandlerQueued::set(ids);
	}

	fn on_new_session<Ks: OpaqueKeys>(
		_changed: bool,
		validators: &[(AccountId, Ks)],
		queued_validators: &[(AccountId, Ks)],
	) {
		HandlerActive::set(validators.iter().map(|(id, _)| *id).collect());
		HandlerQueued::set(queued_validators.iter().map(|(id, _)| *id).collect());
	}

	fn on_disabled(_validator_index: u32) {}
}

/// Gives benchmark accounts session keys the way an operator would: funds, then `set_keys`.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn register_keys(who: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		Balances::mint_into(who, FUNDS).expect("minting into a fresh account works");
		set_keys(*who).expect("a funded account can set fresh keys");
	}
}

/// Register `who`'s session keys (`UintAuthorityId(who)`), signed by `who`.
pub fn set_keys(who: AccountId) -> sp_runtime::DispatchResult {
	Session::set_keys(RuntimeOrigin::signed(who), UintAuthorityId(who), Vec::new())
}

/// Genesis of the mock.
pub struct ExtBuilder {
	validators: Vec<AccountId>,
	session_length: BlockNumber,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { validators: GENESIS_VALIDATORS.to_vec(), session_length: SESSION_LENGTH }
	}
}

impl ExtBuilder {
	/// Start with these validators (session keys are given to the genesis validators only).
	pub fn validators(mut self, validators: Vec<AccountId>) -> Self {
		self.validators = validators;
		self
	}

	/// Start with this session length.
	pub fn session_length(mut self, blocks: BlockNumber) -> Self {
		self.session_length = blocks;
		self
	}

	/// Build the genesis state, in `construct_runtime!` order, and initialise block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		Author::set(None);
		HandlerActive::set(Vec::new());
		HandlerQueued::set(Vec::new());

		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: FUNDED.iter().map(|who| (*who, FUNDS)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_validator_set::GenesisConfig::<Test> {
			validators: self.validators,
			session_length: self.session_length,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_session::GenesisConfig::<Test> {
			keys: GENESIS_VALIDATORS
				.iter()
				.map(|who| (*who, *who, UintAuthorityId(*who)))
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();

		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| run_to_block(1));
		ext
	}
}

/// The default test externalities, in block 1 (session 0).
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Advance block by block to `n`: finish the current block, initialise the next with a
/// digest naming [`Author`] (if set), and run every pallet's `on_initialize` in
/// `construct_runtime!` order (this pallet before `pallet-session`, as on chain).
pub fn run_to_block(n: BlockNumber) {
	while System::block_number() < n {
		let now = System::block_number();
		if now > 0 {
			AllPalletsWithSystem::on_finalize(now);
		}
		let next = now + 1;
		let logs = Author::get()
			.map(|who| DigestItem::PreRuntime(MOCK_ENGINE_ID, who.encode()))
			.into_iter()
			.collect();
		System::reset_events();
		System::initialize(&next, &System::parent_hash(), &Digest { logs });
		AllPalletsWithSystem::on_initialize(next);
	}
}

/// The active set, as `pallet-session` holds it.
pub fn active_set() -> Vec<AccountId> {
	pallet_session::Validators::<Test>::get()
}

/// The queued set: the validators `pallet-session` will make active at the next rotation.
pub fn queued_set() -> Vec<AccountId> {
	pallet_session::QueuedKeys::<Test>::get().into_iter().map(|(id, _)| id).collect()
}

/// The index of the session in progress.
pub fn session_index() -> u32 {
	pallet_session::CurrentIndex::<Test>::get()
}

/// Run this pallet's `integrity_test` against the mock's constants.
pub fn integrity_test() {
	<ValidatorSet as Hooks<BlockNumber>>::integrity_test();
}
