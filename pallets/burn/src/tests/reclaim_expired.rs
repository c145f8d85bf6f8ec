use super::*;

#[test]
fn refunds_an_expired_build() {
	new_test_ext().execute_with(|| {
		let before = issuance();
		let id = submit(6);
		run_to_block(22);
		assert_ok!(Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(issuance(), before);
		assert_eq!(refunded(), 60);
		System::assert_has_event(Event::BuildExpired { build_id: id, cancelled: false }.into());
		System::assert_last_event(
			Event::BuildRefunded { build_id: id, builder: ALICE, amount: 60 }.into(),
		);
	});
}

#[test]
fn an_abandoned_assignment_past_expiry_is_expired() {
	new_test_ext().execute_with(|| {
		let id = accepted(1);
		run_to_block(22);
		assert_eq!(state(id), BuildState::Expired);
		assert_ok!(Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id));
	});
}

#[test]
fn rejects_a_build_before_expiry() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		run_to_block(21);
		assert_noop!(
			Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::BuildNotExpired
		);
	});
}

#[test]
fn rejects_another_account() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		run_to_block(22);
		assert_noop!(
			Burn::reclaim_expired(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotBuilder
		);
	});
}

#[test]
fn refunds_once() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		run_to_block(22);
		assert_ok!(Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id));
		assert_noop!(
			Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::AlreadyRefunded
		);
	});
}

#[test]
fn rejects_an_unknown_build() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::UnknownBuild
		);
	});
}
