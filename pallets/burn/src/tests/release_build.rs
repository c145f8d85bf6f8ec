use super::*;

#[test]
fn reopens_the_build() {
	new_test_ext().execute_with(|| {
		let id = accepted(1);
		assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), id));
		assert_eq!(state(id), BuildState::Open);
		System::assert_last_event(Event::BuildReleased { build_id: id, provider: PROVIDER }.into());
	});
}

#[test]
fn rejects_another_provider() {
	new_test_ext().execute_with(|| {
		let id = accepted(1);
		assert_noop!(
			Burn::release_build(RuntimeOrigin::signed(OTHER_PROVIDER), id),
			Error::<Test>::NotAssignedProvider
		);
	});
}

#[test]
fn rejects_an_open_build() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		assert_noop!(
			Burn::release_build(RuntimeOrigin::signed(PROVIDER), id),
			Error::<Test>::BuildNotAssigned
		);
	});
}

#[test]
fn rejects_an_assignment_past_its_deadline() {
	new_test_ext().execute_with(|| {
		let id = accepted(1);
		run_to_block(7);
		assert_noop!(
			Burn::release_build(RuntimeOrigin::signed(PROVIDER), id),
			Error::<Test>::BuildNotAssigned
		);
	});
}

#[test]
fn rejects_an_unknown_build() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Burn::release_build(RuntimeOrigin::signed(PROVIDER), 3),
			Error::<Test>::UnknownBuild
		);
	});
}
