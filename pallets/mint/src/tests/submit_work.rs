//! Submit_work.

use super::*;

#[test]
fn submit_work_completes_build_and_credits_points_and_proven_burn() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 40, 100);
		let output = H256::repeat_byte(0x0f);
		assert_ok!(prove(ALICE, id, 30));
		// 30 of 40 units: ⌊100 × 30 / 40⌋ = 75 proven, the other 25 refunded to the builder.
		assert_eq!(
			last_mint_events(2),
			vec![
				Event::Refunded { builder: BUILDER, amount: 25, epoch: 0 },
				Event::WorkAccepted {
					build_id: id,
					provider: ALICE,
					epoch: 0,
					units_used: 30,
					proven_burn: 75,
					output_hash: output,
					measurement: MEASUREMENT,
				},
			]
		);
		assert_eq!(
			MockBurn::build(id).unwrap().state,
			BuildState::Completed { provider: ALICE, output_hash: output, units_used: 30 }
		);
		assert_eq!(MockBurn::completions(), 1);
		assert_eq!(Mint::points_of(0, &ALICE), 30);

		// A second build in the same epoch adds up.
		let id2 = assigned_build(ALICE, 5, 100);
		assert_ok!(prove(ALICE, id2, 5));
		assert_eq!(
			Points::<Test>::get(0, ALICE),
			Some(ProviderPoints { points: 35, proven_burn: 175, claimed: false })
		);
		assert_eq!(
			EpochTallies::<Test>::get(0),
			EpochTally { points: 35, proven_burn: 175, providers: 1 }
		);
	});
}
#[test]
fn submit_work_requires_signed_origin() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let claim = claim_for(id, ALICE, H256::zero(), 10);
		assert_noop!(
			Mint::submit_work(
				RuntimeOrigin::none(),
				id,
				H256::zero(),
				10,
				MockAttestation::prove(&claim)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn submit_work_rejects_unknown_build() {
	new_test_ext().execute_with(|| {
		let claim = claim_for(99, ALICE, H256::zero(), 1);
		assert_noop!(
			Mint::submit_work(
				RuntimeOrigin::signed(ALICE),
				99,
				H256::zero(),
				1,
				MockAttestation::prove(&claim)
			),
			Error::<Test>::BuildNotFound
		);
	});
}

#[test]
fn submit_work_rejects_open_build() {
	new_test_ext().execute_with(|| {
		let id = MockBurn::submit(BUILDER, 10, 100).unwrap();
		assert_noop!(prove(ALICE, id, 10), Error::<Test>::BuildNotAssigned);
	});
}

#[test]
fn submit_work_rejects_other_providers_build() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		// Bob's own enclave signs a perfect claim naming Bob: still not his build.
		assert_noop!(prove(BOB, id, 10), Error::<Test>::NotAssignedProvider);
		assert_eq!(MockBurn::completions(), 0);
	});
}

#[test]
fn submit_work_rejects_missed_deadline() {
	new_test_ext().execute_with(|| {
		let id = MockBurn::submit(BUILDER, 10, 100).unwrap();
		MockBurn::assign(id, ALICE, 5);
		run_to_block(6);
		assert_noop!(prove(ALICE, id, 10), Error::<Test>::DeadlinePassed);
	});
}

#[test]
fn submit_work_accepts_proof_on_deadline_block() {
	new_test_ext().execute_with(|| {
		let id = MockBurn::submit(BUILDER, 10, 100).unwrap();
		MockBurn::assign(id, ALICE, 5);
		run_to_block(5);
		assert_ok!(prove(ALICE, id, 10));
	});
}

#[test]
fn submit_work_pays_once_per_build() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		assert_ok!(prove(ALICE, id, 10));
		assert_noop!(prove(ALICE, id, 10), Error::<Test>::BuildAlreadyCompleted);
		assert_eq!(MockBurn::completions(), 1);
		assert_eq!(Mint::points_of(0, &ALICE), 10);
	});
}

#[test]
fn submit_work_rejects_expired_build() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		assert_ok!(MockBurn::expire(id));
		assert_noop!(prove(ALICE, id, 10), Error::<Test>::BuildExpired);
	});
}

#[test]
fn submit_work_rejects_zero_units() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		assert_noop!(prove(ALICE, id, 0), Error::<Test>::NoUnitsUsed);
	});
}

#[test]
fn submit_work_rejects_an_enclave_with_another_measurement_than_required() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		MockBurn::require_measurement(id, H256::repeat_byte(0xbb));
		assert_noop!(prove(ALICE, id, 5), Error::<Test>::WrongMeasurement);
	});
}

#[test]
fn submit_work_accepts_the_required_measurement() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		MockBurn::require_measurement(id, MEASUREMENT);
		assert_ok!(prove(ALICE, id, 5));
	});
}

