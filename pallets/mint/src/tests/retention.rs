//! Claim window, expiry, pruning.

use super::*;

#[test]
fn integrity_test_accepts_the_mock_constants() {
	new_test_ext().execute_with(|| {
		assert!(HistoryDepth::get() >= 1);
		assert!(MaxPrunedPerBlock::get() >= 1);
		<Mint as Hooks<BlockNumber>>::integrity_test();
	});
}

#[test]
fn is_expired_follows_the_history_depth() {
	new_test_ext().execute_with(|| {
		assert_eq!(HistoryDepth::get(), 4);
		assert_eq!(Mint::last_claim_epoch(0), 4);
		// Open and future epochs have not expired.
		assert!(!Mint::is_expired(0));
		assert!(!Mint::is_expired(100));
		open_epoch_without_pruning(4);
		// Epoch 4 = 0 + HistoryDepth: the last epoch of epoch 0's window.
		assert!(!Mint::is_expired(0));
		open_epoch_without_pruning(5);
		assert!(Mint::is_expired(0));
		assert!(!Mint::is_expired(1));
		// A pruned epoch stays expired whatever the clock says.
		HistoryStart::<Test>::put(3);
		assert!(Mint::is_expired(2));
		assert!(!Mint::is_expired(3));
	});
}

#[test]
fn claim_is_allowed_in_the_last_epoch_of_the_window_and_refused_one_epoch_later() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 10, 1_000), (BOB, 10, 500)]).execute_with(|| {
		// Epoch 4 (blocks 41..=50) is epoch 0's last: 4 = 0 + HistoryDepth.
		run_to_block(50);
		assert_eq!(Mint::current_epoch(), 4);
		assert_eq!(Mint::unpaid_rewards(&BOB, &[0]), vec![(0, 500)]);
		assert_eq!(claim_share(ALICE, 0), 1_000);

		run_to_block(51);
		assert_eq!(Mint::current_epoch(), 5);
		// The record is still in state (not pruned yet): the window alone refuses.
		assert!(Mint::epoch_record(0).is_some());
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(BOB), epochs(&[0])),
			Error::<Test>::ClaimExpired
		);
		assert_eq!(Mint::unpaid_rewards(&BOB, &[0]), vec![]);
		assert_eq!(Balances::free_balance(BOB), PROVIDER_FUNDS);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn claim_for_a_pruned_epoch_is_expired_not_unknown() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 10, 1_000)]).execute_with(|| {
		run_to_block(52);
		assert!(Mint::epoch_record(0).is_none());
		assert_eq!(Mint::oldest_retained_epoch(), 1);
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])),
			Error::<Test>::ClaimExpired
		);
		assert_eq!(Mint::unpaid_rewards(&ALICE, &[0]), vec![]);
	});
}

#[test]
fn an_expired_epoch_never_mints_its_unclaimed_budget_and_records_it() {
	// Proven burn 1_000 : 2_000 : 4_000, budget capped at 1_000: shares 142, 285, 571 and a
	// rounding dust of 2.
	epoch_with(
		ExtBuilder { ceiling: 1_000, ..Default::default() },
		&[(ALICE, 10, 1_000), (BOB, 10, 2_000), (CHARLIE, 10, 4_000)],
	)
	.execute_with(|| {
		assert_eq!(claim_share(ALICE, 0), 142);
		assert_eq!(claim_share(BOB, 0), 285);
		open_epoch_without_pruning(5);
		let issuance_before = issuance();
		let totals_before = Mint::supply_totals();

		let used = Mint::on_idle(System::block_number(), IDLE_WEIGHT);
		assert!(used.all_lte(IDLE_WEIGHT));
		// CHARLIE's 571 and the dust: everything of the budget that was not minted.
		System::assert_last_event(
			Event::EpochExpired { epoch: 0, minted_rewards: 427, unclaimed: 573 }.into(),
		);
		assert_eq!(TotalExpired::<Test>::get(), 573);
		assert_eq!(Mint::total_expired(), 573);
		assert_eq!(
			PrunedHistory::<Test>::get(),
			PrunedTotals { budget: 1_000, minted_rewards: 427 }
		);
		// Nothing minted, nothing changed in supply.
		assert_eq!(issuance(), issuance_before);
		assert_eq!(Mint::supply_totals(), totals_before);
		assert_eq!(TotalMinted::<Test>::get(), 427);
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(CHARLIE), epochs(&[0])),
			Error::<Test>::ClaimExpired
		);
		assert_eq!(Balances::free_balance(CHARLIE), PROVIDER_FUNDS);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn a_fully_claimed_epoch_expires_with_nothing_unclaimed() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 10, 1_000)]).execute_with(|| {
		assert_eq!(claim_share(ALICE, 0), 1_000);
		run_to_block(52);
		System::assert_has_event(
			Event::EpochExpired { epoch: 0, minted_rewards: 1_000, unclaimed: 0 }.into(),
		);
		assert_eq!(TotalExpired::<Test>::get(), 0);
		assert_eq!(TotalMinted::<Test>::get(), 1_000);
		assert_ok!(Mint::do_try_state());
	});
}

