//! The agent's view of the chain: a WebSocket RPC client that reads finalized state,
//! calls the runtime API and submits signed transactions.
//!
//! The agent never trusts its own memory over the chain: everything it acts on is read
//! from a finalized block, decoded with the runtime's own types (the node binary carries
//! them), and every transaction's outcome is read back from that block's events.

use azra_primitives::{BuildId, BuildView, SealedTerms};
use azra_runtime::{
	AccountId, Balance, BlockNumber, Nonce, Runtime, RuntimeCall, RuntimeEvent, SignedPayload,
	TxExtension, UncheckedExtrinsic,
};
use azra_runtime_api::BuildsPage;
use codec::{Decode, Encode};
use jsonrpsee::core::{
	client::{ClientT, Subscription, SubscriptionClientT},
	params::ArrayParams,
};
use jsonrpsee_ws_client::{WsClient, WsClientBuilder};
use sp_core::{bytes::from_hex, sr25519, Pair, H256};
use sp_runtime::{
	generic::Era,
	traits::{BlakeTwo256, Hash as _},
	MultiAddress, MultiSignature,
};
use std::{fmt, time::Duration};

/// Why a chain operation failed.
#[derive(Debug)]
pub enum ChainError {
	/// The connection or an RPC call failed; the agent reconnects and retries.
	Rpc(String),
	/// The node answered something that does not decode as the runtime's types: the chain
	/// runs a runtime this binary does not know.
	Decode(String),
	/// The transaction pool refused the transaction, or it left the pool unincluded.
	Rejected(String),
	/// The transaction was included and its call failed.
	Failed(String),
}

impl fmt::Display for ChainError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			ChainError::Rpc(e) => write!(f, "rpc: {e}"),
			ChainError::Decode(e) => write!(f, "decode: {e}"),
			ChainError::Rejected(e) => write!(f, "transaction rejected: {e}"),
			ChainError::Failed(e) => write!(f, "transaction failed: {e}"),
		}
	}
}

impl std::error::Error for ChainError {}

impl From<jsonrpsee::core::ClientError> for ChainError {
	fn from(e: jsonrpsee::core::ClientError) -> Self {
		ChainError::Rpc(e.to_string())
	}
}

/// Result of a chain operation.
pub type ChainResult<T> = Result<T, ChainError>;

/// A finalized block the agent acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Head {
	/// Its hash.
	pub hash: H256,
	/// Its number.
	pub number: BlockNumber,
}

/// Where an included transaction ended up.
#[derive(Clone, Copy, Debug)]
pub struct Inclusion {
	/// The block that included it.
	pub block: H256,
}

/// How long to wait for a submitted transaction to be finalized before giving up on it.
/// Generous: a dev chain makes a block every 6 s, and a transaction that is neither in a
/// block nor refused by then is stuck behind something the agent cannot fix by waiting.
const INCLUSION_TIMEOUT: Duration = Duration::from_secs(120);

/// Byte size of a WebSocket message the client accepts: a 4 MiB preimage travels as
/// 8 MiB of hex inside JSON.
const MAX_RESPONSE_BYTES: u32 = 16 * 1024 * 1024;

/// A connection to one node.
pub struct Chain {
	client: WsClient,
	/// The chain's genesis hash: signed into every transaction and every work claim.
	pub genesis: H256,
}

/// `bytes` as 0x-hex, all of them (`HexDisplay` elides the middle of anything longer than
/// 1,026 bytes, which a node refuses as invalid hex).
fn hex0x(bytes: &[u8]) -> String {
	sp_core::bytes::to_hex(bytes, false)
}

fn params<const N: usize>(values: [serde_json::Value; N]) -> ChainResult<ArrayParams> {
	let mut params = ArrayParams::new();
	for value in values {
		params.insert(value).map_err(|e| ChainError::Rpc(e.to_string()))?;
	}
	Ok(params)
}

fn decode_hex<T: Decode>(what: &str, hex: &str) -> ChainResult<T> {
	let bytes = from_hex(hex).map_err(|e| ChainError::Decode(format!("{what}: {e}")))?;
	T::decode(&mut &bytes[..]).map_err(|e| ChainError::Decode(format!("{what}: {e}")))
}

