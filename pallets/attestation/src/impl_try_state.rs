//! The pallet's invariants, checked after every block under `try-runtime` (and by the
//! cross-pallet tests after every step).

use crate::*;

impl<T: Config> Pallet<T> {
	/// Invariants: every provider's key list points at enclaves of that provider, and every
	/// enclave is listed by its provider; the nonce expiry queue holds entries only above
	/// the sweep cursor, and every nonce in [`Nonces`] has an entry of its provider there
	/// that expires no earlier (so the sweep takes it out of state).
	// Built with `std` too, so that `azra-cross-pallet-tests` can check it after every step.
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
	pub(crate) fn try_state_nonces() -> Result<(), sp_runtime::TryRuntimeError> {
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