/// Three times as many `Points` entries as a block may remove: pruning takes several
/// blocks, never removes more than the limit in one, keeps every invariant and lifetime
/// total after each block, and removes the record only once the entries are gone.
#[test]
fn pruning_spreads_a_large_epoch_over_blocks_within_the_limit() {
	new_test_ext().execute_with(|| {
		let limit = MaxPrunedPerBlock::get();
		let providers = many_providers(3 * limit as u64, 100);
		close_epoch();
		// A few claim in time; the others let their shares expire.
		for &provider in &providers[..5] {
			assert_eq!(claim_share(provider, 0), 100);
		}
		open_epoch_without_pruning(5);
		assert_eq!(points_left(0), 3 * limit as usize);
		let totals = Mint::supply_totals();
		let minted = TotalMinted::<Test>::get();
		let refunded = TotalRefunded::<Test>::get();

		let mut removed_per_block = Vec::new();
		while Mint::epoch_record(0).is_some() {
			let before = points_left(0);
			let used = idle_block(IDLE_WEIGHT);
			assert!(used.all_lte(IDLE_WEIGHT));
			let removed = before - points_left(0);
			assert!(removed <= limit as usize, "{removed} entries removed in one block");
			removed_per_block.push(removed);
			assert_ok!(Mint::do_try_state());
			assert_eq!(Mint::supply_totals(), totals);
			assert_eq!(TotalMinted::<Test>::get(), minted);
			assert_eq!(TotalRefunded::<Test>::get(), refunded);
			assert!(removed_per_block.len() < 10, "pruning makes no progress");
		}
		// Three full blocks of entries, then the record in a block of its own (the third
		// block used up the limit).
		assert_eq!(removed_per_block, vec![4, 4, 4, 0]);
		assert_eq!(points_left(0), 0);
		assert_eq!(Mint::oldest_retained_epoch(), 1);
		assert_eq!(
			Mint::epoch_records(0, 10).iter().map(|(e, _)| *e).collect::<Vec<_>>(),
			vec![1, 2, 3, 4]
		);
		System::assert_has_event(
			Event::EpochExpired { epoch: 0, minted_rewards: 500, unclaimed: 700 }.into(),
		);
		assert_eq!(TotalExpired::<Test>::get(), 700);
	});
}

#[test]
fn empty_epochs_expire_and_leave_state_several_in_a_block() {
	new_test_ext().execute_with(|| {
		open_epoch_without_pruning(7);
		// Epochs 0, 1 and 2 have expired (7 > 2 + 4); their records are all that is left.
		let used = Mint::on_idle(System::block_number(), IDLE_WEIGHT);
		assert_eq!(
			used,
			<() as WeightInfo>::on_idle_check()
				+ (<() as WeightInfo>::on_idle_prune_points(0)
					+ <() as WeightInfo>::on_idle_expire_epoch())
				.saturating_mul(3)
		);
		for epoch in 0..3 {
			System::assert_has_event(
				Event::EpochExpired { epoch, minted_rewards: 0, unclaimed: 0 }.into(),
			);
			assert!(Mint::epoch_record(epoch).is_none());
		}
		assert_eq!(Mint::oldest_retained_epoch(), 3);
		assert!(Mint::epoch_record(3).is_some());
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn on_idle_before_any_epoch_expires_only_checks() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 10, 1_000)]).execute_with(|| {
		open_epoch_without_pruning(4);
		let root = storage_root();
		assert_eq!(
			Mint::on_idle(System::block_number(), IDLE_WEIGHT),
			<() as WeightInfo>::on_idle_check()
		);
		assert_eq!(storage_root(), root);
	});
}

