//! AzraCode's `azra_*` JSON-RPC methods: the chain's own burn-and-mint figures, read
//! through the runtime's `AzraEconomicsApi` at a block (the best block by default).
//!
//! Field names are camelCase; AZRA amounts are decimal strings of plancks (12 decimals)
//! because they do not fit a JavaScript number; accounts are SS58 with AzraCode's prefix
//! 4242; hashes are 0x-hex. docs/rpc.md lists every method with an example.
//!
//! ## Pruned history
//!
//! Builds and expired epochs leave the chain's state after their retention. Asked for one,
//! these methods find the block it left at (a binary search over the runtime's
//! `history()` at past blocks: what is pruned stays pruned) and read it from the state of
//! the block before, marked with `prunedAt`. A node that no longer keeps that state (state
//! pruning) says so: error [`error_code::PRUNED`], with the block the item left at or, when
//! even that state is gone, the oldest block at which it is known to be gone. The answer
//! is never a guess; an archive node (`--state-pruning archive`) answers for every item.

use std::sync::Arc;

use crate::parse::{parse_account, parse_measurement};
use azra_primitives::{BuildId, BuildState, BuildView};
use azra_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use azra_runtime_api::{
	AzraEconomicsApi, BuildsPage, EpochRecord, HistoryView, MintParameters, SignedAmount,
	SupplyTotals, MAX_EPOCHS_PER_QUERY, MAX_OPEN_BUILDS_PER_PAGE,
};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use pallet_attestation::EnclaveKey;
use serde_json::{json, Value};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
use sp_runtime::traits::Block as BlockT;

use azra_runtime::SS58_PREFIX;

/// JSON-RPC error codes of the `azra_*` methods.
pub mod error_code {
	/// An argument is malformed or out of range.
	pub const INVALID_ARGUMENT: i32 = 4001;
	/// The build (or other object) asked for does not exist.
	pub const NOT_FOUND: i32 = 4004;
	/// The item left state and this node no longer keeps the state it was in.
	pub const PRUNED: i32 = 4010;
	/// The runtime could not answer (e.g. unknown block, runtime without the API).
	pub const RUNTIME: i32 = 5000;
}

/// The `azra_*` methods.
#[rpc(server, namespace = "azra")]
pub trait AzraApi<BlockHash> {
	/// Supply since genesis: total issuance, genesis issuance, burned, minted, refunded and
	/// net emission (minted + refunded − burned, signed).
	#[method(name = "supply")]
	fn supply(&self, at: Option<BlockHash>) -> RpcResult<Value>;

	/// Records of the closed epochs `from..=to` (at most 256 epochs per call).
	#[method(name = "epochs")]
	fn epochs(&self, from: u32, to: u32, at: Option<BlockHash>) -> RpcResult<Value>;

	/// Mint parameters (current, min, max, step limit) and the price per unit.
	#[method(name = "parameters")]
	fn parameters(&self, at: Option<BlockHash>) -> RpcResult<Value>;

	/// A build by id.
	#[method(name = "build")]
	fn build(&self, id: u64, at: Option<BlockHash>) -> RpcResult<Value>;

	/// A provider's enclaves (each with its sealing key), current-epoch points and unpaid
	/// rewards.
	#[method(name = "provider")]
	fn provider(&self, account: String, at: Option<BlockHash>) -> RpcResult<Value>;

	/// The enclaves a builder may seal a build's input to now (registered with a sealing
	/// key, eligible), under `measurement` (0x-hex) if given: each with its enclave key,
	/// provider, measurement, sealing key and expiry; at most 256, and `complete` says
	/// whether every sealing key in state was looked at.
	#[method(name = "sealingKeys")]
	fn sealing_keys(&self, measurement: Option<String>, at: Option<BlockHash>) -> RpcResult<Value>;

