//! Genesis and epochs.

use super::*;

#[test]
fn genesis_is_consistent() {
	new_test_ext().execute_with(|| {
		assert_eq!(Mint::current_epoch(), 0);
		assert_eq!(
			params(),
			MintParameters { ratio: FixedU128::from_u32(1), ceiling: 100_000, epoch_length: EPOCH }
		);
		assert_eq!(GenesisIssuance::<Test>::get(), BUILDER_FUNDS + 5 * PROVIDER_FUNDS);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
#[should_panic(expected = "outside their hard bounds")]
fn genesis_rejects_a_ratio_above_one() {
	ExtBuilder { ratio: FixedU128::from_u32(2), ..Default::default() }.build();
}

#[test]
fn epochs_follow_block_numbers() {
	new_test_ext().execute_with(|| {
		// Epoch 0 is blocks 1..=10; epoch 1 opens in block 11.
		run_to_block(10);
		assert_eq!(<Mint as EpochClock>::current_epoch(), 0);
		assert!(EpochRecords::<Test>::get(0).is_none());
		// Derived from the block number even before the hook ran in block 11.
		System::set_block_number(11);
		assert_eq!(Mint::current_epoch(), 1);
		Mint::on_initialize(11);
		assert!(EpochRecords::<Test>::get(0).is_some());
		assert_eq!(CurrentEpoch::<Test>::get().index, 1);
		assert_eq!(CurrentEpoch::<Test>::get().start, 11);
		run_to_block(21);
		assert_eq!(Mint::current_epoch(), 2);
		assert!(EpochRecords::<Test>::get(1).is_some());
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn epoch_close_emits_event_and_records() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 400);
		assert_ok!(prove(ALICE, id, 10));
		close_epoch();
		// Fully proven at ratio 1: budget = proven burn = 400.
		assert_eq!(
			last_mint_events(1),
			vec![Event::EpochClosed {
				epoch: 0,
				burned: 400,
				refunded: 0,
				proven_burn: 400,
				budget: 400,
				points: 10
			}]
		);
		assert_eq!(
			Mint::epoch_record(0).unwrap(),
			EpochRecord {
				burned: 400,
				minted_rewards: 0,
				refunded: 0,
				net_emission: SignedAmount { positive: false, magnitude: 400 },
				points: 10,
				proven_burn: 400,
				providers: 1,
				claimed_points: 0,
				claimed_proven_burn: 0,
				budget: 400,
				dust: 0,
				capped_at_ceiling: false,
			}
		);
		// The epoch's tally moved into the record.
		assert_eq!(EpochTallies::<Test>::get(0), EpochTally::default());
	});
}

/// The burn ledger keeps one running sum for the open epoch; closing the epoch takes it
/// into the record and the next epoch starts again from zero.
#[test]
fn an_epoch_records_the_burn_ledger_sum_taken_when_it_closes() {
	new_test_ext().execute_with(|| {
		assert_ok!(MockBurn::burn(BUILDER, 300));
		assert_ok!(MockBurn::burn(BUILDER, 200));
		assert_eq!(MockBurn::burned_in_open_epoch(), 500);
		close_epoch();
		assert_eq!(Mint::epoch_record(0).unwrap().burned, 500);
		assert_eq!(MockBurn::burned_in_open_epoch(), 0);

		assert_ok!(MockBurn::burn(BUILDER, 50));
		close_epoch();
		assert_eq!(Mint::epoch_record(1).unwrap().burned, 50);
		// An epoch without burn records zero, not what came before.
		close_epoch();
		assert_eq!(Mint::epoch_record(2).unwrap().burned, 0);
		assert_eq!(MockBurn::total_burned(), 550);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn epoch_without_proofs_mints_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(MockBurn::burn(BUILDER, 5_000));
		close_epoch();
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.burned, 5_000);
		assert_eq!(record.points, 0);
		assert_eq!(record.proven_burn, 0);
		assert_eq!(record.budget, 0);
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])),
			Error::<Test>::NothingToClaim
		);
		assert_eq!(TotalMinted::<Test>::get(), 0);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn new_epoch_length_applies_from_next_epoch() {
	new_test_ext().execute_with(|| {
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { epoch_length: 12, ..params() }
		));
		// Epoch 0 keeps its 10 blocks.
		run_to_block(11);
		assert_eq!(Mint::current_epoch(), 1);
		assert_eq!(CurrentEpoch::<Test>::get().length, 12);
		run_to_block(22);
		assert_eq!(Mint::current_epoch(), 1);
		run_to_block(23);
		assert_eq!(Mint::current_epoch(), 2);
	});
}
