//! # Attestation pallet
//!
//! The gate between compute and reward: a provider earns only through an enclave whose
//! Intel DCAP quote this pallet verified on chain, whose measurement governance
//! allow-listed, and whose key then signs every work proof.
//!
//! ## Terms
//!
//! - **Quote**: an Intel DCAP attestation (SGX v3, TDX v4/v5) of an enclave's identity and
//!   64 bytes of report data, signed through Intel's PKI.
//! - **Collateral**: Intel-signed TCB info, QE identity, PCK CRL and root CA CRL for one
//!   platform type (FMSPC) and TEE; kept on chain, verified against the trusted root.
//! - **Root CA**: the trust anchor every chain must reach (Intel's SGX root in production,
//!   a dev root on dev chains; set at genesis and by governance).
//! - **Measurement**: an allow-listed enclave identity ([`MeasurementEntry`]), named by its
//!   [`MeasurementId`] (`blake2_256` of its SCALE encoding).
//! - **Enclave key**: the ed25519/sr25519 key an enclave generated inside itself and bound
//!   into its quote's report data; registered to a provider until the re-attestation
//!   period ends.
//! - **Sealing key**: the X25519 public key an enclave generated inside itself for builders
//!   to seal inputs to ([`SealingKey`]); its quote's report data carries it in bytes
//!   32..64. It stays the same across re-attestation, so builds sealed to it are never
//!   stranded: a new sealing key needs a new enclave key.
//! - **Work proof**: an enclave key's signature over a [`WorkClaim`].
//!
//! Verification runs natively in the node through the [`dcap::dcap_verifier`] host function
//! (the node must register [`dcap::HostFunctions`]); there is no switch that skips it.
//!
//! ## Calls
//!
//! - [`set_root_ca`](Pallet::set_root_ca): governance sets the trusted root certificate.
//! - [`submit_collateral`](Pallet::submit_collateral): anyone stores collateral for a
//!   platform, verified against the root with a witness quote; never rolled back. It must
//!   be Intel's items only: collateral carrying a PCK certificate chain is refused.
//! - [`allow_measurement`](Pallet::allow_measurement) /
//!   [`revoke_measurement`](Pallet::revoke_measurement): governance edits the allow-list;
//!   a revocation disables every enclave under that measurement at once.
//! - [`set_accepted_tcb_statuses`](Pallet::set_accepted_tcb_statuses) /
//!   [`set_rejected_advisories`](Pallet::set_rejected_advisories): governance sets which
//!   Intel TCB verdicts are good enough.
//! - [`request_nonce`](Pallet::request_nonce): a provider obtains a short-lived nonce
//!   (its expired ones are dropped first).
//! - [`register_enclave`](Pallet::register_enclave): a provider presents a quote whose
//!   report data commits to (domain, genesis hash, provider, enclave key, nonce) in its
//!   first 32 bytes and carries the enclave's sealing key in the other 32. A new record
//!   holds [`Config::EnclaveDeposit`] from the provider.
//! - [`deregister_enclave`](Pallet::deregister_enclave): a provider retires an enclave key
//!   and gets its deposit back.
//! - [`force_deregister`](Pallet::force_deregister): governance retires a (leaked) enclave
//!   key without touching its measurement.
//! - [`revoke_platform`](Pallet::revoke_platform) /
//!   [`restore_platform`](Pallet::restore_platform): governance disables (and re-enables)
//!   every enclave of one platform type (TEE, FMSPC).
//! - [`set_min_tcb_eval_data_number`](Pallet::set_min_tcb_eval_data_number): governance
//!   refuses collateral (and enclaves verified with it) older than an Intel TCB recovery.
//! - [`restore_collateral`](Pallet::restore_collateral) /
//!   [`lift_collateral_ceiling`](Pallet::lift_collateral_ceiling): governance puts back
//!   collateral that newer (early TCB-recovery) collateral displaced, and caps what signed
//!   submitters may store for that platform until it lifts the cap.
//!
//! ## Hooks
//!
//! - `on_idle`: takes expired nonces out of state, then enclave records one
//!   re-attestation period past their expiry (returning their deposits), in the block's
//!   spare weight (see [Bounded state](#bounded-state)).
//!
//! ## Bounded state
//!
//! A nonce is usable for `NonceLifetime` blocks from the block it was issued in, and nonces
//! are numbered in issue order ([`NonceCounter`]), so they expire in that order. Issuing
//! one also files its expiry and provider under its number in [`NonceExpiries`], the
//! nonce expiry queue. `on_idle` walks that queue from [`NonceSweepCursor`], at most
//! `MaxNoncesSweptPerBlock` entries a block and never beyond the weight the block leaves
//! spare: for each entry whose expiry has passed, that provider's expired nonces leave
//! [`Nonces`] (and the provider's entry with the last of them), and the entry leaves the
//! queue. The first entry still alive stops the walk, since none after it has expired.
//!
//! So a provider who requests nonces and never comes back leaves nothing behind once they
//! expire, and a live nonce is never touched. A provider who comes back is served as
//! before: registering uses up its nonce, requesting again drops its expired ones, and the
//! sweep then finds nothing left to remove for the entries of those nonces and only takes
//! them off the queue. Should a runtime upgrade shorten `NonceLifetime`, a later nonce may
//! expire before an earlier one; the walk then waits at the earlier one, which delays
//! removals by at most the old lifetime.
//!
//! Enclave records are paid for: each new one holds [`Config::EnclaveDeposit`] from its
//! provider ([`HoldReason::EnclaveDeposit`], the amount kept in [`EnclaveDeposits`]), at
//! most `MaxEnclavesPerProvider` per provider. The deposit comes back whenever the record
//! leaves: deregistration, governance's retirement, the clearing of expired records when a
//! provider's list is full, and pruning. `on_idle` walks [`Enclaves`] from
//! [`EnclavePruneCursor`], at most `MaxEnclavesPrunedPerBlock` records a block and within
//! the spare weight, starting over at the end of the map; a record whose expiry is more
//! than one `ReattestationPeriod` past leaves with its sealing key (event
//! [`Event::EnclavePruned`]). The grace period lets a provider that was offline re-attest
//! the same key, keeping its sealing key, without paying again. A provider who walks away
//! leaves nothing behind and loses nothing.
//!
//! Other state a signed call adds: collateral (one entry per platform type, each needing
//! Intel-signed items and a genuine quote of that platform, at most `MaxCollateralLen`
//! bytes), nonces (at most `MaxNoncesPerProvider` per provider, gone `NonceLifetime` blocks
//! after they were issued). Governance's entries (measurements, retired keys, revoked
//! platforms, ceilings) cost a governance decision each.
//!
//! ## Revocation
//!
//! Every reason to stop trusting an enclave takes effect at the next block, for enclaves
//! already registered too, and none of them iterates over enclaves: each
//! [`EnclaveRecord`] keeps what its registration relied on (measurement, TCB status, root
//! CA hash, TEE and FMSPC, the collateral's TCB evaluation data number, advisories), and
//! [`Pallet::check_enclave`] holds it against the current policy on every eligibility and
//! work-proof check. Revoking a measurement, dropping a TCB status, setting another root,
//! rejecting an advisory, revoking a platform, raising the minimum TCB evaluation data
//! number or force-deregistering a key each disable the affected enclaves at once.
//!
//! ## Collateral rules
//!
//! - Intel's items only (no PCK chain attached), verified with a witness quote against
//!   the root at the block time.
//! - Never rolled back: each item's evaluation data number, CRL number and issue date
//!   must be at least the stored one's, compared one by one ([`CollateralFreshness`]),
//!   read from the items themselves so that no witness quote shifts them.
//! - Its TCB info's evaluation data number must be at least the governance minimum of its
//!   TEE.
//! - The rollback rule binds signed submitters only. Governance may restore older
//!   collateral ([`Pallet::restore_collateral`]); the platform then has a ceiling
//!   ([`CollateralCeilings`]) that signed submissions may not exceed until governance lifts
//!   it.
//!
//! ## Production trust
//!
//! A chain whose genesis trusts [`INTEL_SGX_ROOT_CA`] records that
//! ([`IntelRootOnly`]); on such a chain governance can set no other root, so the dev
//! PKI's root (whose private keys are public) can never become trusted there.
//!
//! ## Traits implemented
//!
//! - [`ProviderEligibility`]: for the burn pallet (may this provider take this build?).
//! - [`WorkProofVerifier`]: for the mint pallet (did the named, eligible enclave of this
//!   provider sign this work claim?). A [`WorkProof`] names its enclave key, so the check is
//!   one storage lookup and one signature verification however many enclaves a provider has.
//!
//! See [`pallet`] for storage, events and errors.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
pub mod dcap;
mod errors;
mod events;
mod impl_collateral;
mod impl_eligibility;
mod impl_nonces;
mod impl_registry;
mod impl_try_state;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod test_fixtures;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use dcap::dcap_verifier;
#[cfg(not(substrate_runtime))]
pub use dcap::HostFunctions;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use azra_primitives::{
	MeasurementId, ProviderEligibility, SealingKey, TcbStatus, VerifiedWork, WorkClaim,
	WorkProofVerifier,
};
use codec::Encode;
use frame_support::{
	ensure,
	pallet_macros::import_section,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Precision,
		Get, UnixTime,
	},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{traits::Zero, DispatchError, DispatchResult, MultiSignature, Saturating};

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::attestation";

