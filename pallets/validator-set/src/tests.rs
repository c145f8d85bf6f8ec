//! Tests of the validator-set pallet on the mock runtime.
//!
//! The rules under test: only governance changes the set; only accounts with session keys
//! join; the set stays within `[MinValidators, MaxValidators]`, sorted and without
//! duplicates; a change made during session `n` is active from the first block of session
//! `n + 2`, never earlier; a session ends in every block that is a multiple of the session
//! length; `LastAuthored` follows the planned set's authors.
//!
//! Genesis: validators 1, 2, 3 with session keys; accounts 4..=9 funded, without keys;
//! `MinValidators` 2, `MaxValidators` 5; session length 5, so session 0 is blocks 1–4 and
//! session `k ≥ 1` is blocks `5k ..= 5k + 4`. Every test starts in block 1.

use crate::{
	self as pallet_validator_set, mock::*, weights::WeightInfo, Error, Event, LastAuthored,
	SessionLength, SetChanged, Validators, UNMEASURED_BLOCK_READS,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{EstimateNextSessionRotation, Hooks},
	BoundedVec,
};
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{BuildStorage, DispatchError, Permill};

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// Give `who` session keys and add it, as governance.
fn join(who: AccountId) {
	assert_ok!(set_keys(who));
	assert_ok!(ValidatorSet::add_validator(root(), who));
}

fn validator_set_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn new_queued_emitted() -> bool {
	System::events()
		.iter()
		.any(|record| record.event == RuntimeEvent::Session(pallet_session::Event::NewQueued))
}

// ---------------------------------------------------------------- genesis

