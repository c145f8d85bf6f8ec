//! Storage migrations of the burn pallet.
//!
//! Each migration moves the pallet's storage from one [`StorageVersion`] to the next and
//! is wired into the runtime's `Executive` as a [`VersionedMigration`], so it runs once.
//!
//! [`StorageVersion`]: frame_support::traits::StorageVersion

use crate::{
	pallet::{Builds, Config, Ledger, Pallet},
	BalanceOf, Build, LedgerState,
};
use frame_support::{
	migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade, weights::Weight,
};

/// Version 0 → 1: bounded state and a one-item ledger (issue "State that stays bounded,
/// and a build as cheap as a transfer").
///
/// - `NextBuildId`, `TotalBurned` and the open epochs' entries of `BurnedPerEpoch` fold
///   into [`Ledger`]; its pruning cursor starts at build 0, so the builds of version 0
///   leave state by the same retention rule as new ones.
/// - Closed epochs' `BurnedPerEpoch` entries are dropped: the mint recorded each in its
///   epoch record when it closed the epoch.
/// - `LiveBuildsOf` is dropped: the per-builder cap gave way to a deposit per build.
/// - Each build gains a zero deposit: version 0 held none, so none is returned when the
///   build leaves state.
///
/// Every item of version 0 is read and removed in this one block. That is bounded by
/// what a version 0 chain could hold (`LiveBuildsOf` by builders, `BurnedPerEpoch` by
/// epochs, `Builds` by submissions); the chains running version 0 are dev and test
/// networks of a few thousand builds.
pub mod v1 {
	use super::*;
	use alloc::vec::Vec;
	use azra_primitives::{BuildId, BuildState, EpochClock, EpochIndex, MeasurementId, Units};
	use codec::{Decode, Encode};
	use frame_support::{pallet_prelude::*, storage_alias, Blake2_128Concat, Twox64Concat};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_core::H256;
	use sp_runtime::traits::{Saturating, Zero};

	/// The storage items and types of version 0 this migration reads.
	// `storage_alias` generates an undocumented prefix type.
	#[allow(missing_docs)]
	pub mod v0 {
		use super::*;

		/// Version 0's build: no deposit.
		#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
		pub struct Build<AccountId, Balance, BlockNumber> {
			/// As today.
			pub builder: AccountId,
			/// As today.
			pub spec_hash: H256,
			/// As today.
			pub input_hash: H256,
			/// As today.
			pub units: Units,
			/// As today.
			pub price: Balance,
			/// As today.
			pub required_measurement: Option<MeasurementId>,
			/// As today.
			pub submitted_at: BlockNumber,
			/// As today.
			pub expires_at: BlockNumber,
			/// As today.
			pub state: BuildState<AccountId, BlockNumber>,
			/// As today.
			pub refunded: bool,
			/// As today.
			pub bond: Balance,
		}

		/// Version 0's id counter.
		#[storage_alias]
		pub type NextBuildId<T: Config> = StorageValue<Pallet<T>, BuildId, ValueQuery>;

		/// Version 0's lifetime burn.
		#[storage_alias]
		pub type TotalBurned<T: Config> = StorageValue<Pallet<T>, BalanceOf<T>, ValueQuery>;

		/// Version 0's burn per epoch.
		#[storage_alias]
		pub type BurnedPerEpoch<T: Config> =
			StorageMap<Pallet<T>, Twox64Concat, EpochIndex, BalanceOf<T>, ValueQuery>;

		/// Version 0's live builds of each builder.
		#[storage_alias]
		pub type LiveBuildsOf<T: Config> = StorageMap<
			Pallet<T>,
			Blake2_128Concat,
			<T as frame_system::Config>::AccountId,
			Vec<BuildId>,
			ValueQuery,
		>;
	}

