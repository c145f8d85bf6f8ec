//! Storage migrations of the attestation pallet.
//!
//! Each migration moves the pallet's storage from one [`StorageVersion`] to the next and
//! is wired into the runtime's `Executive` as a [`VersionedMigration`], so it runs once.
//!
//! [`StorageVersion`]: frame_support::traits::StorageVersion

use crate::{
	dcap_verifier, normalize_advisories,
	pallet::{
		CollateralBytes, CollateralRecords, Config, Enclaves, IntelRootOnly, Measurements, Pallet,
		RejectedAdvisories, RootCa, RootCaHash,
	},
	CollateralRecord, EnclaveRecord, Fmspc, MeasurementEntry, MeasurementRecord, RtmrPin, TeeType,
	INTEL_SGX_ROOT_CA,
};
use frame_support::{
	migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade, weights::Weight,
};

/// Version 0 → 1: collateral records and enclave records that make every revocation
/// immediate, and allow-list entries that say what they pin (issue "Attestation an
/// adversary cannot bend").
///
/// - The rejected advisories are stored normalized (upper-case, sorted, no repeats).
/// - TDX allow-list entries name every RTMR: one version 0 left unchecked becomes
///   [`RtmrPin::Any`]; they pin no configuration field. Each keeps the id it was
///   allow-listed under (enclaves and builds name it), although its new encoding would
///   hash to another id.
/// - `RootCaHash` and `IntelRootOnly` are derived from the stored root.
/// - `CollateralInfoOf` (figures that counted the witness quote's PCK certificate) is
///   replaced by `CollateralRecords`, whose figures are read again from the stored
///   collateral bytes through the host function. Collateral whose items cannot be read
///   is dropped (it must be submitted again).
/// - Each enclave record gains its TEE (from its measurement), the root hash and TCB
///   evaluation data number of its platform's collateral as stored at the upgrade, and an
///   empty advisory list (version 0 did not keep advisories, so advisories rejected later
///   reach such an enclave only when it re-attests, within one `ReattestationPeriod`).
///   An enclave whose platform has no stored collateral gets a zero root hash: it is not
///   eligible until it re-attests.
pub mod v1 {
	use super::*;
	use alloc::collections::BTreeMap;
	use azra_primitives::{MeasurementId, TcbStatus};
	use codec::{Decode, Encode};
	use frame_support::{pallet_prelude::*, storage_alias, Blake2_128Concat};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_core::H256;

	/// The storage items and types of version 0 this migration reads.
	// `storage_alias` generates an undocumented prefix type.
	#[allow(missing_docs)]
	pub mod v0 {
		use super::*;

		/// Version 0 of what a collateral said about itself (host interface version 1).
		pub type CollateralInfo = crate::CollateralInfo;

		/// Version 0's collateral figures, with the hash of the root they were verified
		/// against.
		#[storage_alias]
		pub type CollateralInfoOf<T: Config> = StorageMap<
			Pallet<T>,
			Blake2_128Concat,
			(TeeType, Fmspc),
			(H256, CollateralInfo),
			OptionQuery,
		>;

		/// Version 0's allow-list entry: a TDX entry's RTMRs were optional and it pinned
		/// nothing else.
		#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
		pub enum MeasurementEntry {
			/// As today.
			Sgx {
				/// Required MRENCLAVE, if pinned.
				mr_enclave: Option<H256>,
				/// Required MRSIGNER, if pinned.
				mr_signer: Option<H256>,
				/// Required ISVPRODID.
				isv_prod_id: u16,
				/// Lowest accepted ISVSVN.
				min_isv_svn: u16,
			},
			/// MRTD and optional RTMRs.
			Tdx {
				/// Required MRTD.
				mr_td: crate::Digest384,
				/// Required RTMRs; `None` left one unchecked.
				rtmr: [Option<crate::Digest384>; 4],
			},
		}

		/// Version 0's allow-list record.
		#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
		pub struct MeasurementRecord {
			/// The entry.
			pub entry: MeasurementEntry,
			/// Whether it was revoked.
			pub revoked: bool,
		}

		/// Version 0's enclave record.
		#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
		pub struct EnclaveRecord<AccountId, BlockNumber> {
			/// The provider.
			pub provider: AccountId,
			/// The measurement its quote satisfied.
			pub measurement: MeasurementId,
			/// Intel's TCB status at registration.
			pub tcb_status: TcbStatus,
			/// The platform type.
			pub fmspc: Fmspc,
			/// Block of the registration.
			pub registered_at: BlockNumber,
			/// Last block at which the registration holds.
			pub expires_at: BlockNumber,
		}
	}

