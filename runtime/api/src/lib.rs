//! # AzraEconomicsApi
//!
//! The runtime API behind the node's `azra_*` RPC methods (docs/rpc.md): the chain reports
//! its own burn-and-mint figures, read from the pallets' storage at a block, so clients
//! need neither custom type bundles nor their own bookkeeping.
//!
//! Every read is bounded: an epoch range covers at most [`MAX_EPOCHS_PER_QUERY`] epochs, a
//! provider report at most [`PROVIDER_EPOCHS`] recent epochs, a page of open builds at most
//! [`MAX_OPEN_BUILDS_PER_PAGE`] builds out of [`MAX_BUILDS_EXAMINED_PER_PAGE`] records read
//! (after a binary search of O(log n) reads), a list of sealing keys at most
//! [`MAX_SEALING_KEYS`] enclaves out of [`MAX_SEALING_KEYS_EXAMINED`] read.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use azra_primitives::{
	BuildId, BuildView, EpochIndex, MeasurementId, SealedTerms, SealingKey, TcbStatus, Units,
};
use codec::{Codec, Decode, Encode};
use pallet_attestation::{EnclaveKey, Fmspc};
pub use pallet_burn::{BuildsPage, MAX_BUILDS_EXAMINED_PER_PAGE, MAX_OPEN_BUILDS_PER_PAGE};
pub use pallet_mint::{EpochRecord, MintParameters, ParametersView, SignedAmount, SupplyTotals};
use scale_info::TypeInfo;

/// Most epochs one `epochs` query returns (the mint pallet's read cap).
pub const MAX_EPOCHS_PER_QUERY: u32 = pallet_mint::MAX_RECORDS_PER_READ;

/// Most closed epochs a provider report looks at for unpaid rewards. A runtime looks at every
/// epoch still claimable (its mint's `HistoryDepth`), up to this many, so that nothing a
/// provider can still claim is left out of the report its agent claims from.
pub const PROVIDER_EPOCHS: u32 = 256;

/// Most enclaves one `sealing_keys` answer lists.
pub const MAX_SEALING_KEYS: u32 = 256;

/// Most sealing keys one `sealing_keys` query reads from state.
pub const MAX_SEALING_KEYS_EXAMINED: u32 = 1024;

/// An enclave a builder may seal a build's input to now.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SealingKeyView<AccountId, BlockNumber> {
	/// The enclave's key (what a sealed build names as a recipient).
	pub enclave_key: EnclaveKey,
	/// The provider it works for.
	pub provider: AccountId,
	/// The allow-listed measurement it registered under.
	pub measurement: MeasurementId,
	/// Its X25519 sealing key, bound by its registration quote.
	pub sealing_key: SealingKey,
	/// Last block at which its registration holds.
	pub expires_at: BlockNumber,
}

/// The enclaves builders may seal to now, and whether every sealing key in state was
/// looked at (`false`: the answer stopped at [`MAX_SEALING_KEYS`] enclaves or
/// [`MAX_SEALING_KEYS_EXAMINED`] keys read).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SealingKeys<AccountId, BlockNumber> {
	/// Eligible enclaves with their sealing keys, in storage order.
	pub enclaves: Vec<SealingKeyView<AccountId, BlockNumber>>,
	/// Whether every registered sealing key was looked at.
	pub complete: bool,
}

/// The mint parameters with their bounds, and the burn pallet's price per compute unit.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct EconomicParameters<Balance, BlockNumber> {
	/// Mint parameters: current values, hard bounds, step limit.
	pub mint: ParametersView<Balance, BlockNumber>,
	/// AZRA burned per compute unit of a build.
	pub price_per_unit: Balance,
}

/// One enclave of a provider.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct EnclaveView<BlockNumber> {
	/// The enclave's key.
	pub key: EnclaveKey,
	/// The allow-listed measurement it registered under.
	pub measurement: MeasurementId,
	/// Intel's TCB status for its platform at registration.
	pub tcb_status: TcbStatus,
	/// Its platform type.
	pub fmspc: Fmspc,
	/// Block of its (latest) registration.
	pub registered_at: BlockNumber,
	/// Last block at which the registration holds.
	pub expires_at: BlockNumber,
	/// Whether it may earn now (unexpired, measurement allow-listed, TCB accepted).
	pub eligible: bool,
}

