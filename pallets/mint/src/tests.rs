//! Tests of the mint pallet on the mock runtime.

use crate::{
	ema, mock::*, within_step, CurrentEpoch, EpochRecords, Error, Event, GenesisIssuance,
	MintParameters, Parameters, ParametersOf, SignedAmount, TotalMinted, TotalRefunded,
};
use azra_primitives::{BuildRegistry, BuildState, BurnLedger, EpochClock, Refund};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Inspect, ConstU32, Hooks},
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{DispatchError, FixedU128, Perbill};

type Epochs = BoundedVec<u32, ConstU32<8>>;

fn epochs(list: &[u32]) -> Epochs {
	BoundedVec::try_from(list.to_vec()).expect("at most 8 epochs")
}

fn last_mint_events(n: usize) -> Vec<Event<Test>> {
	let mut events: Vec<Event<Test>> = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Mint(e) => Some(e),
			_ => None,
		})
		.collect();
	let start = events.len().saturating_sub(n);
	events.split_off(start)
}

fn params() -> ParametersOf<Test> {
	Parameters::<Test>::get()
}

fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

// ---------------------------------------------------------------- genesis and epochs

#[test]
fn genesis_is_consistent() {
	new_test_ext().execute_with(|| {
		assert_eq!(Mint::current_epoch(), 0);
		assert_eq!(
			params(),
			MintParameters {
				ratio: FixedU128::from_u32(1),
				floor: 100,
				ceiling: 100_000,
				smoothing: Perbill::from_percent(50),
				epoch_length: EPOCH,
			}
		);
		assert_eq!(GenesisIssuance::<Test>::get(), BUILDER_FUNDS + 5 * PROVIDER_FUNDS);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
#[should_panic(expected = "outside their hard bounds")]
fn genesis_rejects_parameters_outside_bounds() {
	ExtBuilder { floor: 1_000_000, ..Default::default() }.build();
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
		// smoothed = 50% × 400 = 200, budget = clamp(200, 100, 100_000) = 200.
		assert_eq!(
			last_mint_events(1),
			vec![Event::EpochClosed {
				epoch: 0,
				burned: 400,
				refunded: 0,
				smoothed_burn: 200,
				budget: 200,
				points: 10
			}]
		);
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.burned, 400);
		assert_eq!(record.points, 10);
		assert_eq!(record.providers, 1);
		assert_eq!(record.budget, 200);
		assert_eq!(record.smoothed_burn, 200);
		assert_eq!(record.net_emission, SignedAmount { positive: false, magnitude: 400 });
		assert!(!record.breaker_tripped);
	});
}

#[test]
fn epoch_without_points_mints_nothing() {
	new_test_ext().execute_with(|| {
		assert_ok!(MockBurn::burn(BUILDER, 5_000));
		close_epoch();
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.budget, 0);
		assert_eq!(record.points, 0);
		assert_eq!(record.smoothed_burn, 2_500);
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

// ---------------------------------------------------------------- submit_work

#[test]
fn submit_work_completes_build_and_adds_points() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 40, 100);
		let output = H256::repeat_byte(0x0f);
		assert_ok!(prove(ALICE, id, 30));
		System::assert_last_event(
			Event::WorkAccepted {
				build_id: id,
				provider: ALICE,
				epoch: 0,
				units_used: 30,
				output_hash: output,
				measurement: MEASUREMENT,
			}
			.into(),
		);
		assert_eq!(
			MockBurn::build(id).unwrap().state,
			BuildState::Completed { provider: ALICE, output_hash: output, units_used: 30 }
		);
		assert_eq!(MockBurn::completions(), 1);
		assert_eq!(Mint::points_of(0, &ALICE), 30);

		// A second build in the same epoch adds up.
		let id2 = assigned_build(ALICE, 5, 100);
		assert_ok!(prove(ALICE, id2, 5));
		assert_eq!(Mint::points_of(0, &ALICE), 35);
		assert_eq!(crate::EpochTallies::<Test>::get(0).points, 35);
		assert_eq!(crate::EpochTallies::<Test>::get(0).providers, 1);
	});
}

