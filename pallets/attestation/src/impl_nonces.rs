//! Registration nonces: issued to a provider, used once by a registration, swept from
//! state when they expire.

use crate::*;

impl<T: Config> Pallet<T> {
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
	pub(crate) fn drop_expired_nonces(provider: &T::AccountId, now: BlockNumberFor<T>) {
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
}
