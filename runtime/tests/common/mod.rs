//! What the runtime's integration tests share: genesis storage built from a preset the
//! way the node builds it.

use azra_runtime::{genesis_config_presets, RuntimeGenesisConfig};
use sp_runtime::BuildStorage;

/// Applies `patch` on top of `base`, recursively, as the node does with a preset
/// (`sc_chain_spec::json_merge`, which deletes keys patched with `null`, too; no preset does
/// that). Not that function itself: `sc-chain-spec` as a dev-dependency would compile the
/// client stack once more in the `runtime-benchmarks,try-runtime` build these tests also run in.
fn merge_json(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge_json(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// Genesis storage of the preset `name`, built the way the node builds it.
pub fn preset_storage(name: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&name.into())
		.unwrap_or_else(|| panic!("the runtime has a `{name}` preset"));
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge_json(&mut config, serde_json::from_slice(&patch).unwrap());
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	config.build_storage().unwrap().into()
}