#[test]
fn submit_work_requires_signed_origin() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let claim = claim_for(id, ALICE, H256::zero(), 10);
		assert_noop!(
			Mint::submit_work(
				RuntimeOrigin::none(),
				id,
				H256::zero(),
				10,
				MockAttestation::prove(&claim)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn submit_work_rejects_unknown_build() {
	new_test_ext().execute_with(|| {
		let claim = claim_for(99, ALICE, H256::zero(), 1);
		assert_noop!(
			Mint::submit_work(
				RuntimeOrigin::signed(ALICE),
				99,
				H256::zero(),
				1,
				MockAttestation::prove(&claim)
			),
			Error::<Test>::BuildNotFound
		);
	});
}

#[test]
fn submit_work_rejects_open_build() {
	new_test_ext().execute_with(|| {
		let id = MockBurn::submit(BUILDER, 10, 100).unwrap();
		assert_noop!(prove(ALICE, id, 10), Error::<Test>::BuildNotAssigned);
	});
}

#[test]
fn submit_work_rejects_other_providers_build() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		// Bob's own enclave signs a perfect claim naming Bob: still not his build.
		assert_noop!(prove(BOB, id, 10), Error::<Test>::NotAssignedProvider);
		assert_eq!(MockBurn::completions(), 0);
	});
}

#[test]
fn submit_work_rejects_missed_deadline() {
	new_test_ext().execute_with(|| {
		let id = MockBurn::submit(BUILDER, 10, 100).unwrap();
		MockBurn::assign(id, ALICE, 5);
		run_to_block(6);
		assert_noop!(prove(ALICE, id, 10), Error::<Test>::DeadlinePassed);
	});
}

#[test]
fn submit_work_accepts_proof_on_deadline_block() {
	new_test_ext().execute_with(|| {
		let id = MockBurn::submit(BUILDER, 10, 100).unwrap();
		MockBurn::assign(id, ALICE, 5);
		run_to_block(5);
		assert_ok!(prove(ALICE, id, 10));
	});
}

#[test]
fn submit_work_pays_once_per_build() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		assert_ok!(prove(ALICE, id, 10));
		assert_noop!(prove(ALICE, id, 10), Error::<Test>::BuildAlreadyCompleted);
		assert_eq!(MockBurn::completions(), 1);
		assert_eq!(Mint::points_of(0, &ALICE), 10);
	});
}

#[test]
fn submit_work_rejects_expired_build() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		assert_ok!(MockBurn::expire(id));
		assert_noop!(prove(ALICE, id, 10), Error::<Test>::BuildExpired);
	});
}

#[test]
fn submit_work_rejects_zero_units() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		assert_noop!(prove(ALICE, id, 0), Error::<Test>::NoUnitsUsed);
	});
}

#[test]
fn submit_work_rejects_an_enclave_with_another_measurement_than_required() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		MockBurn::require_measurement(id, H256::repeat_byte(0xbb));
		assert_noop!(prove(ALICE, id, 5), Error::<Test>::WrongMeasurement);
	});
}

#[test]
fn submit_work_accepts_the_required_measurement() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		MockBurn::require_measurement(id, MEASUREMENT);
		assert_ok!(prove(ALICE, id, 5));
	});
}

#[test]
fn submit_work_rejects_more_units_than_requested() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		assert_noop!(prove(ALICE, id, 11), Error::<Test>::UnitsAboveRequested);
	});
}

#[test]
fn submit_work_rejects_proof_for_other_output() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let signed_claim = claim_for(id, ALICE, H256::repeat_byte(1), 10);
		let proof = MockAttestation::prove(&signed_claim);
		assert_noop!(
			Mint::submit_work(RuntimeOrigin::signed(ALICE), id, H256::repeat_byte(2), 10, proof),
			INVALID_PROOF
		);
	});
}

#[test]
fn submit_work_rejects_proof_for_other_units() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let signed_claim = claim_for(id, ALICE, H256::zero(), 4);
		let proof = MockAttestation::prove(&signed_claim);
		assert_noop!(
			Mint::submit_work(RuntimeOrigin::signed(ALICE), id, H256::zero(), 10, proof),
			INVALID_PROOF
		);
	});
}

#[test]
fn submit_work_rejects_proof_by_another_enclave() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let claim = claim_for(id, ALICE, H256::zero(), 10);
		let proof = MockAttestation::prove_as(BOB, &claim);
		assert_noop!(
			Mint::submit_work(RuntimeOrigin::signed(ALICE), id, H256::zero(), 10, proof),
			INVALID_PROOF
		);
	});
}

