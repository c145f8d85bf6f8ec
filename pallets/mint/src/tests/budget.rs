//! The budget.

use super::*;

#[test]
fn budget_for_is_ratio_times_proven_burn_capped_at_ceiling() {
	let p = |ratio, ceiling| MintParameters { ratio, ceiling, epoch_length: EPOCH };
	let one = FixedU128::from_u32(1);
	assert_eq!(Mint::budget_for(&p(one, 100_000), 400), (400, None));
	assert_eq!(Mint::budget_for(&p(one, 100_000), 0), (0, None));
	// Rounded down: ⌊2_001 / 2⌋.
	assert_eq!(Mint::budget_for(&p(half(), 1_000), 2_001), (1_000, None));
	// Capped: the uncapped amount is reported.
	assert_eq!(Mint::budget_for(&p(half(), 1_000), 2_003), (1_000, Some(1_001)));
	assert_eq!(Mint::budget_for(&p(one, 1_000), 1_000), (1_000, None));
}

#[test]
fn share_of_is_pro_rata_rounded_down() {
	assert_eq!(Mint::share_of(1_000, 1_000, 7_000), 142);
	assert_eq!(Mint::share_of(1_000, 4_000, 7_000), 571);
	assert_eq!(Mint::share_of(1_000, 7_000, 7_000), 1_000);
	assert_eq!(Mint::share_of(1_000, 5, 0), 0);
}

#[test]
fn budget_is_ratio_times_proven_burn_rounded_down() {
	epoch_with(ExtBuilder { ratio: half(), ..Default::default() }, &[(ALICE, 10, 2_001)])
		.execute_with(|| {
			let record = Mint::epoch_record(0).unwrap();
			assert_eq!(record.proven_burn, 2_001);
			assert_eq!(record.budget, 1_000);
			assert!(!record.capped_at_ceiling);
			assert_eq!(claim_share(ALICE, 0), 1_000);
			assert_ok!(Mint::do_try_state());
		});
}

#[test]
fn at_ratio_one_the_budget_is_the_proven_burn() {
	epoch_with(ExtBuilder { ratio: MaxRatio::get(), ..Default::default() }, &[(ALICE, 10, 400)])
		.execute_with(|| {
			assert_eq!(Mint::epoch_record(0).unwrap().budget, 400);
			assert_eq!(claim_share(ALICE, 0), 400);
		});
}

#[test]
fn ceiling_caps_the_budget_and_shares_stay_pro_rata() {
	ExtBuilder { ratio: half(), ceiling: 1_000, ..Default::default() }.build().execute_with(|| {
		let a = assigned_build(ALICE, 10, 3_000);
		let b = assigned_build(BOB, 10, 1_000);
		assert_ok!(prove(ALICE, a, 10));
		assert_ok!(prove(BOB, b, 10));
		close_epoch();
		// ½ × 4_000 = 2_000 > 1_000.
		assert_eq!(
			last_mint_events(2),
			vec![
				Event::CeilingReached { epoch: 0, uncapped: 2_000, ceiling: 1_000 },
				Event::EpochClosed {
					epoch: 0,
					burned: 4_000,
					refunded: 0,
					proven_burn: 4_000,
					budget: 1_000,
					points: 20
				},
			]
		);
		let record = Mint::epoch_record(0).unwrap();
		assert!(record.capped_at_ceiling);
		assert_eq!(record.budget, 1_000);
		// Each is paid the same half of ½ × its proven burn: 3 : 1.
		assert_eq!(claim_share(ALICE, 0), 750);
		assert_eq!(claim_share(BOB, 0), 250);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn a_budget_exactly_at_the_ceiling_is_not_capped() {
	ExtBuilder { ceiling: 1_000, ..Default::default() }.build().execute_with(|| {
		let id = assigned_build(ALICE, 10, 1_000);
		assert_ok!(prove(ALICE, id, 10));
		close_epoch();
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.budget, 1_000);
		assert!(!record.capped_at_ceiling);
		assert!(!System::events()
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::Mint(Event::CeilingReached { .. }))));

		// One more proven AZRA and the ceiling binds.
		let id = assigned_build(ALICE, 10, 1_001);
		assert_ok!(prove(ALICE, id, 10));
		close_epoch();
		assert!(Mint::epoch_record(1).unwrap().capped_at_ceiling);
		System::assert_has_event(
			Event::CeilingReached { epoch: 1, uncapped: 1_001, ceiling: 1_000 }.into(),
		);
	});
}