#[test]
fn genesis_sets_the_validators_and_the_session_length() {
	new_test_ext().execute_with(|| {
		assert_eq!(ValidatorSet::validators(), vec![1, 2, 3]);
		assert_eq!(SessionLength::<Test>::get(), SESSION_LENGTH);
		assert!(!SetChanged::<Test>::get());
		// The genesis set is the active set of session 0 and the queued set of session 1.
		assert_eq!(session_index(), 0);
		assert_eq!(active_set(), vec![1, 2, 3]);
		assert_eq!(queued_set(), vec![1, 2, 3]);
		assert_eq!(HandlerActive::get(), vec![1, 2, 3]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn genesis_sorts_and_deduplicates_the_validators() {
	ExtBuilder::default().validators(vec![3, 1, 2, 1, 3]).build().execute_with(|| {
		assert_eq!(ValidatorSet::validators(), vec![1, 2, 3]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn genesis_does_not_ask_for_session_keys() {
	// pallet-session's genesis sets the keys; this pallet's genesis takes the set as given.
	ExtBuilder::default().validators(vec![1, 2, 3, 4]).build().execute_with(|| {
		assert_eq!(ValidatorSet::validators(), vec![1, 2, 3, 4]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn the_default_genesis_builds_an_empty_set_that_try_state_reports() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validator_set::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert!(ValidatorSet::validators().is_empty());
		assert_eq!(SessionLength::<Test>::get(), MIN_SESSION_LENGTH);
		// pallet-session is told nothing and falls back to its own genesis keys.
		assert_eq!(<ValidatorSet as SessionManager<AccountId>>::new_session_genesis(0), None);
		assert!(ValidatorSet::do_try_state().is_err());
	});
}

#[test]
#[should_panic(expected = "outside [2, 5] (MinValidators, MaxValidators)")]
fn genesis_with_too_few_validators_panics() {
	ExtBuilder::default().validators(vec![1, 1]).build();
}

#[test]
#[should_panic(expected = "outside [2, 5] (MinValidators, MaxValidators)")]
fn genesis_with_too_many_validators_panics() {
	ExtBuilder::default().validators(vec![1, 2, 3, 4, 5, 6]).build();
}

#[test]
#[should_panic(expected = "session length 1 outside [2, 100]")]
fn genesis_with_a_session_length_out_of_bounds_panics() {
	ExtBuilder::default().session_length(1).build();
}

#[test]
fn integrity_test_accepts_the_mock_constants() {
	new_test_ext().execute_with(integrity_test);
}

// ---------------------------------------------------------------- add_validator

#[test]
fn governance_adds_a_validator_with_session_keys() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_keys(4));
		assert_ok!(ValidatorSet::add_validator(root(), 4));

		assert_eq!(ValidatorSet::validators(), vec![1, 2, 3, 4]);
		assert!(ValidatorSet::is_validator(&4));
		assert!(SetChanged::<Test>::get());
		System::assert_last_event(Event::ValidatorAdded { who: 4 }.into());
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn validators_are_kept_sorted() {
	ExtBuilder::default().validators(vec![2, 3, 5]).build().execute_with(|| {
		join(7);
		join(4);
		assert_eq!(ValidatorSet::validators(), vec![2, 3, 4, 5, 7]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn adding_a_validator_twice_fails() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::add_validator(root(), 2), Error::<Test>::AlreadyValidator);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn adding_beyond_max_validators_fails() {
	new_test_ext().execute_with(|| {
		join(4);
		join(5);
		assert_eq!(ValidatorSet::validators().len() as u32, MAX_VALIDATORS);
		assert_ok!(set_keys(6));
		assert_noop!(ValidatorSet::add_validator(root(), 6), Error::<Test>::TooManyValidators);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn adding_an_account_without_session_keys_fails() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::add_validator(root(), 4), Error::<Test>::NoSessionKeys);
		// An account that never existed cannot have keys either.
		assert_noop!(ValidatorSet::add_validator(root(), OUTSIDER), Error::<Test>::NoSessionKeys);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn adding_an_account_that_purged_its_keys_fails() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_keys(4));
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(4)));
		assert_noop!(ValidatorSet::add_validator(root(), 4), Error::<Test>::NoSessionKeys);
	});
}

#[test]
fn only_governance_adds_validators() {
	new_test_ext().execute_with(|| {
		assert_ok!(set_keys(4));
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::none(), 4),
			DispatchError::BadOrigin
		);
	});
}

// ---------------------------------------------------------------- remove_validator

#[test]
fn governance_removes_a_validator_and_its_last_authored_entry() {
	new_test_ext().execute_with(|| {
		Author::set(Some(3));
		run_to_block(2);
		assert_eq!(LastAuthored::<Test>::get(3), Some(2));

		assert_ok!(ValidatorSet::remove_validator(root(), 3));

		assert_eq!(ValidatorSet::validators(), vec![1, 2]);
		assert_eq!(LastAuthored::<Test>::get(3), None);
		assert!(SetChanged::<Test>::get());
		System::assert_last_event(Event::ValidatorRemoved { who: 3 }.into());
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn removing_an_account_that_is_not_a_validator_fails() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::remove_validator(root(), 4), Error::<Test>::NotValidator);
	});
}

#[test]
fn removing_below_min_validators_fails() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(root(), 3));
		assert_eq!(ValidatorSet::validators().len() as u32, MIN_VALIDATORS);
		assert_noop!(ValidatorSet::remove_validator(root(), 1), Error::<Test>::TooFewValidators);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn only_governance_removes_validators() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 3),
			DispatchError::BadOrigin
		);
	});
}

// ---------------------------------------------------------------- set_session_length

#[test]
fn governance_sets_the_session_length_within_bounds() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::set_session_length(root(), MIN_SESSION_LENGTH));
		assert_eq!(SessionLength::<Test>::get(), MIN_SESSION_LENGTH);
		System::assert_last_event(Event::SessionLengthSet { blocks: MIN_SESSION_LENGTH }.into());

		assert_ok!(ValidatorSet::set_session_length(root(), MAX_SESSION_LENGTH));
		assert_eq!(SessionLength::<Test>::get(), MAX_SESSION_LENGTH);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn a_session_length_out_of_bounds_fails() {
	new_test_ext().execute_with(|| {
		for blocks in [0, MIN_SESSION_LENGTH - 1, MAX_SESSION_LENGTH + 1] {
			assert_noop!(
				ValidatorSet::set_session_length(root(), blocks),
				Error::<Test>::SessionLengthOutOfBounds
			);
		}
	});
}

#[test]
fn only_governance_sets_the_session_length() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::signed(1), 10),
			DispatchError::BadOrigin
		);
	});
}

// ---------------------------------------------------------------- sessions

