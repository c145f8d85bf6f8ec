use super::*;

#[test]
fn burns_the_price_and_opens_the_build() {
	new_test_ext().execute_with(|| {
		let before = issuance();
		assert_ok!(Burn::submit_build(
			RuntimeOrigin::signed(ALICE),
			SPEC,
			INPUT,
			7,
			Some(measurement()),
			70
		));

		assert_eq!(issuance(), before - 70);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - 70 - BuildDeposit::get());
		assert_eq!(deposited(ALICE), BuildDeposit::get());
		let build = Builds::<Test>::get(0).unwrap();
		assert_eq!(build.builder, ALICE);
		assert_eq!((build.units, build.price), (7, 70));
		assert_eq!(build.required_measurement, Some(measurement()));
		assert_eq!((build.submitted_at, build.expires_at), (1, 21));
		assert_eq!(build.state, BuildState::Open);
		assert_eq!(build.deposit, BuildDeposit::get());
		let ledger = Ledger::<Test>::get();
		assert_eq!((ledger.next_build_id, ledger.oldest_build_id), (1, 0));
		assert_eq!((ledger.total_burned, ledger.burned_this_epoch), (70, 70));
		System::assert_last_event(
			Event::BuildSubmitted { build_id: 0, builder: ALICE, units: 7, burned: 70 }.into(),
		);
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn books_the_burn_in_the_open_epoch_until_the_mint_takes_it() {
	new_test_ext().execute_with(|| {
		submit(1);
		assert_eq!(<Burn as BurnLedger<Balance>>::burned_in_open_epoch(), 10);
		// The mint closes the epoch: it takes the sum, which starts again from zero.
		assert_eq!(<Burn as BurnLedger<Balance>>::take_epoch_burn(), 10);
		assert_eq!(<Burn as BurnLedger<Balance>>::burned_in_open_epoch(), 0);
		submit(2);
		assert_eq!(<Burn as BurnLedger<Balance>>::take_epoch_burn(), 20);
		assert_eq!(<Burn as BurnLedger<Balance>>::take_epoch_burn(), 0);
		assert_eq!(total_burned(), 30);
	});
}

#[test]
fn rejects_zero_units() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 0, None, 100),
			Error::<Test>::ZeroUnits
		);
	});
}

#[test]
fn rejects_more_units_than_the_maximum() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 1_001, None, u64::MAX),
			Error::<Test>::TooManyUnits
		);
	});
}

#[test]
fn rejects_a_price_above_max_price() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 5, None, 49),
			Error::<Test>::PriceAboveMax
		);
	});
}

#[test]
fn guards_against_a_price_change_before_inclusion() {
	new_test_ext().execute_with(|| {
		// Signed for 5 units at 10 each; the price rises to 11 before inclusion.
		assert_ok!(Burn::set_price_per_unit(RuntimeOrigin::root(), 11));
		assert_noop!(
			Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 5, None, 50),
			Error::<Test>::PriceAboveMax
		);
	});
}

#[test]
fn rejects_a_price_that_overflows() {
	new_test_ext().execute_with(|| {
		// Unreachable within the bounds (integrity_test checks); forced here.
		PricePerUnit::<Test>::put(Balance::MAX);
		assert_noop!(
			Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 2, None, u64::MAX),
			Error::<Test>::PriceOverflow
		);
	});
}

#[test]
fn never_burns_the_existential_deposit() {
	new_test_ext().execute_with(|| {
		// POOR holds 50: paying 40 and a deposit of 2 leaves 8; paying 50 would reap the
		// account, and paying 40 with no room for the deposit is refused too.
		assert_noop!(
			Burn::submit_build(RuntimeOrigin::signed(POOR), SPEC, INPUT, 5, None, 50),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Burn::submit_build(RuntimeOrigin::signed(POOR), SPEC, INPUT, 4, None, 40));
		assert_eq!(Balances::balance(&POOR), 8);
		assert_eq!(deposited(POOR), 2);
	});
}

#[test]
fn rejects_a_builder_that_cannot_hold_the_deposit() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::fungible::Mutate;
		// 42 pays a price of 40 and keeps the existential deposit, but leaves no room
		// for the deposit of 2: nothing is burned or held.
		Balances::set_balance(&POOR, 42);
		assert_noop!(
			Burn::submit_build(RuntimeOrigin::signed(POOR), SPEC, INPUT, 4, None, 40),
			Error::<Test>::InsufficientBalance
		);
		Balances::set_balance(&POOR, 43);
		assert_ok!(Burn::submit_build(RuntimeOrigin::signed(POOR), SPEC, INPUT, 4, None, 40));
		assert_eq!((Balances::balance(&POOR), deposited(POOR)), (1, 2));
	});
}

#[test]
fn rejects_when_build_ids_are_exhausted() {
	new_test_ext().execute_with(|| {
		Ledger::<Test>::mutate(|ledger| ledger.next_build_id = u64::MAX);
		assert_noop!(
			Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 1, None, 10),
			Error::<Test>::BuildIdOverflow
		);
	});
}

#[test]
fn must_be_signed() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Burn::submit_build(RuntimeOrigin::none(), SPEC, INPUT, 1, None, 10),
			DispatchError::BadOrigin
		);
	});
}
