//! Command-line arguments.

/// The operator's subcommands besides running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Print a chain specification (prefer `export-chain-spec`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of `--chain` as JSON.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks to a file.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a block as a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks from a file.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain database.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Print information about the database.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// The dev enclave: dev-PKI collateral, quotes and work-proof signatures for chains
	/// without SGX (dev and local chain specs trust the dev root).
	#[command(subcommand)]
	DevEnclave(crate::dev_enclave::DevEnclaveCmd),

	/// The provider agent: keeps an enclave registered, runs open builds metered, proves
	/// them and claims rewards; `provider verify <id>` re-runs a completed build.
	Provider(crate::provider::ProviderCmd),

	/// Run a program locally in the provider's metered engine and print its output, fuel
	/// and units: size a build's `--units`, or check a sealed build's output.
	Run(crate::provider::dry_run::DryRunCmd),

	/// Run economic scenarios through the real runtime natively (no consensus, no
	/// network): CSV, SVG plots and a summary per scenario. `--list` names the built-ins.
	Simulate(crate::simulate::SimulateCmd),

	/// Benchmark the runtime's pallets, storage, blocks and machine.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}

/// `azra-node [SUBCOMMAND] [OPTIONS]`.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// What to do; without a subcommand the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of the running node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,
}