	/// The builds a provider may take now, in id order, a page at a time: at most `limit`
	/// (1 to 256, default 256) from id `start` on, and the `next` id to ask from.
	#[method(name = "openBuilds")]
	fn open_builds(
		&self,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Value>;
}

/// The `azra_*` methods over a client.
pub struct Azra<C> {
	client: Arc<C>,
}

impl<C> Azra<C> {
	/// The methods, reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(code, message.into(), None::<()>)
}

fn runtime_error(e: impl std::fmt::Debug) -> ErrorObjectOwned {
	error(error_code::RUNTIME, format!("the runtime could not answer: {e:?}"))
}

/// Where an item that left state was last seen.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LeftState {
	/// It left state at this block: the block before still holds it.
	At(u32),
	/// It is gone at this block; the state of the blocks before is not kept, so it may have
	/// left earlier.
	AtOrBefore(u32),
}

/// The first block in `low + 1..=high` at which an item is gone, given `gone(block)`:
/// `Some` whether the item is gone at `block`, `None` when the node has no state for
/// `block`. The item must be gone at `high` and present (or its state unknown, `low_known`
/// false) at `low`; once gone it stays gone, so a binary search finds the block. Blocks
/// whose state is missing are older than every block whose state is kept (state pruning
/// drops the oldest), so they count as "before".
pub fn find_block_left_between(
	low: u32,
	low_known: bool,
	high: u32,
	mut gone: impl FnMut(u32) -> Option<bool>,
) -> LeftState {
	// Invariant: gone at `hi`; at `lo` present (`Some(false)`) or unknown (`None`).
	let (mut lo, mut hi) = (low.min(high.saturating_sub(1)), high);
	let mut lo_known = low_known;
	while hi - lo > 1 {
		let mid = lo + (hi - lo) / 2;
		match gone(mid) {
			Some(true) => hi = mid,
			Some(false) => {
				lo = mid;
				lo_known = true;
			}
			None => {
				lo = mid;
				lo_known = false;
			}
		}
	}
	if lo_known {
		LeftState::At(hi)
	} else {
		LeftState::AtOrBefore(hi)
	}
}

/// [`find_block_left_between`] over the whole chain up to `high`: present at genesis.
#[cfg(test)]
fn find_block_left(high: u32, gone: impl FnMut(u32) -> Option<bool>) -> LeftState {
	find_block_left_between(0, true, high, gone)
}

/// How an epoch that left state is reported: where it left, and its record if the node
/// still has the state before that.
fn pruned_epoch_json(epoch: u32, left: LeftState, record: Option<&EpochRecord<Balance>>) -> Value {
	match (left, record) {
		(LeftState::At(block), Some(record)) => {
			let mut entry = epoch_json(epoch, record);
			entry["prunedAt"] = json!(block);
			entry
		}
		(LeftState::At(block), None) => {
			json!({ "epoch": epoch, "pruned": true, "prunedAt": block })
		}
		(LeftState::AtOrBefore(block), _) => {
			json!({ "epoch": epoch, "pruned": true, "prunedAtOrBefore": block })
		}
	}
}

fn pruned_error(what: String, left: LeftState) -> ErrorObjectOwned {
	let (message, data) = match left {
		LeftState::At(block) => (
			format!(
				"{what} left state at block #{block}, and this node no longer keeps the state \
				 of block #{}: ask an archive node (--state-pruning archive)",
				block.saturating_sub(1)
			),
			json!({ "prunedAt": block }),
		),
		LeftState::AtOrBefore(block) => (
			format!(
				"{what} left state at or before block #{block}, and this node no longer keeps \
				 the state before it: ask an archive node (--state-pruning archive)"
			),
			json!({ "prunedAtOrBefore": block }),
		),
	};
	ErrorObject::owned(error_code::PRUNED, message, Some(data))
}

/// Check an epoch range: `from ≤ to`, at most [`MAX_EPOCHS_PER_QUERY`] epochs.
pub fn check_epoch_range(from: u32, to: u32) -> Result<(), ErrorObjectOwned> {
	if from > to {
		return Err(error(
			error_code::INVALID_ARGUMENT,
			format!("from ({from}) must not be greater than to ({to})"),
		));
	}
	let span = u64::from(to) - u64::from(from) + 1;
	if span > u64::from(MAX_EPOCHS_PER_QUERY) {
		return Err(error(
			error_code::INVALID_ARGUMENT,
			format!("range too long: {span} epochs asked, at most {MAX_EPOCHS_PER_QUERY} per call"),
		));
	}
	Ok(())
}

