//! Parameters.

use super::*;

#[test]
fn set_parameters_within_bounds_and_step() {
	new_test_ext().execute_with(|| {
		// Each exactly 20% from its value when the epoch opened.
		let new = MintParameters {
			ratio: FixedU128::from_rational(4, 5),
			ceiling: 80_000,
			epoch_length: 12,
		};
		assert_ok!(Mint::set_parameters(RuntimeOrigin::root(), new));
		System::assert_last_event(Event::ParametersSet { parameters: new }.into());
		assert_eq!(params(), new);
	});
}

#[test]
fn set_parameters_requires_root() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Mint::set_parameters(RuntimeOrigin::signed(ALICE), params()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn set_parameters_rejects_a_ratio_above_max_ratio() {
	new_test_ext().execute_with(|| {
		// MaxRatio is 1: above it, rewards would exceed the burn of the work they pay for.
		// The smallest step above it is well within the 20% step: the hard bound stops it.
		let above = MaxRatio::get() + FixedU128::from_inner(1);
		assert_noop!(
			Mint::set_parameters(
				RuntimeOrigin::root(),
				MintParameters { ratio: above, ..params() }
			),
			Error::<Test>::RatioOutOfBounds
		);
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ratio: MaxRatio::get(), ..params() }
		));
	});
}

#[test]
fn set_parameters_rejects_values_outside_hard_bounds() {
	new_test_ext().execute_with(|| {
		let p = params();
		let cases: Vec<(ParametersOf<Test>, Error<Test>)> = vec![
			(MintParameters { ratio: FixedU128::from_u32(2), ..p }, Error::RatioOutOfBounds),
			(
				MintParameters { ratio: FixedU128::from_rational(1, 20), ..p },
				Error::RatioOutOfBounds,
			),
			(MintParameters { ceiling: 1_000_001, ..p }, Error::CeilingOutOfBounds),
			(MintParameters { ceiling: 999, ..p }, Error::CeilingOutOfBounds),
			(MintParameters { epoch_length: 1_001, ..p }, Error::EpochLengthOutOfBounds),
			(MintParameters { epoch_length: 1, ..p }, Error::EpochLengthOutOfBounds),
		];
		for (new, err) in cases {
			assert_noop!(Mint::set_parameters(RuntimeOrigin::root(), new), err);
		}
	});
}

#[test]
fn set_parameters_rejects_steps_above_max_change() {
	ExtBuilder { ratio: half(), ..Default::default() }.build().execute_with(|| {
		let p = params();
		let cases: Vec<(ParametersOf<Test>, Error<Test>)> = vec![
			(
				MintParameters { ratio: FixedU128::from_rational(61, 100), ..p },
				Error::RatioChangeTooLarge,
			),
			(
				MintParameters { ratio: FixedU128::from_rational(39, 100), ..p },
				Error::RatioChangeTooLarge,
			),
			(MintParameters { ceiling: 120_001, ..p }, Error::CeilingChangeTooLarge),
			(MintParameters { ceiling: 79_999, ..p }, Error::CeilingChangeTooLarge),
			(MintParameters { epoch_length: 13, ..p }, Error::EpochLengthChangeTooLarge),
			(MintParameters { epoch_length: 7, ..p }, Error::EpochLengthChangeTooLarge),
		];
		for (new, err) in cases {
			assert_noop!(Mint::set_parameters(RuntimeOrigin::root(), new), err);
		}
		// Exactly 20% is allowed.
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ratio: FixedU128::from_rational(3, 5), ..p }
		));
	});
}

#[test]
fn max_change_is_per_epoch_not_per_call() {
	new_test_ext().execute_with(|| {
		let p = params();
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ceiling: 115_000, ..p }
		));
		// Two 15% steps in one epoch add up to more than 20% of the epoch's starting value.
		assert_noop!(
			Mint::set_parameters(RuntimeOrigin::root(), MintParameters { ceiling: 132_250, ..p }),
			Error::<Test>::CeilingChangeTooLarge
		);
		// Going back within the window is fine.
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ceiling: 110_000, ..p }
		));
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ceiling: 115_000, ..p }
		));
		// Next epoch, the reference is 115_000.
		close_epoch();
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ceiling: 132_250, ..p }
		));
	});
}
