//! The records and parameters the mint pallet keeps.

use azra_primitives::{EpochIndex, Units};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AtLeast32BitUnsigned, Zero},
	FixedU128, Perbill,
};

/// An amount with a sign: how `net emission` (minted + refunded − burned) is reported.
///
/// Zero is always stored as positive, so equal amounts compare equal.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct SignedAmount<Balance> {
	/// `true` when the amount is zero or above (more created than burned).
	pub positive: bool,
	/// The absolute value.
	pub magnitude: Balance,
}

impl<Balance: AtLeast32BitUnsigned + Copy> SignedAmount<Balance> {
	/// `plus − minus`, exactly, whatever the order of the two.
	pub fn difference(plus: Balance, minus: Balance) -> Self {
		if plus >= minus {
			Self { positive: true, magnitude: plus - minus }
		} else {
			Self { positive: false, magnitude: minus - plus }
		}
	}

	/// Zero.
	pub fn zero() -> Self {
		Self { positive: true, magnitude: Zero::zero() }
	}
}

impl<Balance: Default> Default for SignedAmount<Balance> {
	fn default() -> Self {
		Self { positive: true, magnitude: Balance::default() }
	}
}

/// The economic parameters governance may tune, each inside hard compile-time bounds and by
/// at most a bounded relative step per epoch.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
pub struct MintParameters<Balance, BlockNumber> {
	/// Budget per unit of proven burn: `budget = min(ratio × proven_burn, ceiling)`; at
	/// most one.
	pub ratio: FixedU128,
	/// The most an epoch may pay out in total.
	pub ceiling: Balance,
	/// Blocks per epoch; a change takes effect when the next epoch opens.
	pub epoch_length: BlockNumber,
}

/// Everything recorded about one closed epoch.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
pub struct EpochRecord<Balance> {
	/// AZRA that left supply during the epoch (from the burn ledger): build prices,
	/// forfeited bonds, fees without an author. A supply figure, not a budget.
	pub burned: Balance,
	/// Rewards for this epoch minted so far (grows as providers claim).
	pub minted_rewards: Balance,
	/// AZRA minted as refunds during the epoch.
	pub refunded: Balance,
	/// `minted_rewards + refunded − burned`.
	pub net_emission: SignedAmount<Balance>,
	/// Total points (verified units) earned in the epoch.
	pub points: Units,
	/// Burn that paid for the work proven in the epoch: what its budget is drawn from.
	pub proven_burn: Balance,
	/// Distinct providers that earned points in the epoch.
	pub providers: u32,
	/// Points whose share has been claimed.
	pub claimed_points: Units,
	/// Proven burn whose share has been claimed.
	pub claimed_proven_burn: Balance,
	/// The most the epoch's rewards may mint, `min(ratio × proven_burn, ceiling)`, split
	/// pro rata to each provider's proven burn.
	pub budget: Balance,
	/// Rounding dust so far: `⌊budget × claimed_proven_burn / proven_burn⌋ −
	/// minted_rewards`. Never minted; final once every provider has claimed.
	pub dust: Balance,
	/// Whether the ceiling capped this epoch's budget.
	pub capped_at_ceiling: bool,
}

/// The epoch in progress: its index, first block and length in blocks.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
pub struct EpochInfo<BlockNumber> {
	/// Index of the epoch in progress.
	pub index: EpochIndex,
	/// Its first block.
	pub start: BlockNumber,
	/// Its length in blocks, fixed when it opened.
	pub length: BlockNumber,
}

/// Points and proven burn of the epoch in progress (or of a closed epoch not yet recorded).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
pub struct EpochTally<Balance> {
	/// Sum of all providers' points.
	pub points: Units,
	/// Sum of all providers' proven burn.
	pub proven_burn: Balance,
	/// Distinct providers with points.
	pub providers: u32,
}

/// One provider's points and proven burn in one epoch.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
pub struct ProviderPoints<Balance> {
	/// Verified units proven in the epoch.
	pub points: Units,
	/// Burn that paid for those units: the provider's claim on the epoch's budget.
	pub proven_burn: Balance,
	/// Whether the provider's share has been paid.
	pub claimed: bool,
}

/// Supply figures since genesis, for the runtime API.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct SupplyTotals<Balance> {
	/// Total issuance recorded when the chain started.
	pub genesis_issuance: Balance,
	/// Rewards minted since genesis.
	pub minted: Balance,
	/// Refunds minted since genesis.
	pub refunded: Balance,
	/// Burned since genesis (from the burn ledger).
	pub burned: Balance,
	/// Current total issuance.
	pub total_issuance: Balance,
	/// `minted + refunded − burned`.
	pub net_emission: SignedAmount<Balance>,
}

/// The current parameters with their hard bounds, for the runtime API.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ParametersView<Balance, BlockNumber> {
	/// In effect now.
	pub current: MintParameters<Balance, BlockNumber>,
	/// Lower hard bound of each parameter.
	pub min: MintParameters<Balance, BlockNumber>,
	/// Upper hard bound of each parameter.
	pub max: MintParameters<Balance, BlockNumber>,
	/// Largest relative change of any parameter within one epoch.
	pub max_change_per_epoch: Perbill,
}

/// What the records of pruned (expired, removed) epochs held, summed, so that lifetime
/// figures stay exact after the records are gone.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
pub struct PrunedTotals<Balance> {
	/// `Σ budget` of the pruned epochs.
	pub budget: Balance,
	/// `Σ minted_rewards` of the pruned epochs: with the records in state, `TotalMinted`.
	pub minted_rewards: Balance,
}
