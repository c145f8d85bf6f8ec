//! # Attestation pallet (work in progress)

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod dcap;
pub mod types;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::attestation";

#[cfg(test)]
mod test_fixtures;