/// What of the chain's history is still in state. Older builds and epochs left state
/// (their records stay in the events of the blocks that made them): the node's `azra_*`
/// methods find the block they left at and read them from the state before it, when it
/// still has that state.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct HistoryView {
	/// Every build below this id has left state.
	pub oldest_build: BuildId,
	/// The id the next build will get: no build at or above it exists yet.
	pub next_build: BuildId,
	/// Every epoch below this one has expired and its record left state.
	pub oldest_epoch: EpochIndex,
}

/// A provider's enclaves and rewards.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ProviderView<Balance, BlockNumber> {
	/// Registered enclaves (expired ones included).
	pub enclaves: Vec<EnclaveView<BlockNumber>>,
	/// The epoch in progress.
	pub current_epoch: EpochIndex,
	/// Points earned in the epoch in progress.
	pub current_points: Units,
	/// Unclaimed shares of the latest closed epochs: (epoch, AZRA).
	pub unpaid: Vec<(EpochIndex, Balance)>,
}

sp_api::decl_runtime_apis! {
	/// AzraCode's economics, as the chain itself records them.
	///
	/// Version 2 adds [`HistoryView`]: which builds and epochs are still in state.
	/// Version 3 adds [`BuildsPage`]s of open builds and of a provider's assigned builds,
	/// a page at a time, without reading every build.
	/// Version 4 adds enclaves' sealing keys: the eligible enclaves builders may seal
	/// inputs to, and one enclave's key.
	/// Version 5 adds a sealed build's terms: its recipients and output key.
	#[api_version(3)]
	pub trait AzraEconomicsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Supply since genesis: total issuance, burned, minted, refunded, net emission.
		fn supply() -> SupplyTotals<Balance>;
		/// Records of the closed epochs in `from..=to` (at most `MAX_EPOCHS_PER_QUERY`
		/// epochs are looked at; epochs not closed yet are left out).
		fn epochs(from: EpochIndex, to: EpochIndex) -> Vec<(EpochIndex, EpochRecord<Balance>)>;
		/// The epoch in progress.
		fn current_epoch() -> EpochIndex;
		/// Current economic parameters with their bounds.
		fn parameters() -> EconomicParameters<Balance, BlockNumber>;
		/// A build by id.
		fn build(id: BuildId) -> Option<BuildView<AccountId, Balance, BlockNumber>>;
		/// A provider's enclaves, current points and unpaid rewards.
		fn provider(account: AccountId) -> ProviderView<Balance, BlockNumber>;
		/// Which builds and epochs are still in state (since version 2: ask a runtime's
		/// version before calling it).
		fn history() -> HistoryView;
		/// The builds a provider may take now, in id order: at most `limit` of them (cut to
		/// `MAX_OPEN_BUILDS_PER_PAGE`) from id `start` on (from the oldest without it), each
		/// as `build(id)` shows it. Pass the page's `next` as `start` for the following
		/// page; `next` is `None` once every build in state was looked at. A page reads at
		/// most `MAX_BUILDS_EXAMINED_PER_PAGE` builds, so it may be short and still have a
		/// `next`.
		#[api_version(3)]
		fn open_builds(
			start: Option<BuildId>,
			limit: u32,
		) -> BuildsPage<AccountId, Balance, BlockNumber>;
		/// The builds assigned to `provider` whose deadline has not passed, paged like
		/// `open_builds`: the work a provider's agent must still prove.
		#[api_version(3)]
		fn assigned_builds(
			provider: AccountId,
			start: Option<BuildId>,
			limit: u32,
		) -> BuildsPage<AccountId, Balance, BlockNumber>;
		/// The enclaves a builder may seal a build's input to now: registered with a
		/// sealing key and eligible, under `measurement` if given (at most
		/// [`MAX_SEALING_KEYS`] of them).
		#[api_version(4)]
		fn sealing_keys(measurement: Option<MeasurementId>) -> SealingKeys<AccountId, BlockNumber>;
		/// The sealing key of one enclave, eligible or not.
		#[api_version(4)]
		fn enclave_sealing_key(enclave_key: EnclaveKey) -> Option<SealingKey>;
		/// The terms of sealed build `id`: the enclaves its input is sealed to and the key
		/// its output is sealed to. `None` for a public build, or no build.
		#[api_version(5)]
		fn sealed_build(id: BuildId) -> Option<SealedTerms>;
	}
}
