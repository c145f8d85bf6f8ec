//! Benchmarks of every burn call, each in its worst case.

use super::*;
use crate::pallet::{
	BondAllowances, Builds, Call, Config, Ledger, Pallet, PriceAnchor, SealedBuilds,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

const SEED: u32 = 0;

/// A builder with plenty of AZRA.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	// Enough for the largest build, and little enough that a thousand such accounts do not
	// overflow total issuance.
	let plenty = BalanceOf::<T>::max_value() / 4096u32.into();
	let _ = T::Currency::set_balance(&who, plenty);
	who
}

/// The whitelisted caller (its account is already in the block's cache: it pays the
/// transaction fee), funded.
fn funded_caller<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	// Enough for the largest build, and little enough that a thousand such accounts do not
	// overflow total issuance.
	let plenty = BalanceOf::<T>::max_value() / 4096u32.into();
	let _ = T::Currency::set_balance(&who, plenty);
	who
}

fn submit<T: Config>(builder: &T::AccountId, units: Units) -> BuildId {
	Pallet::<T>::do_submit_build(
		builder.clone(),
		H256::repeat_byte(1),
		H256::repeat_byte(2),
		units,
		Some(H256::repeat_byte(7)),
		BalanceOf::<T>::max_value(),
		None,
	)
	.expect("a funded builder can submit")
}

