use super::*;

/// The first block at which build `id` may leave state.
fn prunable_at(id: u64) -> u64 {
	Burn::retained_until(&Builds::<Test>::get(id).unwrap()) + 1
}

fn idle(at: u64) -> Weight {
	run_to_block(at);
	Burn::on_idle(at, Weight::MAX)
}

#[test]
fn a_final_build_leaves_state_after_its_retention_and_its_deposit_returns() {
	new_test_ext().execute_with(|| {
		let completed = accepted(4);
		assert_ok!(Burn::complete_build(completed, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4));
		let cancelled = submit(1);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), cancelled));
		assert_eq!(deposited(ALICE), 2 * BuildDeposit::get());
		// Retention counts from the last block the build could change, whatever its
		// state: `expires_at + AssignmentPeriod + BuildRetention` = 21 + 5 + 30.
		assert_eq!(prunable_at(completed), 57);

		idle(56);
		assert!(Builds::<Test>::contains_key(completed), "still within retention");
		assert_eq!(Burn::oldest_retained_build(), 0);

		idle(57);
		assert!(!Builds::<Test>::contains_key(completed));
		assert!(!Builds::<Test>::contains_key(cancelled));
		assert_eq!(Burn::oldest_retained_build(), 2);
		assert_eq!(deposited(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - 40);
		System::assert_last_event(Event::BuildsPruned { from: 0, to: 1 }.into());
		Burn::do_try_state().unwrap();
	});
}

fn output_deposit_of(who: AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&HoldReason::OutputDeposit.into(), &who)
}

/// A completed build's output is kept stored while its record is, its builder paying
/// the output deposit, and let go (the deposit returned) with the record; two builds
/// with the same output keep it until both have left.
#[test]
fn a_completed_builds_output_is_kept_until_its_record_leaves() {
	new_test_ext().execute_with(|| {
		OutputDepositBase::set(3);
		OutputDepositPerByte::set(1);
		let deposit = 3 + Balance::from(OUTPUT_LEN);
		let first = accepted(4);
		assert_ok!(Burn::complete_build(first, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4));
		assert_eq!(keepers_of(OUTPUT), 1);
		assert_eq!(KeptOutputs::<Test>::get(first), Some((OUTPUT, deposit)));
		assert_eq!(output_deposit_of(ALICE), deposit);
		assert_eq!(output_deposit_of(PROVIDER), 0);
		run_to_block(10);
		let second = accepted(4);
		assert_ok!(Burn::complete_build(second, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4));
		assert_eq!(keepers_of(OUTPUT), 2);
		assert_eq!(output_deposit_of(ALICE), 2 * deposit);
		// A build that ends without a proof keeps nothing.
		let cancelled = submit(1);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), cancelled));
		assert_eq!(KeptOutputs::<Test>::get(cancelled), None);
		Burn::do_try_state().unwrap();

		idle(prunable_at(first));
		assert!(!Builds::<Test>::contains_key(first));
		assert_eq!(KeptOutputs::<Test>::get(first), None);
		assert_eq!(keepers_of(OUTPUT), 1, "the second build still keeps it");
		assert_eq!(output_deposit_of(ALICE), deposit);
		idle(prunable_at(second));
		assert!(!Builds::<Test>::contains_key(second));
		assert_eq!(keepers_of(OUTPUT), 0);
		assert_eq!(output_deposit_of(ALICE), 0);
		assert_eq!(KeptOutputs::<Test>::iter().count(), 0);
		Burn::do_try_state().unwrap();
	});
}

