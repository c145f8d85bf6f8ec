//! # The AzraCode runtime
//!
//! The state-transition function of the AzraCode chain. It carries the native token $AZRA
//! (12 decimals) in `pallet-balances`, produces blocks with Aura and finalizes them with
//! GRANDPA under a validator set kept on chain (`pallet-validator-set`, `pallet-session`),
//! and charges fees through `pallet-transaction-payment`. A council (`pallet-collective`,
//! `pallet-membership`) governs: the calls it approves run after an enactment delay of at
//! least one epoch (`pallet-enactment`, `pallet-scheduler`). Dev and local chains also keep
//! a `pallet-sudo` key; production-shaped chains have none. Build programs, inputs and outputs are stored by their BLAKE2-256 hash
//! in `pallet-preimage`, each against a deposit held from whoever noted it.
//!
//! - [`configs`] holds every pallet's `Config`: the one place pallets are wired together.
//! - [`apis`] implements the runtime APIs the node and clients call.
//! - [`genesis_config_presets`] holds the `development` and `local_testnet` presets.

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` expands into deeply nested types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

// Declared before `apis`: it defines the `list_benchmarks!`/`add_benchmarks!` macros used there.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod dev_pki;
pub mod genesis_config_presets;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;

/// Types the node needs to know without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	use sp_runtime::OpaqueExtrinsic;

	/// An opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// An opaque block.
	pub type Block = generic::Block<Header, OpaqueExtrinsic>;
	/// An opaque block identifier.
	pub type BlockId = generic::BlockId<Block>;
	/// The hash type of blocks.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;

	impl_opaque_keys! {
		/// The session keys a validator holds: Aura for authoring, GRANDPA for finality.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}

/// Declares [`VERSION`] with `spec_version` `$spec`: the `runtime_version` attribute reads
/// the number as a literal when it writes the Wasm's version section.
macro_rules! runtime_version {
	($spec:tt) => {
		/// The runtime's identity. `spec_version` goes up with every change of on-chain logic
		/// (docs/development.md).
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: Cow::Borrowed("azra"),
			impl_name: Cow::Borrowed("azra"),
			authoring_version: 1,
			spec_version: $spec,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 2,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "next-spec-version"))]
runtime_version!(109);
// The same runtime one version later: only the second Wasm blob that the upgrade e2e test
// enacts through governance is built with it (runtime/build.rs).
#[cfg(feature = "next-spec-version")]
runtime_version!(110);

/// Block time. Aura slots and the GRANDPA/timestamp configuration derive from it.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura slot length: one block per slot.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks in a minute, an hour and a day at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks in an hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks in a day.
pub const DAYS: BlockNumber = HOURS * 24;

/// $AZRA has 12 decimals: one AZRA is 10^12 plancks.
pub const TOKEN_DECIMALS: u8 = 12;
/// One AZRA.
pub const UNIT: Balance = 1_000_000_000_000;
/// One thousandth of an AZRA.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// One millionth of an AZRA.
pub const MICRO_UNIT: Balance = 1_000_000;
/// The smallest balance an account may hold: 1 milli-AZRA. Low enough for dev accounts,
/// high enough that dust accounts cost an attacker real tokens.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;
/// The token symbol clients show.
pub const TOKEN_SYMBOL: &str = "AZRA";
/// The SS58 address format of AzraCode accounts (addresses start with a fixed prefix).
pub const SS58_PREFIX: u16 = 4242;

/// Block number.
pub type BlockNumber = u32;
/// A signature on an extrinsic.
pub type Signature = MultiSignature;
/// An account identifier: the public key behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// An amount of $AZRA, in plancks.
pub type Balance = u128;
/// A transaction index of an account.
pub type Nonce = u32;
/// A block hash.
pub type Hash = sp_core::H256;
/// How an account is addressed in calls.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block that is signed by its justification.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// What every signed transaction carries and checks besides its call.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
);

/// An extrinsic as it travels over the wire.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on the next runtime upgrade. Each is versioned (it checks the
/// pallet's on-chain storage version), so it runs once and is a no-op on fresh chains.
type Migrations = (
	pallet_attestation::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_attestation::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_burn::migrations::v1::MigrateV0ToV1<Runtime>,
);

/// Dispatches calls to the pallets and runs their hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	// Who authored the block: equivocation reports credit it.
	#[runtime::pallet_index(19)]
	pub type Authorship = pallet_authorship;

	// Before Session: its genesis is the set Session starts from.
	#[runtime::pallet_index(8)]
	pub type ValidatorSet = pallet_validator_set;

	// Before Aura and GRANDPA: a new session hands them its keys in `on_initialize`.
	#[runtime::pallet_index(9)]
	pub type Session = pallet_session;

	// Each recent session's key root, so equivocations can be proven against it.
	#[runtime::pallet_index(20)]
	pub type Historical = pallet_session::historical;

	// Recorded offences (GRANDPA equivocations); validators hold no stake to slash.
	#[runtime::pallet_index(21)]
	pub type Offences = pallet_offences;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	// Programs, inputs and outputs of builds, stored by hash against a deposit.
	#[runtime::pallet_index(7)]
	pub type Preimage = pallet_preimage;

	// Governance: the council votes, announced calls wait an epoch in the scheduler.
	#[runtime::pallet_index(13)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(14)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(15)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	#[runtime::pallet_index(16)]
	pub type Enactment = pallet_enactment;

	// Batching and proxies, for providers that run unattended.
	#[runtime::pallet_index(17)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(18)]
	pub type Proxy = pallet_proxy;

	// Mint after Balances: its genesis records the issuance Balances created.
	#[runtime::pallet_index(10)]
	pub type Burn = pallet_burn;

	#[runtime::pallet_index(11)]
	pub type Attestation = pallet_attestation;

	#[runtime::pallet_index(12)]
	pub type Mint = pallet_mint;
}
