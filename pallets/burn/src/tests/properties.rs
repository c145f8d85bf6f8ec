use super::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
	Submit {
		builder: bool,
		units: u64,
	},
	/// A build sealed to `PROVIDER`'s enclave.
	SubmitSealed {
		builder: bool,
		units: u64,
	},
	Accept {
		id: u64,
		other: bool,
	},
	Release {
		id: u64,
		other: bool,
	},
	Complete {
		id: u64,
		units: u64,
	},
	Cancel {
		id: u64,
	},
	Reclaim {
		id: u64,
	},
	Advance {
		blocks: u64,
	},
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		(any::<bool>(), 0u64..40).prop_map(|(builder, units)| Step::Submit { builder, units }),
		(any::<bool>(), 0u64..40)
			.prop_map(|(builder, units)| Step::SubmitSealed { builder, units }),
		(0u64..8, any::<bool>()).prop_map(|(id, other)| Step::Accept { id, other }),
		(0u64..8, any::<bool>()).prop_map(|(id, other)| Step::Release { id, other }),
		(0u64..8, 0u64..40).prop_map(|(id, units)| Step::Complete { id, units }),
		(0u64..8).prop_map(|id| Step::Cancel { id }),
		(0u64..8).prop_map(|id| Step::Reclaim { id }),
		(1u64..12).prop_map(|blocks| Step::Advance { blocks }),
	]
}

/// Plays `step` as its caller would; a failed call is fine.
fn apply(step: Step) {
	let provider = |other: bool| if other { OTHER_PROVIDER } else { PROVIDER };
	let builder_of = |id: u64| Builds::<Test>::get(id).map(|b| b.builder).unwrap_or(ALICE);
	let _ = match step {
		Step::Submit { builder, units } => Burn::submit_build(
			RuntimeOrigin::signed(if builder { ALICE } else { BOB }),
			SPEC,
			INPUT,
			units,
			None,
			1_000,
		),
		Step::SubmitSealed { builder, units } => Burn::submit_sealed_build(
			RuntimeOrigin::signed(if builder { ALICE } else { BOB }),
			SPEC,
			INPUT,
			units,
			None,
			1_000,
			frame_support::BoundedVec::truncate_from(vec![enclave_of(PROVIDER)]),
			[0x0b; 32],
		),
		Step::Accept { id, other } => {
			Burn::accept_build(RuntimeOrigin::signed(provider(other)), id)
				.map(|_| ())
				.map_err(|e| e.error)
		}
		Step::Release { id, other } => {
			Burn::release_build(RuntimeOrigin::signed(provider(other)), id)
		}
		Step::Complete { id, units } => {
			Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, units).map(|_| ())
		}
		Step::Cancel { id } => Burn::cancel_build(RuntimeOrigin::signed(builder_of(id)), id),
		Step::Reclaim { id } => Burn::reclaim_expired(RuntimeOrigin::signed(builder_of(id)), id),
		Step::Advance { blocks } => {
			run_to_block(System::block_number() + blocks);
			Burn::on_idle(System::block_number(), Weight::MAX);
			Ok(())
		}
	};
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

	/// Whatever happens, issuance = initial − burned + refunded, and every build is in
	/// exactly one state with the live lists agreeing.
	#[test]
	fn issuance_and_states_stay_consistent(steps in prop::collection::vec(step(), 1..50)) {
		new_test_ext().execute_with(|| {
			let initial = issuance();
			make_eligible(PROVIDER, None);
			make_eligible(OTHER_PROVIDER, None);
			for step in steps {
				apply(step);
				prop_assert_eq!(issuance(), initial - total_burned() + refunded());
				prop_assert!(Burn::do_try_state().is_ok());
				for (_, build) in Builds::<Test>::iter() {
					// A refunded build is expired; a completed one was never refunded.
					match build.state {
						BuildState::Completed { .. } => prop_assert!(!build.refunded),
						BuildState::Open | BuildState::Assigned { .. } =>
							prop_assert!(!build.refunded),
						BuildState::Expired => prop_assert!(build.refunded),
					}
				}
			}
			Ok(())
		})?;
	}

	/// Whatever happens, walking the pages of open builds, of any size, finds exactly the
	/// builds a scan of every build finds open, each once, in id order; and none of them
	/// lies before the window the binary search finds.
	#[test]
	fn open_build_pages_match_a_full_scan(
		steps in prop::collection::vec(step(), 1..60),
		limit in 1u32..6,
	) {
		new_test_ext().execute_with(|| {
			make_eligible(PROVIDER, None);
			make_eligible(OTHER_PROVIDER, None);
			for step in steps {
				apply(step);
				let now = System::block_number();
				let mut scanned: Vec<u64> = Builds::<Test>::iter()
					.filter(|(_, build)| Burn::current_state(build, now) == BuildState::Open)
					.map(|(id, _)| id)
					.collect();
				scanned.sort();
				let window = Burn::open_window_start(now);
				prop_assert!(scanned.iter().all(|id| *id >= window));
				let mut paged = Vec::new();
				let mut start = None;
				loop {
					let page = Burn::open_builds(start, limit);
					prop_assert!(page.builds.len() <= limit as usize);
					paged.extend(page.builds.into_iter().map(|(id, _)| id));
					match page.next {
						Some(next) => {
							prop_assert!(start.is_none_or(|start| next > start));
							start = Some(next);
						},
						None => break,
					}
				}
				prop_assert_eq!(paged, scanned);
			}
			Ok(())
		})?;
	}
}
