//! Claim_rewards.

use super::*;

#[test]
fn claim_rewards_splits_pro_rata_and_records_dust() {
	// Proven burn 1_000 : 2_000 : 4_000, budget capped at 1_000.
	epoch_with(
		ExtBuilder { ceiling: 1_000, ..Default::default() },
		&[(ALICE, 10, 1_000), (BOB, 10, 2_000), (CHARLIE, 10, 4_000)],
	)
	.execute_with(|| {
		let before = issuance();
		// ⌊1000·1/7⌋ = 142, ⌊1000·2/7⌋ = 285, ⌊1000·4/7⌋ = 571; dust 2.
		assert_eq!(Mint::unpaid_rewards(&BOB, &[0, 1]), vec![(0, 285)]);
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(BOB), epochs(&[0])));
		System::assert_last_event(
			Event::RewardsClaimed { provider: BOB, epoch: 0, amount: 285 }.into(),
		);
		assert_eq!(Balances::free_balance(BOB), PROVIDER_FUNDS + 285);
		assert!(Points::<Test>::get(0, BOB).unwrap().claimed);
		// So far: ⌊1000·2/7⌋ − 285 = 0.
		assert_eq!(Mint::epoch_record(0).unwrap().dust, 0);

		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])));
		assert_eq!(Balances::free_balance(ALICE), PROVIDER_FUNDS + 142);
		// ⌊1000·3/7⌋ − 427 = 1.
		assert_eq!(Mint::epoch_record(0).unwrap().dust, 1);
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(CHARLIE), epochs(&[0])));
		assert_eq!(Balances::free_balance(CHARLIE), PROVIDER_FUNDS + 571);

		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.minted_rewards, 998);
		assert_eq!(record.dust, 2);
		assert_eq!(record.claimed_points, 30);
		assert_eq!(record.claimed_proven_burn, 7_000);
		assert_eq!(record.minted_rewards + record.dust, record.budget);
		// 998 minted − 7_000 burned.
		assert_eq!(record.net_emission, SignedAmount { positive: false, magnitude: 6_002 });
		assert_eq!(issuance(), before + 998);
		assert_eq!(TotalMinted::<Test>::get(), 998);
		assert_eq!(Mint::unpaid_rewards(&BOB, &[0]), vec![]);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn claim_rewards_pays_several_epochs_at_once() {
	new_test_ext().execute_with(|| {
		for _ in 0..3 {
			let id = assigned_build(ALICE, 10, 400);
			assert_ok!(prove(ALICE, id, 10));
			close_epoch();
		}
		assert!((0..3).all(|e| Mint::epoch_record(e).unwrap().budget == 400));
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0, 1, 2])));
		assert_eq!(Balances::free_balance(ALICE), PROVIDER_FUNDS + 1_200);
		assert_eq!(
			last_mint_events(3),
			(0..3)
				.map(|epoch| Event::RewardsClaimed { provider: ALICE, epoch, amount: 400 })
				.collect::<Vec<_>>()
		);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn claim_rewards_requires_signed_origin() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 1, 1_000)]).execute_with(|| {
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::root(), epochs(&[0])),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn claim_rewards_rejects_open_epoch() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 1, 1_000)]).execute_with(|| {
		let id = assigned_build(ALICE, 1, 10);
		assert_ok!(prove(ALICE, id, 1));
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[1])),
			Error::<Test>::EpochNotClosed
		);
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[7])),
			Error::<Test>::EpochNotClosed
		);
	});
}

#[test]
fn claim_rewards_rejects_provider_without_points() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 1, 1_000)]).execute_with(|| {
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(BOB), epochs(&[0])),
			Error::<Test>::NothingToClaim
		);
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[])),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn claim_rewards_pays_each_epoch_once() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 1, 1_000)]).execute_with(|| {
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])));
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])),
			Error::<Test>::AlreadyClaimed
		);
	});
}

#[test]
fn claim_rewards_rejects_duplicate_epochs_in_one_call() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 1, 1_000)]).execute_with(|| {
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0, 0])),
			Error::<Test>::AlreadyClaimed
		);
	});
}

#[test]
fn claim_rewards_is_all_or_nothing() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 1, 1_000)]).execute_with(|| {
		// Epoch 0 is claimable, epoch 1 is still open: nothing is paid.
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0, 1])),
			Error::<Test>::EpochNotClosed
		);
		assert_eq!(Balances::free_balance(ALICE), PROVIDER_FUNDS);
	});
}
