//! Read helpers, invariant.

use super::*;

#[test]
fn read_helpers_report_supply_parameters_and_records() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 1, 500), (BOB, 1, 500)]).execute_with(|| {
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])));
		close_epoch();
		let totals = Mint::supply_totals();
		assert_eq!(totals.minted, 500);
		assert_eq!(totals.refunded, 0);
		assert_eq!(totals.burned, 1_000);
		assert_eq!(totals.net_emission, SignedAmount { positive: false, magnitude: 500 });
		assert_eq!(totals.total_issuance, totals.genesis_issuance + 500 - 1_000);

		let view = Mint::parameters_with_bounds();
		assert_eq!(view.current, params());
		assert_eq!(
			view.min,
			MintParameters {
				ratio: FixedU128::from_rational(1, 10),
				ceiling: 1_000,
				epoch_length: 2
			}
		);
		assert_eq!(
			view.max,
			MintParameters {
				ratio: FixedU128::from_u32(1),
				ceiling: 1_000_000,
				epoch_length: 1_000
			}
		);
		assert_eq!(view.max_change_per_epoch, Perbill::from_percent(20));

		let records = Mint::epoch_records(0, 10);
		assert_eq!(records.iter().map(|(e, _)| *e).collect::<Vec<_>>(), vec![0, 1]);
		assert_eq!(Mint::unpaid_rewards(&BOB, &[0, 1, 2]), vec![(0, 500)]);
		assert_eq!(Mint::unpaid_rewards(&ALICE, &[0]), vec![]);
	});
}

#[test]
fn try_state_catches_minting_outside_the_pallet() {
	new_test_ext().execute_with(|| {
		assert_ok!(Mint::do_try_state());
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<AccountId>>::mint_into(
			&ALICE, 1
		));
		assert!(Mint::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_budget_above_the_proven_burn() {
	new_test_ext().execute_with(|| {
		EpochRecords::<Test>::insert(
			0,
			EpochRecord { proven_burn: 100, budget: 101, ..Default::default() },
		);
		assert_eq!(
			Mint::do_try_state(),
			Err(DispatchError::Other(
				"an epoch's budget exceeds the burn that paid for its proven work"
			))
		);
	});
}

#[test]
fn burn_ledger_and_issuance_agree_after_a_full_cycle() {
	new_test_ext().execute_with(|| {
		let kept = assigned_build(ALICE, 10, 300);
		let lost = assigned_build(BOB, 10, 200);
		assert_ok!(prove(ALICE, kept, 10));
		assert_ok!(MockBurn::expire(lost));
		close_epoch();
		assert_eq!(Mint::epoch_record(0).unwrap().budget, 300);
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])));
		assert_eq!(MockBurn::total_burned(), 500);
		assert_eq!(
			issuance(),
			GenesisIssuance::<Test>::get()
				+ TotalMinted::<Test>::get()
				+ TotalRefunded::<Test>::get()
				- 500
		);
		assert_ok!(Mint::do_try_state());
	});
}
