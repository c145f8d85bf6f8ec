//! # AzraCode's cross-pallet tests
//!
//! Burn, attestation and mint meet only through `azra-primitives` traits, so no pallet
//! crate depends on another. This crate is where they meet for testing: one mock runtime
//! wires the real three pallets as the runtime does, with enclaves registered through
//! genuine dev-PKI quotes, and plays the economy against an adversary.
//!
//! - [`adversary`]: a property test in which a coalition of builders and sybil providers
//!   (all on one attested platform) runs any sequence of the calls it can make while
//!   governance moves every parameter as far as it can. After every step the issuance
//!   equation and each pallet's `try_state` hold and a failed call changes nothing; at the
//!   end the coalition is not richer than at the start.
//! - [`growth`]: fifty thousand builds through their whole life across many epochs; the
//!   storage keys of the three pallets level off once builds and epochs leave state.
//! - [`scenarios`]: named attacks (submit/cancel wash, expire wash, floor farming, ratio at
//!   its maximum, a 60% demand crash, provider-slot squatting, accept/release griefing,
//!   builds in flight when governance retires an enclave key, revokes a platform or raises
//!   the minimum TCB evaluation), each asserting the attacker's loss and that honest
//!   providers are still paid.

#![cfg(test)]

mod adversary;
mod growth;
mod mock;
mod scenarios;