	/// The unversioned body of the migration; run it through [`MigrateV0ToV1`].
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut reads, mut writes) = (1u64, 0u64);

			let root_hash = RootCa::<T>::get().map(|root| {
				IntelRootOnly::<T>::put(root[..] == *INTEL_SGX_ROOT_CA);
				H256(sp_io::hashing::blake2_256(&root))
			});
			if let Some(root_hash) = root_hash {
				RootCaHash::<T>::put(root_hash);
				writes += 2;
			}

			// Collateral: figures read again from the stored items.
			let mut platforms: BTreeMap<(TeeType, Fmspc), (H256, u32)> = BTreeMap::new();
			for (platform, (stored_root, _)) in v0::CollateralInfoOf::<T>::drain() {
				reads += 2;
				writes += 2;
				let freshness = CollateralBytes::<T>::get(platform)
					.and_then(|bytes| dcap_verifier::collateral_freshness(&bytes).ok());
				match freshness {
					Some(freshness) => {
						platforms.insert(platform, (stored_root, freshness.tcb_eval_data_number));
						CollateralRecords::<T>::insert(
							platform,
							CollateralRecord { root_hash: stored_root, freshness },
						);
					}
					None => CollateralBytes::<T>::remove(platform),
				}
			}

			// Rejected advisories are kept normalized (upper-case, sorted, no repeats), so
			// that eligibility checks can binary-search them.
			RejectedAdvisories::<T>::mutate(|ids| *ids = normalize_advisories(ids.clone()));
			reads += 1;
			writes += 1;

			// The allow-list: a TDX entry's unchecked RTMR becomes an explicit `Any`, and it
			// pins no configuration field; it keeps the id it was allow-listed under, which
			// enclaves and builds name.
			Measurements::<T>::translate::<v0::MeasurementRecord, _>(|_, old| {
				reads += 1;
				writes += 1;
				let entry = match old.entry {
					v0::MeasurementEntry::Sgx {
						mr_enclave,
						mr_signer,
						isv_prod_id,
						min_isv_svn,
					} => MeasurementEntry::Sgx { mr_enclave, mr_signer, isv_prod_id, min_isv_svn },
					v0::MeasurementEntry::Tdx { mr_td, rtmr } => MeasurementEntry::Tdx {
						mr_td,
						rtmr: rtmr.map(|r| r.map_or(RtmrPin::Any, RtmrPin::Exact)),
						mr_config_id: None,
						td_attributes: None,
						xfam: None,
					},
				};
				Some(MeasurementRecord { entry, revoked: old.revoked })
			});

			// Enclaves: what their registration relied on, as far as version 0 knew it.
			Enclaves::<T>::translate::<v0::EnclaveRecord<T::AccountId, BlockNumberFor<T>>, _>(
				|_, old| {
					reads += 2;
					writes += 1;
					let tee_type = match Measurements::<T>::get(old.measurement).map(|m| m.entry) {
						Some(MeasurementEntry::Tdx { .. }) => TeeType::Tdx,
						_ => TeeType::Sgx,
					};
					let (root_hash, tcb_eval_data_number) =
						platforms.get(&(tee_type, old.fmspc)).copied().unwrap_or_default();
					Some(EnclaveRecord {
						provider: old.provider,
						measurement: old.measurement,
						tcb_status: old.tcb_status,
						tee_type,
						fmspc: old.fmspc,
						root_hash,
						tcb_eval_data_number,
						advisory_ids: Default::default(),
						registered_at: old.registered_at,
						expires_at: old.expires_at,
					})
				},
			);
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let enclaves = Enclaves::<T>::iter_keys().count() as u32;
			let collateral = v0::CollateralInfoOf::<T>::iter_keys().count() as u32;
			Ok((enclaves, collateral).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (enclaves, collateral) = <(u32, u32)>::decode(&mut &state[..])
				.map_err(|_| "pre_upgrade state does not decode")?;
			ensure!(
				Enclaves::<T>::iter_values().count() as u32 == enclaves,
				"an enclave record did not translate"
			);
			ensure!(
				CollateralRecords::<T>::iter_keys().count() as u32 <= collateral,
				"more collateral records than before"
			);
			ensure!(v0::CollateralInfoOf::<T>::iter_keys().next().is_none(), "v0 left behind");
			Pallet::<T>::do_try_state()
		}
	}

	/// Version 0 → 1, run once (the storage version says whether it ran).
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		InnerMigrateV0ToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 1 → 2: the nonce expiry queue (issue "State that stays bounded").
///
/// Version 1 queued nothing, so the `on_idle` sweep would never reach the nonces already
/// in [`Nonces`], and nonces of providers who never came back would stay forever. This
/// drops every expired nonce at once (with the provider's entry when none is left) and
/// queues each provider still holding live nonces once, under its latest expiry, in
/// expiry order. The entries take the last numbers already issued (no entry is kept under
/// those) and the sweep cursor starts just below them, so [`NonceCounter`] and every
/// nonce issued after the upgrade keep their numbers.
///
/// It reads and writes each `Nonces` entry once: one per provider who requested a nonce
/// and has not used it, on a chain whose nonces live minutes.
///
/// [`Nonces`]: crate::pallet::Nonces
/// [`NonceCounter`]: crate::pallet::NonceCounter
pub mod v2 {
	use super::*;
	use crate::pallet::{NonceCounter, NonceExpiries, NonceSweepCursor, Nonces};
	use alloc::vec::Vec;
	use frame_support::traits::Get;
	use frame_system::pallet_prelude::BlockNumberFor;

