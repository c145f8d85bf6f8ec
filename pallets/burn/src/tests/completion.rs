use super::*;

#[test]
fn returns_the_proven_burn_and_refunds_the_unused_units() {
	new_test_ext().execute_with(|| {
		let id = accepted(5);
		let alice_before = Balances::free_balance(ALICE);
		let proven = Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 2)
			.expect("completes");
		assert_eq!(proven, 20, "2 of 5 units at 10 each");
		assert_eq!(refunded(), 30);
		assert_eq!(Balances::free_balance(ALICE), alice_before + 30);
		System::assert_has_event(
			Event::BuildRefunded { build_id: id, builder: ALICE, amount: 30 }.into(),
		);
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn a_fully_used_build_refunds_nothing() {
	new_test_ext().execute_with(|| {
		let id = accepted(5);
		assert_eq!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 5), Ok(50));
		assert_eq!(refunded(), 0);
	});
}

#[test]
fn rounding_keeps_the_proven_burn_within_the_price() {
	new_test_ext().execute_with(|| {
		assert_ok!(Burn::set_price_per_unit(RuntimeOrigin::root(), 11));
		let id = accepted(3);
		// 1 of 3 units of a price of 33: 11 proven, 22 refunded; nothing is lost.
		assert_eq!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 1), Ok(11));
		assert_eq!(refunded(), 22);
	});
}
