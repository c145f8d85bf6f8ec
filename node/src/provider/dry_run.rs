//! `azra-node run`: a builder's local dry run of a program in the provider's metered engine.
//!
//! The same engine, fuel table and units as the agent ([`super::engine`]), with no chain and
//! no enclave: a builder sizes `--units` before paying for them, and checks a sealed
//! build's output (which only the builder can read) against its own run of the same
//! program and input. For public builds `azra-node provider verify` is the audit.

use super::engine::{Engine, RunError};
use azra_primitives::Units;
use sp_core::H256;
use sp_io::hashing::blake2_256;
use std::path::PathBuf;

/// `azra-node run PROGRAM --input FILE [--units N] [--out FILE]`.
#[derive(Debug, clap::Args)]
pub struct DryRunCmd {
	/// The WebAssembly program (the build's spec preimage).
	pub program: PathBuf,

	/// The input the program runs on (the plaintext of a sealed build's input).
	#[arg(long)]
	pub input: PathBuf,

	/// Units the run may use, as a build would request them.
	#[arg(long, default_value_t = 1_000_000)]
	pub units: Units,

	/// Write the output bytes to this file instead of printing them as hex.
	#[arg(long)]
	pub out: Option<PathBuf>,
}

impl DryRunCmd {
	/// Run the program and print one JSON object: output (or where it was written), its
	/// BLAKE2-256 hash, fuel and units used. A run that fails is an error naming why, as
	/// the agent would refuse the build.
	pub fn run(&self) -> Result<(), String> {
		let read = |what: &str, path: &PathBuf| {
			std::fs::read(path)
				.map_err(|e| format!("cannot read the {what} {}: {e}", path.display()))
		};
		let program = read("program", &self.program)?;
		let input = read("input", &self.input)?;
		let engine = Engine::new().map_err(|e| e.to_string())?;
		let outcome = engine.run(&program, &input, self.units).map_err(|error| match error {
			RunError::OutOfFuel { .. } => format!("{error} (more --units would let it finish)"),
			error => error.to_string(),
		})?;
		let mut report = serde_json::json!({
			"outputHash": format!("{:?}", H256(blake2_256(&outcome.output))),
			"outputBytes": outcome.output.len(),
			"fuelUsed": outcome.fuel_used,
			"unitsUsed": outcome.units_used,
		});
		match &self.out {
			Some(path) => {
				std::fs::write(path, &outcome.output)
					.map_err(|e| format!("cannot write {}: {e}", path.display()))?;
				report["out"] = serde_json::json!(path.display().to_string());
			}
			None => {
				let hex: String = outcome.output.iter().map(|b| format!("{b:02x}")).collect();
				report["output"] = serde_json::json!(format!("0x{hex}"));
			}
		}
		println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
		Ok(())
	}
}