#[test]
fn submit_work_rejects_revoked_measurement() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		MockAttestation::revoke(ALICE);
		assert_noop!(prove(ALICE, id, 10), MEASUREMENT_REVOKED);
		assert_eq!(MockBurn::completions(), 0);
	});
}

#[test]
fn submit_work_rejects_provider_without_enclave() {
	new_test_ext().execute_with(|| {
		let stranger = 99;
		let id = assigned_build(stranger, 10, 100);
		assert_noop!(prove(stranger, id, 10), NO_ENCLAVE);
	});
}

#[test]
fn submit_work_caps_providers_per_epoch() {
	new_test_ext().execute_with(|| {
		for p in [ALICE, BOB, CHARLIE, DAVE] {
			let id = assigned_build(p, 1, 10);
			assert_ok!(prove(p, id, 1));
		}
		let id = assigned_build(EVE, 1, 10);
		assert_noop!(prove(EVE, id, 1), Error::<Test>::TooManyProviders);
		// A provider already counted may still add points.
		let id = assigned_build(ALICE, 1, 10);
		assert_ok!(prove(ALICE, id, 1));
		// The cap is per epoch.
		close_epoch();
		let id = assigned_build(EVE, 1, 10);
		assert_ok!(prove(EVE, id, 1));
	});
}

#[test]
fn submit_work_rejects_points_overflow() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, u64::MAX, 10);
		assert_ok!(prove(ALICE, id, u64::MAX));
		let id = assigned_build(ALICE, 1, 10);
		assert_noop!(prove(ALICE, id, 1), Error::<Test>::PointsOverflow);
	});
}

// ---------------------------------------------------------------- claim_rewards

/// Burn `burn` in epoch 0, let the listed providers prove the listed units, and close it.
/// Smoothing 100% so that budget = burn (between floor and ceiling).
fn epoch_with(burn: Balance, work: &[(AccountId, u64)]) -> sp_io::TestExternalities {
	let mut ext = ExtBuilder { smoothing: Perbill::one(), ..Default::default() }.build();
	let work = work.to_vec();
	ext.execute_with(|| {
		let mut burned = 0;
		for (p, units) in work {
			let id = assigned_build(p, units, 10);
			burned += 10;
			assert_ok!(prove(p, id, units));
		}
		assert_ok!(MockBurn::burn(BUILDER, burn - burned));
		close_epoch();
		assert_eq!(Mint::epoch_record(0).unwrap().budget, burn);
	});
	ext
}

#[test]
fn claim_rewards_splits_pro_rata_and_records_dust() {
	epoch_with(1_000, &[(ALICE, 1), (BOB, 2), (CHARLIE, 4)]).execute_with(|| {
		let before = issuance();
		// ⌊1000·1/7⌋ = 142, ⌊1000·2/7⌋ = 285, ⌊1000·4/7⌋ = 571; dust 2.
		assert_eq!(Mint::unpaid_rewards(&BOB, &[0, 1]), vec![(0, 285)]);
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(BOB), epochs(&[0])));
		System::assert_last_event(
			Event::RewardsClaimed { provider: BOB, epoch: 0, amount: 285 }.into(),
		);
		assert_eq!(Balances::free_balance(BOB), PROVIDER_FUNDS + 285);
		// So far: ⌊1000·2/7⌋ − 285 = 0.
		assert_eq!(Mint::epoch_record(0).unwrap().dust, 0);

		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])));
		assert_eq!(Balances::free_balance(ALICE), PROVIDER_FUNDS + 142);
		assert_eq!(Mint::epoch_record(0).unwrap().dust, 1);
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(CHARLIE), epochs(&[0])));
		assert_eq!(Balances::free_balance(CHARLIE), PROVIDER_FUNDS + 571);

		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.minted_rewards, 998);
		assert_eq!(record.dust, 2);
		assert_eq!(record.claimed_points, 7);
		assert_eq!(record.minted_rewards + record.dust, record.budget);
		assert_eq!(record.net_emission, SignedAmount { positive: false, magnitude: 2 });
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
		let budgets: Vec<Balance> = (0..3).map(|e| Mint::epoch_record(e).unwrap().budget).collect();
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0, 1, 2])));
		assert_eq!(Balances::free_balance(ALICE), PROVIDER_FUNDS + budgets.iter().sum::<Balance>());
		assert_eq!(last_mint_events(3).len(), 3);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn claim_rewards_requires_signed_origin() {
	epoch_with(1_000, &[(ALICE, 1)]).execute_with(|| {
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::root(), epochs(&[0])),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn claim_rewards_rejects_open_epoch() {
	epoch_with(1_000, &[(ALICE, 1)]).execute_with(|| {
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
	epoch_with(1_000, &[(ALICE, 1)]).execute_with(|| {
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
	epoch_with(1_000, &[(ALICE, 1)]).execute_with(|| {
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])));
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])),
			Error::<Test>::AlreadyClaimed
		);
	});
}

