use super::*;
use crate::{first_where, MAX_BUILDS_EXAMINED_PER_PAGE, MAX_OPEN_BUILDS_PER_PAGE};

/// The ids of one page.
fn page(start: Option<u64>, limit: u32) -> (Vec<u64>, Option<u64>) {
	let page = Burn::open_builds(start, limit);
	(page.builds.into_iter().map(|(id, _)| id).collect(), page.next)
}

/// Every page from the first to the last, each of `limit` builds at most.
fn all_pages(limit: u32) -> Vec<u64> {
	let mut ids = Vec::new();
	let mut start = None;
	loop {
		let (page, next) = page(start, limit);
		assert!(page.len() <= limit as usize);
		ids.extend(page);
		match next {
			Some(next) => start = Some(next),
			None => return ids,
		}
	}
}

/// The open builds, by reading every build in state.
fn open_by_full_scan() -> Vec<u64> {
	let now = System::block_number();
	let mut ids: Vec<u64> = Builds::<Test>::iter()
		.filter(|(_, build)| Burn::current_state(build, now) == BuildState::Open)
		.map(|(id, _)| id)
		.collect();
	ids.sort();
	ids
}

/// Alice submits `count` builds at the current block; returns the first id.
fn submit_many(count: u64) -> u64 {
	let first = Ledger::<Test>::get().next_build_id;
	for _ in 0..count {
		submit(1);
	}
	first
}

#[test]
fn an_empty_chain_has_no_open_builds() {
	new_test_ext().execute_with(|| {
		assert_eq!(Burn::open_window_start(1), 0);
		assert_eq!(page(None, 10), (vec![], None));
		assert_eq!(page(Some(7), 10), (vec![], None));
		assert_eq!(page(None, 0), (vec![], None));
	});
}

#[test]
fn lists_open_builds_in_id_order_with_their_views() {
	new_test_ext().execute_with(|| {
		submit_many(3);
		let page = Burn::open_builds(None, 10);
		assert_eq!(page.next, None);
		let ids: Vec<u64> = page.builds.iter().map(|(id, _)| *id).collect();
		assert_eq!(ids, vec![0, 1, 2]);
		for (id, view) in page.builds {
			assert_eq!(Some(view.clone()), Burn::build_view(id));
			assert_eq!(view.state, BuildState::Open);
			assert_eq!((view.spec_hash, view.input_hash), (SPEC, INPUT));
		}
	});
}

#[test]
fn builds_before_the_window_are_never_listed() {
	new_test_ext().execute_with(|| {
		// Lifetime 20: builds 0 and 1 expire after block 21, 2 and 3 after 25, 4 after 30.
		submit_many(2);
		run_to_block(5);
		submit_many(2);
		run_to_block(10);
		submit_many(1);

		run_to_block(21);
		assert_eq!(Burn::open_window_start(21), 0, "expires_at 21 is still open at 21");
		assert_eq!(page(None, 10), (vec![0, 1, 2, 3, 4], None));

		run_to_block(22);
		assert_eq!(Burn::open_window_start(22), 2);
		assert_eq!(page(None, 10), (vec![2, 3, 4], None));
		assert_eq!(state(0), BuildState::Expired);
		// A cursor below the window starts at the window.
		assert_eq!(page(Some(0), 10), (vec![2, 3, 4], None));

		run_to_block(26);
		assert_eq!(page(None, 10), (vec![4], None));

		run_to_block(31);
		assert_eq!(Burn::open_window_start(31), 5, "everything expired");
		assert_eq!(page(None, 10), (vec![], None));
	});
}

#[test]
fn assigned_builds_are_left_out_until_their_deadline_passes() {
	new_test_ext().execute_with(|| {
		let taken = accepted(1);
		let open = submit(1);
		// Assigned at block 1: the deadline is block 6.
		run_to_block(6);
		assert_eq!(page(None, 10), (vec![open], None));

		run_to_block(7);
		assert_eq!(page(None, 10), (vec![taken, open], None));
		let reopened = Burn::open_builds(None, 10).builds[0].1.clone();
		assert_eq!(reopened.state, BuildState::Open, "the missed deadline reopened it");

		// Reopened only within its lifetime: past `expires_at` it has expired.
		run_to_block(22);
		assert_eq!(page(None, 10), (vec![], None));
	});
}