/// A builder cannot fail an honest proof by being unable to pay for its output, nor
/// does a proof of an output whose bytes are not stored fail: the output is just not
/// kept, and the provider gets its bond back as usual.
#[test]
fn an_output_the_builder_cannot_pay_for_is_not_kept_and_the_proof_stands() {
	new_test_ext().execute_with(|| {
		OutputDepositBase::set(3);
		OutputDepositPerByte::set(1);
		let unpaid = accepted(4);
		<Balances as Mutate<_>>::set_balance(&ALICE, 1);
		let provider_before = Balances::total_balance(&PROVIDER);
		assert_ok!(Burn::complete_build(unpaid, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4));
		System::assert_has_event(
			Event::OutputNotKept { build_id: unpaid, len: Some(OUTPUT_LEN) }.into(),
		);
		assert!(matches!(state(unpaid), BuildState::Completed { .. }));
		assert_eq!(KeptOutputs::<Test>::get(unpaid), None);
		assert_eq!(keepers_of(OUTPUT), 0);
		assert_eq!(Balances::total_balance(&PROVIDER), provider_before);

		<Balances as Mutate<_>>::set_balance(&ALICE, ENDOWMENT);
		let unstored = accepted(4);
		let missing = H256::repeat_byte(0x99);
		unstore_output(missing);
		assert_ok!(Burn::complete_build(unstored, &PROVIDER, &enclave_of(PROVIDER), missing, 4));
		System::assert_has_event(Event::OutputNotKept { build_id: unstored, len: None }.into());
		assert_eq!(output_deposit_of(ALICE), 0);
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn a_pruned_build_is_unknown_to_every_call() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
		idle(prunable_at(id));
		make_eligible(PROVIDER, None);
		assert_noop!(
			Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id),
			Error::<Test>::UnknownBuild
		);
		assert_noop!(
			Burn::cancel_build(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::UnknownBuild
		);
		assert_noop!(
			Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::UnknownBuild
		);
		assert_noop!(
			Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 1),
			Error::<Test>::UnknownBuild
		);
		assert!(<Burn as BuildRegistry<_, _, _>>::build(id).is_none());
	});
}

#[test]
fn an_expired_build_never_reclaimed_is_refunded_when_it_leaves_and_a_lapsed_bond_burned() {
	new_test_ext().execute_with(|| {
		let initial = issuance();
		let id = accepted(10);
		let bond = bonded(PROVIDER);
		assert_eq!(bond, 10);
		idle(prunable_at(id));
		assert!(!Builds::<Test>::contains_key(id));
		assert_eq!(refunded(), 100, "the builder gets the price back");
		assert_eq!(bonded(PROVIDER), 0);
		assert_eq!(Balances::total_balance(&PROVIDER), ENDOWMENT - bond, "bond burned");
		assert_eq!(Balances::total_balance(&ALICE), ENDOWMENT);
		assert_eq!(total_burned(), 100 + bond);
		assert_eq!(issuance(), initial - total_burned() + refunded());
		System::assert_has_event(
			Event::BondForfeited { build_id: id, provider: PROVIDER, amount: bond }.into(),
		);
		System::assert_has_event(
			Event::BuildRefunded { build_id: id, builder: ALICE, amount: 100 }.into(),
		);
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn an_open_build_is_never_pruned_before_it_could_last_change() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		// Taken at the last open block, the deadline runs past the expiry; the proof
		// can still arrive until then, so the record must be there.
		run_to_block(21);
		make_eligible(PROVIDER, None);
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id));
		idle(26);
		assert_ok!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 1));
		idle(prunable_at(id) - 1);
		assert!(Builds::<Test>::contains_key(id));
		idle(prunable_at(id));
		assert!(!Builds::<Test>::contains_key(id));
	});
}

#[test]
fn at_most_max_pruned_per_block_leave_in_a_block_and_in_id_order() {
	new_test_ext().execute_with(|| {
		for _ in 0..10 {
			submit(1);
		}
		let at = prunable_at(9);
		idle(at);
		assert_eq!(Burn::oldest_retained_build(), MaxPrunedPerBlock::get() as u64);
		assert!(!Builds::<Test>::contains_key(3));
		assert!(Builds::<Test>::contains_key(4));
		idle(at + 1);
		idle(at + 2);
		assert_eq!(Burn::oldest_retained_build(), 10);
		assert_eq!(Builds::<Test>::iter().count(), 0);
		assert_eq!(deposited(ALICE), 0);
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn a_retained_build_stops_the_sweep() {
	new_test_ext().execute_with(|| {
		let old = submit(1);
		run_to_block(10);
		let young = submit(1);
		idle(prunable_at(old));
		assert!(!Builds::<Test>::contains_key(old));
		assert!(Builds::<Test>::contains_key(young));
		assert_eq!(Burn::oldest_retained_build(), young);
	});
}

#[test]
fn without_spare_weight_nothing_is_pruned() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		let at = prunable_at(id);
		run_to_block(at);
		let base = <() as crate::WeightInfo>::prune_settled_builds(0);
		// Room for the sweep's own read but not for one build.
		let used = Burn::on_idle(at, base);
		assert_eq!(used, base);
		assert!(Builds::<Test>::contains_key(id));
		assert_eq!(Burn::on_idle(at, Weight::zero()), Weight::zero());
		assert!(Builds::<Test>::contains_key(id));
		// The weight reported covers each build removed: this one was never taken or
		// refunded, so it is charged as unsettled.
		// The base of an unsettled removal (the mint's refund sums) is charged once.
		let used = Burn::on_idle(at, Weight::MAX);
		assert_eq!(used, <() as crate::WeightInfo>::prune_unsettled_builds(1));
		assert!(!Builds::<Test>::contains_key(id));
	});
}