/// Intel's SGX Root CA certificate (DER): the trust anchor of production chains. A public
/// certificate (SHA-256 fingerprint `44A0196B…FAB674D3`), embedded so that no chain spec
/// has to carry it and so that the pallet can recognise it.
pub const INTEL_SGX_ROOT_CA: &[u8] = include_bytes!("intel_sgx_root_ca.der");

/// Longest raw storage key of an [`Enclaves`] entry: two 16-byte prefixes, a 16-byte
/// `blake2_128` and the SCALE-encoded [`EnclaveKey`] (one byte of variant, 32 of key).
pub const MAX_ENCLAVE_STORAGE_KEY_LEN: u32 = 128;

/// Domain tag of chain-issued registration nonces.
pub const NONCE_DOMAIN: &[u8] = b"azra/registration-nonce/v1";

/// A genuine quote with what verifies it, for the benchmarks: the largest realistic one,
/// a TDX v4 quote with its PCK chain, from the dev PKI (`azra-dev-pki`).
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkQuote {
	/// The quote.
	pub quote: Vec<u8>,
	/// Its collateral, SCALE-encoded `QuoteCollateralV3`.
	pub collateral: Vec<u8>,
	/// The root CA certificate (DER) its chains lead to.
	pub root_ca: Vec<u8>,
	/// Its platform type.
	pub fmspc: Fmspc,
	/// A unix time inside the collateral's validity window.
	pub unix_time: u64,
}

