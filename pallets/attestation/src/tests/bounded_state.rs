//! Bounded state: expired nonces leave state even if their provider never comes back.

use super::*;

#[test]
fn integrity_test_accepts_the_mock_constants() {
	end(|| {
		assert!(MaxNoncesSweptPerBlock::get() >= 1);
		<Attestation as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn nonces_of_a_provider_who_never_returns_leave_state() {
	end(|| {
		// Two nonces at block 1 (usable to block 11), one at block 5 (to block 15); then
		// the provider is never heard of again.
		nonce_for(PROVIDER);
		nonce_for(PROVIDER);
		run_to_block(5);
		nonce_for(PROVIDER);
		Attestation::do_try_state().expect("invariants hold");
		assert_eq!(queued(), 3);

		// After block 11 the first two leave, and their queue entries with them.
		idle(12);
		assert_eq!(Nonces::<Test>::get(PROVIDER).len(), 1);
		assert_eq!(queued(), 1);
		assert_eq!(NonceSweepCursor::<Test>::get(), 2);

		// After block 15 the last one leaves, and with it the provider's entry.
		idle(16);
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert_eq!(queued(), 0);
		assert_eq!(NonceSweepCursor::<Test>::get(), NonceCounter::<Test>::get());

		// An empty queue costs the sweep its reads only, and changes nothing.
		run_to_block(17);
		let root = storage_root();
		assert_eq!(idle(17), sweep_weight(0));
		assert_eq!(storage_root(), root);
	});
}

#[test]
fn a_nonce_is_kept_through_its_last_block() {
	end(|| {
		let nonce = nonce_for(PROVIDER);
		let expires_at = 1 + NonceLifetime::get();
		// At its last block it is still usable, so the sweep keeps it (and its entry).
		run_to_block(expires_at);
		let root = storage_root();
		assert_eq!(idle(expires_at), sweep_weight(0));
		assert_eq!(storage_root(), root);
		assert_eq!(Attestation::nonces_of(&PROVIDER).first().map(|n| n.nonce), Some(nonce));
		assert_eq!(NonceExpiries::<Test>::get(1), Some((expires_at, PROVIDER)));
		// The block after, it leaves.
		assert_eq!(idle(expires_at + 1), sweep_weight(1));
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert_eq!(queued(), 0);
	});
}

#[test]
fn a_live_nonce_stops_the_sweep_and_is_never_swept() {
	end(|| {
		// OTHER's nonce is issued after PROVIDER's, so it expires later and waits behind
		// it; nothing after a live entry is visited.
		nonce_for(PROVIDER);
		run_to_block(3);
		nonce_for(OTHER);
		for block in 3..=11 {
			assert_eq!(idle(block), sweep_weight(0));
			assert_eq!(NonceSweepCursor::<Test>::get(), 0);
		}
		// PROVIDER's expired, OTHER's has not (it is usable up to block 13).
		assert_eq!(idle(12), sweep_weight(1));
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert_eq!(Attestation::nonces_of(&OTHER).len(), 1);
		assert_eq!(idle(13), sweep_weight(0));
		assert_eq!(Attestation::nonces_of(&OTHER).len(), 1);
		assert_eq!(idle(14), sweep_weight(1));
		assert!(!Nonces::<Test>::contains_key(OTHER));
	});
}

#[test]
fn a_provider_who_requests_again_keeps_working() {
	end(|| {
		nonce_for(PROVIDER); // usable to block 11
		nonce_for(OTHER); // usable to block 11, never used
					// PROVIDER comes back after its nonce expired, before any sweep: its request drops
					// the expired one itself.
		run_to_block(12);
		let fresh = nonce_for(PROVIDER); // usable to block 22
		assert_eq!(Nonces::<Test>::get(PROVIDER).len(), 1);
		Attestation::do_try_state().expect("invariants hold");

		// The sweep finds nothing left under PROVIDER's first entry and only takes it off
		// the queue; OTHER's nonce leaves; the fresh nonce stays.
		assert_eq!(idle(12), sweep_weight(2));
		assert_eq!(Attestation::nonces_of(&PROVIDER).first().map(|n| n.nonce), Some(fresh));
		assert!(!Nonces::<Test>::contains_key(OTHER));
		assert_eq!(NonceExpiries::<Test>::iter().collect::<Vec<_>>(), vec![(3, (22, PROVIDER))]);

		// It goes on requesting, up to its bound, and each new nonce joins the queue.
		run_to_block(13);
		nonce_for(PROVIDER);
		nonce_for(PROVIDER);
		assert_noop!(
			Attestation::request_nonce(RuntimeOrigin::signed(PROVIDER)),
			Error::<Test>::TooManyNonces
		);
		assert_eq!(queued(), 3);
		assert_eq!(idle(22), sweep_weight(0));
		assert_eq!(Attestation::nonces_of(&PROVIDER).len(), 3);
		// After block 22 the fresh one leaves; the later two stay until after block 23.
		assert_eq!(idle(23), sweep_weight(1));
		assert_eq!(Attestation::nonces_of(&PROVIDER).len(), 2);
		idle(24);
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert_eq!(queued(), 0);
	});
}

#[test]
fn the_sweep_visits_at_most_max_nonces_swept_per_block() {
	end(|| {
		// Five providers who never come back: more than two blocks' sweeps.
		let providers: Vec<AccountId> = (10..15).collect();
		for &provider in &providers {
			nonce_for(provider);
		}
		let limit = MaxNoncesSweptPerBlock::get();
		assert_eq!(limit, 2);
		let left = || providers.iter().filter(|p| Nonces::<Test>::contains_key(*p)).count();
		assert_eq!(idle(12), sweep_weight(limit));
		assert_eq!((left(), queued(), NonceSweepCursor::<Test>::get()), (3, 3, 2));
		assert_eq!(idle(13), sweep_weight(limit));
		assert_eq!((left(), queued(), NonceSweepCursor::<Test>::get()), (1, 1, 4));
		assert_eq!(idle(14), sweep_weight(1));
		assert_eq!((left(), queued(), NonceSweepCursor::<Test>::get()), (0, 0, 5));
	});
}

#[test]
fn without_spare_weight_the_sweep_changes_nothing() {
	end(|| {
		nonce_for(PROVIDER);
		nonce_for(OTHER);
		run_to_block(12);
		let (base, one) = (sweep_weight(0), sweep_weight(1));
		let root = storage_root();
		// No room for the sweep's own reads.
		assert_eq!(idle_within(Weight::zero()), Weight::zero());
		assert_eq!(idle_within(base.saturating_sub(Weight::from_parts(1, 0))), Weight::zero());
		// Room for its reads but not for one entry, short in time or in proof size.
		assert_eq!(idle_within(base), base);
		assert_eq!(idle_within(one.saturating_sub(Weight::from_parts(1, 0))), base);
		assert_eq!(idle_within(one.saturating_sub(Weight::from_parts(0, 1))), base);
		assert_eq!(storage_root(), root);
		Attestation::do_try_state().expect("invariants hold");

		// Exactly one entry's worth takes one entry out.
		assert_eq!(idle_within(one), one);
		assert!(!Nonces::<Test>::contains_key(PROVIDER));
		assert!(Nonces::<Test>::contains_key(OTHER));
		assert_eq!(NonceSweepCursor::<Test>::get(), 1);
		Attestation::do_try_state().expect("invariants hold");
	});
}

#[test]
fn the_sweep_never_uses_more_weight_than_it_is_given() {
	let (base, one) = (sweep_weight(0), sweep_weight(1));
	let per_entry = one.saturating_sub(base);
	// Limits around each step's price, in time and in proof size.
	let mut limits = vec![Weight::zero(), Weight::MAX];
	for entries in 0..4u64 {
		let price = base.saturating_add(per_entry.saturating_mul(entries));
		limits.push(price);
		limits.push(price.saturating_sub(Weight::from_parts(1, 0)));
		limits.push(price.saturating_sub(Weight::from_parts(0, 1)));
		limits.push(price.saturating_add(Weight::from_parts(1, 1)));
		limits.push(Weight::from_parts(price.ref_time(), u64::MAX));
		limits.push(Weight::from_parts(u64::MAX, price.proof_size()));
	}
	for limit in limits {
		end(|| {
			for provider in 10..15 {
				nonce_for(provider);
			}
			run_to_block(12);
			let used = idle_within(limit);
			assert!(used.all_lte(limit), "{used:?} used within {limit:?}");
			let visited = NonceSweepCursor::<Test>::get();
			if visited > 0 {
				let swept = sweep_weight(visited as u32);
				let walk = pruning_walk_within(limit.saturating_sub(swept));
				assert_eq!(used, swept.saturating_add(walk), "charged for what it visited");
			}
		});
	}
}

#[test]
fn try_state_catches_a_nonce_the_sweep_would_not_reach() {
	end(|| {
		nonce_for(PROVIDER);
		Attestation::do_try_state().expect("invariants hold");
		// No queue entry for it.
		NonceExpiries::<Test>::remove(1);
		assert!(Attestation::do_try_state().is_err());
		// An entry of its provider, but one that expires before it.
		NonceExpiries::<Test>::insert(1, (5, PROVIDER));
		assert!(Attestation::do_try_state().is_err());
		// Its entry, but at the cursor (already passed).
		NonceExpiries::<Test>::insert(1, (11, PROVIDER));
		Attestation::do_try_state().expect("invariants hold");
		NonceSweepCursor::<Test>::put(1);
		assert!(Attestation::do_try_state().is_err());
		NonceSweepCursor::<Test>::put(0);
		// An entry under a number not issued yet.
		NonceExpiries::<Test>::insert(2, (11, OTHER));
		assert!(Attestation::do_try_state().is_err());
		NonceExpiries::<Test>::remove(2);
		Attestation::do_try_state().expect("invariants hold");
	});
}

#[test]
fn register_enclave_nonce_rules() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		let id = allow(&sgx_entry(&verified));
		let key = ed_key(&ed_pair(1));
		assert_noop!(
			Attestation::register_enclave(
				RuntimeOrigin::none(),
				bounded(sgx_quote()),
				key,
				H256::zero(),
				id,
				SEALING_KEY
			),
			DispatchError::BadOrigin
		);
		// Never issued.
		assert_noop!(
			register(PROVIDER, sgx_quote(), key, H256::repeat_byte(4), id),
			Error::<Test>::NonceUnknown
		);
		// Issued to someone else.
		let others = nonce_for(OTHER);
		assert_noop!(register(PROVIDER, sgx_quote(), key, others, id), Error::<Test>::NonceUnknown);
		// Expired.
		let nonce = nonce_for(PROVIDER);
		run_to_block(1 + NonceLifetime::get() + 1);
		assert_noop!(register(PROVIDER, sgx_quote(), key, nonce, id), Error::<Test>::NonceExpired);
	});
}

