//! AzraCode's `azra_*` JSON-RPC methods: the chain's own burn-and-mint figures, read
//! through the runtime's `AzraEconomicsApi` at a block (the best block by default).
//!
//! Field names are camelCase; AZRA amounts are decimal strings of plancks (12 decimals)
//! because they do not fit a JavaScript number; accounts are SS58 with AzraCode's prefix
//! 4242; hashes are 0x-hex. docs/rpc.md lists every method with an example.

use std::sync::Arc;

use azra_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use azra_runtime_api::{
	AzraEconomicsApi, EpochRecord, MintParameters, SignedAmount, SupplyTotals, MAX_EPOCHS_PER_QUERY,
};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use pallet_attestation::EnclaveKey;
use serde_json::{json, Value};
use sp_api::ProvideRuntimeApi;
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

	/// A provider's enclaves, current-epoch points and unpaid rewards.
	#[method(name = "provider")]
	fn provider(&self, account: String, at: Option<BlockHash>) -> RpcResult<Value>;
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

/// An account from SS58 (any network prefix) or 0x-hex of 32 bytes.
pub fn parse_account(text: &str) -> Result<AccountId, String> {
	if let Some(hex_text) = text.strip_prefix("0x") {
		let bytes = decode_hex(hex_text).ok_or_else(|| format!("{text:?} is not hex"))?;
		let raw: [u8; 32] =
			bytes.try_into().map_err(|_| format!("{text:?} is not 32 bytes of hex"))?;
		return Ok(AccountId::from(raw));
	}
	AccountId::from_ss58check_with_version(text)
		.map(|(account, _format): (AccountId, Ss58AddressFormat)| account)
		.map_err(|e| format!("{text:?} is not an SS58 address or 0x-hex account: {e:?}"))
}

/// Bytes of an even-length hex string (no 0x), if it is one.
pub fn decode_hex(text: &str) -> Option<Vec<u8>> {
	if text.len() % 2 != 0 {
		return None;
	}
	(0..text.len())
		.step_by(2)
		.map(|i| text.get(i..i + 2).and_then(|pair| u8::from_str_radix(pair, 16).ok()))
		.collect()
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
		let records =
			self.client.runtime_api().epochs(self.at(at), from, to).map_err(runtime_error)?;
		Ok(Value::Array(records.iter().map(|(epoch, record)| epoch_json(*epoch, record)).collect()))
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
		let build = self
			.client
			.runtime_api()
			.build(self.at(at), id)
			.map_err(runtime_error)?
			.ok_or_else(|| error(error_code::NOT_FOUND, format!("no build with id {id}")))?;
		use azra_primitives::BuildState;
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
		Ok(json!({
			"id": id,
			"builder": ss58(&build.builder),
			"specHash": format!("{:?}", build.spec_hash),
			"units": build.units,
			"price": amount(build.price),
			"requiredMeasurement": build.required_measurement.map(|m| format!("{m:?}")),
			"state": state,
		}))
	}

	fn provider(&self, account: String, at: Option<<Block as BlockT>::Hash>) -> RpcResult<Value> {
		let account =
			parse_account(&account).map_err(|e| error(error_code::INVALID_ARGUMENT, e))?;
		let view = self
			.client
			.runtime_api()
			.provider(self.at(at), account.clone())
			.map_err(runtime_error)?;
		let enclaves: Vec<Value> = view
			.enclaves
			.iter()
			.map(|e| {
				json!({
					"key": enclave_key_json(&e.key),
					"measurement": format!("{:?}", e.measurement),
					"tcbStatus": format!("{:?}", e.tcb_status),
					"fmspc": format!("0x{}", hex(&e.fmspc)),
					"registeredAt": e.registered_at,
					"expiresAt": e.expires_at,
					"eligible": e.eligible,
				})
			})
			.collect();
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
}

#[cfg(test)]
mod tests {
	use super::*;

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

	#[test]
	fn accounts_parse_from_ss58_or_hex_and_bad_ones_are_errors() {
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		assert_eq!(parse_account(&ss58(&alice)), Ok(alice.clone()));
		assert_eq!(parse_account(&alice.to_ss58check()), Ok(alice.clone()));
		assert_eq!(parse_account(&format!("0x{}", hex(alice.as_ref()))), Ok(alice));
		for bad in ["", "5Bad", "0x12", "0xzz", "not an account"] {
			assert!(parse_account(bad).is_err(), "{bad:?}");
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