/// The page size of `azra_openBuilds`: `limit` if it is within 1..=[`MAX_OPEN_BUILDS_PER_PAGE`],
/// the maximum without one.
pub fn check_page_limit(limit: Option<u32>) -> Result<u32, ErrorObjectOwned> {
	match limit {
		None => Ok(MAX_OPEN_BUILDS_PER_PAGE),
		Some(limit) if (1..=MAX_OPEN_BUILDS_PER_PAGE).contains(&limit) => Ok(limit),
		Some(limit) => Err(error(
			error_code::INVALID_ARGUMENT,
			format!(
				"limit {limit} out of range: from 1 to {MAX_OPEN_BUILDS_PER_PAGE} builds per call"
			),
		)),
	}
}

fn ss58(account: &AccountId) -> String {
	account.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX))
}

fn amount(value: Balance) -> Value {
	Value::String(value.to_string())
}

fn signed(value: &SignedAmount<Balance>) -> Value {
	let sign = if value.positive || value.magnitude == 0 { "" } else { "-" };
	Value::String(format!("{sign}{}", value.magnitude))
}

/// A fixed-point number with 18 decimals as a decimal string ("0.5", "2").
fn fixed(value: sp_runtime::FixedU128) -> Value {
	let inner = value.into_inner();
	let unit = 1_000_000_000_000_000_000u128;
	let fraction = format!("{:018}", inner % unit);
	let fraction = fraction.trim_end_matches('0');
	Value::String(if fraction.is_empty() {
		(inner / unit).to_string()
	} else {
		format!("{}.{fraction}", inner / unit)
	})
}

/// Supply figures as JSON.
pub fn supply_json(totals: &SupplyTotals<Balance>) -> Value {
	json!({
		"totalIssuance": amount(totals.total_issuance),
		"genesisIssuance": amount(totals.genesis_issuance),
		"burned": amount(totals.burned),
		"minted": amount(totals.minted),
		"refunded": amount(totals.refunded),
		"netEmission": signed(&totals.net_emission),
	})
}

/// One epoch record as JSON.
pub fn epoch_json(epoch: u32, record: &EpochRecord<Balance>) -> Value {
	json!({
		"epoch": epoch,
		"burned": amount(record.burned),
		"mintedRewards": amount(record.minted_rewards),
		"refunded": amount(record.refunded),
		"netEmission": signed(&record.net_emission),
		"points": record.points,
		"provenBurn": amount(record.proven_burn),
		"providers": record.providers,
		"claimedPoints": record.claimed_points,
		"claimedProvenBurn": amount(record.claimed_proven_burn),
		"budget": amount(record.budget),
		"cappedAtCeiling": record.capped_at_ceiling,
		"dust": amount(record.dust),
	})
}

/// One build as JSON: what `azra_build` answers and `azra_openBuilds` lists.
pub fn build_json(id: BuildId, build: &BuildView<AccountId, Balance, BlockNumber>) -> Value {
	let state = match &build.state {
		BuildState::Open => json!({ "status": "open" }),
		BuildState::Assigned { provider, deadline } => {
			json!({ "status": "assigned", "provider": ss58(provider), "deadline": deadline })
		}
		BuildState::Completed { provider, output_hash, units_used } => json!({
			"status": "completed",
			"provider": ss58(provider),
			"outputHash": format!("{output_hash:?}"),
			"unitsUsed": units_used,
		}),
		BuildState::Expired => json!({ "status": "expired" }),
	};
	json!({
		"id": id,
		"builder": ss58(&build.builder),
		"specHash": format!("{:?}", build.spec_hash),
		"inputHash": format!("{:?}", build.input_hash),
		"units": build.units,
		"price": amount(build.price),
		"requiredMeasurement": build.required_measurement.map(|m| format!("{m:?}")),
		"state": state,
	})
}

