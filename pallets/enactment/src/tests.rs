//! The enactment delay as a specification: what governance announces runs as Root exactly
//! when announced, never earlier, and not at all once cancelled.

use crate::{mock::*, Announcements, Error, Event, NextAnnouncement};
use frame_support::{
	assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::Hooks, weights::Weight,
};
use sp_runtime::{traits::BadOrigin, traits::Hash, DispatchError};

/// A Root-only call whose effect is easy to observe: it sets a storage key.
fn set_marker(value: &[u8]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(b"marker".to_vec(), value.to_vec())],
	})
}

fn marker() -> Option<Vec<u8>> {
	sp_io::storage::get(b"marker").map(|bytes| bytes.to_vec())
}

fn announce(call: RuntimeCall) -> sp_runtime::DispatchResult {
	Enactment::announce(RuntimeOrigin::signed(GOVERNANCE), Box::new(call))
}

#[test]
fn an_announced_call_runs_as_root_exactly_after_the_delay() {
	new_test_ext().execute_with(|| {
		let call = set_marker(b"v1");
		assert_ok!(announce(call.clone()));
		// Block 1 + one epoch (10 blocks).
		System::assert_last_event(
			Event::Announced {
				index: 0,
				call_hash: <Test as frame_system::Config>::Hashing::hash_of(&call),
				enact_at: 11,
			}
			.into(),
		);
		run_to_block(10);
		assert_eq!(crate::Pallet::<Test>::do_try_state(), Ok(()));
		assert_eq!(marker(), None, "the call must not run before its block");
		run_to_block(11);
		assert_eq!(marker(), Some(b"v1".to_vec()));
		System::assert_has_event(Event::Enacted { index: 0, result: Ok(()) }.into());
		assert_eq!(Announcements::<Test>::count(), 0, "the announcement left state");
	});
}

#[test]
fn not_even_root_can_enact_before_the_block() {
	new_test_ext().execute_with(|| {
		let call = set_marker(b"v1");
		let weight = call.get_dispatch_info().call_weight;
		assert_ok!(announce(call));
		run_to_block(10);
		assert_noop!(Enactment::enact(RuntimeOrigin::root(), 0, weight), Error::<Test>::TooEarly);
		assert_noop!(Enactment::enact(RuntimeOrigin::signed(GOVERNANCE), 0, weight), BadOrigin);
		assert_eq!(marker(), None);
	});
}

#[test]
fn enact_checks_its_announcement_and_weight() {
	new_test_ext().execute_with(|| {
		let call = set_marker(b"v1");
		let weight = call.get_dispatch_info().call_weight;
		assert_noop!(
			Enactment::enact(RuntimeOrigin::root(), 0, weight),
			Error::<Test>::UnknownAnnouncement
		);
		assert_ok!(announce(call));
		System::set_block_number(11);
		assert_noop!(
			Enactment::enact(RuntimeOrigin::root(), 0, Weight::zero()),
			Error::<Test>::WeightBoundTooLow
		);
		assert_ok!(Enactment::enact(RuntimeOrigin::root(), 0, weight));
		assert_eq!(marker(), Some(b"v1".to_vec()));
		// The scheduled enactment then finds nothing to do, and changes nothing.
		assert_noop!(
			Enactment::enact(RuntimeOrigin::root(), 0, weight),
			Error::<Test>::UnknownAnnouncement
		);
	});
}

#[test]
fn a_failing_call_is_reported_and_leaves_state() {
	new_test_ext().execute_with(|| {
		// Root may not cancel (only the governance body may): the call fails with BadOrigin.
		let failing = RuntimeCall::Enactment(crate::Call::cancel { index: 99 });
		assert_ok!(announce(failing));
		run_to_block(11);
		let enacted = System::events().into_iter().find_map(|record| match record.event {
			RuntimeEvent::Enactment(Event::Enacted { index: 0, result }) => Some(result),
			_ => None,
		});
		assert!(matches!(enacted, Some(Err(_))), "{enacted:?}");
		assert_eq!(Announcements::<Test>::count(), 0);
	});
}