#[test]
fn on_idle_with_too_little_weight_does_nothing() {
	new_test_ext().execute_with(|| {
		many_providers(3, 100);
		open_epoch_without_pruning(5);
		let root = storage_root();
		let check = <() as WeightInfo>::on_idle_check();
		let one_entry = check + <() as WeightInfo>::on_idle_prune_points(1);
		for weight in [
			Weight::zero(),
			check - Weight::from_parts(1, 0),
			check,
			one_entry - Weight::from_parts(1, 0),
			one_entry - Weight::from_parts(0, 1),
		] {
			let used = Mint::on_idle(System::block_number(), weight);
			assert!(used.all_lte(weight), "used {used:?} of {weight:?}");
			assert_eq!(storage_root(), root, "with {weight:?}");
		}
		assert_eq!(points_left(0), 3);
		assert_eq!(Mint::oldest_retained_epoch(), 0);
	});
}

#[test]
fn on_idle_prunes_as_many_entries_as_its_weight_pays_for() {
	new_test_ext().execute_with(|| {
		many_providers(3, 100);
		open_epoch_without_pruning(5);
		let check = <() as WeightInfo>::on_idle_check();
		let two = check + <() as WeightInfo>::on_idle_prune_points(2);
		// Enough for two entries, a little short of three.
		let offered =
			check + <() as WeightInfo>::on_idle_prune_points(3) - Weight::from_parts(1, 1);
		assert_eq!(idle_block(offered), two);
		assert_eq!(points_left(0), 1);
		// Enough for the last entry but not for the record.
		let last = check + <() as WeightInfo>::on_idle_prune_points(1);
		assert_eq!(idle_block(last), last);
		assert_eq!(points_left(0), 0);
		assert!(Mint::epoch_record(0).is_some());
		// Then the record.
		let record = check
			+ <() as WeightInfo>::on_idle_prune_points(0)
			+ <() as WeightInfo>::on_idle_expire_epoch();
		assert_eq!(idle_block(record), record);
		assert!(Mint::epoch_record(0).is_none());
		assert_ok!(Mint::do_try_state());
	});
}

/// A provider cannot make pruning skip ahead: it goes strictly in epoch order and stops at
/// the first epoch still in its window, however much weight and however many entries the
/// expired epoch before it holds.
#[test]
fn pruning_never_touches_an_epoch_still_in_its_window() {
	new_test_ext().execute_with(|| {
		// Epoch 0: many entries (sybils that each paid for a proven build).
		many_providers(3 * MaxPrunedPerBlock::get() as u64, 10);
		close_epoch();
		// Epoch 1: ALICE works and does not claim yet.
		let id = assigned_build(ALICE, 10, 700);
		assert_ok!(prove(ALICE, id, 10));
		close_epoch();

		// Epoch 5 is epoch 1's last: pruning runs in every block of it, with all the weight
		// of a block, and removes epoch 0 only.
		run_to_block(60);
		assert_eq!(Mint::current_epoch(), 5);
		assert_eq!(Mint::oldest_retained_epoch(), 1);
		assert_eq!(points_left(0), 0);
		assert!(Points::<Test>::get(1, ALICE).is_some());
		assert!(Mint::epoch_record(1).is_some());
		assert_eq!(Mint::unpaid_rewards(&ALICE, &[0, 1]), vec![(1, 700)]);
		assert_eq!(claim_share(ALICE, 1), 700);

		// Once it has expired, epoch 1 goes too, with nothing unclaimed.
		run_to_block(62);
		assert_eq!(Mint::oldest_retained_epoch(), 2);
		System::assert_has_event(
			Event::EpochExpired { epoch: 1, minted_rewards: 700, unclaimed: 0 }.into(),
		);
		assert_ok!(Mint::do_try_state());
	});
}

