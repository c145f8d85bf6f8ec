use super::*;

#[test]
fn refunds_an_open_build() {
	new_test_ext().execute_with(|| {
		let before = issuance();
		let id = submit(4);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(issuance(), before);
		assert_eq!(refunded(), 40);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - BuildDeposit::get());
		let build = Builds::<Test>::get(id).unwrap();
		assert_eq!(build.state, BuildState::Expired);
		assert!(build.refunded);
		System::assert_has_event(Event::BuildExpired { build_id: id, cancelled: true }.into());
		System::assert_last_event(
			Event::BuildRefunded { build_id: id, builder: ALICE, amount: 40 }.into(),
		);
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn rejects_another_account() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		assert_noop!(Burn::cancel_build(RuntimeOrigin::signed(BOB), id), Error::<Test>::NotBuilder);
	});
}

#[test]
fn rejects_an_assigned_build() {
	new_test_ext().execute_with(|| {
		let id = accepted(1);
		assert_noop!(
			Burn::cancel_build(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::BuildNotOpen
		);
	});
}

#[test]
fn rejects_an_expired_build() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		run_to_block(30);
		assert_noop!(
			Burn::cancel_build(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::BuildNotOpen
		);
	});
}

#[test]
fn refunds_once() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
		assert_noop!(
			Burn::cancel_build(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::AlreadyRefunded
		);
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
			Burn::cancel_build(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::UnknownBuild
		);
	});
}