/// A page of open builds as JSON: the builds, and the id the next page starts at (`null`
/// when there is none).
pub fn open_builds_json(page: &BuildsPage<AccountId, Balance, BlockNumber>) -> Value {
	let builds: Vec<Value> = page.builds.iter().map(|(id, build)| build_json(*id, build)).collect();
	json!({ "builds": builds, "next": page.next })
}

fn parameters_json(p: &MintParameters<Balance, BlockNumber>) -> Value {
	json!({
		"ratio": fixed(p.ratio),
		"ceiling": amount(p.ceiling),
		"epochLength": p.epoch_length,
	})
}

fn enclave_key_json(key: &EnclaveKey) -> Value {
	let (scheme, public) = match key {
		EnclaveKey::Ed25519(public) => ("ed25519", public),
		EnclaveKey::Sr25519(public) => ("sr25519", public),
	};
	json!({ "scheme": scheme, "public": format!("0x{}", hex(public)) })
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl<C> Azra<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AzraEconomicsApi<Block, AccountId, Balance, BlockNumber>,
{
	fn at(&self, at: Option<<Block as BlockT>::Hash>) -> <Block as BlockT>::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}

	/// What is still in state at `at`; `None` if the node has no state for it. A runtime
	/// older than version 2 of the API never pruned anything.
	fn history(&self, at: <Block as BlockT>::Hash) -> Option<HistoryView> {
		let api = self.client.runtime_api();
		let version =
			api.api_version::<dyn AzraEconomicsApi<Block, AccountId, Balance, BlockNumber>>(at);
		match version {
			Ok(Some(version)) if version >= 2 => api.history(at).ok(),
			Ok(_) => Some(HistoryView { oldest_build: 0, next_build: 0, oldest_epoch: 0 }),
			Err(_) => None,
		}
	}

	/// The sealed terms of build `id` at `at` as JSON (`null` for a public build, or when
	/// the runtime predates sealed builds, API version 5).
	fn sealed_json(&self, at: <Block as BlockT>::Hash, id: BuildId) -> RpcResult<Value> {
		let api = self.client.runtime_api();
		let version = api
			.api_version::<dyn AzraEconomicsApi<Block, AccountId, Balance, BlockNumber>>(at)
			.map_err(runtime_error)?;
		if version.is_none_or(|version| version < 5) {
			return Ok(Value::Null);
		}
		Ok(api.sealed_build(at, id).map_err(runtime_error)?.map_or(Value::Null, |terms| {
			json!({
				"recipients": terms.recipients.iter().map(enclave_key_json).collect::<Vec<_>>(),
				"outputKey": format!("0x{}", hex(&terms.output_key)),
			})
		}))
	}

	/// An error (5000) unless the runtime at `at` has `AzraEconomicsApi` version `min` or
	/// later; `what` says what the older runtime cannot do.
	fn require_api_version(
		&self,
		at: <Block as BlockT>::Hash,
		min: u32,
		what: &str,
	) -> RpcResult<()> {
		let version = self
			.client
			.runtime_api()
			.api_version::<dyn AzraEconomicsApi<Block, AccountId, Balance, BlockNumber>>(at)
			.map_err(runtime_error)?;
		if version.is_none_or(|version| version < min) {
			return Err(error(
				error_code::RUNTIME,
				format!(
					"the runtime at block {at:?} {what} (AzraEconomicsApi version {min} or \
					 later; it has {version:?})"
				),
			));
		}
		Ok(())
	}

	/// The hash of block `number` of the canonical chain, if the node has it.
	fn hash_of(&self, number: u32) -> Option<<Block as BlockT>::Hash> {
		self.client.hash(number).ok().flatten()
	}

	/// `at`'s number, if `at` is on the canonical chain: pruned history is searched along
	/// it, so a fork block cannot be asked about pruned items.
	fn canonical_number(&self, at: <Block as BlockT>::Hash) -> RpcResult<u32> {
		let number = self.number_of(at)?;
		if self.hash_of(number) != Some(at) {
			return Err(error(
				error_code::INVALID_ARGUMENT,
				format!("block {at:?} is not on the canonical chain; pruned items are looked up along it"),
			));
		}
		Ok(number)
	}

	fn number_of(&self, at: <Block as BlockT>::Hash) -> RpcResult<u32> {
		self.client
			.number(at)
			.map_err(runtime_error)?
			.ok_or_else(|| error(error_code::INVALID_ARGUMENT, format!("unknown block {at:?}")))
	}

	/// The block at which an item left state, given `gone(history)` at each block; the item
	/// must be gone at `at`, and is known present (or unknown) at `after`.
	fn block_left(
		&self,
		at: <Block as BlockT>::Hash,
		after: (u32, bool),
		gone: impl Fn(&HistoryView) -> bool,
	) -> RpcResult<LeftState> {
		let high = self.canonical_number(at)?;
		Ok(find_block_left_between(after.0, after.1, high, |number| {
			let hash = self.hash_of(number)?;
			self.history(hash).map(|history| gone(&history))
		}))
	}
}