#[test]
fn register_enclave_key_taken_by_another_provider() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let pair = ed_pair(1);
		let id = bind_sample(OTHER, ed_key(&pair));
		let nonce = nonce_for(PROVIDER);
		assert_noop!(
			register(PROVIDER, sgx_quote(), ed_key(&pair), nonce, id),
			Error::<Test>::EnclaveKeyTaken
		);
	});
}

#[test]
fn register_enclave_revoked_measurement() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		let id = allow(&sgx_entry(&verified));
		assert_ok!(Attestation::revoke_measurement(RuntimeOrigin::root(), id));
		let nonce = nonce_for(PROVIDER);
		assert_noop!(
			register(PROVIDER, sgx_quote(), ed_key(&ed_pair(1)), nonce, id),
			Error::<Test>::MeasurementRevoked
		);
	});
}

#[test]
fn binding_records_expiry_and_makes_room_from_expired_enclaves() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let id = bind_sample(PROVIDER, ed_key(&ed_pair(1)));
		System::assert_last_event(
			Event::<Test>::EnclaveRegistered {
				provider: PROVIDER,
				enclave_key: ed_key(&ed_pair(1)),
				measurement: id,
				tcb_status: TcbStatus::ConfigurationAndSwHardeningNeeded,
				expires_at: 1 + ReattestationPeriod::get(),
				sealing_key: SEALING_KEY,
			}
			.into(),
		);
		let record = Enclaves::<Test>::get(ed_key(&ed_pair(1))).unwrap();
		assert_eq!(record.provider, PROVIDER);
		assert_eq!(record.fmspc, SGX_FMSPC);
		assert_eq!(record.expires_at, 101);
		bind_sample(PROVIDER, sr_key(&sr_pair(2)));
		// Full (2 per provider) with live enclaves.
		let verified = Attestation::do_verify_quote(&sgx_quote()).unwrap();
		assert_eq!(
			bind(PROVIDER, ed_key(&ed_pair(3)), id, &verified, 1),
			Err(Error::<Test>::TooManyEnclaves.into())
		);
		// Re-attesting a registered key refreshes its expiry without taking room.
		run_to_block(50);
		assert_ok!(bind(PROVIDER, ed_key(&ed_pair(1)), id, &verified, 50));
		assert_eq!(Enclaves::<Test>::get(ed_key(&ed_pair(1))).unwrap().expires_at, 150);
		// After the sr25519 one expired, a new key replaces it.
		run_to_block(102);
		assert_ok!(bind(PROVIDER, ed_key(&ed_pair(3)), id, &verified, 102));
		assert!(Enclaves::<Test>::get(sr_key(&sr_pair(2))).is_none());
		assert_eq!(Attestation::enclaves_of(&PROVIDER).len(), 2);
	});
}

#[test]
fn deregister_enclave_works() {
	require_samples!();
	end(|| {
		store_sgx_collateral();
		let key = ed_key(&ed_pair(1));
		bind_sample(PROVIDER, key);
		assert_noop!(
			Attestation::deregister_enclave(RuntimeOrigin::signed(PROVIDER), ed_key(&ed_pair(9))),
			Error::<Test>::EnclaveUnknown
		);
		assert_noop!(
			Attestation::deregister_enclave(RuntimeOrigin::signed(OTHER), key),
			Error::<Test>::NotEnclaveProvider
		);
		assert_ok!(Attestation::deregister_enclave(RuntimeOrigin::signed(PROVIDER), key));
		System::assert_last_event(
			Event::<Test>::EnclaveDeregistered { provider: PROVIDER, enclave_key: key }.into(),
		);
		assert!(Attestation::enclaves_of(&PROVIDER).is_empty());
		assert!(Enclaves::<Test>::get(key).is_none());
		assert!(!ProviderEnclaves::<Test>::contains_key(PROVIDER), "no empty list is left");
	});
}