	/// A provider's nonces, as [`Nonces`] keeps them (unchanged since version 1).
	type NonceList<T> = frame_support::BoundedVec<
		crate::IssuedNonce<BlockNumberFor<T>>,
		<T as Config>::MaxNoncesPerProvider,
	>;

	/// The unversioned body of the migration; run it through [`MigrateV1ToV2`].
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let now = frame_system::Pallet::<T>::block_number();
			let (mut reads, mut writes) = (2u64, 1u64);
			let mut live: Vec<(BlockNumberFor<T>, T::AccountId)> = Vec::new();
			// The layout is version 1's; a provider left without live nonces loses its entry.
			Nonces::<T>::translate::<NonceList<T>, _>(|provider, mut nonces| {
				reads += 1;
				writes += 1;
				nonces.retain(|n| n.expires_at >= now);
				let latest = nonces.iter().map(|n| n.expires_at).max()?;
				live.push((latest, provider));
				Some(nonces)
			});
			live.sort_by_key(|(expires_at, _)| *expires_at);
			// Each queued provider holds a nonce numbered at most `NonceCounter`, so there
			// are enough numbers; should there not be, the counter moves up (nonces stay
			// unique) rather than a later nonce taking a queued number.
			let queued = live.len() as u64;
			let issued = NonceCounter::<T>::get();
			if queued > issued {
				NonceCounter::<T>::put(queued);
				writes += 1;
			}
			let cursor = issued.saturating_sub(queued);
			for (number, entry) in (cursor.saturating_add(1)..).zip(live) {
				NonceExpiries::<T>::insert(number, entry);
				writes += 1;
			}
			NonceSweepCursor::<T>::put(cursor);
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((Nonces::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let providers =
				u64::decode(&mut &state[..]).map_err(|_| "pre_upgrade state does not decode")?;
			let queued = NonceExpiries::<T>::iter_keys().count() as u64;
			frame_support::ensure!(
				queued == Nonces::<T>::iter_keys().count() as u64,
				"not one queue entry per provider holding nonces"
			);
			frame_support::ensure!(queued <= providers, "more providers hold nonces than before");
			Pallet::<T>::do_try_state()
		}
	}

	/// Version 1 → 2, run once (the storage version says whether it ran).
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

#[cfg(test)]
mod tests {
	use super::v1::{v0, MigrateV0ToV1};
	use super::v2::MigrateV1ToV2;
	use crate::{mock::*, *};
	use azra_dev_pki::{CollateralOptions, DevPki, Tee, DEV_FMSPC};
	use frame_support::{
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		BoundedVec,
	};
	use sp_core::H256;

	const NOW: u64 = 1_790_000_000;