#[test]
fn claim_rewards_rejects_duplicate_epochs_in_one_call() {
	epoch_with(1_000, &[(ALICE, 1)]).execute_with(|| {
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0, 0])),
			Error::<Test>::AlreadyClaimed
		);
	});
}

#[test]
fn claim_rewards_is_all_or_nothing() {
	epoch_with(1_000, &[(ALICE, 1)]).execute_with(|| {
		// Epoch 0 is claimable, epoch 1 is still open: nothing is paid.
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0, 1])),
			Error::<Test>::EpochNotClosed
		);
		assert_eq!(Balances::free_balance(ALICE), PROVIDER_FUNDS);
	});
}

// ---------------------------------------------------------------- budget: EMA, clamp, breaker

#[test]
fn ema_moves_by_alpha_and_keeps_steady_burn() {
	let half = Perbill::from_percent(50);
	assert_eq!(ema::<u64>(0, 1_000, half), 500);
	assert_eq!(ema::<u64>(500, 1_000, half), 750);
	assert_eq!(ema::<u64>(1_000, 0, half), 500);
	assert_eq!(ema::<u64>(777, 777, Perbill::from_percent(13)), 777);
	assert_eq!(ema::<u64>(10, 1_000, Perbill::one()), 1_000);
	assert_eq!(ema::<u64>(u64::MAX, 0, Perbill::from_percent(1)), u64::MAX - u64::MAX / 100);
}

#[test]
fn smoothed_burn_is_an_ema_across_epochs() {
	new_test_ext().execute_with(|| {
		let expected = [500, 750, 875, 937];
		for (e, want) in expected.iter().enumerate() {
			assert_ok!(MockBurn::burn(BUILDER, 1_000));
			close_epoch();
			assert_eq!(Mint::epoch_record(e as u32).unwrap().smoothed_burn, *want);
		}
		// Burn stops: the average decays by half each epoch.
		close_epoch();
		assert_eq!(Mint::epoch_record(4).unwrap().smoothed_burn, 469);
	});
}

#[test]
fn budget_is_ratio_times_smoothed_burn() {
	ExtBuilder {
		ratio: FixedU128::from_rational(3, 2),
		smoothing: Perbill::one(),
		..Default::default()
	}
	.build()
	.execute_with(|| {
		let id = assigned_build(ALICE, 1, 2_000);
		assert_ok!(prove(ALICE, id, 1));
		close_epoch();
		assert_eq!(Mint::epoch_record(0).unwrap().budget, 3_000);
	});
}

#[test]
fn budget_is_clamped_at_floor() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 1, 20);
		assert_ok!(prove(ALICE, id, 1));
		close_epoch();
		// smoothed 10 < floor 100.
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.smoothed_burn, 10);
		assert_eq!(record.budget, 100);
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])));
		assert_eq!(
			Mint::epoch_record(0).unwrap().net_emission,
			SignedAmount { positive: true, magnitude: 80 }
		);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn budget_is_clamped_at_ceiling() {
	ExtBuilder { ceiling: 1_000, smoothing: Perbill::one(), ..Default::default() }
		.build()
		.execute_with(|| {
			let id = assigned_build(ALICE, 1, 50_000);
			assert_ok!(prove(ALICE, id, 1));
			close_epoch();
			let record = Mint::epoch_record(0).unwrap();
			assert_eq!(record.smoothed_burn, 50_000);
			assert_eq!(record.budget, 1_000);
			assert!(!record.breaker_tripped);
		});
}