#[test]
fn submit_work_rejects_more_units_than_requested() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		assert_noop!(prove(ALICE, id, 11), Error::<Test>::UnitsAboveRequested);
	});
}

#[test]
fn submit_work_rejects_proof_for_other_output() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let signed_claim = claim_for(id, ALICE, H256::repeat_byte(1), 10);
		let proof = MockAttestation::prove(&signed_claim);
		assert_noop!(
			Mint::submit_work(RuntimeOrigin::signed(ALICE), id, H256::repeat_byte(2), 10, proof),
			INVALID_PROOF
		);
	});
}

/// A proof signed for another chain (another genesis hash) is worthless here, even for a
/// build with the same id, spec, input, output and provider.
#[test]
fn submit_work_rejects_a_proof_made_for_another_chain() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let mut signed_claim = claim_for(id, ALICE, H256::repeat_byte(1), 10);
		assert_eq!(signed_claim.genesis_hash, Mint::genesis_hash());
		signed_claim.genesis_hash = H256::repeat_byte(0x77);
		let proof = MockAttestation::prove(&signed_claim);
		assert_noop!(
			Mint::submit_work(RuntimeOrigin::signed(ALICE), id, H256::repeat_byte(1), 10, proof),
			INVALID_PROOF
		);
	});
}

/// A proof of a run on another input than the build's does not prove the build.
#[test]
fn submit_work_rejects_a_proof_for_another_input() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let mut signed_claim = claim_for(id, ALICE, H256::repeat_byte(1), 10);
		signed_claim.input_hash = H256::repeat_byte(0x66);
		let proof = MockAttestation::prove(&signed_claim);
		assert_noop!(
			Mint::submit_work(RuntimeOrigin::signed(ALICE), id, H256::repeat_byte(1), 10, proof),
			INVALID_PROOF
		);
	});
}

#[test]
fn submit_work_rejects_proof_for_other_units() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let signed_claim = claim_for(id, ALICE, H256::zero(), 4);
		let proof = MockAttestation::prove(&signed_claim);
		assert_noop!(
			Mint::submit_work(RuntimeOrigin::signed(ALICE), id, H256::zero(), 10, proof),
			INVALID_PROOF
		);
	});
}

#[test]
fn submit_work_rejects_proof_by_another_enclave() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let claim = claim_for(id, ALICE, H256::zero(), 10);
		let proof = MockAttestation::prove_as(BOB, &claim);
		assert_noop!(
			Mint::submit_work(RuntimeOrigin::signed(ALICE), id, H256::zero(), 10, proof),
			INVALID_PROOF
		);
	});
}

#[test]
fn submit_work_rejects_revoked_measurement() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		MockAttestation::revoke(ALICE);
		assert_noop!(prove(ALICE, id, 10), MEASUREMENT_REVOKED);
		assert_eq!(MockBurn::completions(), 0);
	});
}

#[test]
fn submit_work_rejects_provider_without_enclave() {
	new_test_ext().execute_with(|| {
		let stranger = 99;
		let id = assigned_build(stranger, 10, 100);
		assert_noop!(prove(stranger, id, 10), NO_ENCLAVE);
	});
}

#[test]
fn submit_work_rejects_points_overflow() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, u64::MAX, 10);
		assert_ok!(prove(ALICE, id, u64::MAX));
		let id = assigned_build(ALICE, 1, 10);
		let completions = MockBurn::completions();
		assert_noop!(prove(ALICE, id, 1), Error::<Test>::PointsOverflow);
		// The stand-in build table lives outside storage, so `assert_noop!` cannot see it:
		// the points are checked before the build is completed.
		assert_eq!(MockBurn::completions(), completions);
		assert!(matches!(MockBurn::build(id).map(|b| b.state), Some(BuildState::Assigned { .. })));
	});
}

/// There is no cap on providers per epoch, so no slot list that cheap accounts could fill
/// to crowd out real providers: each entry costs its provider a proven build.
#[test]
fn any_number_of_providers_earn_in_one_epoch() {
	new_test_ext().execute_with(|| {
		let providers: Vec<AccountId> = (100..120).collect();
		let price = |i: usize| 100 * (i as Balance + 1);
		for (i, &provider) in providers.iter().enumerate() {
			MockAttestation::register(provider);
			let id = assigned_build(provider, 10, price(i));
			assert_ok!(prove(provider, id, 10));
		}
		assert_eq!(EpochTallies::<Test>::get(0).providers, 20);
		close_epoch();

		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.providers, 20);
		assert_eq!(record.points, 200);
		// 100 + 200 + … + 2_000.
		assert_eq!(record.proven_burn, 21_000);
		assert_eq!(record.budget, 21_000);
		for (i, &provider) in providers.iter().enumerate() {
			assert_eq!(claim_share(provider, 0), price(i));
		}
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.minted_rewards, 21_000);
		assert_eq!(record.dust, 0);
		assert_ok!(Mint::do_try_state());
	});
}