	#[test]
	fn v0_state_moves_to_v1_and_only_once() {
		new_test_ext().execute_with(|| {
			set_unix_time(NOW);
			let pki = DevPki::new().expect("dev PKI");
			let root = pki.root_ca_der().expect("root");
			let root_hash = H256(sp_io::hashing::blake2_256(&root));
			let options = CollateralOptions {
				tcb_evaluation_data_number: 3,
				..CollateralOptions::issued_at(NOW - 3600)
			};
			let collateral = pki.collateral_bytes(Tee::Tdx, &options).expect("collateral");
			let tdx_platform = (TeeType::Tdx, DEV_FMSPC);
			// A version 0 TDX entry: MRTD and RTMR1 pinned, the other RTMRs unchecked.
			let v0_tdx_entry = v0::MeasurementEntry::Tdx {
				mr_td: Digest384([1; 48]),
				rtmr: [None, Some(Digest384([2; 48])), None, None],
			};
			let tdx_id = H256(sp_io::hashing::blake2_256(&codec::Encode::encode(&v0_tdx_entry)));

			// Version 0 as it was left on chain: a root (no hash), collateral figures that
			// counted the witness, and two enclave records: one whose platform has
			// collateral and one (SGX) whose platform has none.
			StorageVersion::new(0).put::<Pallet<Test>>();
			RootCa::<Test>::put(BoundedVec::try_from(root.clone()).expect("fits"));
			RootCaHash::<Test>::kill();
			IntelRootOnly::<Test>::kill();
			CollateralBytes::<Test>::insert(
				tdx_platform,
				BoundedVec::try_from(collateral.clone()).expect("fits"),
			);
			let witness_counted = CollateralInfo {
				tee_type: TeeType::Tdx,
				fmspc: DEV_FMSPC,
				tcb_eval_data_number: 3,
				qe_eval_data_number: 3,
				pck_crl_number: 1,
				root_ca_crl_number: 1,
				issued_at: NOW - 10,
				next_update: NOW + 10,
			};
			v0::CollateralInfoOf::<Test>::insert(
				tdx_platform,
				(root_hash, witness_counted.clone()),
			);
			// Collateral whose bytes are gone cannot be read again: dropped.
			v0::CollateralInfoOf::<Test>::insert(
				(TeeType::Sgx, [9; 6]),
				(root_hash, CollateralInfo { tee_type: TeeType::Sgx, ..witness_counted }),
			);
			frame_support::storage::unhashed::put_raw(
				&Measurements::<Test>::hashed_key_for(tdx_id),
				&codec::Encode::encode(&v0::MeasurementRecord {
					entry: v0_tdx_entry,
					revoked: false,
				}),
			);
			let old = |measurement, fmspc| v0::EnclaveRecord::<AccountId, u64> {
				provider: 7,
				measurement,
				tcb_status: azra_primitives::TcbStatus::UpToDate,
				fmspc,
				registered_at: 1,
				expires_at: 90,
			};
			let (tdx_key, sgx_key) = (EnclaveKey::Ed25519([1; 32]), EnclaveKey::Ed25519([2; 32]));
			let put_raw = |key: EnclaveKey, record: v0::EnclaveRecord<AccountId, u64>| {
				frame_support::storage::unhashed::put_raw(
					&Enclaves::<Test>::hashed_key_for(key),
					&codec::Encode::encode(&record),
				);
			};
			put_raw(tdx_key, old(tdx_id, DEV_FMSPC));
			let sgx_entry = MeasurementEntry::Sgx {
				mr_enclave: Some(H256::repeat_byte(5)),
				mr_signer: None,
				isv_prod_id: 0,
				min_isv_svn: 0,
			};
			Measurements::<Test>::insert(
				sgx_entry.id(),
				MeasurementRecord { entry: sgx_entry.clone(), revoked: false },
			);
			put_raw(sgx_key, old(sgx_entry.id(), [8; 6]));
			ProviderEnclaves::<Test>::insert(
				7,
				BoundedVec::try_from(vec![tdx_key, sgx_key]).expect("fits"),
			);

			// With try-runtime, the migration's own pre- and post-upgrade checks run too.
			#[cfg(feature = "try-runtime")]
			let state = <super::v1::InnerMigrateV0ToV1<Test> as frame_support::traits::UncheckedOnRuntimeUpgrade>::pre_upgrade()
				.expect("pre_upgrade");
			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			#[cfg(feature = "try-runtime")]
			<super::v1::InnerMigrateV0ToV1<Test> as frame_support::traits::UncheckedOnRuntimeUpgrade>::post_upgrade(state)
				.expect("post_upgrade");

			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
			// The TDX entry names every RTMR now, under the id it had.
			assert_eq!(
				Measurements::<Test>::get(tdx_id).map(|record| record.entry),
				Some(MeasurementEntry::Tdx {
					mr_td: Digest384([1; 48]),
					rtmr: [
						RtmrPin::Any,
						RtmrPin::Exact(Digest384([2; 48])),
						RtmrPin::Any,
						RtmrPin::Any
					],
					mr_config_id: None,
					td_attributes: None,
					xfam: None,
				})
			);
			assert_eq!(RootCaHash::<Test>::get(), Some(root_hash));
			assert!(!IntelRootOnly::<Test>::get());
			// The figures are the items' own, read again from the stored bytes.
			let record = CollateralRecords::<Test>::get(tdx_platform).expect("migrated");
			assert_eq!(record.root_hash, root_hash);
			assert_eq!(record.freshness.tcb_info_issued_at, NOW - 3600);
			assert_eq!(record.freshness.next_update, options.next_update());
			assert_eq!(v0::CollateralInfoOf::<Test>::iter().count(), 0);
			assert_eq!(CollateralRecords::<Test>::iter().count(), 1);
			// Enclaves keep what they had and gain what their platform's collateral says.
			let tdx = Enclaves::<Test>::get(tdx_key).expect("translated");
			assert_eq!(
				(tdx.provider, tdx.tee_type, tdx.root_hash, tdx.tcb_eval_data_number),
				(7, TeeType::Tdx, root_hash, 3)
			);
			assert_eq!((tdx.registered_at, tdx.expires_at), (1, 90));
			assert!(tdx.advisory_ids.is_empty());
			// Without collateral for its platform it is bound to no root: it must re-attest.
			let sgx = Enclaves::<Test>::get(sgx_key).expect("translated");
			assert_eq!((sgx.tee_type, sgx.root_hash), (TeeType::Sgx, H256::zero()));
			run_to_block(2);
			assert_eq!(
				Pallet::<Test>::check_enclave(&sgx),
				Err(Error::<Test>::EnclaveRootChanged.into())
			);
			Pallet::<Test>::do_try_state().expect("invariants hold");

			// Run again, it does nothing (the storage version says it ran).
			RootCaHash::<Test>::kill();
			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(RootCaHash::<Test>::get(), None);
		});
	}

