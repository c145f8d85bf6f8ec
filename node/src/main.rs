//! The AzraCode node.

#![warn(missing_docs)]
// `sc_cli::Error`, the SDK's error every command and the service return, is large; it is
// returned once, at the end of a command, so its size costs nothing worth boxing it for.
#![allow(clippy::result_large_err)]

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
