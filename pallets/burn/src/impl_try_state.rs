//! The pallet's invariants, checked after every block under `try-runtime` (and by the
//! cross-pallet tests after every step).

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks the ledger's cursor and counter bound every stored build, that each builder's
	/// held deposit is the sum of its stored builds' deposits, and the bonds (see
	/// [`Pallet::try_state_bonds`]).
	// Built with `std` too, so that `azra-cross-pallet-tests` can check it after every step.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let ledger = Ledger::<T>::get();
		if ledger.oldest_build_id > ledger.next_build_id {
			return Err("the pruning cursor is past the next build id".into());
		}
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, build) in Builds::<T>::iter() {
			if id < ledger.oldest_build_id || id >= ledger.next_build_id {
				return Err("a build is stored outside [oldest_build_id, next_build_id)".into());
			}
			if build.refunded && build.state != BuildState::Expired {
				return Err("a refunded build must be expired".into());
			}
			let total = deposits.entry(build.builder.clone()).or_insert_with(Zero::zero);
			*total = total.saturating_add(build.deposit);
		}
		for (id, terms) in SealedBuilds::<T>::iter() {
			if !Builds::<T>::contains_key(id) {
				return Err("sealed terms outlived their build".into());
			}
			if terms.recipients.is_empty() {
				return Err("a sealed build without recipients".into());
			}
			for (i, recipient) in terms.recipients.iter().enumerate() {
				if terms.recipients[..i].contains(recipient) {
					return Err("a sealed build names a recipient twice".into());
				}
			}
		}
		let mut output_deposits: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>> =
			Default::default();
		for (id, (output_hash, deposit)) in KeptOutputs::<T>::iter() {
			let build = Builds::<T>::get(id).ok_or("a kept output of no stored build")?;
			match build.state {
				BuildState::Completed { output_hash: proven, .. } if proven == output_hash => {}
				_ => return Err("a kept output of no completed build with that output".into()),
			}
			let total = output_deposits.entry(build.builder).or_insert_with(Zero::zero);
			*total = total.saturating_add(deposit);
		}
		for (builder, deposit) in output_deposits {
			if T::Currency::balance_on_hold(&HoldReason::OutputDeposit.into(), &builder) != deposit
			{
				return Err("a builder's output deposit hold differs from its kept outputs'".into());
			}
		}
		for (builder, deposit) in deposits {
			if T::Currency::balance_on_hold(&HoldReason::BuildDeposit.into(), &builder) != deposit {
				return Err("a builder's held deposit differs from its stored builds'".into());
			}
		}
		Self::try_state_bonds()
	}

	/// Checks that what is held from each provider is exactly the sum of the bonds of the
	/// builds stored as assigned to it, and that no other build carries a bond.
	// Built with `std` too, so that `azra-cross-pallet-tests` can check it after every step.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn try_state_bonds() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (_, build) in Builds::<T>::iter() {
			match &build.state {
				BuildState::Assigned { provider, .. } => {
					let total = bonds.entry(provider.clone()).or_insert_with(Zero::zero);
					*total = total.saturating_add(build.bond);
				}
				_ if !build.bond.is_zero() => {
					return Err("a build that is not assigned carries a bond".into())
				}
				_ => {}
			}
		}
		for (provider, bond) in bonds {
			if T::Currency::balance_on_hold(&HoldReason::ProviderBond.into(), &provider) != bond {
				return Err("a provider's held bond differs from its assigned builds' bonds".into());
			}
		}
		Ok(())
	}
}