	#[test]
	fn v1_nonces_join_the_expiry_queue_and_only_once() {
		new_test_ext().execute_with(|| {
			let issued = |seed: u8, expires_at: u64| IssuedNonce {
				nonce: H256::repeat_byte(seed),
				expires_at,
			};
			let list = |nonces: Vec<IssuedNonce<u64>>| BoundedVec::try_from(nonces).expect("fits");
			// Version 1 as it was left on chain at block 20: five nonces issued, none queued.
			// Provider 1 holds an expired and a live nonce, provider 2 only expired ones,
			// provider 3 a live one expiring before provider 1's.
			StorageVersion::new(1).put::<Pallet<Test>>();
			run_to_block(20);
			Nonces::<Test>::insert(1, list(vec![issued(1, 15), issued(2, 28)]));
			Nonces::<Test>::insert(2, list(vec![issued(3, 12), issued(4, 19)]));
			Nonces::<Test>::insert(3, list(vec![issued(5, 20)]));
			NonceCounter::<Test>::put(5);

			#[cfg(feature = "try-runtime")]
			let state = <super::v2::InnerMigrateV1ToV2<Test> as frame_support::traits::UncheckedOnRuntimeUpgrade>::pre_upgrade()
				.expect("pre_upgrade");
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			#[cfg(feature = "try-runtime")]
			<super::v2::InnerMigrateV1ToV2<Test> as frame_support::traits::UncheckedOnRuntimeUpgrade>::post_upgrade(state)
				.expect("post_upgrade");

			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
			// Expired nonces are gone; a provider left with none has no entry.
			assert_eq!(Nonces::<Test>::get(1).into_inner(), vec![issued(2, 28)]);
			assert!(!Nonces::<Test>::contains_key(2));
			assert_eq!(Nonces::<Test>::get(3).into_inner(), vec![issued(5, 20)]);
			// One entry per provider with live nonces, in expiry order, under the last
			// numbers issued; the counter is untouched.
			assert_eq!(NonceCounter::<Test>::get(), 5);
			assert_eq!(NonceSweepCursor::<Test>::get(), 3);
			assert_eq!(NonceExpiries::<Test>::iter().count(), 2);
			assert_eq!(NonceExpiries::<Test>::get(4), Some((20, 3)));
			assert_eq!(NonceExpiries::<Test>::get(5), Some((28, 1)));
			Pallet::<Test>::do_try_state().expect("invariants hold");

			// The next nonce is queued after them, and the sweep takes them all out in turn.
			let next = Pallet::<Test>::do_request_nonce(3).expect("a nonce");
			assert_eq!(NonceExpiries::<Test>::get(6), Some((30, 3)));
			run_to_block(29);
			Pallet::<Test>::sweep_nonces(29, Weight::MAX);
			assert!(!Nonces::<Test>::contains_key(1));
			assert_eq!(Nonces::<Test>::get(3).into_iter().map(|n| n.nonce).collect::<Vec<_>>(), vec![next]);
			assert_eq!(NonceSweepCursor::<Test>::get(), 5);
			Pallet::<Test>::do_try_state().expect("invariants hold");

			// Run again, it does nothing (the storage version says it ran).
			NonceSweepCursor::<Test>::put(0);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(NonceSweepCursor::<Test>::get(), 0);
		});
	}
}