/// The sealing key the benchmark quote's report data carries (bytes 32..64).
#[cfg(feature = "runtime-benchmarks")]
pub const BENCH_SEALING_KEY: SealingKey = [0x5e; 32];

/// Sets up what the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Make `T::UnixTime` report `secs` seconds since the Unix epoch.
	fn set_unix_time(secs: u64);
	/// The quote (and collateral, root, time) to benchmark verification with. Its report
	/// data must begin with `report_data`, which commits to the benchmarks' registration
	/// (see the benchmarks' `registration`), and end with the benchmarks'
	/// [`BENCH_SEALING_KEY`], so that `register_enclave` succeeds.
	fn quote(report_data: [u8; 32]) -> BenchmarkQuote;
}

/// An amount of the currency enclave deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Enclave records, typed for a runtime.
pub type EnclaveRecordOf<T> =
	EnclaveRecord<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

#[import_section(events::events)]
#[import_section(errors::errors)]
#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::{DispatchError, DispatchResult, *};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	/// The storage layout version (see [`crate::migrations`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the attestation pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Wall-clock time of the current block (the timestamp pallet): the time at which
		/// collateral and certificates must be valid.
		type UnixTime: UnixTime;

		/// The origin that sets the root CA and the policy (Root in AzraCode's runtime).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Largest quote accepted, in bytes (TDX quotes with their PCK chain are ~5 KiB).
		#[pallet::constant]
		type MaxQuoteLen: Get<u32>;

		/// Largest collateral accepted (SCALE-encoded `QuoteCollateralV3`), in bytes.
		#[pallet::constant]
		type MaxCollateralLen: Get<u32>;

		/// Largest root CA certificate accepted (DER), in bytes.
		#[pallet::constant]
		type MaxRootCaLen: Get<u32>;

		/// How many blocks a registration nonce stays usable after it was issued.
		#[pallet::constant]
		type NonceLifetime: Get<BlockNumberFor<Self>>;

		/// Most unexpired nonces a provider may hold at once.
		#[pallet::constant]
		type MaxNoncesPerProvider: Get<u32>;

		/// Most entries of the nonce expiry queue ([`NonceExpiries`]) `on_idle` visits in
		/// one block (at least 1); the weight the block leaves spare is the other bound.
		#[pallet::constant]
		type MaxNoncesSweptPerBlock: Get<u32>;

		/// How many blocks a registration holds; the enclave must re-attest before then.
		#[pallet::constant]
		type ReattestationPeriod: Get<BlockNumberFor<Self>>;

		/// Most enclaves a provider may have registered at once.
		#[pallet::constant]
		type MaxEnclavesPerProvider: Get<u32>;

		/// The currency enclave deposits are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, of which this pallet's [`HoldReason`] is one.
		type RuntimeHoldReason: From<HoldReason>;

		/// Held from a provider for each enclave record it adds
		/// ([`HoldReason::EnclaveDeposit`]); released when the record leaves state
		/// (deregistration, retirement, or pruning after expiry). Re-attesting a registered
		/// key holds nothing more.
		#[pallet::constant]
		type EnclaveDeposit: Get<BalanceOf<Self>>;

		/// Most enclave records `on_idle` looks at in one block while pruning expired ones
		/// (at least 1); the weight the block leaves spare is the other bound.
		#[pallet::constant]
		type MaxEnclavesPrunedPerBlock: Get<u32>;

		/// Weights of this pallet's calls and trait checks.
		type WeightInfo: WeightInfo;

		/// Sets up the block time for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// The trusted root CA certificate (DER) every certificate chain and CRL must lead to.
	#[pallet::storage]
	pub type RootCa<T: Config> = StorageValue<_, BoundedVec<u8, T::MaxRootCaLen>, OptionQuery>;

	/// `blake2_256` of [`RootCa`], kept beside it so that every eligibility check can compare
	/// an enclave's root without reading the certificate.
	#[pallet::storage]
	pub type RootCaHash<T: Config> = StorageValue<_, H256, OptionQuery>;

	/// Whether the chain started with Intel's SGX Root CA; if so, no other root can be set.
	#[pallet::storage]
	pub type IntelRootOnly<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// What the stored collateral of a (TEE, FMSPC) says about its items' age, with the
	/// hash of the root CA it was verified against.
	#[pallet::storage]
	pub type CollateralRecords<T: Config> =
		StorageMap<_, Blake2_128Concat, (TeeType, Fmspc), CollateralRecord, OptionQuery>;

	/// The stored collateral of a (TEE, FMSPC): SCALE-encoded `QuoteCollateralV3`.
	#[pallet::storage]
	pub type CollateralBytes<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		(TeeType, Fmspc),
		BoundedVec<u8, T::MaxCollateralLen>,
		OptionQuery,
	>;

	/// The measurement allow-list, with revocations (which are final).
	#[pallet::storage]
	pub type Measurements<T: Config> =
		StorageMap<_, Identity, MeasurementId, MeasurementRecord, OptionQuery>;

	/// Intel TCB statuses an enclave's platform may have (`Revoked` never qualifies).
	#[pallet::storage]
	pub type AcceptedTcbStatuses<T: Config> = StorageValue<_, TcbStatuses, ValueQuery>;

	/// Intel security advisories that disqualify a platform.
	#[pallet::storage]
	pub type RejectedAdvisories<T: Config> = StorageValue<_, AdvisoryIds, ValueQuery>;

	/// Platform types (TEE, FMSPC) governance revoked: none of their enclaves is eligible.
	#[pallet::storage]
	pub type RevokedPlatforms<T: Config> =
		StorageMap<_, Blake2_128Concat, (TeeType, Fmspc), (), OptionQuery>;

	/// The lowest TCB evaluation data number of TCB info accepted for each TEE (0 when
	/// unset). Raised after an Intel TCB recovery so that pre-recovery collateral, and
	/// enclaves verified with it, stop counting.
	#[pallet::storage]
	pub type MinTcbEvalDataNumber<T: Config> =
		StorageMap<_, Blake2_128Concat, TeeType, u32, ValueQuery>;

	/// Platforms whose collateral governance restored ([`Pallet::restore_collateral`]),
	/// with the highest evaluation data numbers a signed submission may carry for them
	/// until governance lifts the ceiling. Keeps early TCB-recovery collateral, which
	/// anyone can fetch from Intel weeks before it is the standard, from locking the
	/// standard collateral out again. Written only by governance.
	#[pallet::storage]
	pub type CollateralCeilings<T: Config> =
		StorageMap<_, Blake2_128Concat, (TeeType, Fmspc), CollateralCeiling, OptionQuery>;

	/// Registration nonces issued to each provider and not yet used. Expired ones leave at
	/// the provider's next request, or with the `on_idle` sweep of [`NonceExpiries`].
	#[pallet::storage]
	pub type Nonces<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<IssuedNonce<BlockNumberFor<T>>, T::MaxNoncesPerProvider>,
		ValueQuery,
	>;

	/// How many nonces were ever issued (makes each nonce unique). The `n`-th nonce is
	/// number `n` of the nonce expiry queue ([`NonceExpiries`]).
	#[pallet::storage]
	pub type NonceCounter<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The nonce expiry queue: under each issued nonce's number ([`NonceCounter`]), the
	/// last block at which it may be used and the provider it was issued to. `on_idle`
	/// visits the entries in number order, which is expiry order, from
	/// [`NonceSweepCursor`]; once an entry's block has passed it removes that provider's
	/// expired nonces from [`Nonces`] and the entry itself.
	#[pallet::storage]
	pub type NonceExpiries<T: Config> =
		StorageMap<_, Twox64Concat, u64, (BlockNumberFor<T>, T::AccountId), OptionQuery>;

	/// The last number of the nonce expiry queue ([`NonceExpiries`]) `on_idle` has
	/// visited: no entry at or below it is left; the next visit is to the number after it.
	#[pallet::storage]
	pub type NonceSweepCursor<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// Registered enclaves by key.
	#[pallet::storage]
	pub type Enclaves<T: Config> =
		StorageMap<_, Blake2_128Concat, EnclaveKey, EnclaveRecordOf<T>, OptionQuery>;

	/// Each registered enclave's sealing key (the X25519 public key builders seal inputs
	/// to), as its registration quote's report data carried it. Kept across
	/// re-attestation; leaves with the enclave. An enclave registered before sealing keys
	/// existed has none until it re-attests.
	#[pallet::storage]
	pub type SealingKeys<T: Config> =
		StorageMap<_, Blake2_128Concat, EnclaveKey, SealingKey, OptionQuery>;

	/// The last block at which an enclave of each provider left the registry (deregistered,
	/// retired by governance, or cleared after expiring). A provider holding a build it
	/// took before then cannot claim that governance alone stopped it
	/// (`ineligible_by_governance`). One entry per provider that removed an enclave; it
	/// leaves when pruning takes the provider's last enclave and none left within a
	/// re-attestation period before.
	#[pallet::storage]
	pub type EnclavesRemovedAt<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>, OptionQuery>;

	/// Enclave keys governance retired with `force_deregister`, and the block it did: a
	/// retired key never registers again, whoever presents it (a leaked key stays dead).
	/// Entries stay for good; each costs a governance decision.
	#[pallet::storage]
	pub type RetiredEnclaveKeys<T: Config> =
		StorageMap<_, Blake2_128Concat, EnclaveKey, BlockNumberFor<T>, OptionQuery>;

	/// The deposit held for each enclave record ([`Config::EnclaveDeposit`] when it was
	/// added); released, and the entry removed, when the record leaves. A record added
	/// before deposits existed (before runtime 108) has none.
	#[pallet::storage]
	pub type EnclaveDeposits<T: Config> =
		StorageMap<_, Blake2_128Concat, EnclaveKey, BalanceOf<T>, OptionQuery>;

	/// Where the pruning of expired enclave records stopped: the raw storage key of the
	/// last [`Enclaves`] entry `on_idle` looked at. `None`: the next walk starts from the
	/// beginning of the map.
	#[pallet::storage]
	pub type EnclavePruneCursor<T: Config> =
		StorageValue<_, BoundedVec<u8, ConstU32<MAX_ENCLAVE_STORAGE_KEY_LEN>>, OptionQuery>;

	/// The enclave keys registered to each provider.
	#[pallet::storage]
	pub type ProviderEnclaves<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<EnclaveKey, T::MaxEnclavesPerProvider>,
		ValueQuery,
	>;

	/// Why this pallet holds AZRA.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A provider's storage deposit for an enclave record: returned when the record
		/// leaves state.
		EnclaveDeposit,
	}

	/// Trust anchor and initial policy.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The trusted root CA certificate (DER); empty leaves it unset. Longer than
		/// `MaxRootCaLen` is refused when the chain spec is read.
		pub root_ca: BoundedVec<u8, T::MaxRootCaLen>,
		/// Initially allow-listed measurements.
		pub measurements: Vec<MeasurementEntry>,
		/// Initially accepted TCB statuses; `Revoked` is refused when the chain spec is read.
		pub accepted_tcb_statuses: Vec<TcbStatus>,
		/// Initially rejected advisory ids (ASCII, e.g. `INTEL-SA-00615`); ids longer than
		/// [`MAX_ADVISORY_ID_LEN`] or more than [`MAX_ADVISORIES`] are refused when the chain
		/// spec is read.
		pub rejected_advisories: AdvisoryIds,
		#[serde(skip)]
		#[doc(hidden)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if !self.root_ca.is_empty() {
				IntelRootOnly::<T>::put(self.root_ca[..] == *INTEL_SGX_ROOT_CA);
				Pallet::<T>::put_root_ca(self.root_ca.clone());
			}
			for entry in &self.measurements {
				assert!(entry.is_well_formed(), "genesis measurement pins nothing: {entry:?}");
				let record = MeasurementRecord { entry: entry.clone(), revoked: false };
				Measurements::<T>::insert(entry.id(), record);
			}
			let mut statuses: Vec<TcbStatus> = Vec::new();
			for status in self.accepted_tcb_statuses.iter().copied() {
				assert!(
					status != TcbStatus::Revoked,
					"a chain spec cannot accept platforms whose keys are revoked"
				);
				if !statuses.contains(&status) {
					statuses.push(status);
				}
			}
			// Distinct statuses but `Revoked` (six) always fit the bound of seven: nothing
			// is cut.
			AcceptedTcbStatuses::<T>::put(TcbStatuses::truncate_from(statuses));
			RejectedAdvisories::<T>::put(normalize_advisories(self.rejected_advisories.clone()));
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::NonceLifetime::get().is_zero(), "NonceLifetime must be at least 1");
			assert!(
				!T::ReattestationPeriod::get().is_zero(),
				"ReattestationPeriod must be at least 1"
			);
			assert!(T::MaxNoncesPerProvider::get() > 0, "MaxNoncesPerProvider must be > 0");
			assert!(
				T::MaxNoncesSweptPerBlock::get() >= 1,
				"MaxNoncesSweptPerBlock must be at least 1, or expired nonces never leave state"
			);
			assert!(T::MaxEnclavesPerProvider::get() > 0, "MaxEnclavesPerProvider must be > 0");
			assert!(
				T::MaxEnclavesPrunedPerBlock::get() >= 1,
				"MaxEnclavesPrunedPerBlock must be at least 1, or expired enclaves never leave state"
			);
			assert!(T::MaxQuoteLen::get() >= 1024, "MaxQuoteLen too small for any DCAP quote");
			assert!(T::MaxRootCaLen::get() >= 256, "MaxRootCaLen too small for a certificate");
		}

		fn on_idle(now: BlockNumberFor<T>, remaining_weight: Weight) -> Weight {
			let swept = Self::sweep_nonces(now, remaining_weight);
			let pruned = Self::prune_expired_enclaves(now, remaining_weight.saturating_sub(swept));
			swept.saturating_add(pruned)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}