#[test]
fn assigned_builds_list_a_providers_live_assignments_past_the_open_window() {
	new_test_ext().execute_with(|| {
		let ids = |page: crate::BuildsPage<_, _, _>| -> Vec<u64> {
			page.builds.into_iter().map(|(id, _)| id).collect()
		};
		let early = submit(1);
		let completed = accepted(1);
		assert_ok!(Burn::complete_build(completed, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 1));
		// Taken at the last block it is open (its `expires_at`, 21): deadline 26.
		run_to_block(21);
		make_eligible(PROVIDER, None);
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), early));

		run_to_block(24);
		assert!(Burn::open_window_start(24) > early, "past the open builds' window");
		assert_eq!(ids(Burn::assigned_builds(&PROVIDER, None, 10)), vec![early]);
		assert_eq!(ids(Burn::assigned_builds(&ALICE, None, 10)), Vec::<u64>::new());
		assert_eq!(Burn::assigned_builds(&PROVIDER, Some(early + 1), 10).builds, vec![]);
		assert_eq!(Burn::assigned_builds(&PROVIDER, None, 0).next, Some(early));

		run_to_block(26);
		assert_eq!(ids(Burn::assigned_builds(&PROVIDER, None, 10)), vec![early]);
		// The deadline passed: nothing is left to prove.
		run_to_block(27);
		assert_eq!(ids(Burn::assigned_builds(&PROVIDER, None, 10)), Vec::<u64>::new());
	});
}

#[test]
fn cancelled_and_completed_builds_are_left_out() {
	new_test_ext().execute_with(|| {
		let completed = accepted(4);
		assert_ok!(Burn::complete_build(completed, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4));
		let cancelled = submit(1);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), cancelled));
		let released = accepted(1);
		assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), released));
		let open = submit(1);
		assert_eq!(page(None, 10), (vec![released, open], None));
	});
}

#[test]
fn pages_cover_every_open_build_exactly_once() {
	new_test_ext().execute_with(|| {
		make_eligible(PROVIDER, None);
		for block in 1..=12 {
			run_to_block(block);
			let first = submit_many(4);
			// Take one build in three, cancel one in four.
			for id in first..first + 4 {
				if id % 3 == 0 {
					assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id));
				} else if id % 4 == 0 {
					assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
				}
			}
		}
		// Builds of blocks 1 and 2 expired; early assignments missed their deadline.
		run_to_block(23);
		let expected = open_by_full_scan();
		assert!(expected.len() > 10);
		assert!(expected.iter().all(|id| *id >= Burn::open_window_start(23)));
		for limit in [1, 2, 3, 7, 10, MAX_OPEN_BUILDS_PER_PAGE, u32::MAX] {
			assert_eq!(all_pages(limit), expected, "limit {limit}");
		}
	});
}

#[test]
fn a_page_holds_at_most_the_maximum_and_a_zero_limit_only_a_cursor() {
	new_test_ext().execute_with(|| {
		let count = u64::from(MAX_OPEN_BUILDS_PER_PAGE) + 10;
		submit_many(count);
		let (first, next) = page(None, u32::MAX);
		assert_eq!(first.len(), MAX_OPEN_BUILDS_PER_PAGE as usize);
		assert_eq!(next, Some(u64::from(MAX_OPEN_BUILDS_PER_PAGE)));
		assert_eq!(page(next, u32::MAX).0.len(), 10);
		assert_eq!(page(None, 0), (vec![], Some(0)));
		assert_eq!(page(Some(5), 0), (vec![], Some(5)));
		// A full page that ends at the newest build leaves nothing to look at.
		assert_eq!(page(Some(count - 2), 2), (vec![count - 2, count - 1], None));
		assert_eq!(page(Some(count), 2), (vec![], None));
	});
}

