//! The chains the node knows by name, and the properties clients read from them.

use azra_runtime::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL, WASM_BINARY};
use sc_service::{ChainSpec as _, ChainType, Properties};

/// A chain specification for the AzraCode runtime.
pub type ChainSpec = sc_service::GenericChainSpec;

/// How wallets and polkadot.js show $AZRA and AzraCode addresses.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime Wasm blob is missing: this node was built with SKIP_WASM_BUILD".to_string()
	})
}

/// `--dev`: one validator (Alice), dev accounts endowed.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("AzraCode Development")
		.with_id("azra_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain local`: three validators (Alice, Bob, Charlie) on one machine.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("AzraCode Local Testnet")
		.with_id("azra_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain production`: a `Live` chain that trusts Intel's SGX Root CA, as a template.
/// Its validator and governance keys are placeholders; export it with
/// `azra-node export-chain-spec --chain production`, put the real keys in, and launch from
/// that file (docs/operating-a-node.md).
pub fn production_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("AzraCode")
		.with_id("azra")
		.with_chain_type(ChainType::Live)
		.with_genesis_config_preset_name(azra_runtime::genesis_config_presets::PRODUCTION_PRESET)
		.with_properties(properties())
		.build())
}

/// The chain spec named by `--chain`: `dev`, `local`, `production`, or the path of a JSON
/// chain spec.
///
/// A `Live` chain spec whose genesis trusts the dev PKI's root CA is refused: that root's
/// private keys are public, so such a chain would mint AZRA for quotes anyone can make.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"" | "dev" => Box::new(development_chain_spec()?),
		"local" => Box::new(local_chain_spec()?),
		"production" => Box::new(production_chain_spec()?),
		path => {
			let spec = ChainSpec::from_json_file(std::path::PathBuf::from(path))
				.map_err(|e| format!("cannot use `{path}` as a chain spec: {e}"))?;
			if spec.chain_type() == ChainType::Live && trusts_dev_root(&spec)? {
				return Err(format!(
					"`{path}` is a Live chain spec, but its genesis trusts AzraCode's dev root \
					 CA, whose private keys are public: a live chain must trust Intel's SGX \
					 Root CA (docs/operating-a-node.md, \"The attestation root\")"
				));
			}
			Box::new(spec)
		}
	})
}

/// Whether the genesis state of `spec` (raw, or built from its genesis config) stores the
/// dev PKI's root CA as the attestation pallet's trusted root.
fn trusts_dev_root(spec: &ChainSpec) -> Result<bool, String> {
	use codec::Decode;
	let storage = spec
		.as_storage_builder()
		.build_storage()
		.map_err(|e| format!("cannot build the genesis state of the chain spec: {e}"))?;
	let key =
		[sp_io::hashing::twox_128(b"Attestation"), sp_io::hashing::twox_128(b"RootCa")].concat();
	Ok(storage
		.top
		.get(&key)
		.and_then(|value| Vec::<u8>::decode(&mut &value[..]).ok())
		.is_some_and(|root| root == azra_runtime::dev_pki::DEV_ROOT_CA))
}