#[test]
fn the_refund_sums_are_charged_once_a_block_however_many_unsettled_builds_leave() {
	new_test_ext().execute_with(|| {
		let first = submit(1);
		submit(1);
		let at = prunable_at(first) + 1;
		run_to_block(at);
		let used = Burn::on_idle(at, Weight::MAX);
		let two = <() as crate::WeightInfo>::prune_unsettled_builds(2);
		assert_eq!(used, two);
		assert_eq!(Burn::oldest_retained_build(), 2);
	});
}

#[test]
fn a_settled_build_is_charged_as_settled() {
	new_test_ext().execute_with(|| {
		let id = submit(1);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
		let at = prunable_at(id);
		run_to_block(at);
		let settled = <() as crate::WeightInfo>::prune_settled_builds(1);
		let unsettled = <() as crate::WeightInfo>::prune_unsettled_builds(1);
		assert!(settled.ref_time() < unsettled.ref_time());
		// Exactly the settled price fits.
		assert_eq!(Burn::on_idle(at, settled), settled);
		assert!(!Builds::<Test>::contains_key(id));
	});
}

#[test]
fn an_assignment_whose_deadline_outlasts_the_usual_window_keeps_the_build() {
	new_test_ext().execute_with(|| {
		let id = accepted(1);
		// As if taken under a longer `AssignmentPeriod` than the one in force now.
		let late = Burn::retained_until(&Builds::<Test>::get(id).unwrap()) + 100;
		Builds::<Test>::mutate(id, |build| {
			let build = build.as_mut().unwrap();
			build.state = BuildState::Assigned { provider: PROVIDER, deadline: late };
		});
		assert_eq!(prunable_at(id), late + BuildRetention::get() + 1);
		idle(late);
		assert!(Builds::<Test>::contains_key(id), "the provider may still prove it");
		assert_ok!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 1));
		idle(prunable_at(id));
		assert!(!Builds::<Test>::contains_key(id));
		assert_eq!(bonded(PROVIDER), 0);
		Burn::do_try_state().unwrap();
	});
}

#[test]
fn a_removal_that_fails_changes_nothing_and_stops_the_sweep() {
	new_test_ext().execute_with(|| {
		use frame_support::traits::{fungible::MutateHold, tokens::Precision};
		let id = accepted(10);
		let next = submit(1);
		// Break the bond bookkeeping: the hold the pallet would burn is gone.
		assert_ok!(Balances::release(
			&HoldReason::ProviderBond.into(),
			&PROVIDER,
			10,
			Precision::Exact
		));
		let before = (issuance(), deposited(ALICE), total_burned(), refunded());
		idle(prunable_at(next));
		assert!(Builds::<Test>::contains_key(id));
		assert!(Builds::<Test>::contains_key(next), "nothing after it leaves either");
		assert_eq!(Burn::oldest_retained_build(), id);
		assert_eq!(before, (issuance(), deposited(ALICE), total_burned(), refunded()));
	});
}

/// The cheapest way to fill state: submit the cheapest build and cancel it at once,
/// over and over. The price comes back, but every record holds its builder's deposit
/// until it leaves state, and no record outlives its retention.
#[test]
fn submit_and_cancel_spam_locks_a_deposit_per_record_and_state_stays_bounded() {
	new_test_ext().execute_with(|| {
		let mut most_records = 0;
		for block in 1..=200u64 {
			run_to_block(block);
			let id = submit(1);
			assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
			Burn::on_idle(block, Weight::MAX);
			let records = Builds::<Test>::iter().count() as u64;
			most_records = most_records.max(records);
			// Every record in state is paid for by the spammer.
			assert_eq!(deposited(ALICE), records * BuildDeposit::get());
			Burn::do_try_state().unwrap();
		}
		// One build a block, each kept `BuildLifetime + AssignmentPeriod +
		// BuildRetention` blocks: the records level off at that window.
		let window = BuildLifetime::get() + AssignmentPeriod::get() + BuildRetention::get();
		assert_eq!(most_records, window + 1);
		assert_eq!(Builds::<Test>::iter().count() as u64, window + 1);
		// The spammer got its prices back but not the deposits of the window.
		assert_eq!(Balances::balance(&ALICE), ENDOWMENT - (window + 1) * BuildDeposit::get());
	});
}
