use super::*;
use crate::BondAllowances;

#[test]
fn a_provider_that_governance_stopped_trusting_gets_its_bond_back_on_release() {
	new_test_ext().execute_with(|| {
		let build = accepted(100);
		let (free, allowance) =
			(Balances::free_balance(PROVIDER), BondAllowances::<Test>::get(PROVIDER));
		revoke_by_governance(PROVIDER);
		let burned_before = total_burned();
		assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), build));
		System::assert_has_event(
			Event::BondReturned { build_id: build, provider: PROVIDER, amount: 100 }.into(),
		);
		assert_eq!(bonded(PROVIDER), 0);
		assert_eq!(Balances::free_balance(PROVIDER), free + 100);
		assert_eq!(BondAllowances::<Test>::get(PROVIDER), allowance + 100);
		assert_eq!(total_burned(), burned_before, "nothing burned");
		assert_eq!(state(build), BuildState::Open);
		assert_ok!(Burn::do_try_state());
	});
}

#[test]
fn any_other_release_still_burns_the_bond() {
	new_test_ext().execute_with(|| {
		let build = accepted(100);
		let burned_before = total_burned();
		assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), build));
		assert_eq!(total_burned(), burned_before + 100);
		// Revoked after its deadline: the bond was already lost at the deadline.
		let late = accepted(100);
		run_to_block(System::block_number() + 100);
		revoke_by_governance(PROVIDER);
		assert_noop!(
			Burn::release_build(RuntimeOrigin::signed(PROVIDER), late),
			Error::<Test>::BuildNotAssigned
		);
	});
}
