use super::*;

#[test]
fn assigns_the_build_with_a_deadline() {
	new_test_ext().execute_with(|| {
		let id = submit(3);
		make_eligible(PROVIDER, None);
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id));
		assert_eq!(state(id), BuildState::Assigned { provider: PROVIDER, deadline: 6 });
		// The price is 30; 10% of it is below the minimum bond of 3.
		assert_eq!(bonded(PROVIDER), 3);
		System::assert_last_event(
			Event::BuildAccepted { build_id: id, provider: PROVIDER, deadline: 6, bond: 3 }.into(),
		);
	});
}

#[test]
fn asks_eligibility_for_the_required_measurement() {
	new_test_ext().execute_with(|| {
		assert_ok!(Burn::submit_build(
			RuntimeOrigin::signed(ALICE),
			SPEC,
			INPUT,
			1,
			Some(measurement()),
			10
		));
		make_eligible(PROVIDER, None);
		assert_noop!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), 0), NOT_ELIGIBLE);
		make_eligible(PROVIDER, Some(measurement()));
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), 0));
	});
}

#[test]
fn rejects_an_ineligible_provider() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		assert_noop!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id), NOT_ELIGIBLE);
	});
}

#[test]
fn rejects_the_builders_own_account() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		make_eligible(ALICE, None);
		assert_noop!(Burn::accept_build(RuntimeOrigin::signed(ALICE), id), Error::<Test>::OwnBuild);
	});
}

#[test]
fn rejects_an_unknown_build() {
	new_test_ext().execute_with(|| {
		make_eligible(PROVIDER, None);
		assert_noop!(
			Burn::accept_build(RuntimeOrigin::signed(PROVIDER), 42),
			Error::<Test>::UnknownBuild
		);
	});
}

#[test]
fn rejects_a_build_already_taken() {
	new_test_ext().execute_with(|| {
		let id = accepted(1);
		make_eligible(OTHER_PROVIDER, None);
		assert_noop!(
			Burn::accept_build(RuntimeOrigin::signed(OTHER_PROVIDER), id),
			Error::<Test>::BuildNotOpen
		);
	});
}

#[test]
fn rejects_an_expired_build() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		make_eligible(PROVIDER, None);
		run_to_block(22);
		assert_eq!(state(id), BuildState::Expired);
		assert_noop!(
			Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id),
			Error::<Test>::BuildNotOpen
		);
	});
}

#[test]
fn a_missed_deadline_reopens_the_build_for_others() {
	new_test_ext().execute_with(|| {
		let id = accepted(1);
		run_to_block(7);
		assert_eq!(state(id), BuildState::Open);
		make_eligible(OTHER_PROVIDER, None);
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(OTHER_PROVIDER), id));
		assert_eq!(state(id), BuildState::Assigned { provider: OTHER_PROVIDER, deadline: 12 });
	});
}