impl<C> AzraApiServer<<Block as BlockT>::Hash> for Azra<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AzraEconomicsApi<Block, AccountId, Balance, BlockNumber>,
{
	fn supply(&self, at: Option<<Block as BlockT>::Hash>) -> RpcResult<Value> {
		let totals = self.client.runtime_api().supply(self.at(at)).map_err(runtime_error)?;
		Ok(supply_json(&totals))
	}

	fn epochs(&self, from: u32, to: u32, at: Option<<Block as BlockT>::Hash>) -> RpcResult<Value> {
		check_epoch_range(from, to)?;
		let at = self.at(at);
		let history = self
			.history(at)
			.ok_or_else(|| error(error_code::RUNTIME, format!("no state for block {at:?}")))?;
		// Expired epochs below `oldest_epoch` are read where they were last in state. They
		// leave in order, so each search starts where the previous epoch left.
		let mut answer = Vec::new();
		let mut after = (0u32, true);
		let pruned_to = history.oldest_epoch.checked_sub(1).map(|last| to.min(last));
		for epoch in pruned_to.into_iter().flat_map(|last| from..=last) {
			let left = self.block_left(at, after, |h| h.oldest_epoch > epoch)?;
			let record = match left {
				LeftState::At(block) => self
					.hash_of(block.saturating_sub(1))
					.and_then(|hash| self.client.runtime_api().epochs(hash, epoch, epoch).ok())
					.and_then(|records| records.into_iter().next()),
				LeftState::AtOrBefore(_) => None,
			};
			answer.push(pruned_epoch_json(epoch, left, record.as_ref().map(|(_, r)| r)));
			after = match left {
				LeftState::At(block) => (block.saturating_sub(1), true),
				LeftState::AtOrBefore(block) => (block.saturating_sub(1), false),
			};
		}
		let records = self.client.runtime_api().epochs(at, from, to).map_err(runtime_error)?;
		answer.extend(records.iter().map(|(epoch, record)| epoch_json(*epoch, record)));
		Ok(Value::Array(answer))
	}

	fn parameters(&self, at: Option<<Block as BlockT>::Hash>) -> RpcResult<Value> {
		let p = self.client.runtime_api().parameters(self.at(at)).map_err(runtime_error)?;
		Ok(json!({
			"current": parameters_json(&p.mint.current),
			"min": parameters_json(&p.mint.min),
			"max": parameters_json(&p.mint.max),
			"maxChangePerEpochPerbill": p.mint.max_change_per_epoch.deconstruct(),
			"pricePerUnit": amount(p.price_per_unit),
		}))
	}

