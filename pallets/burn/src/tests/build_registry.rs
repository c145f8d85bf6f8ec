use super::*;

#[test]
fn completes_an_assigned_build_once() {
	new_test_ext().execute_with(|| {
		let id = accepted(5);
		assert_ok!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4));
		assert_eq!(
			state(id),
			BuildState::Completed { provider: PROVIDER, output_hash: OUTPUT, units_used: 4 }
		);
		System::assert_last_event(
			Event::BuildCompleted {
				build_id: id,
				provider: PROVIDER,
				output_hash: OUTPUT,
				units_used: 4,
				proven_burn: 40,
			}
			.into(),
		);
		assert_noop!(
			Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4),
			Error::<Test>::BuildNotAssigned
		);
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn rejects_another_provider() {
	new_test_ext().execute_with(|| {
		let id = accepted(5);
		assert_noop!(
			Burn::complete_build(id, &OTHER_PROVIDER, &enclave_of(OTHER_PROVIDER), OUTPUT, 4),
			Error::<Test>::NotAssignedProvider
		);
	});
}

#[test]
fn rejects_a_claim_after_the_deadline() {
	new_test_ext().execute_with(|| {
		let id = accepted(5);
		run_to_block(7);
		assert_noop!(
			Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn rejects_units_used_outside_the_request() {
	new_test_ext().execute_with(|| {
		let id = accepted(5);
		assert_noop!(
			Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 6),
			Error::<Test>::UnitsUsedAboveRequested
		);
		assert_noop!(
			Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 0),
			Error::<Test>::ZeroUnitsUsed
		);
	});
}

#[test]
fn rejects_an_open_or_unknown_build() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		assert_noop!(
			Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 1),
			Error::<Test>::BuildNotAssigned
		);
		assert_noop!(
			Burn::complete_build(77, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 1),
			Error::<Test>::UnknownBuild
		);
	});
}

#[test]
fn a_completed_build_cannot_be_refunded() {
	new_test_ext().execute_with(|| {
		let id = accepted(5);
		assert_ok!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 5));
		run_to_block(40);
		assert_noop!(
			Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::BuildNotExpired
		);
	});
}
