use super::*;

#[test]
fn changes_the_price_within_one_step() {
	new_test_ext().execute_with(|| {
		assert_ok!(Burn::set_price_per_unit(RuntimeOrigin::root(), 11));
		assert_eq!(Burn::price_per_unit(), 11);
		System::assert_last_event(Event::PricePerUnitSet { old: 10, new: 11 }.into());
		assert_eq!(Burn::quote(3), Some(33));
	});
}

#[test]
fn is_for_root_only() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Burn::set_price_per_unit(RuntimeOrigin::signed(ALICE), 11),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn rejects_prices_outside_the_hard_bounds() {
	new_test_ext().execute_with(|| {
		PricePerUnit::<Test>::put(100);
		assert_noop!(
			Burn::set_price_per_unit(RuntimeOrigin::root(), 101),
			Error::<Test>::PricePerUnitOutOfBounds
		);
		PricePerUnit::<Test>::put(1);
		assert_noop!(
			Burn::set_price_per_unit(RuntimeOrigin::root(), 0),
			Error::<Test>::PricePerUnitOutOfBounds
		);
	});
}

#[test]
fn rejects_a_step_above_the_per_epoch_maximum() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Burn::set_price_per_unit(RuntimeOrigin::root(), 12),
			Error::<Test>::PriceChangeTooLarge
		);
		assert_noop!(
			Burn::set_price_per_unit(RuntimeOrigin::root(), 8),
			Error::<Test>::PriceChangeTooLarge
		);
	});
}

#[test]
fn steps_within_one_epoch_do_not_add_up() {
	new_test_ext().execute_with(|| {
		assert_ok!(Burn::set_price_per_unit(RuntimeOrigin::root(), 11));
		assert_noop!(
			Burn::set_price_per_unit(RuntimeOrigin::root(), 12),
			Error::<Test>::PriceChangeTooLarge
		);
		// The next epoch measures from 11.
		run_to_block(10);
		assert_ok!(Burn::set_price_per_unit(RuntimeOrigin::root(), 12));
	});
}