	fn build(&self, id: u64, at: Option<<Block as BlockT>::Hash>) -> RpcResult<Value> {
		let at = self.at(at);
		let mut pruned_at = None;
		// The block whose state the answer reads: `at`, or the last block the build was in.
		let mut read_at = at;
		let build = match self.client.runtime_api().build(at, id).map_err(runtime_error)? {
			Some(build) => build,
			None => {
				let history = self.history(at).ok_or_else(|| {
					error(error_code::RUNTIME, format!("no state for block {at:?}"))
				})?;
				if id >= history.oldest_build {
					return Err(error(error_code::NOT_FOUND, format!("no build with id {id}")));
				}
				let left = self.block_left(at, (0, true), |h| h.oldest_build > id)?;
				let LeftState::At(block) = left else {
					return Err(pruned_error(format!("build {id}"), left));
				};
				let before = self.hash_of(block.saturating_sub(1));
				let build = before
					.and_then(|hash| self.client.runtime_api().build(hash, id).ok().flatten())
					.ok_or_else(|| pruned_error(format!("build {id}"), left))?;
				pruned_at = Some(block);
				read_at = before.unwrap_or(at);
				build
			}
		};
		let mut answer = build_json(id, &build);
		answer["sealed"] = self.sealed_json(read_at, id)?;
		if let Some(block) = pruned_at {
			answer["prunedAt"] = json!(block);
		}
		Ok(answer)
	}

	fn provider(&self, account: String, at: Option<<Block as BlockT>::Hash>) -> RpcResult<Value> {
		let account =
			parse_account(&account).map_err(|e| error(error_code::INVALID_ARGUMENT, e))?;
		let at = self.at(at);
		let api = self.client.runtime_api();
		let view = api.provider(at, account.clone()).map_err(runtime_error)?;
		// Sealing keys since version 4 of the API; an older runtime has none.
		let has_sealing_keys = api
			.api_version::<dyn AzraEconomicsApi<Block, AccountId, Balance, BlockNumber>>(at)
			.map_err(runtime_error)?
			.is_some_and(|version| version >= 4);
		let mut enclaves = Vec::with_capacity(view.enclaves.len());
		for e in &view.enclaves {
			let sealing_key = if has_sealing_keys {
				api.enclave_sealing_key(at, e.key).map_err(runtime_error)?
			} else {
				None
			};
			enclaves.push(json!({
				"key": enclave_key_json(&e.key),
				"measurement": format!("{:?}", e.measurement),
				"tcbStatus": format!("{:?}", e.tcb_status),
				"fmspc": format!("0x{}", hex(&e.fmspc)),
				"registeredAt": e.registered_at,
				"expiresAt": e.expires_at,
				"eligible": e.eligible,
				"sealingKey": sealing_key.map(|key| format!("0x{}", hex(&key))),
			}));
		}
		let unpaid: Vec<Value> = view
			.unpaid
			.iter()
			.map(|(epoch, share)| json!({ "epoch": epoch, "amount": amount(*share) }))
			.collect();
		Ok(json!({
			"account": ss58(&account),
			"currentEpoch": view.current_epoch,
			"currentPoints": view.current_points,
			"enclaves": enclaves,
			"unpaid": unpaid,
		}))
	}