#[test]
fn a_session_ends_in_every_block_that_is_a_multiple_of_the_session_length() {
	new_test_ext().execute_with(|| {
		for now in 1..=20u64 {
			assert_eq!(ValidatorSet::should_end_session(now), now % SESSION_LENGTH == 0, "{now}");
		}
		run_to_block(4);
		assert_eq!(session_index(), 0);
		run_to_block(5);
		assert_eq!(session_index(), 1);
		run_to_block(9);
		assert_eq!(session_index(), 1);
		run_to_block(10);
		assert_eq!(session_index(), 2);
	});
}

#[test]
fn an_added_validator_is_active_from_the_session_after_next() {
	new_test_ext().execute_with(|| {
		// Block 1, session 0.
		join(4);
		assert_eq!(active_set(), vec![1, 2, 3]);

		// Block 5 starts session 1 with the set queued at genesis and queues the new set.
		run_to_block(4);
		assert_eq!(queued_set(), vec![1, 2, 3]);
		run_to_block(5);
		assert_eq!(session_index(), 1);
		assert_eq!(active_set(), vec![1, 2, 3]);
		assert_eq!(queued_set(), vec![1, 2, 3, 4]);
		assert!(pallet_session::QueuedChanged::<Test>::get());
		assert!(new_queued_emitted());
		assert!(!SetChanged::<Test>::get());

		// Not before session 2 ...
		run_to_block(9);
		assert_eq!(active_set(), vec![1, 2, 3]);
		assert_eq!(HandlerActive::get(), vec![1, 2, 3]);

		// ... and from its first block on.
		run_to_block(10);
		assert_eq!(session_index(), 2);
		assert_eq!(active_set(), vec![1, 2, 3, 4]);
		assert_eq!(HandlerActive::get(), vec![1, 2, 3, 4]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn a_change_in_the_first_block_of_a_session_belongs_to_that_session() {
	new_test_ext().execute_with(|| {
		// Block 5 starts session 1 in `on_initialize`; the call runs after it.
		run_to_block(5);
		join(4);

		run_to_block(10);
		assert_eq!(session_index(), 2);
		assert_eq!(active_set(), vec![1, 2, 3]);
		assert_eq!(queued_set(), vec![1, 2, 3, 4]);

		run_to_block(14);
		assert_eq!(active_set(), vec![1, 2, 3]);
		run_to_block(15);
		assert_eq!(session_index(), 3);
		assert_eq!(active_set(), vec![1, 2, 3, 4]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn a_removed_validator_authors_until_the_session_after_next() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(root(), 3));

		run_to_block(5);
		assert_eq!(active_set(), vec![1, 2, 3]);
		assert_eq!(queued_set(), vec![1, 2]);

		run_to_block(9);
		assert_eq!(active_set(), vec![1, 2, 3]);

		run_to_block(10);
		assert_eq!(active_set(), vec![1, 2]);
		assert_eq!(HandlerActive::get(), vec![1, 2]);
		// Its keys stay registered until its account purges them.
		assert!(pallet_session::NextKeys::<Test>::get(3).is_some());
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn changes_within_one_session_are_planned_together() {
	new_test_ext().execute_with(|| {
		join(4);
		join(5);
		assert_ok!(ValidatorSet::remove_validator(root(), 1));

		run_to_block(5);
		assert_eq!(queued_set(), vec![2, 3, 4, 5]);
		run_to_block(10);
		assert_eq!(active_set(), vec![2, 3, 4, 5]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn an_unchanged_set_plans_nothing_new() {
	new_test_ext().execute_with(|| {
		for boundary in [5, 10, 15] {
			run_to_block(boundary);
			assert!(!pallet_session::QueuedChanged::<Test>::get());
			assert!(!new_queued_emitted());
			assert_eq!(active_set(), vec![1, 2, 3]);
			assert_eq!(queued_set(), vec![1, 2, 3]);
		}
		assert_eq!(<ValidatorSet as SessionManager<AccountId>>::new_session(4), None);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn new_session_hands_over_a_changed_set_once() {
	new_test_ext().execute_with(|| {
		join(4);
		assert_eq!(
			<ValidatorSet as SessionManager<AccountId>>::new_session(2),
			Some(vec![1, 2, 3, 4])
		);
		assert!(!SetChanged::<Test>::get());
		assert_eq!(<ValidatorSet as SessionManager<AccountId>>::new_session(3), None);
	});
}

#[test]
fn new_session_genesis_returns_the_genesis_set() {
	new_test_ext().execute_with(|| {
		assert_eq!(
			<ValidatorSet as SessionManager<AccountId>>::new_session_genesis(0),
			Some(vec![1, 2, 3])
		);
		// It does not consume a pending change.
		join(4);
		assert_eq!(
			<ValidatorSet as SessionManager<AccountId>>::new_session_genesis(1),
			Some(vec![1, 2, 3, 4])
		);
		assert!(SetChanged::<Test>::get());
	});
}

#[test]
fn a_validator_that_purges_its_keys_is_left_out_until_the_set_changes_again() {
	new_test_ext().execute_with(|| {
		join(4);
		assert_ok!(Session::purge_keys(RuntimeOrigin::signed(4)));

		// pallet-session queues only validators with keys.
		run_to_block(5);
		assert_eq!(queued_set(), vec![1, 2, 3]);

		// Keys set again are not enough: nothing re-plans an unchanged set ...
		assert_ok!(set_keys(4));
		run_to_block(15);
		assert_eq!(active_set(), vec![1, 2, 3]);
		assert!(ValidatorSet::is_validator(&4));

		// ... until governance changes it.
		join(5);
		run_to_block(25);
		assert_eq!(active_set(), vec![1, 2, 3, 4, 5]);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

// ---------------------------------------------------------------- session length and estimates

#[test]
fn setting_the_session_length_moves_the_next_rotation() {
	new_test_ext().execute_with(|| {
		// Session 1 started in block 5; with length 5 it would end in block 10.
		run_to_block(7);
		assert_ok!(ValidatorSet::set_session_length(root(), 4));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(7).0, Some(8));

		run_to_block(8);
		assert_eq!(session_index(), 2);
		run_to_block(11);
		assert_eq!(session_index(), 2);
		run_to_block(12);
		assert_eq!(session_index(), 3);

		// A longer session from block 13: the next multiple of 10 is block 20.
		assert_ok!(ValidatorSet::set_session_length(root(), 10));
		run_to_block(19);
		assert_eq!(session_index(), 3);
		run_to_block(20);
		assert_eq!(session_index(), 4);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn estimates_follow_the_session_length() {
	new_test_ext().execute_with(|| {
		assert_eq!(ValidatorSet::average_session_length(), SESSION_LENGTH);

		// Counting the block itself as passed: 1/5 in a session's first block, 5/5 in its last.
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(5).0,
			Some(Permill::from_percent(20))
		);
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(7).0,
			Some(Permill::from_percent(60))
		);
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(9).0,
			Some(Permill::from_percent(100))
		);

		// The next multiple of the length after `now`.
		assert_eq!(ValidatorSet::estimate_next_session_rotation(0).0, Some(5));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(7).0, Some(10));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(9).0, Some(10));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(10).0, Some(15));

		// Each estimate reads the session length once.
		let one_read = <Test as frame_system::Config>::DbWeight::get().reads(1);
		assert_eq!(ValidatorSet::estimate_current_session_progress(7).1, one_read);
		assert_eq!(ValidatorSet::estimate_next_session_rotation(7).1, one_read);

		// And the rotation happens where it was estimated.
		let (next, _) = ValidatorSet::estimate_next_session_rotation(System::block_number());
		let next = next.unwrap();
		run_to_block(next - 1);
		assert_eq!(session_index(), 0);
		run_to_block(next);
		assert_eq!(session_index(), 1);
	});
}

#[test]
fn a_missing_session_length_never_divides_by_zero() {
	new_test_ext().execute_with(|| {
		SessionLength::<Test>::kill();
		// Read as the shortest length allowed.
		assert_eq!(ValidatorSet::session_length(), MIN_SESSION_LENGTH);
		assert!(ValidatorSet::should_end_session(4));
		assert!(!ValidatorSet::should_end_session(5));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(5).0, Some(6));
		// try_state reports the broken invariant.
		assert!(ValidatorSet::do_try_state().is_err());
	});
}

// ---------------------------------------------------------------- LastAuthored

#[test]
fn a_validator_author_is_noted_in_every_block_it_authors() {
	new_test_ext().execute_with(|| {
		Author::set(Some(2));
		run_to_block(3);
		assert_eq!(LastAuthored::<Test>::get(2), Some(3));

		Author::set(Some(1));
		run_to_block(4);
		assert_eq!(LastAuthored::<Test>::get(1), Some(4));
		assert_eq!(LastAuthored::<Test>::get(2), Some(3));
		assert_eq!(LastAuthored::<Test>::get(3), None);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn an_author_outside_the_set_is_not_noted() {
	new_test_ext().execute_with(|| {
		Author::set(Some(OUTSIDER));
		run_to_block(3);
		assert_eq!(LastAuthored::<Test>::iter().count(), 0);

		// A block without an author digest notes nobody.
		Author::set(None);
		run_to_block(4);
		assert_eq!(LastAuthored::<Test>::iter().count(), 0);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn a_removed_validator_is_no_longer_noted() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::remove_validator(root(), 3));
		// It still authors in session 1, but is out of the planned set.
		Author::set(Some(3));
		run_to_block(6);
		assert_eq!(LastAuthored::<Test>::get(3), None);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn on_initialize_charges_the_author_bookkeeping() {
	new_test_ext().execute_with(|| {
		let expected = <() as WeightInfo>::note_author().saturating_add(
			<Test as frame_system::Config>::DbWeight::get().reads(UNMEASURED_BLOCK_READS),
		);
		assert_eq!(ValidatorSet::on_initialize(2), expected);
		assert!(expected.ref_time() > 0);
	});
}

// ---------------------------------------------------------------- adversarial

#[test]
fn an_account_cannot_make_itself_a_validator() {
	new_test_ext().execute_with(|| {
		// An outsider with session keys and funds tries every call on its own behalf.
		assert_ok!(set_keys(9));
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(9), 9),
			DispatchError::BadOrigin
		);
		// Nor can it remove the others to shrink the set, or stretch the session.
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(9), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::signed(9), MAX_SESSION_LENGTH),
			DispatchError::BadOrigin
		);
		// Even a current validator cannot add a friend.
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), 9),
			DispatchError::BadOrigin
		);

		// Authoring a block does not get it in either.
		Author::set(Some(9));
		run_to_block(15);
		assert!(!ValidatorSet::is_validator(&9));
		assert_eq!(active_set(), vec![1, 2, 3]);
		assert_eq!(LastAuthored::<Test>::get(9), None);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn governance_cannot_add_an_account_without_session_keys() {
	new_test_ext().execute_with(|| {
		// Adding a keyless account would queue a validator pallet-session must skip.
		assert_noop!(ValidatorSet::add_validator(root(), 4), Error::<Test>::NoSessionKeys);
		run_to_block(10);
		assert_eq!(active_set(), vec![1, 2, 3]);
		assert!(validator_set_events().is_empty());
		assert_ok!(ValidatorSet::do_try_state());
	});
}

// ---------------------------------------------------------------- try_state

#[test]
fn try_state_catches_broken_invariants() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::do_try_state());

		let unsorted: BoundedVec<AccountId, _> = vec![2, 1, 3].try_into().unwrap();
		Validators::<Test>::put(unsorted);
		assert!(ValidatorSet::do_try_state().is_err());

		let duplicated: BoundedVec<AccountId, _> = vec![1, 2, 2].try_into().unwrap();
		Validators::<Test>::put(duplicated);
		assert!(ValidatorSet::do_try_state().is_err());

		let too_few: BoundedVec<AccountId, _> = vec![1].try_into().unwrap();
		Validators::<Test>::put(too_few);
		assert!(ValidatorSet::do_try_state().is_err());

		let fine: BoundedVec<AccountId, _> = vec![1, 2, 3].try_into().unwrap();
		Validators::<Test>::put(fine);
		assert_ok!(ValidatorSet::do_try_state());

		LastAuthored::<Test>::insert(OUTSIDER, 1);
		assert!(ValidatorSet::do_try_state().is_err());
		LastAuthored::<Test>::remove(OUTSIDER);

		LastAuthored::<Test>::insert(1, System::block_number() + 1);
		assert!(ValidatorSet::do_try_state().is_err());
		LastAuthored::<Test>::remove(1);

		SessionLength::<Test>::put(MAX_SESSION_LENGTH + 1);
		assert!(ValidatorSet::do_try_state().is_err());
	});
}