#[test]
fn breaker_caps_budget_of_anomalous_epoch() {
	// A high average carried into an epoch with no burn: the formula would pay 25_000, the
	// breaker allows 3 × (0 + 100) = 300.
	ExtBuilder { initial_smoothed_burn: 50_000, ..Default::default() }.build().execute_with(|| {
		let id = assigned_build(ALICE, 1, 0);
		assert_ok!(prove(ALICE, id, 1));
		close_epoch();
		assert_eq!(
			last_mint_events(2),
			vec![
				Event::BreakerTripped { epoch: 0, uncapped: 25_000, cap: 300 },
				Event::EpochClosed {
					epoch: 0,
					burned: 0,
					refunded: 0,
					smoothed_burn: 25_000,
					budget: 300,
					points: 1
				},
			]
		);
		let record = Mint::epoch_record(0).unwrap();
		assert!(record.breaker_tripped);
		assert_eq!(record.budget, 300);
		assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])));
		assert_eq!(Balances::free_balance(ALICE), PROVIDER_FUNDS + 300);
	});
}

#[test]
fn breaker_stays_quiet_in_normal_epochs() {
	new_test_ext().execute_with(|| {
		for _ in 0..5 {
			let id = assigned_build(ALICE, 1, 1_000);
			assert_ok!(prove(ALICE, id, 1));
			close_epoch();
		}
		assert!((0..5).all(|e| !Mint::epoch_record(e).unwrap().breaker_tripped));
		assert!(!System::events()
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::Mint(Event::BreakerTripped { .. }))));
	});
}

// ---------------------------------------------------------------- refunds

#[test]
fn refund_mints_and_is_accounted_in_its_epoch() {
	new_test_ext().execute_with(|| {
		let id = MockBurn::submit(BUILDER, 10, 700).unwrap();
		let before = issuance();
		assert_ok!(MockBurn::expire(id));
		System::assert_last_event(
			Event::Refunded { builder: BUILDER, amount: 700, epoch: 0 }.into(),
		);
		assert_eq!(issuance(), before + 700);
		assert_eq!(TotalRefunded::<Test>::get(), 700);
		assert_ok!(Mint::do_try_state());
		close_epoch();
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.refunded, 700);
		assert_eq!(record.burned, 700);
		assert_eq!(record.net_emission, SignedAmount::zero());
	});
}

#[test]
fn refund_of_zero_is_a_no_op() {
	new_test_ext().execute_with(|| {
		assert_ok!(<Mint as Refund<AccountId, Balance>>::refund(&BUILDER, 0));
		assert_eq!(TotalRefunded::<Test>::get(), 0);
		assert!(System::events().is_empty());
	});
}

#[test]
fn refund_to_a_new_account_is_accounted() {
	new_test_ext().execute_with(|| {
		assert_ok!(<Mint as Refund<AccountId, Balance>>::refund(&4242, 1));
		assert_eq!(Balances::free_balance(4242), 1);
		assert_ok!(Mint::do_try_state());
	});
}

// ---------------------------------------------------------------- parameters

#[test]
fn set_parameters_within_bounds_and_step() {
	new_test_ext().execute_with(|| {
		let new = MintParameters {
			ratio: FixedU128::from_rational(6, 5),
			floor: 120,
			ceiling: 80_000,
			smoothing: Perbill::from_percent(60),
			epoch_length: 12,
		};
		assert_ok!(Mint::set_parameters(RuntimeOrigin::root(), new));
		System::assert_last_event(Event::ParametersSet { parameters: new }.into());
		assert_eq!(params(), new);
	});
}