	/// The unversioned step; use [`MigrateV0ToV1`].
	pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut reads = 2u64;
			let mut writes = 3u64;
			// Epochs from the oldest open one on have not been taken by the mint yet.
			let open_from = T::EpochClock::oldest_open_epoch();
			let mut burned_this_epoch: BalanceOf<T> = Zero::zero();
			for (epoch, burned) in v0::BurnedPerEpoch::<T>::drain() {
				reads += 1;
				writes += 1;
				if epoch >= open_from {
					burned_this_epoch = burned_this_epoch.saturating_add(burned);
				}
			}
			writes += v0::LiveBuildsOf::<T>::drain().count() as u64;
			Builds::<T>::translate::<v0::Build<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>, _>(
				|_, old| {
					reads += 1;
					writes += 1;
					Some(Build {
						builder: old.builder,
						spec_hash: old.spec_hash,
						input_hash: old.input_hash,
						units: old.units,
						price: old.price,
						required_measurement: old.required_measurement,
						submitted_at: old.submitted_at,
						expires_at: old.expires_at,
						state: old.state,
						refunded: old.refunded,
						bond: old.bond,
						deposit: Zero::zero(),
					})
				},
			);
			Ledger::<T>::put(LedgerState {
				next_build_id: v0::NextBuildId::<T>::take(),
				oldest_build_id: 0,
				total_burned: v0::TotalBurned::<T>::take(),
				burned_this_epoch,
			});
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let builds = Builds::<T>::iter_keys().count() as u64;
			Ok((builds, v0::NextBuildId::<T>::get(), v0::TotalBurned::<T>::get()).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (builds, next_build_id, total_burned) =
				<(u64, BuildId, BalanceOf<T>)>::decode(&mut &state[..])
					.map_err(|_| "pre_upgrade state does not decode")?;
			ensure!(
				Builds::<T>::iter_values().count() as u64 == builds,
				"a build did not translate"
			);
			let ledger = Ledger::<T>::get();
			ensure!(ledger.next_build_id == next_build_id, "next build id changed");
			ensure!(ledger.total_burned == total_burned, "lifetime burn changed");
			ensure!(v0::BurnedPerEpoch::<T>::iter_keys().next().is_none(), "v0 left behind");
			ensure!(v0::LiveBuildsOf::<T>::iter_keys().next().is_none(), "v0 left behind");
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

#[cfg(test)]
mod tests {
	use super::v1::{v0, MigrateV0ToV1};
	use crate::{mock::*, pallet::*, BurnLedger};
	use azra_primitives::BuildState;
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	use sp_core::H256;

	fn old_build(
		builder: AccountId,
		state: BuildState<AccountId, u64>,
	) -> v0::Build<AccountId, Balance, u64> {
		v0::Build {
			builder,
			spec_hash: H256::repeat_byte(1),
			input_hash: H256::repeat_byte(2),
			units: 3,
			price: 30,
			required_measurement: None,
			submitted_at: 1,
			expires_at: 21,
			state,
			refunded: false,
			bond: 0,
		}
	}

	#[test]
	fn v0_state_moves_to_v1_and_only_once() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(0).put::<Pallet<Test>>();
			Ledger::<Test>::kill();
			// Build 0 completed, build 1 open; epoch 1 was closed by the mint, epochs 2 and
			// 3 were not (the upgrade runs in the block that ends epoch 2).
			for (id, build) in [
				(0u64, old_build(ALICE, BuildState::Completed {
					provider: PROVIDER,
					output_hash: H256::repeat_byte(3),
					units_used: 3,
				})),
				(1, old_build(BOB, BuildState::Open)),
			] {
				frame_support::storage::unhashed::put_raw(
					&Builds::<Test>::hashed_key_for(id),
					&build.encode(),
				);
			}
			v0::NextBuildId::<Test>::put(2);
			v0::TotalBurned::<Test>::put(100);
			v0::BurnedPerEpoch::<Test>::insert(1, 40);
			v0::BurnedPerEpoch::<Test>::insert(2, 50);
			v0::BurnedPerEpoch::<Test>::insert(3, 10);
			v0::LiveBuildsOf::<Test>::insert(BOB, vec![1u64]);
			set_oldest_open_epoch(2);

			#[cfg(feature = "try-runtime")]
			let state = <super::v1::InnerMigrateV0ToV1<Test> as frame_support::traits::UncheckedOnRuntimeUpgrade>::pre_upgrade()
				.expect("pre_upgrade");
			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			#[cfg(feature = "try-runtime")]
			<super::v1::InnerMigrateV0ToV1<Test> as frame_support::traits::UncheckedOnRuntimeUpgrade>::post_upgrade(state)
				.expect("post_upgrade");

			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
			let ledger = Ledger::<Test>::get();
			assert_eq!((ledger.next_build_id, ledger.oldest_build_id), (2, 0));
			assert_eq!(ledger.total_burned, 100);
			// Epochs 2 and 3, not yet taken by the mint; epoch 1 is in its record already.
			assert_eq!(<Burn as BurnLedger<Balance>>::take_epoch_burn(), 60);
			assert_eq!(Builds::<Test>::get(1).map(|b| (b.builder, b.deposit)), Some((BOB, 0)));
			assert!(matches!(
				Builds::<Test>::get(0).map(|b| b.state),
				Some(BuildState::Completed { units_used: 3, .. })
			));
			assert!(v0::BurnedPerEpoch::<Test>::iter_keys().next().is_none());
			assert!(!v0::LiveBuildsOf::<Test>::contains_key(BOB));
			assert!(!v0::NextBuildId::<Test>::exists());
			Burn::do_try_state().expect("consistent after the migration");

			// Version 1 now: running it again changes nothing.
			let before = Ledger::<Test>::get();
			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Ledger::<Test>::get(), before);
			assert_eq!(Builds::<Test>::get(1).map(|b| b.deposit), Some(0));

			// Version 0 builds leave state by the same rule, with no deposit to return.
			let at = Burn::retained_until(&Builds::<Test>::get(1).unwrap()) + 1;
			run_to_block(at);
			Burn::prune_builds(at, frame_support::weights::Weight::MAX);
			assert_eq!(Builds::<Test>::iter().count(), 0);
			Burn::do_try_state().unwrap();
		});
	}
}
