use super::*;

/// A build of `units` units taken by `PROVIDER`.
fn taken(units: u64) -> u64 {
	accepted(units)
}

#[test]
fn the_bond_is_a_tenth_of_the_price_and_at_least_the_minimum() {
	new_test_ext().execute_with(|| {
		assert_eq!(Burn::bond_for(1_000), 100);
		assert_eq!(Burn::bond_for(10), 3);
		let id = taken(100);
		assert_eq!(bonded(PROVIDER), 100);
		assert_eq!(Builds::<Test>::get(id).map(|b| b.bond), Some(100));
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn a_provider_that_cannot_bond_cannot_take_the_build() {
	new_test_ext().execute_with(|| {
		let id = submit(100);
		make_eligible(POOR, None);
		assert_noop!(
			Burn::accept_build(RuntimeOrigin::signed(POOR), id),
			Error::<Test>::InsufficientBond
		);
	});
}

#[test]
fn the_proof_returns_the_bond() {
	new_test_ext().execute_with(|| {
		let before = Balances::total_balance(&PROVIDER);
		let id = taken(100);
		assert_eq!(Balances::free_balance(PROVIDER), before - 100);
		assert_ok!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 100));
		assert_eq!(bonded(PROVIDER), 0);
		assert_eq!(Balances::free_balance(PROVIDER), before);
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn releasing_burns_the_bond() {
	new_test_ext().execute_with(|| {
		let id = taken(100);
		let (issuance_before, burned_before) = (issuance(), total_burned());
		assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), id));
		assert_eq!(bonded(PROVIDER), 0);
		assert_eq!(issuance(), issuance_before - 100);
		assert_eq!(total_burned(), burned_before + 100);
		System::assert_has_event(
			Event::BondForfeited { build_id: id, provider: PROVIDER, amount: 100 }.into(),
		);
		assert_eq!(Builds::<Test>::get(id).map(|b| b.bond), Some(0));
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn a_missed_deadline_burns_the_bond_when_another_provider_takes_over() {
	new_test_ext().execute_with(|| {
		let id = taken(100);
		run_to_block(7);
		make_eligible(OTHER_PROVIDER, None);
		let issuance_before = issuance();
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(OTHER_PROVIDER), id));
		assert_eq!(bonded(PROVIDER), 0);
		assert_eq!(bonded(OTHER_PROVIDER), 100);
		assert_eq!(issuance(), issuance_before - 100);
		System::assert_has_event(
			Event::BondForfeited { build_id: id, provider: PROVIDER, amount: 100 }.into(),
		);
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn the_builder_can_cancel_a_build_held_past_its_deadline() {
	new_test_ext().execute_with(|| {
		let id = taken(100);
		let alice_before = Balances::total_balance(&ALICE);
		assert_noop!(
			Burn::cancel_build(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::BuildNotOpen
		);
		run_to_block(7);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(Balances::total_balance(&ALICE), alice_before + 1_000, "full refund");
		assert_eq!(bonded(PROVIDER), 0, "the hostage-taker's bond is burned");
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn reclaiming_an_expired_build_burns_a_lapsed_bond() {
	new_test_ext().execute_with(|| {
		let id = taken(100);
		run_to_block(22);
		assert_eq!(state(id), BuildState::Expired);
		assert_eq!(bonded(PROVIDER), 100, "settled only when the build is touched");
		assert_ok!(Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(bonded(PROVIDER), 0);
		assert_eq!(refunded(), 1_000);
		Burn::do_try_state().unwrap();
	});
}

/// Accept/release griefing: a provider that takes a build and gives it back, again and
/// again, pays a bond each time; the builder loses nothing.
#[test]
fn accept_release_griefing_costs_the_griefer_a_bond_per_round() {
	new_test_ext().execute_with(|| {
		let id = submit(100);
		make_eligible(PROVIDER, None);
		let griefer_before = Balances::total_balance(&PROVIDER);
		let alice_before = Balances::total_balance(&ALICE);
		for _ in 0..5 {
			assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id));
			assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), id));
		}
		assert_eq!(griefer_before - Balances::total_balance(&PROVIDER), 500);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(Balances::total_balance(&ALICE), alice_before + 1_000);
		Burn::do_try_state().unwrap();
	});
}