#[test]
fn set_parameters_requires_root() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Mint::set_parameters(RuntimeOrigin::signed(ALICE), params()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn set_parameters_rejects_values_outside_hard_bounds() {
	ExtBuilder {
		ratio: FixedU128::from_u32(2),
		floor: 10_000,
		ceiling: 1_000_000,
		smoothing: Perbill::from_percent(1),
		epoch_length: 1_000,
		..Default::default()
	}
	.build()
	.execute_with(|| {
		let p = params();
		let cases: Vec<(ParametersOf<Test>, Error<Test>)> = vec![
			(
				MintParameters { ratio: FixedU128::from_rational(21, 10), ..p },
				Error::RatioOutOfBounds,
			),
			(
				MintParameters { ratio: FixedU128::from_rational(1, 20), ..p },
				Error::RatioOutOfBounds,
			),
			(MintParameters { floor: 10_001, ..p }, Error::FloorOutOfBounds),
			(MintParameters { ceiling: 1_000_001, ..p }, Error::CeilingOutOfBounds),
			(MintParameters { ceiling: 999, ..p }, Error::CeilingOutOfBounds),
			(MintParameters { smoothing: Perbill::zero(), ..p }, Error::SmoothingOutOfBounds),
			(MintParameters { epoch_length: 1_001, ..p }, Error::EpochLengthOutOfBounds),
			(MintParameters { epoch_length: 1, ..p }, Error::EpochLengthOutOfBounds),
		];
		for (new, err) in cases {
			assert_noop!(Mint::set_parameters(RuntimeOrigin::root(), new), err);
		}
	});
}

#[test]
fn set_parameters_rejects_floor_above_ceiling() {
	ExtBuilder { floor: 1_000, ceiling: 1_000, ..Default::default() }.build().execute_with(|| {
		assert_noop!(
			Mint::set_parameters(
				RuntimeOrigin::root(),
				MintParameters { floor: 1_100, ..params() }
			),
			Error::<Test>::FloorAboveCeiling
		);
	});
}

#[test]
fn set_parameters_rejects_steps_above_max_change() {
	new_test_ext().execute_with(|| {
		let p = params();
		let cases: Vec<(ParametersOf<Test>, Error<Test>)> = vec![
			(
				MintParameters { ratio: FixedU128::from_rational(121, 100), ..p },
				Error::RatioChangeTooLarge,
			),
			(
				MintParameters { ratio: FixedU128::from_rational(79, 100), ..p },
				Error::RatioChangeTooLarge,
			),
			(MintParameters { floor: 121, ..p }, Error::FloorChangeTooLarge),
			(MintParameters { ceiling: 79_999, ..p }, Error::CeilingChangeTooLarge),
			(
				MintParameters { smoothing: Perbill::from_percent(61), ..p },
				Error::SmoothingChangeTooLarge,
			),
			(MintParameters { epoch_length: 13, ..p }, Error::EpochLengthChangeTooLarge),
		];
		for (new, err) in cases {
			assert_noop!(Mint::set_parameters(RuntimeOrigin::root(), new), err);
		}
		// Exactly 20% is allowed.
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ratio: FixedU128::from_rational(6, 5), ..p }
		));
	});
}

#[test]
fn max_change_is_per_epoch_not_per_call() {
	new_test_ext().execute_with(|| {
		let p = params();
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ceiling: 115_000, ..p }
		));
		// Two 15% steps in one epoch add up to more than 20% of the epoch's starting value.
		assert_noop!(
			Mint::set_parameters(RuntimeOrigin::root(), MintParameters { ceiling: 132_250, ..p }),
			Error::<Test>::CeilingChangeTooLarge
		);
		// Going back within the window is fine.
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ceiling: 110_000, ..p }
		));
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ceiling: 115_000, ..p }
		));
		// Next epoch, the reference is 115_000.
		close_epoch();
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ceiling: 132_250, ..p }
		));
	});
}

#[test]
fn parameter_at_zero_moves_in_steps_of_its_hard_maximum() {
	ExtBuilder { floor: 0, ..Default::default() }.build().execute_with(|| {
		// 20% of MaxFloor (10_000) = 2_000.
		assert_noop!(
			Mint::set_parameters(
				RuntimeOrigin::root(),
				MintParameters { floor: 2_001, ..params() }
			),
			Error::<Test>::FloorChangeTooLarge
		);
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { floor: 2_000, ..params() }
		));
	});
	assert!(within_step::<u64>(0, 2_000, Perbill::from_percent(20), 10_000));
	assert!(!within_step::<u64>(100, 121, Perbill::from_percent(20), 10_000));
	assert!(within_step::<u64>(100, 80, Perbill::from_percent(20), 10_000));
}

// ---------------------------------------------------------------- read helpers, invariant

