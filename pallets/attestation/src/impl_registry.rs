//! The enclave registry: registration, the records and deposits it keeps, their removal
//! and the pruning of expired ones, and the sealing keys builders seal to.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The enclaves registered to `provider` (expired ones included; see `expires_at`).
	pub fn enclaves_of(provider: &T::AccountId) -> Vec<(EnclaveKey, EnclaveRecordOf<T>)> {
		ProviderEnclaves::<T>::get(provider)
			.into_iter()
			.filter_map(|key| Enclaves::<T>::get(key).map(|record| (key, record)))
			.collect()
	}

	pub(crate) fn do_register_enclave(
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
	pub(crate) fn enclave_record(
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
	pub(crate) fn bind_enclave(
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
					.filter(|k| Enclaves::<T>::get(k).is_none_or(|r| r.expires_at < now))
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
	pub(crate) fn remove_enclave(provider: &T::AccountId, enclave_key: EnclaveKey) {
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
	pub(crate) fn forget_enclave(provider: &T::AccountId, enclave_key: EnclaveKey) {
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
				removed_before.is_none_or(|at| at == now || at.saturating_add(grace) < now)
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
}
