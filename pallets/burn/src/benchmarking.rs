//! Benchmarks of every burn call, each in its worst case.

use super::*;
use crate::pallet::{Call, Config, LiveBuildsOf, Pallet, PriceAnchor};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

const SEED: u32 = 0;

/// A builder with plenty of AZRA.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let plenty = BalanceOf::<T>::max_value() / 4u32.into();
	let _ = T::Currency::set_balance(&who, plenty);
	who
}

/// Fills `builder`'s live list up to one below the maximum, so the next push is the
/// most expensive one.
fn nearly_full<T: Config>(builder: &T::AccountId) {
	let max = T::MaxOpenBuildsPerBuilder::get();
	for _ in 1..max {
		submit::<T>(builder, 1);
	}
}

fn submit<T: Config>(builder: &T::AccountId, units: Units) -> BuildId {
	Pallet::<T>::do_submit_build(
		builder.clone(),
		H256::repeat_byte(1),
		H256::repeat_byte(2),
		units,
		Some(H256::repeat_byte(7)),
		BalanceOf::<T>::max_value(),
	)
	.expect("a funded builder can submit")
}

fn assigned<T: Config>(builder: &T::AccountId, provider: &T::AccountId) -> BuildId {
	let id = submit::<T>(builder, T::MaxUnitsPerBuild::get());
	T::BenchmarkHelper::make_eligible(provider, Some(H256::repeat_byte(7)));
	Pallet::<T>::do_accept_build(provider.clone(), id).expect("an eligible provider accepts");
	id
}

/// A build assigned to `first`, whose deadline has passed (but not the build's expiry):
/// the next call that touches it settles the missed deadline and burns `first`'s bond.
fn lapsed<T: Config>(builder: &T::AccountId, first: &T::AccountId) -> BuildId {
	let id = assigned::<T>(builder, first);
	let after_deadline = frame_system::Pallet::<T>::block_number()
		.saturating_add(T::AssignmentPeriod::get())
		.saturating_add(1u32.into());
	frame_system::Pallet::<T>::set_block_number(after_deadline);
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn submit_build() {
		let builder = funded::<T>("builder", 0);
		nearly_full::<T>(&builder);
		let units = T::MaxUnitsPerBuild::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(builder.clone()),
			H256::repeat_byte(1),
			H256::repeat_byte(2),
			units,
			Some(H256::repeat_byte(7)),
			BalanceOf::<T>::max_value(),
		);

		assert_eq!(
			LiveBuildsOf::<T>::get(&builder).len() as u32,
			T::MaxOpenBuildsPerBuilder::get()
		);
	}

	/// Worst case: a previous provider missed the deadline, so its bond is burned before the
	/// caller's is held.
	#[benchmark]
	fn accept_build() {
		let builder = funded::<T>("builder", 0);
		let first = funded::<T>("provider", 1);
		let provider = funded::<T>("provider", 0);
		let id = lapsed::<T>(&builder, &first);
		T::BenchmarkHelper::make_eligible(&provider, Some(H256::repeat_byte(7)));

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), id);

		assert!(matches!(
			Pallet::<T>::build_view(id).map(|b| b.state),
			Some(BuildState::Assigned { provider: p, .. }) if p == provider
		));
	}

	#[benchmark]
	fn release_build() {
		let builder = funded::<T>("builder", 0);
		let provider = funded::<T>("provider", 0);
		let id = assigned::<T>(&builder, &provider);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider), id);

		assert_eq!(Pallet::<T>::build_view(id).map(|b| b.state), Some(BuildState::Open));
	}

	/// Worst case: the provider missed the deadline (its bond is burned), then the refund.
	#[benchmark]
	fn cancel_build() {
		let builder = funded::<T>("builder", 0);
		let provider = funded::<T>("provider", 0);
		nearly_full::<T>(&builder);
		let id = lapsed::<T>(&builder, &provider);

		#[extrinsic_call]
		_(RawOrigin::Signed(builder.clone()), id);

		assert_eq!(Pallet::<T>::build_view(id).map(|b| b.state), Some(BuildState::Expired));
	}

	/// Worst case: a provider held the build past its deadline and the build then expired
	/// (the bond is burned), then the refund.
	#[benchmark]
	fn reclaim_expired() {
		let builder = funded::<T>("builder", 0);
		let provider = funded::<T>("provider", 0);
		nearly_full::<T>(&builder);
		let id = assigned::<T>(&builder, &provider);
		let after_expiry = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::BuildLifetime::get())
			.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(after_expiry);

		#[extrinsic_call]
		_(RawOrigin::Signed(builder.clone()), id);

		assert!(!LiveBuildsOf::<T>::get(&builder).contains(&id));
	}

	#[benchmark]
	fn set_price_per_unit() {
		let price = T::MaxPricePerUnit::get();
		PricePerUnit::<T>::put(price);
		// Worst case: an anchor exists for an older epoch.
		PriceAnchor::<T>::put((0, price));
		let new = price.saturating_sub(T::MaxPriceChangePerEpoch::get().mul_floor(price));

		#[extrinsic_call]
		_(RawOrigin::Root, new);

		assert_eq!(PricePerUnit::<T>::get(), new);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