#[test]
fn at_most_max_pending_announcements_wait() {
	new_test_ext().execute_with(|| {
		for block in 1..=3 {
			run_to_block(block);
			assert_ok!(announce(set_marker(&[block as u8])));
		}
		assert_noop!(announce(set_marker(b"four")), Error::<Test>::TooManyPending);
		assert_eq!(crate::Pallet::<Test>::do_try_state(), Ok(()));
		// Once one has run, there is room again.
		run_to_block(11);
		assert_ok!(announce(set_marker(b"four")));
	});
}

#[test]
fn the_same_long_call_announced_twice_runs_twice() {
	new_test_ext().execute_with(|| {
		let long = vec![9u8; 10_000];
		let call = set_marker(&long);
		let hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
		assert_ok!(announce(call.clone()));
		run_to_block(2);
		assert_ok!(announce(call));
		run_to_block(11);
		assert_eq!(marker(), Some(long.clone()));
		sp_io::storage::clear(b"marker");
		run_to_block(12);
		assert_eq!(marker(), Some(long), "the second announcement still found its preimage");
		assert!(pallet_preimage::RequestStatusFor::<Test>::get(hash).is_none());
	});
}

#[test]
fn the_delay_is_never_shorter_than_the_floor() {
	new_test_ext().execute_with(|| {
		EpochLength::set(1);
		assert_eq!(Enactment::enactment_delay(), 3);
		assert_ok!(announce(set_marker(b"v1")));
		run_to_block(3);
		assert_eq!(marker(), None);
		run_to_block(4);
		assert_eq!(marker(), Some(b"v1".to_vec()));
	});
}

#[test]
fn nobody_else_can_announce_or_cancel() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Enactment::announce(RuntimeOrigin::signed(OUTSIDER), Box::new(set_marker(b"x"))),
			BadOrigin
		);
		assert_ok!(announce(set_marker(b"v1")));
		assert_noop!(Enactment::cancel(RuntimeOrigin::signed(OUTSIDER), 0), BadOrigin);
		run_to_block(11);
		assert_eq!(marker(), Some(b"v1".to_vec()));
	});
}

#[test]
fn the_scheduler_cannot_be_used_to_skip_the_delay() {
	new_test_ext().execute_with(|| {
		// The governance body holds no Root of its own: scheduling directly is refused…
		assert_noop!(
			Scheduler::schedule(
				RuntimeOrigin::signed(GOVERNANCE),
				2,
				None,
				0,
				Box::new(set_marker(b"early")),
			),
			BadOrigin
		);
		// …and a Root call it dispatches itself fails.
		assert_noop!(
			frame_system::Pallet::<Test>::set_storage(
				RuntimeOrigin::signed(GOVERNANCE),
				vec![(b"marker".to_vec(), b"early".to_vec())]
			),
			BadOrigin
		);
	});
}

#[test]
fn a_cancelled_announcement_never_runs() {
	new_test_ext().execute_with(|| {
		assert_ok!(announce(set_marker(b"v1")));
		assert_ok!(Enactment::cancel(RuntimeOrigin::signed(GOVERNANCE), 0));
		System::assert_last_event(Event::Cancelled { index: 0 }.into());
		run_to_block(20);
		assert_eq!(marker(), None);
		// Cancelling again, or cancelling what never existed, is a typed error.
		assert_noop!(
			Enactment::cancel(RuntimeOrigin::signed(GOVERNANCE), 0),
			Error::<Test>::UnknownAnnouncement
		);
		assert_noop!(
			Enactment::cancel(RuntimeOrigin::signed(GOVERNANCE), 7),
			Error::<Test>::UnknownAnnouncement
		);
	});
}

#[test]
fn a_call_that_already_ran_cannot_be_cancelled() {
	new_test_ext().execute_with(|| {
		assert_ok!(announce(set_marker(b"v1")));
		run_to_block(11);
		assert_noop!(
			Enactment::cancel(RuntimeOrigin::signed(GOVERNANCE), 0),
			Error::<Test>::UnknownAnnouncement
		);
	});
}