	fn open_builds(
		&self,
		start: Option<u64>,
		limit: Option<u32>,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Value> {
		let limit = check_page_limit(limit)?;
		let at = self.at(at);
		let api = self.client.runtime_api();
		self.require_api_version(at, 3, "cannot list open builds")?;
		let page = api.open_builds(at, start, limit).map_err(runtime_error)?;
		Ok(open_builds_json(&page))
	}

	fn sealing_keys(
		&self,
		measurement: Option<String>,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Value> {
		let measurement = measurement
			.map(|text| parse_measurement(&text))
			.transpose()
			.map_err(|e| error(error_code::INVALID_ARGUMENT, e))?;
		let at = self.at(at);
		let api = self.client.runtime_api();
		self.require_api_version(at, 4, "has no sealing keys")?;
		let listed = api.sealing_keys(at, measurement).map_err(runtime_error)?;
		let enclaves: Vec<Value> = listed
			.enclaves
			.iter()
			.map(|e| {
				json!({
					"enclaveKey": enclave_key_json(&e.enclave_key),
					"provider": ss58(&e.provider),
					"measurement": format!("{:?}", e.measurement),
					"sealingKey": format!("0x{}", hex(&e.sealing_key)),
					"expiresAt": e.expires_at,
				})
			})
			.collect();
		Ok(json!({ "enclaves": enclaves, "complete": listed.complete }))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A chain of `len` blocks where the item leaves at `left` and the node keeps the state
	/// of blocks from `kept` on.
	fn search(len: u32, left: u32, kept: u32) -> (LeftState, u32) {
		let mut probes = 0;
		let found = find_block_left(len, |block| {
			probes += 1;
			(block >= kept).then_some(block >= left)
		});
		(found, probes)
	}

	#[test]
	fn the_block_an_item_left_is_found_exactly_when_its_state_is_kept() {
		for left in [1, 2, 3, 500, 999_999, 1_000_000] {
			let (found, probes) = search(1_000_000, left, 0);
			assert_eq!(found, LeftState::At(left), "left at {left}");
			assert!(probes <= 21, "a binary search: {probes} probes");
		}
		// State kept from block 700 on: an item that left at 800 is found exactly, one that
		// left at 300 is known gone at 700 (or the first kept block at which it is gone).
		assert_eq!(search(1_000, 800, 700).0, LeftState::At(800));
		assert_eq!(search(1_000, 700, 700).0, LeftState::AtOrBefore(700));
		assert_eq!(search(1_000, 300, 700).0, LeftState::AtOrBefore(700));
		assert_eq!(search(1_000, 701, 700).0, LeftState::At(701));
		// Gone at the only block there is.
		assert_eq!(find_block_left(1, |_| Some(true)), LeftState::At(1));
	}

	#[test]
	fn a_search_can_start_where_the_previous_item_left() {
		// Items leave in order: the second left at 600, the search starts at 400.
		let mut probes = 0;
		let found = find_block_left_between(400, true, 1_000, |block| {
			probes += 1;
			assert!(block > 400, "never looks before the start");
			Some(block >= 600)
		});
		assert_eq!(found, LeftState::At(600));
		assert!(probes <= 10);
		// Unknown at the start and gone at the first block after it: only a bound.
		assert_eq!(
			find_block_left_between(99, false, 1_000, |block| Some(block >= 100)),
			LeftState::AtOrBefore(100)
		);
	}

	#[test]
	fn a_pruned_epoch_is_reported_with_its_record_or_where_it_left() {
		let record = EpochRecord::<Balance>::default();
		let full = pruned_epoch_json(3, LeftState::At(70), Some(&record));
		assert_eq!(full["epoch"], json!(3));
		assert_eq!(full["prunedAt"], json!(70));
		assert!(full.get("burned").is_some(), "the record as it was: {full}");
		let bare = pruned_epoch_json(3, LeftState::At(70), None);
		assert_eq!(bare, json!({ "epoch": 3, "pruned": true, "prunedAt": 70 }));
		let bound = pruned_epoch_json(3, LeftState::AtOrBefore(70), None);
		assert_eq!(bound, json!({ "epoch": 3, "pruned": true, "prunedAtOrBefore": 70 }));
	}

	#[test]
	fn pruned_errors_name_the_block() {
		let exact = pruned_error("build 7".into(), LeftState::At(1234));
		assert_eq!(exact.code(), error_code::PRUNED);
		assert!(exact.message().contains("build 7 left state at block #1234"));
		assert!(exact.data().unwrap().get().contains("\"prunedAt\":1234"));
		let bound = pruned_error("epoch 3".into(), LeftState::AtOrBefore(99));
		assert!(bound.message().contains("at or before block #99"));
		assert!(bound.data().unwrap().get().contains("prunedAtOrBefore"));
	}

	#[test]
	fn epoch_ranges_are_checked() {
		assert!(check_epoch_range(0, 0).is_ok());
		assert!(check_epoch_range(10, 10 + MAX_EPOCHS_PER_QUERY - 1).is_ok());
		let too_long = check_epoch_range(0, MAX_EPOCHS_PER_QUERY).unwrap_err();
		assert_eq!(too_long.code(), error_code::INVALID_ARGUMENT);
		assert!(too_long.message().contains("range too long"));
		let reversed = check_epoch_range(5, 1).unwrap_err();
		assert!(reversed.message().contains("from (5)"));
		assert!(check_epoch_range(0, u32::MAX).is_err());
	}

	fn view(
		state: BuildState<AccountId, BlockNumber>,
	) -> BuildView<AccountId, Balance, BlockNumber> {
		BuildView {
			builder: sp_keyring::Sr25519Keyring::Eve.to_account_id(),
			spec_hash: sp_core::H256::repeat_byte(0xa1),
			input_hash: sp_core::H256::repeat_byte(0xb2),
			units: 400,
			price: 400_000_000_000,
			required_measurement: None,
			state,
		}
	}

	#[test]
	fn a_build_renders_its_hashes_amounts_and_state() {
		let eve = sp_keyring::Sr25519Keyring::Eve.to_account_id();
		let charlie = sp_keyring::Sr25519Keyring::Charlie.to_account_id();
		let open = build_json(7, &view(BuildState::Open));
		assert_eq!(
			open,
			json!({
				"id": 7,
				"builder": ss58(&eve),
				"specHash": format!("0x{}", "a1".repeat(32)),
				"inputHash": format!("0x{}", "b2".repeat(32)),
				"units": 400,
				"price": "400000000000",
				"requiredMeasurement": null,
				"state": { "status": "open" },
			})
		);
		let assigned =
			build_json(7, &view(BuildState::Assigned { provider: charlie.clone(), deadline: 90 }));
		assert_eq!(
			assigned["state"],
			json!({ "status": "assigned", "provider": ss58(&charlie), "deadline": 90 })
		);
		let output_hash = sp_core::H256::repeat_byte(0xc3);
		let completed = build_json(
			7,
			&view(BuildState::Completed { provider: charlie, output_hash, units_used: 12 }),
		);
		assert_eq!(completed["state"]["outputHash"], json!(format!("0x{}", "c3".repeat(32))));
		assert_eq!(completed["state"]["unitsUsed"], json!(12));
		assert_eq!(
			build_json(7, &view(BuildState::Expired))["state"],
			json!({ "status": "expired" })
		);
	}

	#[test]
	fn a_page_of_open_builds_lists_them_with_the_next_start() {
		let page = BuildsPage {
			builds: vec![(3, view(BuildState::Open)), (5, view(BuildState::Open))],
			next: Some(6),
		};
		let answer = open_builds_json(&page);
		assert_eq!(answer["next"], json!(6));
		let ids: Vec<&Value> =
			answer["builds"].as_array().unwrap().iter().map(|b| &b["id"]).collect();
		assert_eq!(ids, vec![&json!(3), &json!(5)]);
		assert_eq!(answer["builds"][1], build_json(5, &view(BuildState::Open)));
		let last = open_builds_json(&BuildsPage { builds: vec![], next: None });
		assert_eq!(last, json!({ "builds": [], "next": null }));
	}

	#[test]
	fn page_limits_are_checked() {
		assert_eq!(check_page_limit(None).unwrap(), MAX_OPEN_BUILDS_PER_PAGE);
		assert_eq!(check_page_limit(Some(1)).unwrap(), 1);
		assert_eq!(check_page_limit(Some(MAX_OPEN_BUILDS_PER_PAGE)).unwrap(), 256);
		for bad in [0, MAX_OPEN_BUILDS_PER_PAGE + 1, u32::MAX] {
			let refused = check_page_limit(Some(bad)).unwrap_err();
			assert_eq!(refused.code(), error_code::INVALID_ARGUMENT);
			assert!(refused.message().contains("out of range"), "{}", refused.message());
		}
	}

	#[test]
	fn amounts_are_strings_and_signs_and_fixed_points_render() {
		let net = SignedAmount { positive: false, magnitude: 1_500u128 };
		assert_eq!(signed(&net), json!("-1500"));
		assert_eq!(signed(&SignedAmount { positive: false, magnitude: 0u128 }), json!("0"));
		assert_eq!(fixed(sp_runtime::FixedU128::from_rational(1, 2)), json!("0.5"));
		assert_eq!(fixed(sp_runtime::FixedU128::from_u32(3)), json!("3"));
		assert_eq!(amount(u128::MAX), json!(u128::MAX.to_string()));
	}
}