/// The costliest advisory list to look ids up in, or to look up: the longest, of the
/// longest ids, normalized, which agree with each other and with any other list built
/// with another `tag` on all but their last five bytes (the tag, then the index), so that
/// every comparison of a binary search runs to the end of the common part.
#[cfg(feature = "runtime-benchmarks")]
pub fn worst_case_advisories(tag: u8) -> AdvisoryIds {
	let ids = (0..MAX_ADVISORIES)
		.map(|i| {
			let mut id = alloc::vec![b'A'; MAX_ADVISORY_ID_LEN as usize];
			let tail = id.len() - 5;
			id[tail] = tag;
			id[tail + 1..].copy_from_slice(&i.to_be_bytes());
			AdvisoryId::truncate_from(id)
		})
		.collect::<Vec<_>>();
	normalize_advisories(AdvisoryIds::truncate_from(ids))
}

/// Set-up for the benchmarks of the pallets that consume this one (burn, mint).
///
/// Their benchmarks need a provider with a usable enclave but do not measure registration
/// (this pallet's own benchmarks do, through the real host function). This writes what a
/// successful `register_enclave` would leave behind. It exists only in
/// `runtime-benchmarks` builds, never in a runtime that produces blocks.
#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// Binds `enclave_key` to `provider` under the allow-listed measurement `measurement`
	/// (stored with a placeholder entry if it is not on the list yet), with an up-to-date TCB.
	pub fn benchmark_bind_enclave(
		provider: T::AccountId,
		enclave_key: EnclaveKey,
		measurement: MeasurementId,
	) {
		if !Measurements::<T>::contains_key(measurement) {
			let entry = MeasurementEntry::Sgx {
				mr_enclave: Some(measurement),
				mr_signer: None,
				isv_prod_id: 0,
				min_isv_svn: 0,
			};
			Measurements::<T>::insert(measurement, MeasurementRecord { entry, revoked: false });
		}
		AcceptedTcbStatuses::<T>::mutate(|statuses| {
			if !statuses.contains(&TcbStatus::UpToDate) {
				let _ = statuses.try_push(TcbStatus::UpToDate);
			}
		});
		let now = frame_system::Pallet::<T>::block_number();
		ProviderEnclaves::<T>::mutate(&provider, |keys| {
			if !keys.contains(&enclave_key) {
				let _ = keys.try_push(enclave_key);
			}
		});
		// Bound to the current root, so that the consumers' benchmarks walk every check.
		let root_hash = RootCaHash::<T>::get().unwrap_or_else(|| {
			RootCaHash::<T>::put(H256::zero());
			H256::zero()
		});
		// The most expensive advisory check: the longest lists, no id in common.
		RejectedAdvisories::<T>::put(worst_case_advisories(b'R'));
		Enclaves::<T>::insert(
			enclave_key,
			EnclaveRecord {
				provider,
				measurement,
				tcb_status: TcbStatus::UpToDate,
				tee_type: TeeType::Sgx,
				fmspc: [0; 6],
				root_hash,
				tcb_eval_data_number: 0,
				advisory_ids: worst_case_advisories(b'E'),
				registered_at: now,
				expires_at: now.saturating_add(T::ReattestationPeriod::get()),
			},
		);
		SealingKeys::<T>::insert(enclave_key, [0x5e; 32]);
	}

	/// Makes every enclave of `provider` report an advisory governance rejected, the last
	/// check [`Pallet::check_enclave`] makes (after every other one passed), so each one is
	/// refused by a governance decision at the highest cost.
	pub fn benchmark_refuse_enclaves(provider: &T::AccountId) {
		for key in ProviderEnclaves::<T>::get(provider) {
			Enclaves::<T>::mutate(key, |record| {
				if let Some(record) = record {
					record.advisory_ids = refused_advisories();
				}
			});
		}
	}
}

/// The longest advisory list, whose last id (only) is one [`worst_case_advisories`] rejects.
#[cfg(feature = "runtime-benchmarks")]
fn refused_advisories() -> AdvisoryIds {
	let mut ids = worst_case_advisories(b'E').into_inner();
	let rejected = worst_case_advisories(b'R');
	if let (Some(last), Some(rejected)) = (ids.last_mut(), rejected.last()) {
		*last = rejected.clone();
	}
	normalize_advisories(AdvisoryIds::truncate_from(ids))
}