#[test]
fn announcements_are_numbered_and_run_in_their_own_blocks() {
	new_test_ext().execute_with(|| {
		assert_ok!(announce(set_marker(b"v1")));
		run_to_block(2);
		assert_ok!(announce(set_marker(b"v2")));
		assert_eq!(NextAnnouncement::<Test>::get(), 2);
		run_to_block(11);
		assert_eq!(marker(), Some(b"v1".to_vec()));
		run_to_block(12);
		assert_eq!(marker(), Some(b"v2".to_vec()));
	});
}

#[test]
fn a_long_call_is_kept_as_a_preimage_until_it_runs_and_then_released() {
	new_test_ext().execute_with(|| {
		let long = vec![7u8; 10_000];
		let call = set_marker(&long);
		let hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
		assert_ok!(announce(call));
		assert!(pallet_preimage::PreimageFor::<Test>::iter_keys().any(|(h, _)| h == hash));
		run_to_block(11);
		assert_eq!(marker(), Some(long));
		assert!(
			!pallet_preimage::PreimageFor::<Test>::iter_keys().any(|(h, _)| h == hash),
			"the preimage leaves state once the call ran"
		);
	});
}

#[test]
fn a_cancelled_long_call_leaves_no_preimage_behind() {
	new_test_ext().execute_with(|| {
		let call = set_marker(&vec![7u8; 10_000]);
		let hash = <Test as frame_system::Config>::Hashing::hash_of(&call);
		assert_ok!(announce(call));
		assert_ok!(Enactment::cancel(RuntimeOrigin::signed(GOVERNANCE), 0));
		assert!(!pallet_preimage::PreimageFor::<Test>::iter_keys().any(|(h, _)| h == hash));
		assert!(pallet_preimage::RequestStatusFor::<Test>::get(hash).is_none());
	});
}

#[test]
fn calls_that_could_never_run_are_refused() {
	new_test_ext().execute_with(|| {
		let too_long = set_marker(&vec![0u8; 64 * 1024]);
		assert_noop!(announce(too_long), Error::<Test>::CallTooLong);
		// A call heavier than the bound: lower the bound below an ordinary call's weight.
		let call = set_marker(b"v1");
		let weight = call.get_dispatch_info().call_weight;
		assert!(weight.ref_time() > 0, "sanity: the call has a weight to compare");
		MaxCallWeight::set(weight.saturating_sub(Weight::from_parts(1, 0)));
		assert_noop!(announce(call.clone()), Error::<Test>::CallTooHeavy);
		MaxCallWeight::set(weight);
		assert_ok!(announce(call));
	});
}

#[test]
fn a_full_agenda_is_the_schedulers_error_and_changes_nothing() {
	new_test_ext().execute_with(|| {
		// MaxScheduledPerBlock is 2: a third announcement for the same block is refused.
		assert_ok!(announce(set_marker(b"a")));
		assert_ok!(announce(set_marker(b"b")));
		let refused = announce(set_marker(b"c"));
		assert_eq!(refused, Err(DispatchError::Exhausted));
		assert_eq!(NextAnnouncement::<Test>::get(), 2, "a refused announcement uses no index");
	});
}

#[test]
fn integrity_holds() {
	new_test_ext().execute_with(|| {
		<crate::Pallet<Test> as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn try_state_notices_an_announcement_the_scheduler_lost() {
	new_test_ext().execute_with(|| {
		assert_ok!(announce(set_marker(b"v1")));
		assert_eq!(crate::Pallet::<Test>::do_try_state(), Ok(()));
		// Remove the scheduled enactment behind the pallet's back.
		assert_ok!(
			<Scheduler as frame_support::traits::schedule::v3::Named<_, _, _>>::cancel_named(
				Enactment::task_name(0)
			)
		);
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
	});
}
