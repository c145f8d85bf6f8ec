//! Benchmarks of the mint pallet: every call, the epoch-close work of `on_initialize`, and
//! the steps `on_idle` prices its pruning with.

use super::*;
use crate::Pallet;
use alloc::vec::Vec;
use azra_primitives::WorkClaim;
use frame_benchmarking::v2::*;
use frame_support::{traits::Hooks, weights::Weight, BoundedVec};
use frame_system::RawOrigin;
use sp_core::H256;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

/// A budget comfortably above the existential deposit.
fn large_budget<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(1_000u32.into()).max(1_000u32.into())
}

/// Make epoch 0 expired: open epoch `HistoryDepth + 1`.
fn expire_epoch_zero<T: Config>() {
	CurrentEpoch::<T>::mutate(|info| info.index = T::HistoryDepth::get().saturating_add(1));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A first proof by a provider in the epoch (inserts its points entry) that used half
	/// the units requested, so the bond is released and the unused half refunded, of a
	/// stored output the chain then keeps (its builder's deposit held).
	#[benchmark]
	fn submit_work() {
		let provider: T::AccountId = whitelisted_caller();
		let requested: Units = 100;
		let units: Units = requested / 2;
		let build_id = T::BenchmarkHelper::assigned_build(&provider, requested);
		let build = T::Builds::build(build_id);
		let spec_hash = build.as_ref().map(|b| b.spec_hash).unwrap_or_default();
		let input_hash = build.as_ref().map(|b| b.input_hash).unwrap_or_default();
		// Stored, so that the completion keeps it (its builder's deposit held, the output
		// requested).
		let output_hash = T::BenchmarkHelper::stored_output(&provider, alloc::vec![0x42; 64]);
		let claim = WorkClaim {
			genesis_hash: Pallet::<T>::genesis_hash(),
			build_id,
			spec_hash,
			input_hash,
			output_hash,
			units_used: units,
			provider: provider.clone(),
		};
		let proof = T::BenchmarkHelper::work_proof(&claim);
		let epoch = Pallet::<T>::current_epoch();

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), build_id, output_hash, units, proof);

		assert_eq!(Pallet::<T>::points_of(epoch, &provider), units);
	}

	/// Claim `n` closed epochs, each paying the caller a full budget. A claim window holds
	/// `HistoryDepth` closed epochs, so `n` goes no further (the weight is linear in `n`).
	#[benchmark]
	fn claim_rewards(
		n: Linear<1, { T::MaxEpochsPerClaim::get().min(T::HistoryDepth::get()).max(1) }>,
	) {
		let provider: T::AccountId = whitelisted_caller();
		let budget = large_budget::<T>();
		let points: Units = 100;
		let proven_burn = budget;
		for epoch in 0..n {
			EpochRecords::<T>::insert(
				epoch,
				EpochRecord { points, proven_burn, providers: 1, budget, ..Default::default() },
			);
			Points::<T>::insert(
				epoch,
				&provider,
				ProviderPoints { points, proven_burn, claimed: false },
			);
		}
		CurrentEpoch::<T>::mutate(|info| info.index = n);
		let list: Vec<EpochIndex> = (0..n).collect();
		let list = BoundedVec::<EpochIndex, T::MaxEpochsPerClaim>::try_from(list)
			.expect("n is at most MaxEpochsPerClaim");

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), list);

		assert_eq!(TotalMinted::<T>::get(), budget.saturating_mul(n.into()));
		assert_last_event::<T>(Event::RewardsClaimed { provider, epoch: n - 1, amount: budget });
	}

	/// The first parameter change of an epoch (also writes the baseline).
	#[benchmark]
	fn set_parameters() {
		let parameters = Parameters::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Root, parameters);

		assert!(ParametersBaseline::<T>::get().is_some());
		assert_last_event::<T>(Event::ParametersSet { parameters });
	}

	/// `on_initialize` inside an epoch: one read.
	#[benchmark]
	fn on_initialize_idle() {
		let info = CurrentEpoch::<T>::get();
		let now = info.start;

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert_eq!(CurrentEpoch::<T>::get(), info);
	}

	/// `on_initialize` at an epoch boundary: close the epoch (with points, refunds and the
	/// ceiling capping the budget, the heaviest path) and open the next.
	#[benchmark]
	fn on_initialize_close_epoch() {
		let info = CurrentEpoch::<T>::get();
		let now = info.start.saturating_add(info.length);
		let proven_burn = T::MaxCeiling::get().saturating_mul(2u32.into());
		EpochTallies::<T>::insert(
			info.index,
			EpochTally { points: 100, proven_burn, providers: 1 },
		);
		EpochRefunds::<T>::insert(info.index, large_budget::<T>());

		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}

		assert!(EpochRecords::<T>::get(info.index).is_some());
		assert_eq!(CurrentEpoch::<T>::get().index, info.index.saturating_add(1));
	}

	/// `on_idle` when the oldest epoch in state is still in its claim window: the check
	/// every block pays.
	#[benchmark]
	fn on_idle_check() {
		let start = HistoryStart::<T>::get();

		#[block]
		{
			Pallet::<T>::do_prune_history(Weight::MAX);
		}

		assert_eq!(HistoryStart::<T>::get(), start);
	}

	/// Remove the `n` `Points` entries of expired epoch 0 (and read one key more, to find it
	/// empty).
	#[benchmark]
	fn on_idle_prune_points(n: Linear<0, { T::MaxPrunedPerBlock::get() }>) {
		let budget = large_budget::<T>();
		EpochRecords::<T>::insert(
			0,
			EpochRecord { points: n.into(), proven_burn: budget, budget, ..Default::default() },
		);
		for i in 0..n {
			let provider: T::AccountId = account("provider", i, 0);
			Points::<T>::insert(
				0,
				&provider,
				ProviderPoints { points: 1, proven_burn: budget, claimed: false },
			);
		}
		expire_epoch_zero::<T>();
		let pruned;

		#[block]
		{
			pruned = Pallet::<T>::prune_points(0, n);
		}

		assert_eq!(pruned, (n, true));
		assert!(Points::<T>::iter_key_prefix(0).next().is_none());
	}

	/// Retire expired epoch 0, whose `Points` entries are gone: its record and leftovers
	/// removed, the pruned totals and `TotalExpired` updated, the event emitted.
	#[benchmark]
	fn on_idle_expire_epoch() {
		let budget = large_budget::<T>();
		let minted = budget / 2u32.into();
		EpochRecords::<T>::insert(
			0,
			EpochRecord {
				points: 2,
				proven_burn: budget,
				providers: 2,
				claimed_points: 1,
				claimed_proven_burn: minted,
				budget,
				minted_rewards: minted,
				..Default::default()
			},
		);
		EpochTallies::<T>::insert(0, EpochTally { points: 1, proven_burn: budget, providers: 1 });
		EpochRefunds::<T>::insert(0, budget);
		expire_epoch_zero::<T>();

		#[block]
		{
			Pallet::<T>::expire_epoch(0);
		}

		assert!(EpochRecords::<T>::get(0).is_none());
		assert_eq!(HistoryStart::<T>::get(), 1);
		assert_last_event::<T>(Event::EpochExpired {
			epoch: 0,
			minted_rewards: minted,
			unclaimed: budget.saturating_sub(minted),
		});
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