/// BUILDER and ALICE are one owner. They pay for and prove work in epochs 0 and 1, then
/// wait past epoch 0's window, hoping a late claim (alone, bundled with a claimable epoch,
/// or after pruning) still pays. It does not: epoch 0's burn is lost for good, and only
/// epoch 1's share, claimed in its window, is paid.
#[test]
fn a_coalition_that_waits_past_expiry_gets_nothing_more() {
	ExtBuilder { ratio: MaxRatio::get(), ..Default::default() }.build().execute_with(|| {
		let coalition = || Balances::free_balance(BUILDER) + Balances::free_balance(ALICE);
		let coalition_before = coalition();
		let issuance_before = issuance();
		let late = assigned_build(ALICE, 100, 10_000);
		assert_ok!(prove(ALICE, late, 100));
		close_epoch();
		let on_time = assigned_build(ALICE, 100, 1_000);
		assert_ok!(prove(ALICE, on_time, 100));
		close_epoch();

		open_epoch_without_pruning(5);
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])),
			Error::<Test>::ClaimExpired
		);
		// Bundling the expired epoch with a claimable one fails as a whole.
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[1, 0])),
			Error::<Test>::ClaimExpired
		);
		// Another epoch pays only its own points; one without them pays nothing.
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[2])),
			Error::<Test>::NothingToClaim
		);
		assert_eq!(claim_share(ALICE, 1), 1_000);

		// After pruning, still expired.
		run_to_block(System::block_number() + 2);
		assert!(Mint::epoch_record(0).is_none());
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])),
			Error::<Test>::ClaimExpired
		);

		// Epoch 0's 10_000 burned is lost; epoch 1 broke even at ratio 1.
		assert_eq!(coalition(), coalition_before - 10_000);
		assert_eq!(issuance(), issuance_before - 10_000);
		assert_eq!(TotalExpired::<Test>::get(), 10_000);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn on_idle_charges_exactly_the_steps_it_took() {
	new_test_ext().execute_with(|| {
		many_providers(2, 100);
		open_epoch_without_pruning(5);
		let used = Mint::on_idle(System::block_number(), IDLE_WEIGHT);
		assert_eq!(
			used,
			<() as WeightInfo>::on_idle_check()
				+ <() as WeightInfo>::on_idle_prune_points(2)
				+ <() as WeightInfo>::on_idle_expire_epoch()
		);
		assert_eq!(Mint::oldest_retained_epoch(), 1);
	});
}

#[test]
fn try_state_catches_history_left_below_history_start() {
	new_test_ext().execute_with(|| {
		close_epoch();
		EpochRecords::<Test>::remove(0);
		HistoryStart::<Test>::put(1);
		assert_ok!(Mint::do_try_state());

		Points::<Test>::insert(0, ALICE, ProviderPoints::default());
		assert_eq!(
			Mint::do_try_state(),
			Err(DispatchError::Other("a Points entry is left below HistoryStart"))
		);
		Points::<Test>::remove(0, ALICE);

		EpochRecords::<Test>::insert(0, EpochRecord::default());
		assert_eq!(
			Mint::do_try_state(),
			Err(DispatchError::Other("an epoch record is left below HistoryStart"))
		);
		EpochRecords::<Test>::remove(0);

		EpochRefunds::<Test>::insert(0, 1);
		assert_eq!(
			Mint::do_try_state(),
			Err(DispatchError::Other("an epoch tally or refund is left below HistoryStart"))
		);
		EpochRefunds::<Test>::remove(0);

		HistoryStart::<Test>::put(2);
		assert_eq!(
			Mint::do_try_state(),
			Err(DispatchError::Other("an epoch was pruned before it closed"))
		);
	});
}

#[test]
fn try_state_catches_expired_and_minted_totals_that_disagree_with_the_pruned_epochs() {
	epoch_with(ExtBuilder::default(), &[(ALICE, 10, 1_000)]).execute_with(|| {
		run_to_block(52);
		assert_eq!(TotalExpired::<Test>::get(), 1_000);
		assert_ok!(Mint::do_try_state());

		TotalExpired::<Test>::put(999);
		assert_eq!(
			Mint::do_try_state(),
			Err(DispatchError::Other("total expired ≠ unclaimed budget of the pruned epochs"))
		);
		TotalExpired::<Test>::put(1_000);

		PrunedHistory::<Test>::mutate(|p| p.minted_rewards = 1);
		assert_eq!(
			Mint::do_try_state(),
			Err(DispatchError::Other("epoch records disagree with total minted"))
		);
	});
}
