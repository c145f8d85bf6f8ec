use super::*;
use crate::BondAllowances;

/// A 100-unit build's bond in the mock: 10% of 1,000.
const BOND: Balance = 100;

#[test]
fn taking_a_build_spends_the_allowance_a_proof_gives_it_back_a_forfeit_does_not() {
	new_test_ext().execute_with(|| {
		make_eligible(PROVIDER, None);
		assert_ok!(Burn::set_bond_allowance(RuntimeOrigin::signed(PROVIDER), 2 * BOND));
		System::assert_last_event(
			Event::BondAllowanceSet { provider: PROVIDER, allowance: 2 * BOND }.into(),
		);
		let proven = submit(100);
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), proven));
		assert_eq!(BondAllowances::<Test>::get(PROVIDER), BOND);
		assert_ok!(Burn::complete_build(proven, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 100));
		assert_eq!(BondAllowances::<Test>::get(PROVIDER), 2 * BOND, "the returned bond");

		let released = submit(100);
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), released));
		assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), released));
		assert_eq!(BondAllowances::<Test>::get(PROVIDER), BOND, "a forfeit stays spent");
	});
}

/// The hot key's attack: accept and release a large build again and again, burning a bond
/// each time. The cold account loses at most the allowance it set; the builder cancels
/// for a full refund.
#[test]
fn accept_release_pairs_burn_at_most_the_allowance() {
	new_test_ext().execute_with(|| {
		make_eligible(PROVIDER, None);
		let allowance = 2 * BOND + BOND / 2;
		assert_ok!(Burn::set_bond_allowance(RuntimeOrigin::signed(PROVIDER), allowance));
		let start = Balances::total_balance(&PROVIDER);
		let build = submit(100);
		for _ in 0..2 {
			assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), build));
			assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), build));
		}
		for _ in 0..18 {
			assert_noop!(
				Burn::accept_build(RuntimeOrigin::signed(PROVIDER), build),
				Error::<Test>::BondAllowanceExceeded
			);
		}
		let lost = start - Balances::total_balance(&PROVIDER);
		assert_eq!(lost, 2 * BOND);
		assert!(lost <= allowance);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), build));
		assert_eq!(refunded(), 100 * GENESIS_PRICE);
	});
}

#[test]
fn an_account_without_an_allowance_has_the_default() {
	new_test_ext().execute_with(|| {
		assert_eq!(BondAllowances::<Test>::get(BOB), DefaultBondAllowance::get());
		assert!(!BondAllowances::<Test>::contains_key(BOB));
		// Zero stops the account's bonds altogether.
		make_eligible(PROVIDER, None);
		assert_ok!(Burn::set_bond_allowance(RuntimeOrigin::signed(PROVIDER), 0));
		let build = submit(1);
		assert_noop!(
			Burn::accept_build(RuntimeOrigin::signed(PROVIDER), build),
			Error::<Test>::BondAllowanceExceeded
		);
	});
}