#[test]
fn read_helpers_report_supply_parameters_and_records() {
	epoch_with(1_000, &[(ALICE, 1), (BOB, 1)]).execute_with(|| {
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
		assert_eq!(view.min.floor, 0);
		assert_eq!(view.max.ceiling, 1_000_000);
		assert_eq!(view.max_change_per_epoch, Perbill::from_percent(20));
		assert_eq!(view.breaker_multiple, 3);

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
fn burn_ledger_and_issuance_agree_after_a_full_cycle() {
	new_test_ext().execute_with(|| {
		let kept = assigned_build(ALICE, 10, 300);
		let lost = assigned_build(BOB, 10, 200);
		assert_ok!(prove(ALICE, kept, 10));
		assert_ok!(MockBurn::expire(lost));
		close_epoch();
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

// ---------------------------------------------------------------- scenario

/// 20 epochs of steady burn, then burn drops 60%: minted per epoch follows the smoothed
/// burn down, never exceeds the ceiling, and net emission is reported.
#[test]
fn scenario_steady_usage_then_sixty_percent_drop() {
	const STEADY: Balance = 10_000;
	const DROPPED: Balance = 4_000;
	const CEILING: Balance = 8_000;
	ExtBuilder {
		ratio: FixedU128::from_u32(1),
		floor: 100,
		ceiling: CEILING,
		smoothing: Perbill::from_percent(20),
		..Default::default()
	}
	.build()
	.execute_with(|| {
		let mut minted = Vec::new();
		for epoch in 0..40u32 {
			let price = if epoch < 20 { STEADY } else { DROPPED };
			let id = assigned_build(ALICE, 100, price);
			assert_ok!(prove(ALICE, id, 100));
			close_epoch();
			let before = Balances::free_balance(ALICE);
			assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[epoch])));
			let paid = Balances::free_balance(ALICE) - before;
			let record = Mint::epoch_record(epoch).unwrap();
			assert_eq!(record.burned, price);
			assert_eq!(record.minted_rewards, paid);
			// One provider takes the whole budget: minted = clamp(smoothed, floor, ceiling).
			assert_eq!(paid, record.smoothed_burn.clamp(100, CEILING));
			assert!(paid <= CEILING);
			assert_eq!(record.net_emission, SignedAmount::difference(paid, price));
			assert_ok!(Mint::do_try_state());
			minted.push((record.smoothed_burn, paid, record.net_emission));
		}
		// Steady phase: the average climbs towards 10_000 and the ceiling binds.
		assert!(minted[19].0 > 9_800);
		assert_eq!(minted[19].1, CEILING);
		// Every steady epoch burned more than it minted.
		assert!(minted[..20].iter().all(|(_, _, net)| !net.positive));
		// After the drop the smoothed burn falls every epoch towards 4_000, and minted
		// follows it down (never rising).
		for w in minted[20..].windows(2) {
			assert!(w[1].0 < w[0].0, "smoothed burn falls");
			assert!(w[1].1 <= w[0].1, "minted follows it down");
		}
		assert!(minted[20].0 < minted[19].0);
		let (last_smoothed, last_minted, _) = minted[39];
		assert!(last_smoothed > DROPPED && last_smoothed < DROPPED + 100);
		assert_eq!(last_minted, last_smoothed);
		// Lagging average: the first epochs after the drop mint more than they burn,
		// and that positive net emission is reported.
		assert!(minted[21].2.positive && minted[21].2.magnitude > 0);

		let totals = Mint::supply_totals();
		assert_eq!(totals.total_issuance + totals.burned, totals.genesis_issuance + totals.minted);
	});
}

// ---------------------------------------------------------------- property test

mod property {
	use super::*;
	use proptest::prelude::*;

	const PROVIDERS: [AccountId; 5] = [ALICE, BOB, CHARLIE, DAVE, EVE];

	#[derive(Clone, Debug)]
	enum Op {
		Submit { units: u64, price: Balance },
		Assign { build: usize, provider: usize, window: u64 },
		Prove { build: usize, provider: usize, units: u64, honest: bool },
		Expire { build: usize },
		Burn { amount: Balance },
		Advance { blocks: u64 },
		Claim { provider: usize, back: u32 },
		Retune { ceiling_pct: u32 },
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			3 => (1u64..50, 0u64..2_000).prop_map(|(units, price)| Op::Submit { units, price }),
			3 => (0usize..16, 0usize..5, 0u64..30)
				.prop_map(|(build, provider, window)| Op::Assign { build, provider, window }),
			4 => (0usize..16, 0usize..5, 0u64..60, proptest::bool::weighted(0.85))
				.prop_map(|(build, provider, units, honest)| Op::Prove { build, provider, units, honest }),
			1 => (0usize..16).prop_map(|build| Op::Expire { build }),
			1 => (0u64..5_000).prop_map(|amount| Op::Burn { amount }),
			3 => (1u64..25).prop_map(|blocks| Op::Advance { blocks }),
			3 => (0usize..5, 0u32..4).prop_map(|(provider, back)| Op::Claim { provider, back }),
			1 => (80u32..=120).prop_map(|ceiling_pct| Op::Retune { ceiling_pct }),
		]
	}

	fn apply(op: &Op) {
		let builds = NEXT_BUILDS.with(|n| *n.borrow());
		let build_id = |i: usize| if builds == 0 { 0 } else { (i as u64) % builds };
		match op.clone() {
			Op::Submit { units, price } => {
				if MockBurn::submit(BUILDER, units, price).is_ok() {
					NEXT_BUILDS.with(|n| *n.borrow_mut() += 1);
				}
			}
			Op::Assign { build, provider, window } => {
				let id = build_id(build);
				if matches!(
					MockBurn::build(id).map(|b| b.state),
					Some(BuildState::Open) | Some(BuildState::Assigned { .. })
				) {
					MockBurn::assign(id, PROVIDERS[provider], System::block_number() + window);
				}
			}
			Op::Prove { build, provider, units, honest } => {
				let id = build_id(build);
				let who = PROVIDERS[provider];
				let output = H256::repeat_byte(3);
				let signed = if honest { output } else { H256::repeat_byte(4) };
				let claim = claim_for(id, who, signed, units);
				let _ = Mint::submit_work(
					RuntimeOrigin::signed(who),
					id,
					output,
					units,
					MockAttestation::prove(&claim),
				);
			}
			Op::Expire { build } => {
				let _ = MockBurn::expire(build_id(build));
			}
			Op::Burn { amount } => {
				let _ = MockBurn::burn(BUILDER, amount);
			}
			Op::Advance { blocks } => run_to_block(System::block_number() + blocks),
			Op::Claim { provider, back } => {
				let epoch = Mint::current_epoch().saturating_sub(back + 1);
				let _ = Mint::claim_rewards(
					RuntimeOrigin::signed(PROVIDERS[provider]),
					epochs(&[epoch]),
				);
			}
			Op::Retune { ceiling_pct } => {
				let p = params();
				let ceiling = p.ceiling / 100 * ceiling_pct as u64;
				let _ =
					Mint::set_parameters(RuntimeOrigin::root(), MintParameters { ceiling, ..p });
			}
		}
	}

	std::thread_local! {
		static NEXT_BUILDS: core::cell::RefCell<u64> = const { core::cell::RefCell::new(0) };
	}

	proptest! {
		#![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

		#[test]
		fn issuance_invariant_holds_after_every_step(ops in proptest::collection::vec(op(), 1..60)) {
			NEXT_BUILDS.with(|n| *n.borrow_mut() = 0);
			new_test_ext().execute_with(|| {
				let mut last_completions = 0;
				for op in &ops {
					apply(op);
					prop_assert_eq!(Mint::do_try_state(), Ok(()), "after {:?}", op);
					let totals = Mint::supply_totals();
					prop_assert_eq!(
						totals.total_issuance + totals.burned,
						totals.genesis_issuance + totals.minted + totals.refunded
					);
					// Every completion came with exactly one accepted work proof.
					let completions = MockBurn::completions();
					prop_assert!(completions >= last_completions);
					last_completions = completions;
					for e in 0..Mint::current_epoch() {
						if let Some(r) = Mint::epoch_record(e) {
							prop_assert!(r.minted_rewards + r.dust <= r.budget);
							prop_assert!(r.budget <= MaxCeiling::get());
						}
					}
				}
				let accepted = System::events()
					.iter()
					.filter(|r| matches!(r.event, RuntimeEvent::Mint(Event::WorkAccepted { .. })))
					.count() as u32;
				prop_assert_eq!(accepted, MockBurn::completions());
				Ok(())
			})?;
		}
	}
}

#[test]
fn breaker_ignores_epochs_without_points() {
	ExtBuilder { initial_smoothed_burn: 50_000, ..Default::default() }.build().execute_with(|| {
		close_epoch();
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.budget, 0);
		assert!(!record.breaker_tripped);
		assert!(!System::events()
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::Mint(Event::BreakerTripped { .. }))));
	});
}
