//! Builds the Wasm runtime blob that the node embeds as its genesis code.

fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
