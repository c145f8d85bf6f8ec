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
pub mod dcap;
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
/// a TDX v4 quote with its PCK chain, from the dev PKI (`azra-dev-enclave`).
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

/// Sets up what the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Make `T::UnixTime` report `secs` seconds since the Unix epoch.
	fn set_unix_time(secs: u64);
	/// The quote (and collateral, root, time) to benchmark verification with. Its report
	/// data must begin with `report_data`, which commits to the benchmarks' registration
	/// (see the benchmarks' `registration`), and end with the benchmarks'
	/// `BENCH_SEALING_KEY` (`[0x5e; 32]`), so that `register_enclave` succeeds.
	fn quote(report_data: [u8; 32]) -> BenchmarkQuote;
}

/// An amount of the currency enclave deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Enclave records, typed for a runtime.
pub type EnclaveRecordOf<T> =
	EnclaveRecord<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::{DispatchError, DispatchResult, *};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::serde::{Deserialize, Serialize};

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

	/// A TCB status as chain specs spell it (the shared `TcbStatus` carries no serde).
	#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
	#[serde(crate = "sp_runtime::serde")]
	pub enum GenesisTcbStatus {
		/// [`TcbStatus::UpToDate`].
		UpToDate,
		/// [`TcbStatus::SwHardeningNeeded`].
		SwHardeningNeeded,
		/// [`TcbStatus::ConfigurationNeeded`].
		ConfigurationNeeded,
		/// [`TcbStatus::ConfigurationAndSwHardeningNeeded`].
		ConfigurationAndSwHardeningNeeded,
		/// [`TcbStatus::OutOfDate`].
		OutOfDate,
		/// [`TcbStatus::OutOfDateConfigurationNeeded`].
		OutOfDateConfigurationNeeded,
	}

	impl From<GenesisTcbStatus> for TcbStatus {
		fn from(status: GenesisTcbStatus) -> Self {
			match status {
				GenesisTcbStatus::UpToDate => TcbStatus::UpToDate,
				GenesisTcbStatus::SwHardeningNeeded => TcbStatus::SwHardeningNeeded,
				GenesisTcbStatus::ConfigurationNeeded => TcbStatus::ConfigurationNeeded,
				GenesisTcbStatus::ConfigurationAndSwHardeningNeeded => {
					TcbStatus::ConfigurationAndSwHardeningNeeded
				}
				GenesisTcbStatus::OutOfDate => TcbStatus::OutOfDate,
				GenesisTcbStatus::OutOfDateConfigurationNeeded => {
					TcbStatus::OutOfDateConfigurationNeeded
				}
			}
		}
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
		/// Initially accepted TCB statuses.
		pub accepted_tcb_statuses: Vec<GenesisTcbStatus>,
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
			for status in &self.accepted_tcb_statuses {
				let status = TcbStatus::from(*status);
				if !statuses.contains(&status) {
					statuses.push(status);
				}
			}
			// Distinct statuses of `GenesisTcbStatus` (six, never `Revoked`) always fit the
			// bound of seven: nothing is cut.
			AcceptedTcbStatuses::<T>::put(TcbStatuses::truncate_from(statuses));
			RejectedAdvisories::<T>::put(normalize_advisories(self.rejected_advisories.clone()));
		}
	}

	/// Events of the attestation pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance set the trusted root CA.
		RootCaSet {
			/// `blake2_256` of the DER certificate.
			root_hash: H256,
		},
		/// Collateral for a platform was verified and stored.
		CollateralStored {
			/// The TEE the collateral is for.
			tee_type: TeeType,
			/// The platform type the collateral is for.
			fmspc: Fmspc,
			/// Its TCB evaluation data number.
			tcb_eval_data_number: u32,
			/// Unix time after which it no longer verifies.
			next_update: u64,
		},
		/// Governance allow-listed a measurement.
		MeasurementAllowed {
			/// Its id.
			id: MeasurementId,
			/// The entry.
			entry: MeasurementEntry,
		},
		/// Governance revoked a measurement: no enclave under it is eligible any more.
		MeasurementRevoked {
			/// Its id.
			id: MeasurementId,
		},
		/// Governance set the accepted TCB statuses.
		AcceptedTcbStatusesSet {
			/// The statuses now accepted.
			statuses: TcbStatuses,
		},
		/// Governance set the rejected advisories.
		RejectedAdvisoriesSet {
			/// The advisory ids now rejected.
			advisory_ids: AdvisoryIds,
		},
		/// A provider was issued a registration nonce.
		NonceIssued {
			/// The provider.
			provider: T::AccountId,
			/// The nonce its enclave's report data must commit to.
			nonce: H256,
			/// Last block at which it may be used.
			expires_at: BlockNumberFor<T>,
		},
		/// An enclave key was registered (or re-attested) for a provider.
		EnclaveRegistered {
			/// The provider.
			provider: T::AccountId,
			/// The enclave's key.
			enclave_key: EnclaveKey,
			/// The measurement its quote satisfied.
			measurement: MeasurementId,
			/// Intel's TCB status for its platform.
			tcb_status: TcbStatus,
			/// Last block at which the registration holds.
			expires_at: BlockNumberFor<T>,
			/// The enclave's sealing key, which builders seal inputs to.
			sealing_key: SealingKey,
		},
		/// A registration ended: the provider retired the key, or it had expired and was
		/// cleared to make room.
		EnclaveDeregistered {
			/// The provider.
			provider: T::AccountId,
			/// The enclave's key.
			enclave_key: EnclaveKey,
		},
		/// Governance retired an enclave key (for example a leaked one).
		EnclaveForceDeregistered {
			/// The provider it was registered to.
			provider: T::AccountId,
			/// The enclave's key.
			enclave_key: EnclaveKey,
		},
		/// Governance revoked a platform type: none of its enclaves is eligible.
		PlatformRevoked {
			/// The TEE.
			tee_type: TeeType,
			/// The platform type.
			fmspc: Fmspc,
		},
		/// Governance lifted a platform revocation: its enclaves count again (while their
		/// registrations hold).
		PlatformRestored {
			/// The TEE.
			tee_type: TeeType,
			/// The platform type.
			fmspc: Fmspc,
		},
		/// Governance set the lowest TCB evaluation data number accepted for a TEE.
		MinTcbEvalDataNumberSet {
			/// The TEE.
			tee_type: TeeType,
			/// The new minimum.
			number: u32,
		},
		/// Governance restored a platform's collateral, whatever was stored before, and
		/// capped what signed submissions may store for it.
		CollateralRestored {
			/// The TEE the collateral is for.
			tee_type: TeeType,
			/// The platform type the collateral is for.
			fmspc: Fmspc,
			/// The ceiling signed submissions now meet.
			ceiling: CollateralCeiling,
		},
		/// An enclave record left state one re-attestation period after it expired; its
		/// deposit went back to its provider.
		EnclavePruned {
			/// The provider it was registered to.
			provider: T::AccountId,
			/// The enclave key.
			enclave_key: EnclaveKey,
		},
		/// Governance lifted a platform's collateral ceiling: any newer collateral may be
		/// submitted again.
		CollateralCeilingLifted {
			/// The TEE.
			tee_type: TeeType,
			/// The platform type.
			fmspc: Fmspc,
		},
	}

	/// Errors of the attestation pallet; each names the rule that was broken.
	#[pallet::error]
	pub enum Error<T> {
		/// No root CA is set, so nothing can be verified.
		RootCaMissing,
		/// The stored root CA certificate does not parse.
		RootCaMalformed,
		/// The quote bytes do not decode as a DCAP quote.
		QuoteMalformed,
		/// The quote's version, TEE type, key type or QE vendor is not supported.
		QuoteUnsupported,
		/// A signature inside the quote does not verify.
		QuoteSignatureInvalid,
		/// A certificate chain or CRL does not lead to the trusted root CA.
		UntrustedRoot,
		/// A certificate on a chain is revoked.
		CertificateRevoked,
		/// The collateral does not decode or one of its parts does not parse.
		CollateralMalformed,
		/// A signature over TCB info or QE identity does not verify.
		CollateralSignatureInvalid,
		/// The collateral (or a certificate) is past its `nextUpdate` at the block time.
		CollateralExpired,
		/// The collateral (or a certificate) is not yet valid at the block time.
		CollateralNotYetValid,
		/// No collateral verified against the current root is stored for the quote's
		/// platform.
		CollateralMissing,
		/// The submitted collateral is older than the stored one (a TCB evaluation data
		/// number, CRL number or issue date went down).
		CollateralRollback,
		/// The quote's platform (FMSPC / TEE type) is not the collateral's.
		FmspcMismatch,
		/// The quoting enclave does not match Intel's QE identity.
		QeIdentityMismatch,
		/// No TCB level of the collateral matches the platform.
		TcbLevelUnknown,
		/// Intel revoked the platform's TCB.
		TcbRevoked,
		/// The platform carries more advisories than can be recorded.
		TooManyAdvisories,
		/// The quote failed verification for a reason without its own error.
		QuoteVerificationFailed,
		/// The node does not provide the DCAP verifier.
		VerifierUnavailable,
		/// The measurement is not on the allow-list.
		MeasurementNotAllowed,
		/// The measurement was revoked.
		MeasurementRevoked,
		/// The measurement is already on the allow-list.
		MeasurementAlreadyAllowed,
		/// An SGX measurement entry must pin MRENCLAVE or MRSIGNER.
		MeasurementMalformed,
		/// The quote's enclave identity does not satisfy the named measurement.
		MeasurementMismatch,
		/// The enclave runs in debug mode; debug enclaves are never accepted.
		DebugEnclave,
		/// The platform's TCB status is not accepted by the policy.
		TcbStatusRejected,
		/// The platform is affected by an advisory the policy rejects.
		AdvisoryRejected,
		/// `Revoked` can never be an accepted TCB status.
		RevokedStatusNotAcceptable,
		/// The quote's report data does not commit to this registration.
		ReportDataMismatch,
		/// The quote's report data carries no sealing key (its bytes 32..64 are zero): the
		/// enclave software predates sealed builds. Also: a sealed build names an enclave
		/// that has no registered sealing key.
		SealingKeyMissing,
		/// The quote's report data carries another sealing key than the one submitted.
		SealingKeyMismatch,
		/// A re-attestation brought another sealing key than the enclave's registered one;
		/// builds may be sealed to the old one, so a new sealing key needs a new enclave key.
		SealingKeyChanged,
		/// The provider holds no such nonce (never issued, already used, or expired and
		/// taken out of state).
		NonceUnknown,
		/// The nonce's lifetime is over.
		NonceExpired,
		/// The provider already holds `MaxNoncesPerProvider` unexpired nonces.
		TooManyNonces,
		/// The enclave key is registered to another provider.
		EnclaveKeyTaken,
		/// The provider already has `MaxEnclavesPerProvider` unexpired enclaves.
		TooManyEnclaves,
		/// No such enclave is registered.
		EnclaveUnknown,
		/// The enclave is registered to another provider.
		NotEnclaveProvider,
		/// The provider has no registered enclave.
		NoEnclave,
		/// The enclave's registration expired; it must re-attest.
		EnclaveExpired,
		/// The provider's enclaves do not satisfy the build's required measurement.
		RequiredMeasurementMissing,
		/// The work proof's signature is not the named enclave key's signature over the claim.
		WorkProofInvalid,
		/// The collateral carries a PCK certificate chain (`pck_certificate_chain`, which
		/// dcap-qvl's fetcher attaches). dcap-qvl would verify every quote of the platform
		/// type with that one machine's chain instead of the quote's own, locking every
		/// other machine of that FMSPC out; submit Intel's items only (set the field to
		/// `None`).
		CollateralCarriesPckChain,
		/// The enclave was verified against a root CA that is no longer the trusted one; it
		/// must re-attest.
		EnclaveRootChanged,
		/// Governance revoked the platform type (TEE, FMSPC) of the enclave or quote.
		PlatformRevoked,
		/// The platform type is already revoked.
		PlatformAlreadyRevoked,
		/// The platform type is not revoked.
		PlatformNotRevoked,
		/// The collateral's TCB evaluation data number is below the minimum governance set
		/// for its TEE (collateral from before an Intel TCB recovery).
		TcbEvaluationTooOld,
		/// This chain started with Intel's SGX Root CA, so no other root can be trusted.
		RootCaNotIntel,
		/// A certificate chain does not have the shape of Intel's: a quote's PCK chain is a
		/// PEM chain of three certificates (PCK, platform or processor CA, root), each
		/// issuer chain of collateral holds two (signer, root), and every certificate has a
		/// P-256 key and an ECDSA-with-SHA-256 signature.
		CertificateChainShape,
		/// None of the provider's enclaves is a recipient of the sealed build: only the
		/// enclaves the builder sealed the input to can read it.
		NotARecipient,
		/// Governance retired this enclave key (`force_deregister`); it never registers
		/// again. Register a new key.
		EnclaveKeyRetired,
		/// The collateral is newer than the ceiling governance set for its platform when it
		/// restored the platform's collateral ([`CollateralCeilings`]): its TCB info's or QE
		/// identity's evaluation data number is above it. Governance lifts the ceiling once
		/// that collateral is Intel's standard.
		CollateralAboveCeiling,
		/// The platform has no collateral ceiling to lift.
		NoCollateralCeiling,
		/// The provider cannot pay the enclave deposit ([`Config::EnclaveDeposit`]) from its
		/// free balance.
		InsufficientEnclaveDeposit,
	}

	impl<T> From<DcapError> for Error<T> {
		fn from(error: DcapError) -> Self {
			match error {
				DcapError::QuoteMalformed => Error::QuoteMalformed,
				DcapError::UnsupportedQuote => Error::QuoteUnsupported,
				DcapError::QuoteSignatureInvalid => Error::QuoteSignatureInvalid,
				DcapError::CollateralMalformed => Error::CollateralMalformed,
				DcapError::CollateralSignatureInvalid => Error::CollateralSignatureInvalid,
				DcapError::CollateralExpired => Error::CollateralExpired,
				DcapError::CollateralNotYetValid => Error::CollateralNotYetValid,
				DcapError::RootMalformed => Error::RootCaMalformed,
				DcapError::UntrustedRoot => Error::UntrustedRoot,
				DcapError::CertificateRevoked => Error::CertificateRevoked,
				DcapError::FmspcMismatch => Error::FmspcMismatch,
				DcapError::QeIdentityMismatch => Error::QeIdentityMismatch,
				DcapError::TcbLevelUnknown => Error::TcbLevelUnknown,
				DcapError::TcbRevoked => Error::TcbRevoked,
				DcapError::TooManyAdvisories => Error::TooManyAdvisories,
				DcapError::VerificationFailed => Error::QuoteVerificationFailed,
				DcapError::VerifierUnavailable => Error::VerifierUnavailable,
				DcapError::CollateralCarriesPckChain => Error::CollateralCarriesPckChain,
				DcapError::CertificateChainShape => Error::CertificateChainShape,
			}
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

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Set the trusted root CA certificate (DER). Collateral verified against another
		/// root stops counting and must be submitted again; enclaves verified against
		/// another root stop being eligible at once and must re-attest.
		///
		/// On a chain that started with Intel's SGX Root CA ([`IntelRootOnly`]) only that
		/// certificate can be set: [`Error::RootCaNotIntel`] otherwise.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::RootCaSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_root_ca())]
		pub fn set_root_ca(
			origin: OriginFor<T>,
			root_ca: BoundedVec<u8, T::MaxRootCaLen>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(
				!IntelRootOnly::<T>::get() || root_ca[..] == *INTEL_SGX_ROOT_CA,
				Error::<T>::RootCaNotIntel
			);
			let root_hash = Self::put_root_ca(root_ca);
			Self::deposit_event(Event::RootCaSet { root_hash });
			Ok(())
		}

		/// Store collateral for platform type `fmspc`: `collateral` is the SCALE encoding
		/// of `QuoteCollateralV3` (Intel's TCB info, QE identity, PCK CRL, root CA CRL and
		/// their issuer chains). `witness_quote` is any genuine quote from a platform of
		/// that type (the one the collateral was fetched for will do): dcap-qvl 0.7.1
		/// verifies collateral only together with a quote, so the witness lets the whole
		/// collateral be checked against the root at the block time now.
		///
		/// Rollback-proof: replacing collateral verified against the current root requires
		/// each item's TCB evaluation data number, CRL number and issue date to be at least
		/// the stored one's, compared item by item ([`CollateralFreshness::rolls_back`]) and
		/// read from the items alone, so the witness quote cannot shift them. Its TCB info's
		/// evaluation data number must be at least [`MinTcbEvalDataNumber`] of its TEE.
		///
		/// Intel's items only: collateral whose `pck_certificate_chain` is set is refused
		/// with [`Error::CollateralCarriesPckChain`] before anything is verified. dcap-qvl
		/// verifies a quote with that chain in place of the quote's own, so one machine's
		/// chain stored for the whole FMSPC would fail every other machine of that type.
		///
		/// Intel's shapes only, also checked before anything is verified: each issuer chain
		/// holds two certificates and the witness's PCK chain three
		/// ([`Error::CertificateChainShape`]), so no input costs more signature checks than
		/// the call's weight pays for.
		///
		/// Origin: any signed account. Emits [`Event::CollateralStored`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::submit_collateral())]
		pub fn submit_collateral(
			origin: OriginFor<T>,
			fmspc: Fmspc,
			collateral: BoundedVec<u8, T::MaxCollateralLen>,
			witness_quote: BoundedVec<u8, T::MaxQuoteLen>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_submit_collateral(fmspc, collateral, &witness_quote)
		}

		/// Allow-list a measurement under the id `blake2_256(SCALE(entry))`. A revoked id
		/// can never be allowed again.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::MeasurementAllowed`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::allow_measurement())]
		pub fn allow_measurement(origin: OriginFor<T>, entry: MeasurementEntry) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(entry.is_well_formed(), Error::<T>::MeasurementMalformed);
			let id = entry.id();
			if let Some(record) = Measurements::<T>::get(id) {
				ensure!(!record.revoked, Error::<T>::MeasurementRevoked);
				return Err(Error::<T>::MeasurementAlreadyAllowed.into());
			}
			Measurements::<T>::insert(
				id,
				MeasurementRecord { entry: entry.clone(), revoked: false },
			);
			Self::deposit_event(Event::MeasurementAllowed { id, entry });
			Ok(())
		}

		/// Revoke a measurement: every enclave registered under it stops being eligible and
		/// its work proofs stop verifying, at once (one storage write; no loop).
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::MeasurementRevoked`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke_measurement())]
		pub fn revoke_measurement(origin: OriginFor<T>, id: MeasurementId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Measurements::<T>::try_mutate(id, |record| {
				let record = record.as_mut().ok_or(Error::<T>::MeasurementNotAllowed)?;
				ensure!(!record.revoked, Error::<T>::MeasurementRevoked);
				record.revoked = true;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::MeasurementRevoked { id });
			Ok(())
		}

		/// Set the TCB statuses an enclave's platform may have. Already registered
		/// enclaves are held to the new list too.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::AcceptedTcbStatusesSet`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_accepted_tcb_statuses())]
		pub fn set_accepted_tcb_statuses(
			origin: OriginFor<T>,
			statuses: TcbStatuses,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(
				!statuses.contains(&TcbStatus::Revoked),
				Error::<T>::RevokedStatusNotAcceptable
			);
			AcceptedTcbStatuses::<T>::put(statuses.clone());
			Self::deposit_event(Event::AcceptedTcbStatusesSet { statuses });
			Ok(())
		}

		/// Set the Intel advisories that disqualify a platform: no quote of a platform that
		/// carries one registers, and every registered enclave whose platform carried one
		/// stops being eligible at once. Ids compare ignoring ASCII case; they are stored
		/// upper-case, sorted and without repeats (the event carries that form).
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::RejectedAdvisoriesSet`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_rejected_advisories())]
		pub fn set_rejected_advisories(
			origin: OriginFor<T>,
			advisory_ids: AdvisoryIds,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let advisory_ids = normalize_advisories(advisory_ids);
			RejectedAdvisories::<T>::put(advisory_ids.clone());
			Self::deposit_event(Event::RejectedAdvisoriesSet { advisory_ids });
			Ok(())
		}

		/// Obtain a registration nonce, usable for `NonceLifetime` blocks. Expired nonces of
		/// the caller are dropped first; those of providers who never call again are taken
		/// out of state by `on_idle` (see [Bounded state](crate#bounded-state)).
		///
		/// Origin: the provider. Emits [`Event::NonceIssued`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::request_nonce())]
		pub fn request_nonce(origin: OriginFor<T>) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_request_nonce(provider).map(|_| ())
		}

		/// Register `enclave_key` (generated inside the enclave) for the caller under the
		/// allow-listed `measurement`. `quote` must verify with the stored root CA and the
		/// stored collateral of its platform at the block time; its enclave must not be in
		/// debug mode, must satisfy `measurement`, and its platform's TCB status and
		/// advisories must pass the policy; `report_data[0..32]` must equal
		/// [`registration_report_data`] of (genesis hash, caller, `enclave_key`, `nonce`),
		/// and `report_data[32..64]` must be `sealing_key`, the X25519 key the enclave
		/// generated for builders to seal inputs to (not zero; on re-attestation, the one
		/// already registered).
		/// A quote whose PCK chain is not three certificates is refused before it is
		/// verified ([`Error::CertificateChainShape`]).
		/// The nonce is consumed. Registering a key again re-attests it (new expiry).
		///
		/// Origin: the provider. Emits [`Event::EnclaveRegistered`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::register_enclave())]
		pub fn register_enclave(
			origin: OriginFor<T>,
			quote: BoundedVec<u8, T::MaxQuoteLen>,
			enclave_key: EnclaveKey,
			nonce: H256,
			measurement: MeasurementId,
			sealing_key: SealingKey,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_register_enclave(
				provider,
				&quote,
				enclave_key,
				nonce,
				measurement,
				sealing_key,
			)
		}

		/// Retire one of the caller's enclave keys.
		///
		/// Origin: the provider. Emits [`Event::EnclaveDeregistered`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::deregister_enclave())]
		pub fn deregister_enclave(origin: OriginFor<T>, enclave_key: EnclaveKey) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			let record = Enclaves::<T>::get(enclave_key).ok_or(Error::<T>::EnclaveUnknown)?;
			ensure!(record.provider == provider, Error::<T>::NotEnclaveProvider);
			Self::remove_enclave(&provider, enclave_key);
			Self::deposit_event(Event::EnclaveDeregistered { provider, enclave_key });
			Ok(())
		}

		/// Retire any enclave key at once, whoever registered it: for a key that leaked or
		/// misbehaved, without revoking the measurement every other enclave of that build
		/// relies on. The key is retired for good ([`RetiredEnclaveKeys`]): no provider
		/// registers it again. The provider may register a new key with a new quote.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::EnclaveForceDeregistered`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::force_deregister())]
		pub fn force_deregister(origin: OriginFor<T>, enclave_key: EnclaveKey) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let record = Enclaves::<T>::get(enclave_key).ok_or(Error::<T>::EnclaveUnknown)?;
			Self::remove_enclave(&record.provider, enclave_key);
			RetiredEnclaveKeys::<T>::insert(enclave_key, frame_system::Pallet::<T>::block_number());
			Self::deposit_event(Event::EnclaveForceDeregistered {
				provider: record.provider,
				enclave_key,
			});
			Ok(())
		}

		/// Revoke a platform type: every enclave of (`tee_type`, `fmspc`) stops being
		/// eligible at once (one storage write; no loop), and no quote of it registers,
		/// until [`restore_platform`](Pallet::restore_platform).
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::PlatformRevoked`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::revoke_platform())]
		pub fn revoke_platform(
			origin: OriginFor<T>,
			tee_type: TeeType,
			fmspc: Fmspc,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let platform = (tee_type, fmspc);
			ensure!(
				!RevokedPlatforms::<T>::contains_key(platform),
				Error::<T>::PlatformAlreadyRevoked
			);
			RevokedPlatforms::<T>::insert(platform, ());
			Self::deposit_event(Event::PlatformRevoked { tee_type, fmspc });
			Ok(())
		}

		/// Lift a platform revocation. Its enclaves count again while their registrations
		/// hold; nothing else about them changed.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::PlatformRestored`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::restore_platform())]
		pub fn restore_platform(
			origin: OriginFor<T>,
			tee_type: TeeType,
			fmspc: Fmspc,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let platform = (tee_type, fmspc);
			ensure!(RevokedPlatforms::<T>::contains_key(platform), Error::<T>::PlatformNotRevoked);
			RevokedPlatforms::<T>::remove(platform);
			Self::deposit_event(Event::PlatformRestored { tee_type, fmspc });
			Ok(())
		}

		/// Set the lowest TCB evaluation data number of TCB info accepted for `tee_type`.
		/// After an Intel TCB recovery, raising it to the recovery's number refuses
		/// pre-recovery collateral, and every enclave verified with such collateral stops
		/// being eligible at once until it re-attests.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::MinTcbEvalDataNumberSet`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_min_tcb_eval_data_number())]
		pub fn set_min_tcb_eval_data_number(
			origin: OriginFor<T>,
			tee_type: TeeType,
			number: u32,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			MinTcbEvalDataNumber::<T>::insert(tee_type, number);
			Self::deposit_event(Event::MinTcbEvalDataNumberSet { tee_type, number });
			Ok(())
		}

		/// Store `collateral` for platform type `fmspc` although it is older than the stored
		/// collateral, and cap what signed submissions may store for that platform at its
		/// evaluation data numbers ([`CollateralCeilings`]).
		///
		/// Intel publishes early TCB-recovery collateral weeks before it becomes the
		/// standard. Anyone may submit it, and the rollback rule then refuses the standard
		/// collateral, so platforms that are `UpToDate` under the standard register as
		/// `OutOfDate`. This call puts the standard back. Everything else is checked as for
		/// [`Pallet::submit_collateral`] (Intel's items, shapes, a witness quote verified
		/// against the root now, the minimum evaluation data number); only the rollback
		/// rule is waived. While the ceiling stands, signed submissions still replace it
		/// with fresher collateral (new CRLs, new issue dates) at or below the ceiling's
		/// evaluation data numbers, and are refused above it
		/// ([`Error::CollateralAboveCeiling`]).
		///
		/// Enclaves registered while the early collateral was stored keep the status it
		/// gave them until they re-attest.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::CollateralRestored`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::restore_collateral())]
		pub fn restore_collateral(
			origin: OriginFor<T>,
			fmspc: Fmspc,
			collateral: BoundedVec<u8, T::MaxCollateralLen>,
			witness_quote: BoundedVec<u8, T::MaxQuoteLen>,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_restore_collateral(fmspc, collateral, &witness_quote)
		}

		/// Lift the collateral ceiling of platform (`tee_type`, `fmspc`): signed submissions
		/// of newer collateral are accepted again. For when the collateral that was held
		/// back has become Intel's standard.
		///
		/// Origin: `GovernanceOrigin`. Emits [`Event::CollateralCeilingLifted`].
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::lift_collateral_ceiling())]
		pub fn lift_collateral_ceiling(
			origin: OriginFor<T>,
			tee_type: TeeType,
			fmspc: Fmspc,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			CollateralCeilings::<T>::take((tee_type, fmspc))
				.ok_or(Error::<T>::NoCollateralCeiling)?;
			Self::deposit_event(Event::CollateralCeilingLifted { tee_type, fmspc });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The block time in unix seconds.
	pub fn now_secs() -> u64 {
		T::UnixTime::now().as_secs()
	}

	/// The chain's genesis hash (the hash of block 0).
	pub fn genesis_hash() -> H256 {
		let hash = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		azra_primitives::hash_to_h256(hash.as_ref())
	}

	/// `blake2_256` of the stored root CA, if any.
	pub fn root_ca_hash() -> Option<H256> {
		RootCaHash::<T>::get()
	}

	/// Trust `root` (and remember its hash); returns the hash.
	fn put_root_ca(root: frame_support::BoundedVec<u8, T::MaxRootCaLen>) -> H256 {
		let root_hash = H256(sp_io::hashing::blake2_256(&root));
		RootCa::<T>::put(root);
		RootCaHash::<T>::put(root_hash);
		root_hash
	}

	/// What `report_data[0..32]` of `provider`'s quote must be to register `enclave_key`
	/// with `nonce` on this chain.
	pub fn expected_report_data(
		provider: &T::AccountId,
		enclave_key: &EnclaveKey,
		nonce: &H256,
	) -> [u8; 32] {
		registration_report_data(&Self::genesis_hash(), provider, enclave_key, nonce)
	}

	/// The unexpired nonces `provider` holds.
	pub fn nonces_of(provider: &T::AccountId) -> Vec<IssuedNonce<BlockNumberFor<T>>> {
		let now = frame_system::Pallet::<T>::block_number();
		Nonces::<T>::get(provider).into_iter().filter(|n| n.expires_at >= now).collect()
	}

	/// The enclaves registered to `provider` (expired ones included; see `expires_at`).
	pub fn enclaves_of(provider: &T::AccountId) -> Vec<(EnclaveKey, EnclaveRecordOf<T>)> {
		ProviderEnclaves::<T>::get(provider)
			.into_iter()
			.filter_map(|key| Enclaves::<T>::get(key).map(|record| (key, record)))
			.collect()
	}

	/// What the stored collateral of a platform says about its items, if it was verified
	/// against the current root.
	pub fn collateral_info(tee_type: TeeType, fmspc: Fmspc) -> Option<CollateralFreshness> {
		let record = CollateralRecords::<T>::get((tee_type, fmspc))?;
		(Some(record.root_hash) == Self::root_ca_hash()).then_some(record.freshness)
	}

	/// Verify `quote` with the stored root CA and the stored collateral of its platform at
	/// the block time, through the host function. This is the verification
	/// `register_enclave` runs before applying policy and checking report data.
	pub fn do_verify_quote(quote: &[u8]) -> Result<VerifiedQuote, DispatchError> {
		Self::verify_with_stored_collateral(quote).map(|(verified, _, _)| verified.quote)
	}

	/// [`Self::do_verify_quote`], also returning the hash of the root and the freshness of
	/// the collateral the quote was verified with (what its enclave record keeps).
	fn verify_with_stored_collateral(
		quote: &[u8],
	) -> Result<(VerifiedQuoteV2, H256, CollateralFreshness), DispatchError> {
		let root = RootCa::<T>::get().ok_or(Error::<T>::RootCaMissing)?;
		let root_hash = Self::root_ca_hash().ok_or(Error::<T>::RootCaMissing)?;
		let platform = dcap_verifier::quote_platform(quote).map_err(Error::<T>::from)?;
		ensure!(!RevokedPlatforms::<T>::contains_key(platform), Error::<T>::PlatformRevoked);
		let record = CollateralRecords::<T>::get(platform).ok_or(Error::<T>::CollateralMissing)?;
		ensure!(record.root_hash == root_hash, Error::<T>::CollateralMissing);
		let freshness = record.freshness;
		let now = Self::now_secs();
		ensure!(now <= freshness.next_update, Error::<T>::CollateralExpired);
		ensure!(
			freshness.tcb_eval_data_number >= MinTcbEvalDataNumber::<T>::get(platform.0),
			Error::<T>::TcbEvaluationTooOld
		);
		let collateral =
			CollateralBytes::<T>::get(platform).ok_or(Error::<T>::CollateralMissing)?;
		let verified = dcap_verifier::verify_quote(quote, &collateral, &root, now)
			.map_err(Error::<T>::from)?;
		Ok((verified, root_hash, freshness))
	}

	/// Check `verified` against the policy: not debug, satisfies `entry` (including its TDX
	/// configuration pins), accepted TCB status, no rejected advisory.
	pub fn check_policy(
		verified: &VerifiedQuoteV2,
		entry: &MeasurementEntry,
	) -> Result<(), DispatchError> {
		ensure!(!verified.quote.debug, Error::<T>::DebugEnclave);
		ensure!(entry.matches_quote(verified), Error::<T>::MeasurementMismatch);
		let verified = &verified.quote;
		ensure!(
			AcceptedTcbStatuses::<T>::get().contains(&verified.tcb_status),
			Error::<T>::TcbStatusRejected
		);
		let advisory_ids = normalize_advisories(verified.advisory_ids.clone());
		ensure!(!Self::any_rejected(&advisory_ids), Error::<T>::AdvisoryRejected);
		Ok(())
	}

	/// Whether any of `advisory_ids` (normalized: [`normalize_advisories`]) is rejected by
	/// the policy: one binary search each in the stored, normalized list. Reads the policy
	/// only when there is something to check.
	fn any_rejected(advisory_ids: &AdvisoryIds) -> bool {
		if advisory_ids.is_empty() {
			return false;
		}
		let rejected = RejectedAdvisories::<T>::get();
		advisory_ids.iter().any(|id| rejected.binary_search(id).is_ok())
	}

	fn do_submit_collateral(
		fmspc: Fmspc,
		collateral: frame_support::BoundedVec<u8, T::MaxCollateralLen>,
		witness_quote: &[u8],
	) -> DispatchResult {
		let (key, root_hash, freshness) =
			Self::verify_collateral(fmspc, &collateral, witness_quote)?;
		if let Some(ceiling) = CollateralCeilings::<T>::get(key) {
			ensure!(!ceiling.is_exceeded_by(&freshness), Error::<T>::CollateralAboveCeiling);
		}
		if let Some(stored) = CollateralRecords::<T>::get(key) {
			if stored.root_hash == root_hash {
				ensure!(!freshness.rolls_back(&stored.freshness), Error::<T>::CollateralRollback);
			}
		}
		Self::store_collateral(key, root_hash, freshness, collateral);
		Ok(())
	}

	/// [`Pallet::restore_collateral`]: the checks of a signed submission but the rollback
	/// rule and the ceiling, then the new ceiling.
	fn do_restore_collateral(
		fmspc: Fmspc,
		collateral: frame_support::BoundedVec<u8, T::MaxCollateralLen>,
		witness_quote: &[u8],
	) -> DispatchResult {
		let (key, root_hash, freshness) =
			Self::verify_collateral(fmspc, &collateral, witness_quote)?;
		let ceiling = CollateralCeiling::of(&freshness);
		CollateralCeilings::<T>::insert(key, ceiling);
		Self::store_collateral(key, root_hash, freshness, collateral);
		let (tee_type, fmspc) = key;
		Self::deposit_event(Event::CollateralRestored { tee_type, fmspc, ceiling });
		Ok(())
	}

	/// Verifies `collateral` for platform type `fmspc` with `witness_quote` against the root
	/// at the block time, and checks it against the governance minimum; returns its
	/// platform, the root's hash and what its items say about their age.
	fn verify_collateral(
		fmspc: Fmspc,
		collateral: &[u8],
		witness_quote: &[u8],
	) -> Result<((TeeType, Fmspc), H256, CollateralFreshness), DispatchError> {
		let root = RootCa::<T>::get().ok_or(Error::<T>::RootCaMissing)?;
		let root_hash = Self::root_ca_hash().ok_or(Error::<T>::RootCaMissing)?;
		// Before anything costly: Intel's items only (an attached PCK chain would stand in
		// for every quote's own), in chains of Intel's shape, and a witness of Intel's shape.
		dcap_verifier::check_collateral(collateral).map_err(Error::<T>::from)?;
		dcap_verifier::quote_platform(witness_quote).map_err(Error::<T>::from)?;
		let verified =
			dcap_verifier::verify_quote(witness_quote, collateral, &root, Self::now_secs())
				.map_err(Error::<T>::from)?;
		let tee_type = verified.quote.collateral.tee_type;
		ensure!(verified.quote.collateral.fmspc == fmspc, Error::<T>::FmspcMismatch);
		// The rollback rule's figures come from the items alone, not from the witness.
		let freshness =
			dcap_verifier::collateral_freshness(collateral).map_err(Error::<T>::from)?;
		ensure!(
			freshness.tcb_eval_data_number >= MinTcbEvalDataNumber::<T>::get(tee_type),
			Error::<T>::TcbEvaluationTooOld
		);
		Ok(((tee_type, fmspc), root_hash, freshness))
	}

	/// Stores verified collateral for `key`.
	fn store_collateral(
		key: (TeeType, Fmspc),
		root_hash: H256,
		freshness: CollateralFreshness,
		collateral: frame_support::BoundedVec<u8, T::MaxCollateralLen>,
	) {
		CollateralRecords::<T>::insert(key, CollateralRecord { root_hash, freshness });
		CollateralBytes::<T>::insert(key, collateral);
		let (tee_type, fmspc) = key;
		Self::deposit_event(Event::CollateralStored {
			tee_type,
			fmspc,
			tcb_eval_data_number: freshness.tcb_eval_data_number,
			next_update: freshness.next_update,
		});
	}

	/// Issue a nonce to `provider`.
	pub fn do_request_nonce(provider: T::AccountId) -> Result<H256, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut nonces = Nonces::<T>::get(&provider);
		nonces.retain(|n| n.expires_at >= now);
		let counter = NonceCounter::<T>::mutate(|c| {
			*c = c.wrapping_add(1);
			*c
		});
		let parent = frame_system::Pallet::<T>::parent_hash();
		let nonce = H256(sp_io::hashing::blake2_256(
			&(NONCE_DOMAIN, &provider, now, parent, counter).encode(),
		));
		let expires_at = now.saturating_add(T::NonceLifetime::get());
		nonces
			.try_push(IssuedNonce { nonce, expires_at })
			.map_err(|_| Error::<T>::TooManyNonces)?;
		Nonces::<T>::insert(&provider, nonces);
		// Queued for the sweep under its number, so that it leaves state once expired even
		// if this provider never comes back.
		NonceExpiries::<T>::insert(counter, (expires_at, provider.clone()));
		Self::deposit_event(Event::NonceIssued { provider, nonce, expires_at });
		Ok(nonce)
	}

	/// Walk the nonce expiry queue ([`NonceExpiries`]) from [`NonceSweepCursor`], in number
	/// (and so expiry) order, visiting at most `MaxNoncesSweptPerBlock` entries and no more
	/// than `weight_limit` pays for; returns the weight used, never more than
	/// `weight_limit`.
	///
	/// An entry whose block has passed (`expires_at < now`) leaves the queue, and its
	/// provider's expired nonces leave [`Nonces`] (the provider's entry with the last of
	/// them). An entry whose nonce is gone already (used in a registration, or dropped by
	/// its provider's next request) finds nothing to remove and only leaves the queue; it
	/// is charged like any other. The first entry still alive (`expires_at >= now`) stops
	/// the walk: none after it has expired.
	pub fn sweep_nonces(now: BlockNumberFor<T>, weight_limit: Weight) -> Weight {
		let base = T::WeightInfo::sweep_nonces(0);
		let per_entry = T::WeightInfo::sweep_nonces(1).saturating_sub(base);
		if !weight_limit.all_gte(base) {
			return Weight::zero();
		}
		let issued = NonceCounter::<T>::get();
		let first = NonceSweepCursor::<T>::get();
		let mut cursor = first;
		let mut used = base;
		let mut visited = 0u32;
		while cursor < issued
			&& visited < T::MaxNoncesSweptPerBlock::get()
			&& weight_limit.all_gte(used.saturating_add(per_entry))
		{
			let number = cursor.saturating_add(1);
			// Every number above the cursor up to `issued` has an entry; one without is passed.
			if let Some((expires_at, provider)) = NonceExpiries::<T>::get(number) {
				if expires_at >= now {
					break;
				}
				Self::drop_expired_nonces(&provider, now);
				NonceExpiries::<T>::remove(number);
			}
			cursor = number;
			used = used.saturating_add(per_entry);
			visited = visited.saturating_add(1);
		}
		if cursor != first {
			NonceSweepCursor::<T>::put(cursor);
		}
		used
	}

	/// Drop `provider`'s nonces that expired before `now`; a provider with none left has no
	/// entry. Writes only if something expired.
	fn drop_expired_nonces(provider: &T::AccountId, now: BlockNumberFor<T>) {
		let mut nonces = Nonces::<T>::get(provider);
		let held = nonces.len();
		nonces.retain(|n| n.expires_at >= now);
		if nonces.len() == held {
			return;
		}
		if nonces.is_empty() {
			Nonces::<T>::remove(provider);
		} else {
			Nonces::<T>::insert(provider, nonces);
		}
	}

	fn do_register_enclave(
		provider: T::AccountId,
		quote: &[u8],
		enclave_key: EnclaveKey,
		nonce: H256,
		measurement: MeasurementId,
		sealing_key: SealingKey,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();

		// The nonce: issued to this provider, still alive; consumed.
		let mut nonces = Nonces::<T>::get(&provider);
		let position =
			nonces.iter().position(|n| n.nonce == nonce).ok_or(Error::<T>::NonceUnknown)?;
		let issued = nonces.remove(position);
		ensure!(issued.expires_at >= now, Error::<T>::NonceExpired);

		// The measurement: allow-listed, not revoked.
		let record =
			Measurements::<T>::get(measurement).ok_or(Error::<T>::MeasurementNotAllowed)?;
		ensure!(!record.revoked, Error::<T>::MeasurementRevoked);

		// The key: never retired, free or already this provider's; a re-attestation keeps its
		// sealing key.
		ensure!(!RetiredEnclaveKeys::<T>::contains_key(enclave_key), Error::<T>::EnclaveKeyRetired);
		if let Some(existing) = Enclaves::<T>::get(enclave_key) {
			ensure!(existing.provider == provider, Error::<T>::EnclaveKeyTaken);
		}
		if let Some(registered) = SealingKeys::<T>::get(enclave_key) {
			ensure!(registered == sealing_key, Error::<T>::SealingKeyChanged);
		}

		// The quote: verified, then held to the policy, then bound to this registration.
		let (verified, root_hash, freshness) = Self::verify_with_stored_collateral(quote)?;
		Self::check_policy(&verified, &record.entry)?;
		let expected = Self::expected_report_data(&provider, &enclave_key, &nonce);
		ensure!(verified.quote.report_data[..32] == expected[..], Error::<T>::ReportDataMismatch);
		let carried = &verified.quote.report_data[32..];
		ensure!(carried.iter().any(|b| *b != 0), Error::<T>::SealingKeyMissing);
		ensure!(carried == &sealing_key[..], Error::<T>::SealingKeyMismatch);

		// The nonce is used up; a provider with none left has no entry.
		if nonces.is_empty() {
			Nonces::<T>::remove(&provider);
		} else {
			Nonces::<T>::insert(&provider, nonces);
		}
		let record = Self::enclave_record(
			provider,
			measurement,
			verified.quote,
			root_hash,
			freshness.tcb_eval_data_number,
			now,
		);
		Self::bind_enclave(enclave_key, record, sealing_key, now)
	}

	/// The record of an enclave of `provider` registered at block `now` under
	/// `measurement` with `verified`, verified against the root `root_hash` with collateral
	/// of TCB evaluation data number `tcb_eval_data_number`.
	fn enclave_record(
		provider: T::AccountId,
		measurement: MeasurementId,
		verified: VerifiedQuote,
		root_hash: H256,
		tcb_eval_data_number: u32,
		now: BlockNumberFor<T>,
	) -> EnclaveRecordOf<T> {
		EnclaveRecord {
			provider,
			measurement,
			tcb_status: verified.tcb_status,
			tee_type: verified.collateral.tee_type,
			fmspc: verified.collateral.fmspc,
			root_hash,
			tcb_eval_data_number,
			advisory_ids: normalize_advisories(verified.advisory_ids),
			registered_at: now,
			expires_at: now.saturating_add(T::ReattestationPeriod::get()),
		}
	}

	/// Register `enclave_key` with `record` and `sealing_key` (its provider's list makes
	/// room from expired registrations when full).
	fn bind_enclave(
		enclave_key: EnclaveKey,
		record: EnclaveRecordOf<T>,
		sealing_key: SealingKey,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let provider = record.provider.clone();
		let mut keys = ProviderEnclaves::<T>::get(&provider);
		if !keys.contains(&enclave_key) {
			if keys.is_full() {
				// Make room by clearing this provider's expired registrations.
				let expired: Vec<EnclaveKey> = keys
					.iter()
					.copied()
					.filter(|k| Enclaves::<T>::get(k).map_or(true, |r| r.expires_at < now))
					.collect();
				for key in expired {
					keys.retain(|k| *k != key);
					Self::forget_enclave(&provider, key);
					Self::deposit_event(Event::EnclaveDeregistered {
						provider: provider.clone(),
						enclave_key: key,
					});
				}
			}
			keys.try_push(enclave_key).map_err(|_| Error::<T>::TooManyEnclaves)?;
			// A new record: its provider pays for the storage until it leaves.
			let deposit = T::EnclaveDeposit::get();
			if !deposit.is_zero() {
				T::Currency::hold(&HoldReason::EnclaveDeposit.into(), &provider, deposit)
					.map_err(|_| Error::<T>::InsufficientEnclaveDeposit)?;
				EnclaveDeposits::<T>::insert(enclave_key, deposit);
			}
		}
		let (measurement, tcb_status, expires_at) =
			(record.measurement, record.tcb_status, record.expires_at);
		Enclaves::<T>::insert(enclave_key, record);
		SealingKeys::<T>::insert(enclave_key, sealing_key);
		ProviderEnclaves::<T>::insert(&provider, keys);
		Self::deposit_event(Event::EnclaveRegistered {
			provider,
			enclave_key,
			measurement,
			tcb_status,
			expires_at,
			sealing_key,
		});
		Ok(())
	}

	/// Drop `enclave_key`'s record and its place in `provider`'s list (no event: the
	/// caller says why).
	fn remove_enclave(provider: &T::AccountId, enclave_key: EnclaveKey) {
		Self::forget_enclave(provider, enclave_key);
		// A provider with no enclave left has no entry.
		ProviderEnclaves::<T>::mutate_exists(provider, |keys| {
			if let Some(list) = keys {
				list.retain(|k| *k != enclave_key);
				if list.is_empty() {
					*keys = None;
				}
			}
		});
	}

	/// Drop `enclave_key`'s record, its sealing key and its deposit (released to
	/// `provider`), and note when `provider` lost it ([`EnclavesRemovedAt`]); the caller
	/// updates [`ProviderEnclaves`].
	fn forget_enclave(provider: &T::AccountId, enclave_key: EnclaveKey) {
		EnclavesRemovedAt::<T>::insert(provider, frame_system::Pallet::<T>::block_number());
		Enclaves::<T>::remove(enclave_key);
		SealingKeys::<T>::remove(enclave_key);
		if let Some(deposit) = EnclaveDeposits::<T>::take(enclave_key) {
			// Best effort: what is held under this reason is at least this deposit unless
			// governance or a migration changed holds by hand; never fail a removal for it.
			let released = T::Currency::release(
				&HoldReason::EnclaveDeposit.into(),
				provider,
				deposit,
				Precision::BestEffort,
			);
			if released.is_err() {
				log::warn!(
					target: LOG_TARGET,
					"enclave deposit of {enclave_key:?} could not be released"
				);
			}
		}
	}

	/// Takes enclave records out of state one re-attestation period after they expired,
	/// and returns their deposits, within `weight_limit`; returns the weight used.
	///
	/// Walks [`Enclaves`] from [`EnclavePruneCursor`], at most `MaxEnclavesPrunedPerBlock`
	/// records a block, and starts over from the beginning once it reaches the end. A
	/// record past its expiry and the grace period leaves with its sealing key and its
	/// place in its provider's list (as if deregistered); a live one is passed. The grace
	/// period lets a provider that was offline re-attest the same key (and keep its sealing
	/// key) without paying again.
	pub fn prune_expired_enclaves(now: BlockNumberFor<T>, weight_limit: Weight) -> Weight {
		let base = T::WeightInfo::prune_enclaves(0);
		let per_record = T::WeightInfo::prune_enclaves(1).saturating_sub(base);
		if !weight_limit.all_gte(base.saturating_add(per_record)) {
			return Weight::zero();
		}
		let affordable = weight_limit
			.saturating_sub(base)
			.checked_div_per_component(&per_record)
			.unwrap_or(u64::MAX);
		let limit = u64::from(T::MaxEnclavesPrunedPerBlock::get()).min(affordable);
		let mut iter = match EnclavePruneCursor::<T>::get() {
			Some(cursor) => Enclaves::<T>::iter_from(cursor.into_inner()),
			None => Enclaves::<T>::iter(),
		};
		// Collected first: the map is not changed while it is being walked.
		let mut visited: Vec<(EnclaveKey, EnclaveRecordOf<T>)> = Vec::new();
		while (visited.len() as u64) < limit {
			match iter.next() {
				Some(entry) => visited.push(entry),
				None => break,
			}
		}
		let finished = (visited.len() as u64) < limit;
		let cursor = if finished {
			None
		} else {
			visited.last().map(|(key, _)| {
				frame_support::BoundedVec::truncate_from(Enclaves::<T>::hashed_key_for(key))
			})
		};
		let grace = T::ReattestationPeriod::get();
		for (enclave_key, record) in &visited {
			if record.expires_at.saturating_add(grace) >= now {
				continue;
			}
			let removed_before = EnclavesRemovedAt::<T>::get(&record.provider);
			Self::remove_enclave(&record.provider, *enclave_key);
			// A provider left with no enclave, none removed within the grace period before,
			// holds no build it could claim governance stopped (a build is taken with an
			// eligible enclave, for far less than a re-attestation period): nothing of it
			// stays.
			if !ProviderEnclaves::<T>::contains_key(&record.provider) &&
				// (A stamp of this block is this walk's own, from the provider's other record.)
				removed_before.map_or(true, |at| at == now || at.saturating_add(grace) < now)
			{
				EnclavesRemovedAt::<T>::remove(&record.provider);
			}
			Self::deposit_event(Event::EnclavePruned {
				provider: record.provider.clone(),
				enclave_key: *enclave_key,
			});
		}
		match cursor {
			Some(cursor) => EnclavePruneCursor::<T>::put(cursor),
			None => EnclavePruneCursor::<T>::kill(),
		}
		base.saturating_add(per_record.saturating_mul(visited.len() as u64))
	}

	/// The sealing key of `enclave_key`, if it is registered with one.
	pub fn sealing_key(enclave_key: &EnclaveKey) -> Option<SealingKey> {
		SealingKeys::<T>::get(enclave_key)
	}

	/// The enclaves builders may seal inputs to now: registered with a sealing key,
	/// eligible ([`Pallet::check_enclave`]) and, if `measurement` is given, registered under
	/// it. At most `limit` of them, in storage order, looking at no more than
	/// `max_examined` sealing keys; the answer's flag says whether every key was looked at.
	/// For the runtime API (off chain): no call reads this.
	pub fn sealing_keys(
		measurement: Option<MeasurementId>,
		limit: u32,
		max_examined: u32,
	) -> (Vec<(EnclaveKey, EnclaveRecordOf<T>, SealingKey)>, bool) {
		let mut found = Vec::new();
		let mut examined = 0u32;
		for (key, sealing_key) in SealingKeys::<T>::iter() {
			if examined >= max_examined || found.len() as u32 >= limit {
				return (found, false);
			}
			examined = examined.saturating_add(1);
			let Some(record) = Enclaves::<T>::get(key) else { continue };
			if measurement.is_some_and(|m| m != record.measurement) {
				continue;
			}
			if Self::check_enclave(&record).is_ok() {
				found.push((key, record, sealing_key));
			}
		}
		(found, true)
	}

	/// Why `record` cannot earn now, if it cannot: expired registration, revoked (or
	/// unknown) measurement, a TCB status the policy no longer accepts, a root CA that is
	/// no longer trusted, a revoked platform, collateral older than the TEE's minimum TCB
	/// evaluation, or an advisory the policy now rejects. Every reason is read from the
	/// record and the current policy, so each takes effect at once for every enclave.
	pub fn check_enclave(record: &EnclaveRecordOf<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(record.expires_at >= now, Error::<T>::EnclaveExpired);
		let measurement =
			Measurements::<T>::get(record.measurement).ok_or(Error::<T>::MeasurementNotAllowed)?;
		ensure!(!measurement.revoked, Error::<T>::MeasurementRevoked);
		ensure!(
			AcceptedTcbStatuses::<T>::get().contains(&record.tcb_status),
			Error::<T>::TcbStatusRejected
		);
		ensure!(Some(record.root_hash) == Self::root_ca_hash(), Error::<T>::EnclaveRootChanged);
		ensure!(
			!RevokedPlatforms::<T>::contains_key((record.tee_type, record.fmspc)),
			Error::<T>::PlatformRevoked
		);
		ensure!(
			record.tcb_eval_data_number >= MinTcbEvalDataNumber::<T>::get(record.tee_type),
			Error::<T>::TcbEvaluationTooOld
		);
		ensure!(!Self::any_rejected(&record.advisory_ids), Error::<T>::AdvisoryRejected);
		Ok(())
	}

	/// Why the enclave `key` (with `record`) cannot receive a sealed build that requires
	/// `required`, if it cannot: no sealing key, the wrong measurement, or any reason of
	/// [`Pallet::check_enclave`].
	fn check_recipient(
		key: &EnclaveKey,
		record: &EnclaveRecordOf<T>,
		required: Option<MeasurementId>,
	) -> DispatchResult {
		ensure!(SealingKeys::<T>::contains_key(key), Error::<T>::SealingKeyMissing);
		if let Some(required) = required {
			ensure!(record.measurement == required, Error::<T>::RequiredMeasurementMissing);
		}
		Self::check_enclave(record)
	}

	/// Whether `error` of [`Pallet::check_enclave`] comes from a governance decision rather
	/// than from the provider (an expired registration is the provider's to renew).
	fn is_governance_decision(error: DispatchError) -> bool {
		[
			Error::<T>::MeasurementNotAllowed,
			Error::<T>::MeasurementRevoked,
			Error::<T>::TcbStatusRejected,
			Error::<T>::EnclaveRootChanged,
			Error::<T>::PlatformRevoked,
			Error::<T>::TcbEvaluationTooOld,
			Error::<T>::AdvisoryRejected,
		]
		.into_iter()
		.any(|decision| error == decision.into())
	}

	/// Whether `signature` over `message` was made by `key`.
	fn signed_by(key: &EnclaveKey, signature: &MultiSignature, message: &[u8]) -> bool {
		match (key, signature) {
			(EnclaveKey::Ed25519(public), MultiSignature::Ed25519(sig)) => {
				sp_io::crypto::ed25519_verify(
					sig,
					message,
					&sp_core::ed25519::Public::from_raw(*public),
				)
			}
			(EnclaveKey::Sr25519(public), MultiSignature::Sr25519(sig)) => {
				sp_io::crypto::sr25519_verify(
					sig,
					message,
					&sp_core::sr25519::Public::from_raw(*public),
				)
			}
			_ => false,
		}
	}

	/// Invariants: every provider's key list points at enclaves of that provider, and every
	/// enclave is listed by its provider; the nonce expiry queue holds entries only above
	/// the sweep cursor, and every nonce in [`Nonces`] has an entry of its provider there
	/// that expires no earlier (so the sweep takes it out of state).
	// Built with `std` too, so that `azra-pallet-tests` can check it after every step.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			RootCaHash::<T>::get()
				== RootCa::<T>::get().map(|r| H256(sp_io::hashing::blake2_256(&r))),
			"RootCaHash is not the hash of RootCa"
		);
		for (platform, _) in CollateralRecords::<T>::iter() {
			ensure!(
				CollateralBytes::<T>::contains_key(platform),
				"collateral record without bytes"
			);
		}
		// Every deposit belongs to a record, and each provider's hold is exactly the deposits
		// of its records.
		let mut deposits: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>> =
			Default::default();
		for (key, deposit) in EnclaveDeposits::<T>::iter() {
			let record = Enclaves::<T>::get(key).ok_or("deposit of no registered enclave")?;
			let total = deposits.entry(record.provider).or_default();
			*total = total.saturating_add(deposit);
		}
		for (provider, total) in deposits {
			use frame_support::traits::fungible::InspectHold;
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::EnclaveDeposit.into(), &provider)
					== total,
				"a provider's enclave deposit hold is not the deposits of its records"
			);
		}
		for (platform, _) in CollateralCeilings::<T>::iter() {
			ensure!(
				CollateralRecords::<T>::contains_key(platform),
				"collateral ceiling of a platform without collateral"
			);
		}
		for (provider, keys) in ProviderEnclaves::<T>::iter() {
			for key in keys {
				let record = Enclaves::<T>::get(key).ok_or("listed enclave has no record")?;
				ensure!(record.provider == provider, "listed enclave belongs to another provider");
			}
		}
		for (key, record) in Enclaves::<T>::iter() {
			ensure!(
				ProviderEnclaves::<T>::get(&record.provider).contains(&key),
				"enclave not listed by its provider"
			);
		}
		for (key, _) in RetiredEnclaveKeys::<T>::iter() {
			ensure!(!Enclaves::<T>::contains_key(key), "a retired enclave key is registered");
		}
		for (key, sealing_key) in SealingKeys::<T>::iter() {
			ensure!(Enclaves::<T>::contains_key(key), "sealing key of no registered enclave");
			ensure!(sealing_key != [0; 32], "a zero sealing key");
		}
		Self::try_state_nonces()
	}

	/// The nonce part of [`Self::do_try_state`].
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	fn try_state_nonces() -> Result<(), sp_runtime::TryRuntimeError> {
		let cursor = NonceSweepCursor::<T>::get();
		let issued = NonceCounter::<T>::get();
		ensure!(cursor <= issued, "nonce sweep cursor beyond the last nonce issued");
		// The latest expiry queued for each provider.
		let mut queued: alloc::collections::BTreeMap<T::AccountId, BlockNumberFor<T>> =
			Default::default();
		for (number, (expires_at, provider)) in NonceExpiries::<T>::iter() {
			ensure!(number > cursor, "nonce expiry entry at or below the sweep cursor");
			ensure!(number <= issued, "nonce expiry entry above the last nonce issued");
			let latest = queued.entry(provider).or_insert(expires_at);
			*latest = (*latest).max(expires_at);
		}
		for (provider, nonces) in Nonces::<T>::iter() {
			ensure!(!nonces.is_empty(), "empty nonce list left in state");
			let latest = queued.get(&provider).ok_or("nonces without an expiry queue entry")?;
			ensure!(
				nonces.iter().all(|n| n.expires_at <= *latest),
				"a nonce expires after every queue entry of its provider"
			);
		}
		Ok(())
	}
}

