//! The AzraCode node.

#![warn(missing_docs)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod dev_enclave;
mod parse;
mod provider;
mod rpc;
mod service;
mod simulate;

fn main() -> sc_cli::Result<()> {
	command::run()
}