#[test]
fn a_page_reads_a_bounded_number_of_records() {
	new_test_ext().execute_with(|| {
		let closed = u64::from(MAX_BUILDS_EXAMINED_PER_PAGE) + 5;
		submit_many(closed);
		for id in 0..closed {
			assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
		}
		let open = submit_many(3);
		// The first page stops after reading its share, with nothing in it but a cursor.
		let cursor = u64::from(MAX_BUILDS_EXAMINED_PER_PAGE);
		assert_eq!(page(None, 10), (vec![], Some(cursor)));
		assert_eq!(page(Some(cursor), 10), (vec![open, open + 1, open + 2], None));
		assert_eq!(all_pages(10), open_by_full_scan());
	});
}

#[test]
fn the_window_starts_at_the_first_build_that_has_not_expired() {
	new_test_ext().execute_with(|| {
		// Builds 0..3 expire after block 21 and leave state at block 57.
		submit_many(3);
		run_to_block(57);
		Burn::on_idle(57, Weight::MAX);
		assert_eq!(Burn::oldest_retained_build(), 3);
		assert_eq!(Burn::open_window_start(57), 3, "nothing in state: the next id");

		// Builds 3 and 4 expire after block 80, 5 and 6 after 90.
		run_to_block(60);
		submit_many(2);
		run_to_block(70);
		submit_many(2);
		assert_eq!(Burn::open_window_start(70), 3, "nothing expired: the oldest in state");
		assert_eq!(page(None, 10), (vec![3, 4, 5, 6], None));
		assert_eq!(Burn::open_window_start(80), 3);
		assert_eq!(Burn::open_window_start(81), 5);
		assert_eq!(Burn::open_window_start(90), 5);
		assert_eq!(Burn::open_window_start(91), 7, "everything expired: the next id");
		run_to_block(91);
		assert_eq!(page(None, 10), (vec![], None));
	});
}

#[test]
fn the_binary_search_reads_logarithmically_many_records() {
	let search = |low: u64, high: u64, boundary: u64| {
		let mut probes = 0u32;
		let found = first_where(low, high, |id| {
			assert!((low..high).contains(&id), "probes only ids in the range");
			probes += 1;
			id >= boundary
		});
		(found, probes)
	};
	// ⌈log₂(1,000,001)⌉ = 20.
	for boundary in [0, 1, 2, 499_999, 500_000, 999_999, 1_000_000, u64::MAX] {
		let (found, probes) = search(0, 1_000_000, boundary);
		assert_eq!(found, boundary.min(1_000_000), "boundary {boundary}");
		assert!(probes <= 20, "{probes} probes for boundary {boundary}");
	}
	// A range that does not start at zero, and one at the top of the id space.
	assert_eq!(search(40, 50, 10), (40, 4));
	assert_eq!(search(40, 50, 45).0, 45);
	assert_eq!(search(u64::MAX - 3, u64::MAX, u64::MAX - 1).0, u64::MAX - 1);
	assert_eq!(search(u64::MAX - 3, u64::MAX, u64::MAX).0, u64::MAX);
	// An empty range reads nothing.
	assert_eq!(search(7, 7, 0), (7, 0));
	assert_eq!(search(9, 3, 0), (9, 0));
}

#[test]
fn a_shorter_lifetime_can_hide_an_older_open_build_but_never_lists_a_closed_one() {
	new_test_ext().execute_with(|| {
		// Submitted under a 20-block lifetime: open until block 21.
		let old = submit(1);
		// An upgrade shortens the lifetime to 2: build 1 expires after block 4.
		BuildLifetime::set(2);
		run_to_block(2);
		let newer = submit(1);
		run_to_block(10);
		assert_eq!(state(old), BuildState::Open);
		assert_eq!(state(newer), BuildState::Expired);
		// `expires_at` went down with the id: the search lands past the old build.
		assert_eq!(page(None, 10), (vec![], None));
		// It is still open, and can still be taken by id.
		make_eligible(PROVIDER, None);
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), old));
	});
}