impl<T: Config> ProviderEligibility<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn ensure_eligible(provider: &T::AccountId, required: Option<MeasurementId>) -> DispatchResult {
		if let Some(required) = required {
			let record =
				Measurements::<T>::get(required).ok_or(Error::<T>::MeasurementNotAllowed)?;
			ensure!(!record.revoked, Error::<T>::MeasurementRevoked);
		}
		let keys = ProviderEnclaves::<T>::get(provider);
		ensure!(!keys.is_empty(), Error::<T>::NoEnclave);
		// Report the reason of the first enclave that fails, if none qualifies.
		let mut reason: Option<DispatchError> = None;
		for key in keys {
			let Some(record) = Enclaves::<T>::get(key) else { continue };
			if required.is_some_and(|r| r != record.measurement) {
				reason.get_or_insert(Error::<T>::RequiredMeasurementMissing.into());
				continue;
			}
			match Self::check_enclave(&record) {
				Ok(()) => return Ok(()),
				Err(e) => {
					reason.get_or_insert(e);
				}
			}
		}
		Err(reason.unwrap_or_else(|| Error::<T>::NoEnclave.into()))
	}

	fn ensure_eligible_recipient(
		provider: &T::AccountId,
		required: Option<MeasurementId>,
		recipients: &[EnclaveKey],
	) -> DispatchResult {
		// Report the reason of the first of the provider's recipient enclaves that fails.
		let mut reason: Option<DispatchError> = None;
		for key in recipients {
			let Some(record) = Enclaves::<T>::get(key) else { continue };
			if &record.provider != provider {
				continue;
			}
			match Self::check_recipient(key, &record, required) {
				Ok(()) => return Ok(()),
				Err(e) => {
					reason.get_or_insert(e);
				}
			}
		}
		Err(reason.unwrap_or_else(|| Error::<T>::NotARecipient.into()))
	}

	fn ensure_sealing_recipient(
		enclave: &EnclaveKey,
		required: Option<MeasurementId>,
	) -> DispatchResult {
		let record = Enclaves::<T>::get(enclave).ok_or(Error::<T>::EnclaveUnknown)?;
		Self::check_recipient(enclave, &record, required)
	}

	fn ineligible_by_governance(
		provider: &T::AccountId,
		required: Option<MeasurementId>,
		recipients: Option<&[EnclaveKey]>,
		since: BlockNumberFor<T>,
	) -> bool {
		if EnclavesRemovedAt::<T>::get(provider).is_some_and(|removed| removed >= since) {
			return false;
		}
		let mut candidates = 0u32;
		for key in ProviderEnclaves::<T>::get(provider) {
			if recipients.is_some_and(|r| !r.contains(&key)) {
				continue;
			}
			let Some(record) = Enclaves::<T>::get(key) else { continue };
			if required.is_some_and(|r| r != record.measurement) {
				continue;
			}
			match Self::check_enclave(&record) {
				Err(error) if Self::is_governance_decision(error) => {
					candidates = candidates.saturating_add(1)
				}
				// It could still prove the build, or it lapsed by the provider's doing.
				_ => return false,
			}
		}
		candidates > 0
	}
}

impl<T: Config> WorkProofVerifier<T::AccountId, WorkProof> for Pallet<T> {
	fn verify_work_proof(
		claim: &WorkClaim<T::AccountId>,
		proof: &WorkProof,
	) -> Result<VerifiedWork, DispatchError> {
		let record = Enclaves::<T>::get(proof.enclave_key).ok_or(Error::<T>::EnclaveUnknown)?;
		ensure!(record.provider == claim.provider, Error::<T>::NotEnclaveProvider);
		Self::check_enclave(&record)?;
		// The signature goes last: it is the one costly step, and an ineligible enclave's
		// proof is refused whether or not its signature holds.
		ensure!(
			Self::signed_by(&proof.enclave_key, &proof.signature, &claim.signing_payload()),
			Error::<T>::WorkProofInvalid
		);
		Ok(VerifiedWork {
			enclave_key: proof.enclave_key,
			measurement: record.measurement,
			tcb_status: record.tcb_status,
		})
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
