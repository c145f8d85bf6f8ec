//! Benchmarks of the validator-set pallet: its three calls in their worst case, and the
//! author bookkeeping of `on_initialize`.

use super::*;
use crate::Pallet;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::EnsureOrigin, BoundedVec};

const SEED: u32 = 0;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

/// `n` distinct accounts, sorted.
fn sorted_accounts<T: Config>(n: u32) -> Vec<T::AccountId> {
	let mut accounts: Vec<T::AccountId> = (0..n).map(|i| account("validator", i, SEED)).collect();
	accounts.sort();
	accounts.dedup();
	accounts
}

/// Make `accounts` (sorted) the planned set, without session keys: only the calls' own
/// checks ask for keys.
fn put_validators<T: Config>(accounts: Vec<T::AccountId>) -> Result<(), BenchmarkError> {
	let bounded = BoundedVec::<T::AccountId, T::MaxValidators>::try_from(accounts)
		.map_err(|_| BenchmarkError::Stop("more accounts than MaxValidators"))?;
	Validators::<T>::put(bounded);
	Ok(())
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The set holds `MaxValidators − 1` validators and the newcomer sorts first, so every
	/// member moves on insertion.
	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let mut accounts = sorted_accounts::<T>(T::MaxValidators::get());
		if accounts.is_empty() {
			return Err(BenchmarkError::Stop("MaxValidators is zero"));
		}
		let who = accounts.remove(0);
		put_validators::<T>(accounts)?;
		T::BenchmarkHelper::register_keys(&who);
		let origin = governance::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Pallet::<T>::is_validator(&who));
		assert!(SetChanged::<T>::get());
		assert_last_event::<T>(Event::ValidatorAdded { who });
		Ok(())
	}

	/// The set is full and the validator removed sorts first and has a `LastAuthored` entry.
	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		if T::MaxValidators::get() <= T::MinValidators::get() {
			return Err(BenchmarkError::Stop("MaxValidators = MinValidators: no removal possible"));
		}
		let accounts = sorted_accounts::<T>(T::MaxValidators::get());
		let who = accounts.first().cloned().ok_or(BenchmarkError::Stop("no accounts"))?;
		put_validators::<T>(accounts)?;
		LastAuthored::<T>::insert(&who, frame_system::Pallet::<T>::block_number());
		let origin = governance::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Pallet::<T>::is_validator(&who));
		assert!(LastAuthored::<T>::get(&who).is_none());
		assert_last_event::<T>(Event::ValidatorRemoved { who });
		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let blocks = T::MaxSessionLength::get();
		let origin = governance::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);

		assert_eq!(SessionLength::<T>::get(), blocks);
		assert_last_event::<T>(Event::SessionLengthSet { blocks });
		Ok(())
	}

	/// `on_initialize` after the author lookup: the set is full, and the author (its last
	/// member) gets its first `LastAuthored` entry.
	#[benchmark]
	fn note_author() -> Result<(), BenchmarkError> {
		let accounts = sorted_accounts::<T>(T::MaxValidators::get());
		let author = accounts.last().cloned().ok_or(BenchmarkError::Stop("no accounts"))?;
		put_validators::<T>(accounts)?;
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::note_author(&author, now);
		}

		assert_eq!(LastAuthored::<T>::get(&author), Some(now));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