#[test]
fn shares_follow_proven_burn_not_units() {
	ExtBuilder { ratio: half(), ..Default::default() }.build().execute_with(|| {
		// The same 10 units of work, in a build priced 100 and in one priced 300.
		let cheap = assigned_build(ALICE, 10, 100);
		let dear = assigned_build(BOB, 10, 300);
		assert_ok!(prove(ALICE, cheap, 10));
		assert_ok!(prove(BOB, dear, 10));
		assert_eq!(Mint::points_of(0, &ALICE), Mint::points_of(0, &BOB));
		close_epoch();
		// Budget ½ × 400 = 200, split 100 : 300.
		assert_eq!(Mint::epoch_record(0).unwrap().budget, 200);
		assert_eq!(Mint::unpaid_rewards(&ALICE, &[0]), vec![(0, 50)]);
		assert_eq!(Mint::unpaid_rewards(&BOB, &[0]), vec![(0, 150)]);
		assert_eq!(claim_share(ALICE, 0), 50);
		assert_eq!(claim_share(BOB, 0), 150);
	});
}

#[test]
fn a_partly_used_build_proves_the_price_of_the_units_used_and_refunds_the_rest() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 100, 400);
		assert_eq!(Balances::free_balance(BUILDER), BUILDER_FUNDS - 400);
		assert_ok!(prove(ALICE, id, 25));
		// ⌊400 × 25 / 100⌋ = 100 proven; 300 back to the builder.
		System::assert_has_event(
			Event::Refunded { builder: BUILDER, amount: 300, epoch: 0 }.into(),
		);
		assert_eq!(TotalRefunded::<Test>::get(), 300);
		assert_eq!(Balances::free_balance(BUILDER), BUILDER_FUNDS - 100);
		assert_eq!(
			Points::<Test>::get(0, ALICE),
			Some(ProviderPoints { points: 25, proven_burn: 100, claimed: false })
		);

		close_epoch();
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.burned, 400);
		assert_eq!(record.refunded, 300);
		assert_eq!(record.proven_burn, 100);
		assert_eq!(record.budget, 100);
		assert_eq!(claim_share(ALICE, 0), 100);
		// 100 minted + 300 refunded − 400 burned.
		assert_eq!(Mint::epoch_record(0).unwrap().net_emission, SignedAmount::zero());
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn burn_that_was_never_proven_never_enters_a_budget() {
	new_test_ext().execute_with(|| {
		// Plain burn (fees, forfeited bonds) …
		assert_ok!(MockBurn::burn(BUILDER, 500_000));
		// … a build nobody took, expired and refunded …
		let untaken = MockBurn::submit(BUILDER, 10, 100_000).unwrap();
		assert_ok!(MockBurn::expire(untaken));
		// … a build ALICE took but did not prove before it expired …
		let missed = assigned_build(ALICE, 10, 100_000);
		assert_ok!(MockBurn::expire(missed));
		assert_noop!(prove(ALICE, missed, 10), Error::<Test>::BuildExpired);
		// … and a build still waiting when the epoch ends.
		let _waiting = MockBurn::submit(BUILDER, 10, 100_000).unwrap();
		close_epoch();

		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.burned, 800_000);
		assert_eq!(record.refunded, 200_000);
		assert_eq!(record.proven_burn, 0);
		assert_eq!(record.budget, 0);

		// Nor does it carry into later epochs: the next budget is its own proven burn.
		let id = assigned_build(ALICE, 10, 100);
		assert_ok!(prove(ALICE, id, 10));
		close_epoch();
		let record = Mint::epoch_record(1).unwrap();
		assert_eq!(record.proven_burn, 100);
		assert_eq!(record.budget, 100);
		assert_eq!(claim_share(ALICE, 1), 100);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn proven_burn_counts_in_the_epoch_of_the_proof() {
	new_test_ext().execute_with(|| {
		// Paid in epoch 0, proven in epoch 1.
		let id = assigned_build(ALICE, 10, 700);
		close_epoch();
		assert_ok!(prove(ALICE, id, 10));
		close_epoch();

		let paid_in = Mint::epoch_record(0).unwrap();
		assert_eq!((paid_in.burned, paid_in.proven_burn, paid_in.budget), (700, 0, 0));
		let proven_in = Mint::epoch_record(1).unwrap();
		assert_eq!((proven_in.burned, proven_in.proven_burn, proven_in.budget), (0, 700, 700));
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])),
			Error::<Test>::NothingToClaim
		);
		assert_eq!(claim_share(ALICE, 1), 700);
	});
}
