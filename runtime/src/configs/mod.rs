//! Every pallet's `Config`: the one place where AzraCode's pallets are wired together.

mod azra;
mod governance;
mod validators;

pub use governance::{
	CouncilCollective, GovernanceOrigin, HalfOfCouncil, OneEpoch, ProxyType, TwoThirdsOfCouncil,
};
pub use validators::SESSIONS_KEPT;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		fungible::{Balanced, Credit, HoldConsideration},
		tokens::imbalance::Imbalance,
		ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, Contains, FindAuthor,
		LinearStoragePrice, OnUnbalanced, VariantCountOf,
	},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Burn, Hash, Historical, Nonce,
	Offences, PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, RuntimeOrigin, RuntimeTask, System, EXISTENTIAL_DEPOSIT, MICRO_UNIT,
	MILLI_UNIT, SLOT_DURATION, SS58_PREFIX, VERSION,
};

/// A block may use up to 75% of its weight for normal (user) extrinsics; the rest is kept
/// for operational ones and the hooks.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;

	/// Two seconds of compute per block, at most; a proof size of 5 MiB.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// Blocks hold at most 5 MiB of extrinsics.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BaseCallFilter = AzraCallFilter;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// The node stores its state in ParityDB (RocksDB is not compiled in), so reads and
	// writes are priced with Parity's ParityDB figures (8 µs a read, 50 µs a write).
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<{ validators::SESSIONS_KEPT as u64 }>;
	// An equivocation report proves the offender's key with the historical session roots
	// and is recorded by `pallet-offences` (see `validators`).
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem = pallet_grandpa::EquivocationReportSystem<
		Self,
		Offences,
		Historical,
		validators::ReportLongevity,
	>;
}

impl pallet_timestamp::Config for Runtime {
	/// Unix time in milliseconds.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ToBlockAuthor;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	// Measured here, in the same run as the burn pallet's: a transfer is what a build is
	// compared with.
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

/// Pays transaction fees, and the dust of reaped accounts, to the author of the current
/// block, so that neither leaves the supply unaccounted: the mint pallet's issuance equation
/// (total issuance = genesis + minted + refunded − burned) holds after every call.
///
/// The author is the validator account behind the Aura pre-runtime digest's authority
/// index (`pallet-session` maps session keys back to their validator). Where no author can
/// be found (a block built outside consensus),
/// or the author cannot take the amount (below the existential deposit of an account that
/// does not exist), the amount is dropped from supply and booked as burned in the burn
/// ledger ([`pallet_burn::Pallet::book_burn`]).
pub struct ToBlockAuthor;

impl OnUnbalanced<Credit<AccountId, Balances>> for ToBlockAuthor {
	fn on_nonzero_unbalanced(amount: Credit<AccountId, Balances>) {
		let digest = System::digest();
		let pre_runtime_digests = digest.logs().iter().filter_map(|item| item.as_pre_runtime());
		let author = pallet_session::FindAccountFromAuthorIndex::<Runtime, Aura>::find_author(
			pre_runtime_digests,
		);
		let unpaid = match author {
			Some(author) => match <Balances as Balanced<AccountId>>::resolve(&author, amount) {
				Ok(()) => return,
				Err(unpaid) => unpaid,
			},
			None => amount,
		};
		// Dropping the credit lowers total issuance by its amount; book it as burned.
		let burned = unpaid.peek();
		drop(unpaid);
		Burn::book_burn(burned);
	}
}

/// Which calls a signed (or any non-Root) origin may dispatch.
///
/// `Balances::burn` is refused: it would lower total issuance outside the burn ledger. AZRA
/// leaves supply only through builds, forfeited bonds and booked fees, so that the issuance
/// equation holds under every call any account can make. Root is not filtered.
pub struct AzraCallFilter;

impl Contains<RuntimeCall> for AzraCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::Balances(pallet_balances::Call::burn { .. }))
	}
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees go to the block author rather than being burned, so that AZRA leaves supply
	// only through the burn ledger (builds, forfeited bonds, fees with no author) and net
	// emission stays an honest figure.
	type OnChargeTransaction = FungibleAdapter<Balances, ToBlockAuthor>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Every stored preimage holds 10 milli-AZRA, as a build record does (`BuildDeposit`):
	/// the price of a stored entry (its bytes and their status record), whatever its size…
	pub const PreimageBaseDeposit: Balance = 10 * MILLI_UNIT;
	/// …and 1 micro-AZRA per byte. An entry is priced as 10,000 bytes, the same order as the
	/// item-to-byte ratio of Polkadot's `deposit(items, bytes)` (20,000). A 100 KiB program
	/// holds ≈ 0.11 AZRA; the largest preimage the pallet takes (`MAX_SIZE`, 4 MiB) would
	/// hold ≈ 4.2 AZRA, though a signed transaction tops out below it (normal extrinsics get
	/// 75% of the 5 MiB block length). The deposit comes back when its owner unnotes the
	/// preimage, so whoever fills state pays for the space while it is used.
	pub const PreimageByteDeposit: Balance = MICRO_UNIT;
	/// The hold reason of preimage deposits.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

/// Content-addressed storage of build programs, inputs and outputs, by BLAKE2-256 hash
/// (docs/architecture.md §7): a build's `spec_hash`, `input_hash` and `output_hash` are the
/// hashes of preimages noted here, each backed by its noter's held deposit.
impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = GovernanceOrigin;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}
