//! Builds the runtime's Wasm blobs.
//!
//! - `wasm_binary.rs` (`WASM_BINARY`): the runtime the node embeds as its genesis code.
//!   Release builds (`scripts/build-release.sh`) embed the metadata hash, AZRA with 12
//!   decimals, so that transactions from offline signers in metadata-hash mode 1 verify.
//!   Debug builds skip it: it costs a second compilation of the runtime crate.
//! - `azra_runtime_next.compact.compressed.wasm`, beside the first in the same `wbuild`
//!   folder: the same runtime one `spec_version` later, with the metadata hash, which
//!   `scripts/e2e/upgrade.test.mjs` enacts on a running dev node through governance.
//!   It shares the first blob's Wasm target folder, so only the runtime crate compiles
//!   again.

fn main() {
	#[cfg(feature = "std")]
	{
		use substrate_wasm_builder::WasmBuilder;

		let release = std::env::var("PROFILE").as_deref() == Ok("release");
		let genesis = WasmBuilder::init_with_defaults();
		if release {
			genesis.enable_metadata_hash("AZRA", 12).build();
		} else {
			genesis.build();
		}

		WasmBuilder::init_with_defaults()
			.enable_feature("next-spec-version")
			.enable_metadata_hash("AZRA", 12)
			.set_file_name("azra_runtime_next")
			.build();
	}
}