/// `count` eligible enclaves, each of its own provider, that a build may be sealed to.
fn recipients<T: Config>(count: u32) -> BoundedVec<EnclaveKey, ConstU32<MAX_SEALED_RECIPIENTS>> {
	let keys = (0..count)
		.map(|i| {
			let provider = funded::<T>("recipient", i);
			T::BenchmarkHelper::make_eligible(&provider, Some(H256::repeat_byte(7)))
		})
		.collect::<Vec<_>>();
	BoundedVec::truncate_from(keys)
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

/// Moves past the retention of every build submitted so far, then submits one more, which
/// is still retained and stops the sweep; returns the block and that build.
fn past_retention_behind_a_young_build<T: Config>() -> (BlockNumberFor<T>, BuildId) {
	let now = frame_system::Pallet::<T>::block_number()
		.saturating_add(T::BuildLifetime::get())
		.saturating_add(T::AssignmentPeriod::get())
		.saturating_add(T::BuildRetention::get())
		.saturating_add(1u32.into());
	frame_system::Pallet::<T>::set_block_number(now);
	(now, submit::<T>(&funded::<T>("head", 0), 1))
}

/// Every build before `head` left state, and `head` stayed.
fn assert_swept_up_to<T: Config>(head: BuildId) {
	assert_eq!(Ledger::<T>::get().oldest_build_id, head);
	assert!(Builds::<T>::contains_key(head));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The builder already holds deposits for other builds, so the hold updates an existing
	/// entry.
	#[benchmark]
	fn submit_build() {
		let builder = funded_caller::<T>();
		submit::<T>(&builder, 1);
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

		assert_eq!(Ledger::<T>::get().next_build_id, 2);
	}

	/// A sealed submission to `r` recipients, each checked in full (eligible, with a sealing
	/// key, running the required measurement).
	#[benchmark]
	fn submit_sealed_build(r: Linear<1, MAX_SEALED_RECIPIENTS>) {
		let builder = funded_caller::<T>();
		submit::<T>(&builder, 1);
		let units = T::MaxUnitsPerBuild::get();
		let recipients = recipients::<T>(r);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(builder.clone()),
			H256::repeat_byte(1),
			H256::repeat_byte(2),
			units,
			Some(H256::repeat_byte(7)),
			BalanceOf::<T>::max_value(),
			recipients,
			[0x0b; 32],
		);

		assert!(SealedBuilds::<T>::get(1).is_some_and(|t| t.recipients.len() == r as usize));
	}

	/// Worst case: a sealed build to the most recipients, the caller's enclave the last of
	/// them; a previous provider missed the deadline, so its bond is burned first.
	#[benchmark]
	fn accept_sealed_build() {
		let builder = funded::<T>("builder", 0);
		let first = funded::<T>("provider", 1);
		let provider = funded_caller::<T>();
		let mut keys = recipients::<T>(MAX_SEALED_RECIPIENTS - 2).into_inner();
		keys.push(T::BenchmarkHelper::make_eligible(&first, Some(H256::repeat_byte(7))));
		keys.push(T::BenchmarkHelper::make_eligible(&provider, Some(H256::repeat_byte(7))));
		let id = Pallet::<T>::do_submit_build(
			builder,
			H256::repeat_byte(1),
			H256::repeat_byte(2),
			T::MaxUnitsPerBuild::get(),
			Some(H256::repeat_byte(7)),
			BalanceOf::<T>::max_value(),
			Some(SealedTerms {
				recipients: BoundedVec::truncate_from(keys),
				output_key: [0x0b; 32],
			}),
		)
		.expect("a funded builder can submit");
		Pallet::<T>::do_accept_build(first, id).expect("a recipient accepts");
		let after_deadline = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::AssignmentPeriod::get())
			.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(after_deadline);

		#[extrinsic_call]
		accept_build(RawOrigin::Signed(provider.clone()), id);

		assert!(matches!(
			Pallet::<T>::build_view(id).map(|b| b.state),
			Some(BuildState::Assigned { provider: p, .. }) if p == provider
		));
	}

	/// Worst case: a previous provider missed the deadline, so its bond is burned before the
	/// caller's is held; the caller's eligible enclave is the last of the most it may hold,
	/// so the eligibility check walks them all.
	#[benchmark]
	fn accept_build() {
		let builder = funded::<T>("builder", 0);
		let first = funded::<T>("provider", 1);
		let provider = funded_caller::<T>();
		let id = lapsed::<T>(&builder, &first);
		T::BenchmarkHelper::make_eligible_behind_refused(&provider, Some(H256::repeat_byte(7)));

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), id);

		assert!(matches!(
			Pallet::<T>::build_view(id).map(|b| b.state),
			Some(BuildState::Assigned { provider: p, .. }) if p == provider
		));
	}

	/// Worst case: governance then refused every enclave the provider holds (the most it
	/// may hold), so the release walks them all and returns the bond.
	#[benchmark]
	fn release_build() {
		let builder = funded::<T>("builder", 0);
		let provider = funded_caller::<T>();
		let id = submit::<T>(&builder, T::MaxUnitsPerBuild::get());
		T::BenchmarkHelper::make_eligible_behind_refused(&provider, Some(H256::repeat_byte(7)));
		Pallet::<T>::do_accept_build(provider.clone(), id).expect("an eligible provider accepts");
		T::BenchmarkHelper::refuse_by_governance(&provider);
		let spent = BondAllowances::<T>::get(&provider);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), id);

		assert_eq!(Pallet::<T>::build_view(id).map(|b| b.state), Some(BuildState::Open));
		// The bond came back to the allowance: the walk ran to its end.
		assert!(BondAllowances::<T>::get(&provider) > spent);
	}

	/// Worst case: the provider missed the deadline (its bond is burned), then the refund.
	#[benchmark]
	fn cancel_build() {
		let builder = funded_caller::<T>();
		let provider = funded::<T>("provider", 0);
		let id = lapsed::<T>(&builder, &provider);

		#[extrinsic_call]
		_(RawOrigin::Signed(builder.clone()), id);

		assert_eq!(Pallet::<T>::build_view(id).map(|b| b.state), Some(BuildState::Expired));
	}

	/// Worst case: a provider held the build past its deadline and the build then expired
	/// (the bond is burned), then the refund.
	#[benchmark]
	fn reclaim_expired() {
		let builder = funded_caller::<T>();
		let provider = funded::<T>("provider", 0);
		let id = assigned::<T>(&builder, &provider);
		let after_expiry = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::BuildLifetime::get())
			.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(after_expiry);

		#[extrinsic_call]
		_(RawOrigin::Signed(builder.clone()), id);

		assert_eq!(Builds::<T>::get(id).map(|b| b.refunded), Some(true));
	}

	#[benchmark]
	fn set_bond_allowance() {
		let provider = funded_caller::<T>();
		let allowance = BalanceOf::<T>::max_value() / 2u32.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(provider.clone()), allowance);

		assert_eq!(BondAllowances::<T>::get(&provider), allowance);
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

	/// `n` completed builds leave state in one block, each in its worst case: its output,
	/// stored and kept by the chain, is let go (and its bytes leave), and its own builder's
	/// deposit is returned. A build still retained stops the sweep (read at every `n`).
	#[benchmark]
	fn prune_settled_builds(n: Linear<0, { T::MaxPrunedPerBlock::get().min(128) }>) {
		let provider = funded::<T>("provider", 0);
		let enclave = T::BenchmarkHelper::make_eligible(&provider, Some(H256::repeat_byte(7)));
		for i in 0..n {
			let builder = funded::<T>("settled", i);
			let id = submit::<T>(&builder, 1);
			Pallet::<T>::do_accept_build(provider.clone(), id)
				.expect("an eligible provider accepts");
			// Noted, proven and unnoted, as the agent does: the chain keeps the bytes.
			let output = T::BenchmarkHelper::note_output(&provider, i.to_le_bytes().to_vec());
			<Pallet<T> as BuildRegistry<_, _, _>>::complete_build(
				id, &provider, &enclave, output, 1,
			)
			.expect("the assigned provider completes");
			T::BenchmarkHelper::unnote_output(&provider, output);
		}
		let (now, head) = past_retention_behind_a_young_build::<T>();

		#[block]
		{
			Pallet::<T>::prune_builds(now, Weight::MAX);
		}

		assert_swept_up_to::<T>(head);
	}

	/// `m` unsettled builds leave state in one block, each in its worst case: assigned to
	/// its own provider, who missed the deadline (the bond is burned), then expired without
	/// its builder reclaiming it (the price is refunded), and its own builder's deposit
	/// returned. A build still retained stops the sweep (read at every `m`).
	#[benchmark]
	fn prune_unsettled_builds(m: Linear<0, { T::MaxPrunedPerBlock::get().min(128) }>) {
		for i in 0..m {
			let builder = funded::<T>("builder", i);
			let provider = funded::<T>("provider", i);
			assigned::<T>(&builder, &provider);
		}
		let (now, head) = past_retention_behind_a_young_build::<T>();

		#[block]
		{
			Pallet::<T>::prune_builds(now, Weight::MAX);
		}

		assert_swept_up_to::<T>(head);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