impl Chain {
	/// Connect to the node at `url` (`ws://…`) and read the genesis hash.
	pub async fn connect(url: &str) -> ChainResult<Self> {
		let client = WsClientBuilder::default()
			.max_response_size(MAX_RESPONSE_BYTES)
			.max_request_size(MAX_RESPONSE_BYTES)
			.request_timeout(Duration::from_secs(60))
			.build(url)
			.await?;
		let genesis: String =
			client.request("chain_getBlockHash", params([serde_json::json!(0)])?).await?;
		let genesis = decode_hex_h256("genesis hash", &genesis)?;
		Ok(Chain { client, genesis })
	}

	/// Whether the connection is still up.
	pub fn is_connected(&self) -> bool {
		self.client.is_connected()
	}

	/// The last finalized block.
	pub async fn finalized_head(&self) -> ChainResult<Head> {
		let hash: String =
			self.client.request("chain_getFinalizedHead", ArrayParams::new()).await?;
		let hash = decode_hex_h256("finalized head", &hash)?;
		let header: serde_json::Value = self
			.client
			.request("chain_getHeader", params([serde_json::json!(hex0x(&hash.0))])?)
			.await?;
		let number = header
			.get("number")
			.and_then(|n| n.as_str())
			.and_then(|n| u32::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.ok_or_else(|| ChainError::Decode("header without a number".into()))?;
		Ok(Head { hash, number })
	}

	/// A stream of finalized heads (each notification is a header).
	pub async fn subscribe_finalized(&self) -> ChainResult<Subscription<serde_json::Value>> {
		Ok(self
			.client
			.subscribe(
				"chain_subscribeFinalizedHeads",
				ArrayParams::new(),
				"chain_unsubscribeFinalizedHeads",
			)
			.await?)
	}

	/// The raw value under `key` at block `at`.
	pub async fn storage_raw(&self, key: &[u8], at: H256) -> ChainResult<Option<Vec<u8>>> {
		let value: Option<String> = self
			.client
			.request(
				"state_getStorage",
				params([serde_json::json!(hex0x(key)), serde_json::json!(hex0x(&at.0))])?,
			)
			.await?;
		value
			.map(|hex| from_hex(&hex).map_err(|e| ChainError::Decode(format!("storage: {e}"))))
			.transpose()
	}

	/// The value under `key` at block `at`, decoded as `T`.
	pub async fn storage<T: Decode>(&self, key: &[u8], at: H256) -> ChainResult<Option<T>> {
		match self.storage_raw(key, at).await? {
			None => Ok(None),
			Some(bytes) => T::decode(&mut &bytes[..])
				.map(Some)
				.map_err(|e| ChainError::Decode(format!("storage value: {e}"))),
		}
	}

	/// Call runtime API `method` (e.g. `AzraEconomicsApi_provider`) with SCALE-encoded
	/// `args` at block `at`.
	pub async fn runtime_call<R: Decode>(
		&self,
		method: &str,
		args: impl Encode,
		at: H256,
	) -> ChainResult<R> {
		let result: String = self
			.client
			.request(
				"state_call",
				params([
					serde_json::json!(method),
					serde_json::json!(hex0x(&args.encode())),
					serde_json::json!(hex0x(&at.0)),
				])?,
			)
			.await?;
		decode_hex(method, &result)
	}

	/// The build `id` as the runtime API shows it at `at`.
	pub async fn build(
		&self,
		id: BuildId,
		at: H256,
	) -> ChainResult<Option<BuildView<AccountId, Balance, BlockNumber>>> {
		self.runtime_call("AzraEconomicsApi_build", id, at).await
	}

	/// The terms of build `id` if it is sealed (`AzraEconomicsApi::sealed_build`, API
	/// version 5); `None` for a public build.
	pub async fn sealed_build(&self, id: BuildId, at: H256) -> ChainResult<Option<SealedTerms>> {
		self.runtime_call("AzraEconomicsApi_sealed_build", id, at).await
	}

	/// One page of `AzraEconomicsApi::open_builds` at `at`: up to `limit` open builds from
	/// id `start` on, oldest first, and where the next page starts.
	pub async fn open_builds(
		&self,
		start: Option<BuildId>,
		limit: u32,
		at: H256,
	) -> ChainResult<BuildsPage<AccountId, Balance, BlockNumber>> {
		self.runtime_call("AzraEconomicsApi_open_builds", (start, limit), at).await
	}

	/// Every build assigned to `provider` at `at` whose deadline has not passed (all pages
	/// of `AzraEconomicsApi::assigned_builds`).
	pub async fn assigned_builds(
		&self,
		provider: &AccountId,
		at: H256,
	) -> ChainResult<Vec<(BuildId, BuildView<AccountId, Balance, BlockNumber>)>> {
		let mut builds = Vec::new();
		let mut start = None;
		loop {
			let page: BuildsPage<AccountId, Balance, BlockNumber> = self
				.runtime_call(
					"AzraEconomicsApi_assigned_builds",
					(provider, start, azra_runtime_api::MAX_OPEN_BUILDS_PER_PAGE),
					at,
				)
				.await?;
			builds.extend(page.builds);
			match page.next {
				Some(next) => start = Some(next),
				None => return Ok(builds),
			}
		}
	}

	/// The bytes of the preimage whose hash is `hash`, if noted on chain at `at`.
	pub async fn preimage(&self, hash: H256, at: H256) -> ChainResult<Option<Vec<u8>>> {
		let status_key = pallet_preimage::RequestStatusFor::<Runtime>::hashed_key_for(hash);
		let status: Option<
			pallet_preimage::RequestStatus<
				AccountId,
				<Runtime as pallet_preimage::Config>::Consideration,
			>,
		> = self.storage(&status_key, at).await?;
		let len = match status {
			Some(pallet_preimage::RequestStatus::Unrequested { len, .. }) => len,
			Some(pallet_preimage::RequestStatus::Requested { maybe_len: Some(len), .. }) => len,
			_ => return Ok(None),
		};
		let key = pallet_preimage::PreimageFor::<Runtime>::hashed_key_for((hash, len));
		let bytes: Option<Vec<u8>> = self.storage(&key, at).await?;
		Ok(bytes)
	}

	/// The chain's runtime version at `at`: `(spec_version, transaction_version)`.
	pub async fn runtime_version(&self, at: H256) -> ChainResult<(u32, u32)> {
		let version: serde_json::Value = self
			.client
			.request("state_getRuntimeVersion", params([serde_json::json!(hex0x(&at.0))])?)
			.await?;
		let field = |name: &str| {
			version
				.get(name)
				.and_then(|v| v.as_u64())
				.and_then(|v| u32::try_from(v).ok())
				.ok_or_else(|| ChainError::Decode(format!("runtime version without {name}")))
		};
		Ok((field("specVersion")?, field("transactionVersion")?))
	}

	/// The next nonce of `account`, counting transactions waiting in the pool.
	pub async fn next_nonce(&self, account: &AccountId) -> ChainResult<Nonce> {
		let value: serde_json::Value = self
			.client
			.request("system_accountNextIndex", params([serde_json::json!(account.to_string())])?)
			.await?;
		value
			.as_u64()
			.and_then(|n| Nonce::try_from(n).ok())
			.ok_or_else(|| ChainError::Decode(format!("account nonce: {value}")))
	}

	/// Sign `call` as `signer` and wait until a finalized block includes it; then read that
	/// block's events and fail with the dispatch error if the call failed.
	pub async fn submit(
		&self,
		signer: &sr25519::Pair,
		call: RuntimeCall,
	) -> ChainResult<Inclusion> {
		// The pool checks a transaction against the best block's runtime, which reaches a
		// runtime upgrade before finality does: sign for that runtime, or every transaction
		// between the upgrade and its finality is refused as a bad signature.
		let best: String = self.client.request("chain_getBlockHash", ArrayParams::new()).await?;
		let best = decode_hex_h256("best block", &best)?;
		let (spec_version, tx_version) = self.runtime_version(best).await?;
		let account: AccountId = signer.public().into();
		let nonce = self.next_nonce(&account).await?;
		let extrinsic = sign(signer, call, nonce, self.genesis, spec_version, tx_version);
		let encoded = extrinsic.encode();
		let tx_hash = BlakeTwo256::hash(&encoded);
		let mut status: Subscription<serde_json::Value> = self
			.client
			.subscribe(
				"author_submitAndWatchExtrinsic",
				params([serde_json::json!(hex0x(&encoded))])?,
				"author_unwatchExtrinsic",
			)
			.await
			.map_err(|e| ChainError::Rejected(e.to_string()))?;
		let block = tokio::time::timeout(INCLUSION_TIMEOUT, async {
			while let Some(update) = status.next().await {
				let update = update.map_err(|e| ChainError::Rpc(e.to_string()))?;
				// Finalized, not just in a block: the agent reads finalized state, and its
				// next pass must see what this transaction did.
				if let Some(block) = update.get("finalized") {
					let block = block.as_str().unwrap_or_default();
					return decode_hex_h256("inclusion block", block);
				}
				if let Some(text) = update.as_str() {
					if matches!(text, "dropped" | "invalid" | "usurped") {
						return Err(ChainError::Rejected(text.into()));
					}
				}
				for gone in ["dropped", "invalid", "usurped", "finalityTimeout"] {
					if update.get(gone).is_some() {
						return Err(ChainError::Rejected(update.to_string()));
					}
				}
			}
			Err(ChainError::Rejected("the pool stopped reporting the transaction".into()))
		})
		.await
		.map_err(|_| ChainError::Rejected("not included in time".into()))??;
		let _ = status.unsubscribe().await;
		self.check_outcome(block, tx_hash).await?;
		Ok(Inclusion { block })
	}

	/// Read the events of `block` and report whether extrinsic `tx_hash` succeeded.
	async fn check_outcome(&self, block: H256, tx_hash: H256) -> ChainResult<()> {
		let body: serde_json::Value = self
			.client
			.request("chain_getBlock", params([serde_json::json!(hex0x(&block.0))])?)
			.await?;
		let extrinsics = body
			.pointer("/block/extrinsics")
			.and_then(|e| e.as_array())
			.ok_or_else(|| ChainError::Decode("block without extrinsics".into()))?;
		let mut index = None;
		for (i, extrinsic) in extrinsics.iter().enumerate() {
			let bytes = from_hex(extrinsic.as_str().unwrap_or_default())
				.map_err(|e| ChainError::Decode(format!("extrinsic: {e}")))?;
			if BlakeTwo256::hash(&bytes) == tx_hash {
				index = Some(i as u32);
				break;
			}
		}
		let index =
			index.ok_or_else(|| ChainError::Decode("transaction not in its block".into()))?;
		let events: Vec<frame_system::EventRecord<RuntimeEvent, H256>> = self
			.storage(&frame_support::storage::storage_prefix(b"System", b"Events"), block)
			.await?
			.unwrap_or_default();
		for record in events {
			if record.phase != frame_system::Phase::ApplyExtrinsic(index) {
				continue;
			}
			if let RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error,
				..
			}) = record.event
			{
				return Err(ChainError::Failed(describe_dispatch_error(&dispatch_error)));
			}
		}
		Ok(())
	}
}

