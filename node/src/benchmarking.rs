//! `azra-node benchmark …` (feature `runtime-benchmarks`): measures the runtime's pallets
//! and writes their `weights.rs`.

use crate::{cli::Cli, service};
use azra_runtime::opaque::Block;
use frame_benchmarking_cli::BenchmarkCmd;
use sc_cli::SubstrateCli;
use sp_runtime::traits::HashingFor;

/// Runs a benchmark subcommand. `pallet` and `machine` are supported; the block-level
/// benchmarks need an extrinsic builder this node does not provide yet.
pub fn run(cli: &Cli, cmd: &BenchmarkCmd) -> sc_cli::Result<()> {
	let runner = cli.create_runner(cmd)?;
	match cmd {
		BenchmarkCmd::Pallet(cmd) => runner.sync_run(|config| {
			cmd.run_with_spec::<HashingFor<Block>, service::AzraHostFunctions>(Some(
				config.chain_spec,
			))
		}),
		BenchmarkCmd::Machine(cmd) => runner.sync_run(|config| {
			cmd.run(&config, frame_benchmarking_cli::SUBSTRATE_REFERENCE_HARDWARE.clone())
		}),
		_ => Err("only `benchmark pallet` and `benchmark machine` are supported".into()),
	}
}