fn decode_hex_h256(what: &str, hex: &str) -> ChainResult<H256> {
	let bytes = from_hex(hex).map_err(|e| ChainError::Decode(format!("{what}: {e}")))?;
	if bytes.len() != 32 {
		return Err(ChainError::Decode(format!("{what}: {} bytes, not 32", bytes.len())));
	}
	Ok(H256::from_slice(&bytes))
}

/// A dispatch error by name (`Burn(BuildNotOpen)`) when this binary's runtime knows it.
pub fn describe_dispatch_error(error: &sp_runtime::DispatchError) -> String {
	match error {
		sp_runtime::DispatchError::Module(_) => {
			match azra_runtime::RuntimeError::from_dispatch_error(*error) {
				Some(named) => format!("{named:?}"),
				None => format!("{error:?}"),
			}
		}
		other => format!("{other:?}"),
	}
}

/// `call` signed by `signer` with `nonce`, valid on the chain with `genesis` while it
/// runs `spec_version` and `tx_version`. Immortal: the nonce already makes it single-use,
/// and the agent never leaves a transaction waiting in a pool it does not watch.
pub fn sign(
	signer: &sr25519::Pair,
	call: RuntimeCall,
	nonce: Nonce,
	genesis: H256,
	spec_version: u32,
	tx_version: u32,
) -> UncheckedExtrinsic {
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
	);
	// The implicit data comes from the chain, not from this binary's runtime: the chain
	// may run a newer runtime than the one compiled in.
	let implicit = ((), spec_version, tx_version, genesis, genesis, (), (), (), None);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	let account: AccountId = signer.public().into();
	UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(account),
		MultiSignature::Sr25519(signature),
		extension,
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn hex0x_writes_every_byte_of_a_long_value() {
		// A registration extrinsic carries a quote of several KiB.
		let bytes: Vec<u8> = (0..3000u32).map(|i| i as u8).collect();
		let hex = hex0x(&bytes);
		assert_eq!(hex.len(), 2 + 2 * bytes.len());
		assert_eq!(from_hex(&hex).unwrap(), bytes);
		assert_eq!(hex0x(&[]), "0x");
	}
}
