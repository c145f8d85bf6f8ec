//! Tests of the mint pallet on the mock runtime.
//!
//! The rule under test: an epoch's budget is `min(⌊ratio × proven burn⌋, ceiling)`, and each
//! provider's share is `⌊budget × its proven burn / the epoch's proven burn⌋`. Burn that no
//! accepted work proof stands behind (plain burn, refunded builds, the unused part of a
//! build) never enters a budget.

use crate::{
	mock::*, weights::WeightInfo, CurrentEpoch, EpochRecord, EpochRecords, EpochRefunds,
	EpochTallies, EpochTally, Error, Event, GenesisIssuance, HistoryStart, MintParameters,
	Parameters, ParametersOf, Points, ProviderPoints, PrunedHistory, PrunedTotals, SignedAmount,
	TotalExpired, TotalMinted, TotalRefunded,
};
use azra_primitives::{BuildRegistry, BuildState, BurnLedger, EpochClock, Refund, Units};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Inspect, ConstU32, Hooks},
	weights::Weight,
	BoundedVec,
};
use sp_core::H256;
use sp_runtime::{DispatchError, FixedPointNumber, FixedU128, Perbill};

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

fn half() -> FixedU128 {
	FixedU128::from_rational(1, 2)
}

fn claim_share(provider: AccountId, epoch: u32) -> Balance {
	let before = Balances::free_balance(provider);
	assert_ok!(Mint::claim_rewards(RuntimeOrigin::signed(provider), epochs(&[epoch])));
	Balances::free_balance(provider) - before
}

/// In epoch 0, each listed provider proves every unit of its own build of `units` units at
/// `price`; then epoch 0 closes.
fn epoch_with(ext: ExtBuilder, work: &[(AccountId, Units, Balance)]) -> sp_io::TestExternalities {
	let mut ext = ext.build();
	let work = work.to_vec();
	ext.execute_with(|| {
		for (provider, units, price) in work {
			let id = assigned_build(provider, units, price);
			assert_ok!(prove(provider, id, units));
		}
		close_epoch();
	});
	ext
}

// ---------------------------------------------------------------- genesis and epochs

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

// ---------------------------------------------------------------- submit_work

#[test]
fn submit_work_completes_build_and_credits_points_and_proven_burn() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 40, 100);
		let output = H256::repeat_byte(0x0f);
		assert_ok!(prove(ALICE, id, 30));
		// 30 of 40 units: ⌊100 × 30 / 40⌋ = 75 proven, the other 25 refunded to the builder.
		assert_eq!(
			last_mint_events(2),
			vec![
				Event::Refunded { builder: BUILDER, amount: 25, epoch: 0 },
				Event::WorkAccepted {
					build_id: id,
					provider: ALICE,
					epoch: 0,
					units_used: 30,
					proven_burn: 75,
					output_hash: output,
					measurement: MEASUREMENT,
				},
			]
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
		assert_eq!(
			Points::<Test>::get(0, ALICE),
			Some(ProviderPoints { points: 35, proven_burn: 175, claimed: false })
		);
		assert_eq!(
			EpochTallies::<Test>::get(0),
			EpochTally { points: 35, proven_burn: 175, providers: 1 }
		);
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

/// A proof signed for another chain (another genesis hash) is worthless here, even for a
/// build with the same id, spec, input, output and provider.
#[test]
fn submit_work_rejects_a_proof_made_for_another_chain() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let mut signed_claim = claim_for(id, ALICE, H256::repeat_byte(1), 10);
		assert_eq!(signed_claim.genesis_hash, Mint::genesis_hash());
		signed_claim.genesis_hash = H256::repeat_byte(0x77);
		let proof = MockAttestation::prove(&signed_claim);
		assert_noop!(
			Mint::submit_work(RuntimeOrigin::signed(ALICE), id, H256::repeat_byte(1), 10, proof),
			INVALID_PROOF
		);
	});
}

/// A proof of a run on another input than the build's does not prove the build.
#[test]
fn submit_work_rejects_a_proof_for_another_input() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 10, 100);
		let mut signed_claim = claim_for(id, ALICE, H256::repeat_byte(1), 10);
		signed_claim.input_hash = H256::repeat_byte(0x66);
		let proof = MockAttestation::prove(&signed_claim);
		assert_noop!(
			Mint::submit_work(RuntimeOrigin::signed(ALICE), id, H256::repeat_byte(1), 10, proof),
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
fn submit_work_rejects_points_overflow() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, u64::MAX, 10);
		assert_ok!(prove(ALICE, id, u64::MAX));
		let id = assigned_build(ALICE, 1, 10);
		let completions = MockBurn::completions();
		assert_noop!(prove(ALICE, id, 1), Error::<Test>::PointsOverflow);
		// The stand-in build table lives outside storage, so `assert_noop!` cannot see it:
		// the points are checked before the build is completed.
		assert_eq!(MockBurn::completions(), completions);
		assert!(matches!(MockBurn::build(id).map(|b| b.state), Some(BuildState::Assigned { .. })));
	});
}

/// There is no cap on providers per epoch, so no slot list that cheap accounts could fill
/// to crowd out real providers: each entry costs its provider a proven build.
#[test]
fn any_number_of_providers_earn_in_one_epoch() {
	new_test_ext().execute_with(|| {
		let providers: Vec<AccountId> = (100..120).collect();
		let price = |i: usize| 100 * (i as Balance + 1);
		for (i, &provider) in providers.iter().enumerate() {
			MockAttestation::register(provider);
			let id = assigned_build(provider, 10, price(i));
			assert_ok!(prove(provider, id, 10));
		}
		assert_eq!(EpochTallies::<Test>::get(0).providers, 20);
		close_epoch();

		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.providers, 20);
		assert_eq!(record.points, 200);
		// 100 + 200 + … + 2_000.
		assert_eq!(record.proven_burn, 21_000);
		assert_eq!(record.budget, 21_000);
		for (i, &provider) in providers.iter().enumerate() {
			assert_eq!(claim_share(provider, 0), price(i));
		}
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.minted_rewards, 21_000);
		assert_eq!(record.dust, 0);
		assert_ok!(Mint::do_try_state());
	});
}

// ---------------------------------------------------------------- the budget

#[test]
fn budget_for_is_ratio_times_proven_burn_capped_at_ceiling() {
	let p = |ratio, ceiling| MintParameters { ratio, ceiling, epoch_length: EPOCH };
	let one = FixedU128::from_u32(1);
	assert_eq!(Mint::budget_for(&p(one, 100_000), 400), (400, None));
	assert_eq!(Mint::budget_for(&p(one, 100_000), 0), (0, None));
	// Rounded down: ⌊2_001 / 2⌋.
	assert_eq!(Mint::budget_for(&p(half(), 1_000), 2_001), (1_000, None));
	// Capped: the uncapped amount is reported.
	assert_eq!(Mint::budget_for(&p(half(), 1_000), 2_003), (1_000, Some(1_001)));
	assert_eq!(Mint::budget_for(&p(one, 1_000), 1_000), (1_000, None));
}

#[test]
fn share_of_is_pro_rata_rounded_down() {
	assert_eq!(Mint::share_of(1_000, 1_000, 7_000), 142);
	assert_eq!(Mint::share_of(1_000, 4_000, 7_000), 571);
	assert_eq!(Mint::share_of(1_000, 7_000, 7_000), 1_000);
	assert_eq!(Mint::share_of(1_000, 5, 0), 0);
}

#[test]
fn budget_is_ratio_times_proven_burn_rounded_down() {
	epoch_with(ExtBuilder { ratio: half(), ..Default::default() }, &[(ALICE, 10, 2_001)])
		.execute_with(|| {
			let record = Mint::epoch_record(0).unwrap();
			assert_eq!(record.proven_burn, 2_001);
			assert_eq!(record.budget, 1_000);
			assert!(!record.capped_at_ceiling);
			assert_eq!(claim_share(ALICE, 0), 1_000);
			assert_ok!(Mint::do_try_state());
		});
}

#[test]
fn at_ratio_one_the_budget_is_the_proven_burn() {
	epoch_with(ExtBuilder { ratio: MaxRatio::get(), ..Default::default() }, &[(ALICE, 10, 400)])
		.execute_with(|| {
			assert_eq!(Mint::epoch_record(0).unwrap().budget, 400);
			assert_eq!(claim_share(ALICE, 0), 400);
		});
}

#[test]
fn ceiling_caps_the_budget_and_shares_stay_pro_rata() {
	ExtBuilder { ratio: half(), ceiling: 1_000, ..Default::default() }.build().execute_with(|| {
		let a = assigned_build(ALICE, 10, 3_000);
		let b = assigned_build(BOB, 10, 1_000);
		assert_ok!(prove(ALICE, a, 10));
		assert_ok!(prove(BOB, b, 10));
		close_epoch();
		// ½ × 4_000 = 2_000 > 1_000.
		assert_eq!(
			last_mint_events(2),
			vec![
				Event::CeilingReached { epoch: 0, uncapped: 2_000, ceiling: 1_000 },
				Event::EpochClosed {
					epoch: 0,
					burned: 4_000,
					refunded: 0,
					proven_burn: 4_000,
					budget: 1_000,
					points: 20
				},
			]
		);
		let record = Mint::epoch_record(0).unwrap();
		assert!(record.capped_at_ceiling);
		assert_eq!(record.budget, 1_000);
		// Each is paid the same half of ½ × its proven burn: 3 : 1.
		assert_eq!(claim_share(ALICE, 0), 750);
		assert_eq!(claim_share(BOB, 0), 250);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn a_budget_exactly_at_the_ceiling_is_not_capped() {
	ExtBuilder { ceiling: 1_000, ..Default::default() }.build().execute_with(|| {
		let id = assigned_build(ALICE, 10, 1_000);
		assert_ok!(prove(ALICE, id, 10));
		close_epoch();
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.budget, 1_000);
		assert!(!record.capped_at_ceiling);
		assert!(!System::events()
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::Mint(Event::CeilingReached { .. }))));

		// One more proven AZRA and the ceiling binds.
		let id = assigned_build(ALICE, 10, 1_001);
		assert_ok!(prove(ALICE, id, 10));
		close_epoch();
		assert!(Mint::epoch_record(1).unwrap().capped_at_ceiling);
		System::assert_has_event(
			Event::CeilingReached { epoch: 1, uncapped: 1_001, ceiling: 1_000 }.into(),
		);
	});
}

#[test]
fn shares_follow_proven_burn_not_units() {
	ExtBuilder { ratio: half(), ..Default::default() }.build().execute_with(|| {
		// The same 10 units of work, in a build priced 100 and in one priced 300.
		let cheap = assigned_build(ALICE, 10, 100);
		let dear = assigned_build(BOB, 10, 300);
		assert_ok!(prove(ALICE, cheap, 10));
		assert_ok!(prove(BOB, dear, 10));
		assert_eq!(Mint::points_of(0, &ALICE), Mint::points_of(0, &BOB));
		close_epoch();
		// Budget ½ × 400 = 200, split 100 : 300.
		assert_eq!(Mint::epoch_record(0).unwrap().budget, 200);
		assert_eq!(Mint::unpaid_rewards(&ALICE, &[0]), vec![(0, 50)]);
		assert_eq!(Mint::unpaid_rewards(&BOB, &[0]), vec![(0, 150)]);
		assert_eq!(claim_share(ALICE, 0), 50);
		assert_eq!(claim_share(BOB, 0), 150);
	});
}

#[test]
fn a_partly_used_build_proves_the_price_of_the_units_used_and_refunds_the_rest() {
	new_test_ext().execute_with(|| {
		let id = assigned_build(ALICE, 100, 400);
		assert_eq!(Balances::free_balance(BUILDER), BUILDER_FUNDS - 400);
		assert_ok!(prove(ALICE, id, 25));
		// ⌊400 × 25 / 100⌋ = 100 proven; 300 back to the builder.
		System::assert_has_event(
			Event::Refunded { builder: BUILDER, amount: 300, epoch: 0 }.into(),
		);
		assert_eq!(TotalRefunded::<Test>::get(), 300);
		assert_eq!(Balances::free_balance(BUILDER), BUILDER_FUNDS - 100);
		assert_eq!(
			Points::<Test>::get(0, ALICE),
			Some(ProviderPoints { points: 25, proven_burn: 100, claimed: false })
		);

		close_epoch();
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.burned, 400);
		assert_eq!(record.refunded, 300);
		assert_eq!(record.proven_burn, 100);
		assert_eq!(record.budget, 100);
		assert_eq!(claim_share(ALICE, 0), 100);
		// 100 minted + 300 refunded − 400 burned.
		assert_eq!(Mint::epoch_record(0).unwrap().net_emission, SignedAmount::zero());
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn burn_that_was_never_proven_never_enters_a_budget() {
	new_test_ext().execute_with(|| {
		// Plain burn (fees, forfeited bonds) …
		assert_ok!(MockBurn::burn(BUILDER, 500_000));
		// … a build nobody took, expired and refunded …
		let untaken = MockBurn::submit(BUILDER, 10, 100_000).unwrap();
		assert_ok!(MockBurn::expire(untaken));
		// … a build ALICE took but did not prove before it expired …
		let missed = assigned_build(ALICE, 10, 100_000);
		assert_ok!(MockBurn::expire(missed));
		assert_noop!(prove(ALICE, missed, 10), Error::<Test>::BuildExpired);
		// … and a build still waiting when the epoch ends.
		let _waiting = MockBurn::submit(BUILDER, 10, 100_000).unwrap();
		close_epoch();

		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.burned, 800_000);
		assert_eq!(record.refunded, 200_000);
		assert_eq!(record.proven_burn, 0);
		assert_eq!(record.budget, 0);

		// Nor does it carry into later epochs: the next budget is its own proven burn.
		let id = assigned_build(ALICE, 10, 100);
		assert_ok!(prove(ALICE, id, 10));
		close_epoch();
		let record = Mint::epoch_record(1).unwrap();
		assert_eq!(record.proven_burn, 100);
		assert_eq!(record.budget, 100);
		assert_eq!(claim_share(ALICE, 1), 100);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn proven_burn_counts_in_the_epoch_of_the_proof() {
	new_test_ext().execute_with(|| {
		// Paid in epoch 0, proven in epoch 1.
		let id = assigned_build(ALICE, 10, 700);
		close_epoch();
		assert_ok!(prove(ALICE, id, 10));
		close_epoch();

		let paid_in = Mint::epoch_record(0).unwrap();
		assert_eq!((paid_in.burned, paid_in.proven_burn, paid_in.budget), (700, 0, 0));
		let proven_in = Mint::epoch_record(1).unwrap();
		assert_eq!((proven_in.burned, proven_in.proven_burn, proven_in.budget), (0, 700, 700));
		assert_noop!(
			Mint::claim_rewards(RuntimeOrigin::signed(ALICE), epochs(&[0])),
			Error::<Test>::NothingToClaim
		);
		assert_eq!(claim_share(ALICE, 1), 700);
	});
}

// ---------------------------------------------------------------- think like an attacker

/// BUILDER and ALICE are one owner. They pay for builds and prove them themselves, in full
/// and in part, and churn large builds that they let expire (burned, then refunded) to swell
/// the epoch's burn. An honest pair works in the same epoch: CHARLIE builds, BOB proves.
/// Only proven burn makes a budget, so even at the highest ratio the coalition gets back at
/// most what it burned for its proven work, and BOB's share is untouched.
#[test]
fn a_coalition_dealing_with_itself_cannot_mint_itself_a_profit() {
	ExtBuilder { ratio: MaxRatio::get(), ..Default::default() }.build().execute_with(|| {
		let coalition = || Balances::free_balance(BUILDER) + Balances::free_balance(ALICE);
		let coalition_before = coalition();
		let issuance_before = issuance();

		let honest = MockBurn::submit(CHARLIE, 10, 500).unwrap();
		MockBurn::assign(honest, BOB, 50);
		assert_ok!(prove(BOB, honest, 10));

		// Self-dealing: a build proven in full, and a dear one proven for 1 unit of 100.
		let full = assigned_build(ALICE, 100, 10_000);
		assert_ok!(prove(ALICE, full, 100));
		let partial = assigned_build(ALICE, 100, 50_000);
		assert_ok!(prove(ALICE, partial, 1));

		// Churn: large builds burned, then expired and refunded in full.
		for _ in 0..5 {
			let churn = assigned_build(ALICE, 1_000, 90_000);
			assert_ok!(MockBurn::expire(churn));
			// A refunded build cannot also be proven.
			assert_noop!(prove(ALICE, churn, 1_000), Error::<Test>::BuildExpired);
		}
		close_epoch();

		let record = Mint::epoch_record(0).unwrap();
		// 500 + 10_000 + 50_000 + 5 × 90_000 burned, of which only 500 + 10_000 + 500 proven.
		assert_eq!(record.burned, 510_500);
		assert_eq!(record.proven_burn, 11_000);
		assert_eq!(record.budget, 11_000);
		assert_eq!(claim_share(ALICE, 0), 10_500);
		assert_eq!(claim_share(BOB, 0), 500);

		assert!(coalition() <= coalition_before);
		// At ratio 1 the best it can do is break even; the fees it pays (left out of the
		// mock) are its loss.
		assert_eq!(coalition(), coalition_before);
		assert!(issuance() <= issuance_before);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn below_ratio_one_a_coalition_loses_the_rest_of_its_proven_burn() {
	ExtBuilder { ratio: half(), ..Default::default() }.build().execute_with(|| {
		let coalition = || Balances::free_balance(BUILDER) + Balances::free_balance(ALICE);
		let coalition_before = coalition();
		let issuance_before = issuance();
		let id = assigned_build(ALICE, 100, 10_000);
		assert_ok!(prove(ALICE, id, 100));
		close_epoch();
		assert_eq!(claim_share(ALICE, 0), 5_000);
		assert_eq!(coalition(), coalition_before - 5_000);
		assert_eq!(issuance(), issuance_before - 5_000);
	});
}

// ---------------------------------------------------------------- claim_rewards

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
		assert_eq!(record.budget, 0);
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
		// Each exactly 20% from its value when the epoch opened.
		let new = MintParameters {
			ratio: FixedU128::from_rational(4, 5),
			ceiling: 80_000,
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
fn set_parameters_rejects_a_ratio_above_max_ratio() {
	new_test_ext().execute_with(|| {
		// MaxRatio is 1: above it, rewards would exceed the burn of the work they pay for.
		// The smallest step above it is well within the 20% step: the hard bound stops it.
		let above = MaxRatio::get() + FixedU128::from_inner(1);
		assert_noop!(
			Mint::set_parameters(
				RuntimeOrigin::root(),
				MintParameters { ratio: above, ..params() }
			),
			Error::<Test>::RatioOutOfBounds
		);
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ratio: MaxRatio::get(), ..params() }
		));
	});
}

#[test]
fn set_parameters_rejects_values_outside_hard_bounds() {
	new_test_ext().execute_with(|| {
		let p = params();
		let cases: Vec<(ParametersOf<Test>, Error<Test>)> = vec![
			(MintParameters { ratio: FixedU128::from_u32(2), ..p }, Error::RatioOutOfBounds),
			(
				MintParameters { ratio: FixedU128::from_rational(1, 20), ..p },
				Error::RatioOutOfBounds,
			),
			(MintParameters { ceiling: 1_000_001, ..p }, Error::CeilingOutOfBounds),
			(MintParameters { ceiling: 999, ..p }, Error::CeilingOutOfBounds),
			(MintParameters { epoch_length: 1_001, ..p }, Error::EpochLengthOutOfBounds),
			(MintParameters { epoch_length: 1, ..p }, Error::EpochLengthOutOfBounds),
		];
		for (new, err) in cases {
			assert_noop!(Mint::set_parameters(RuntimeOrigin::root(), new), err);
		}
	});
}

#[test]
fn set_parameters_rejects_steps_above_max_change() {
	ExtBuilder { ratio: half(), ..Default::default() }.build().execute_with(|| {
		let p = params();
		let cases: Vec<(ParametersOf<Test>, Error<Test>)> = vec![
			(
				MintParameters { ratio: FixedU128::from_rational(61, 100), ..p },
				Error::RatioChangeTooLarge,
			),
			(
				MintParameters { ratio: FixedU128::from_rational(39, 100), ..p },
				Error::RatioChangeTooLarge,
			),
			(MintParameters { ceiling: 120_001, ..p }, Error::CeilingChangeTooLarge),
			(MintParameters { ceiling: 79_999, ..p }, Error::CeilingChangeTooLarge),
			(MintParameters { epoch_length: 13, ..p }, Error::EpochLengthChangeTooLarge),
			(MintParameters { epoch_length: 7, ..p }, Error::EpochLengthChangeTooLarge),
		];
		for (new, err) in cases {
			assert_noop!(Mint::set_parameters(RuntimeOrigin::root(), new), err);
		}
		// Exactly 20% is allowed.
		assert_ok!(Mint::set_parameters(
			RuntimeOrigin::root(),
			MintParameters { ratio: FixedU128::from_rational(3, 5), ..p }
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

// ---------------------------------------------------------------- claim window, expiry, pruning

/// `Points` entries of `epoch` still in state.
fn points_left(epoch: u32) -> usize {
	Points::<Test>::iter_prefix(epoch).count()
}

/// Advance to the first block of `epoch` without pruning (`on_idle` offered nothing).
fn open_epoch_without_pruning(epoch: u32) {
	while Mint::current_epoch() < epoch {
		close_epoch_with_idle(Weight::zero());
	}
}

/// Run `on_idle` for the current block with `weight`, then start the next block without
/// pruning; returns the weight `on_idle` used.
fn idle_block(weight: Weight) -> Weight {
	let used = Mint::on_idle(System::block_number(), weight);
	run_to_block_with_idle(System::block_number() + 1, Weight::zero());
	used
}

/// `count` providers (accounts 100, 101, …), each with its enclave and one proven build of
/// 10 units at `price` in the current epoch.
fn many_providers(count: u64, price: Balance) -> Vec<AccountId> {
	let providers: Vec<AccountId> = (100..100 + count).collect();
	for &provider in &providers {
		MockAttestation::register(provider);
		let id = assigned_build(provider, 10, price);
		assert_ok!(prove(provider, id, 10));
	}
	providers
}

fn storage_root() -> Vec<u8> {
	sp_io::storage::root(sp_runtime::StateVersion::V1)
}

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

// ---------------------------------------------------------------- read helpers, invariant

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

// ---------------------------------------------------------------- scenario

/// 20 epochs of steady burn, then burn drops 60%. Each epoch's budget is ratio × that
/// epoch's proven burn: no average lags behind the drop, so no epoch after it mints more
/// than it burned, and net emission stays negative throughout.
#[test]
fn scenario_steady_usage_then_sixty_percent_drop() {
	const STEADY: Balance = 10_000;
	const DROPPED: Balance = 4_000;
	let ratio = FixedU128::from_rational(4, 5);
	ExtBuilder { ratio, ..Default::default() }.build().execute_with(|| {
		let mut minted = Vec::new();
		for epoch in 0..40u32 {
			let price = if epoch < 20 { STEADY } else { DROPPED };
			let id = assigned_build(ALICE, 100, price);
			assert_ok!(prove(ALICE, id, 100));
			close_epoch();
			let paid = claim_share(ALICE, epoch);
			let record = Mint::epoch_record(epoch).unwrap();
			assert_eq!(record.burned, price);
			assert_eq!(record.proven_burn, price);
			// One provider takes the whole budget: ⌊ratio × this epoch's proven burn⌋.
			assert_eq!(record.budget, ratio.saturating_mul_int(price));
			assert_eq!(record.minted_rewards, paid);
			assert_eq!(paid, record.budget);
			assert_eq!(record.net_emission, SignedAmount::difference(paid, price));
			assert!(!record.net_emission.positive);
			assert_ok!(Mint::do_try_state());
			minted.push(paid);
		}
		assert!(minted[..20].iter().all(|&m| m == 8_000));
		// The first epoch after the drop already pays 4/5 of the lower burn.
		assert!(minted[20..].iter().all(|&m| m == 3_200));

		let totals = Mint::supply_totals();
		assert_eq!(totals.minted, 20 * 8_000 + 20 * 3_200);
		assert_eq!(totals.burned, 20 * STEADY + 20 * DROPPED);
		assert_eq!(totals.net_emission, SignedAmount { positive: false, magnitude: 56_000 });
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
		Submit {
			units: u64,
			price: Balance,
		},
		/// A build submitted, assigned to `provider` and honestly proven for `used_pct`
		/// percent of its units, in one step.
		Work {
			provider: usize,
			units: u64,
			price: Balance,
			used_pct: u64,
		},
		Assign {
			build: usize,
			provider: usize,
			window: u64,
		},
		/// Prove as the build's assignee (if `as_assignee` and it has one) or as `provider`,
		/// `units_pct` percent of the build's units (0 and above 100 are rejected).
		Prove {
			build: usize,
			provider: usize,
			as_assignee: bool,
			units_pct: u64,
			honest: bool,
		},
		Expire {
			build: usize,
		},
		Burn {
			amount: Balance,
		},
		Advance {
			blocks: u64,
		},
		/// Claim epoch `current − 1 − back` as `provider`, or as every provider if `None`
		/// (refused once the epoch has expired).
		Claim {
			provider: Option<usize>,
			back: u32,
		},
		Retune {
			ratio_pct: u32,
			ceiling_pct: u32,
		},
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			3 => (1u64..50, 0u64..2_000).prop_map(|(units, price)| Op::Submit { units, price }),
			3 => (0usize..5, 1u64..50, 0u64..2_000, 1u64..=100).prop_map(
				|(provider, units, price, used_pct)| Op::Work { provider, units, price, used_pct }
			),
			3 => (0usize..6, 0usize..5, 0u64..30)
				.prop_map(|(build, provider, window)| Op::Assign { build, provider, window }),
			4 => (
				0usize..6,
				0usize..5,
				proptest::bool::weighted(0.8),
				0u64..=110,
				proptest::bool::weighted(0.85),
			)
				.prop_map(|(build, provider, as_assignee, units_pct, honest)| Op::Prove {
					build,
					provider,
					as_assignee,
					units_pct,
					honest,
				}),
			1 => (0usize..6).prop_map(|build| Op::Expire { build }),
			1 => (0u64..5_000).prop_map(|amount| Op::Burn { amount }),
			3 => (1u64..25).prop_map(|blocks| Op::Advance { blocks }),
			// Back as far as twice the claim window: expired epochs are claimed too.
			3 => (proptest::option::of(0usize..5), 0u32..8)
				.prop_map(|(provider, back)| Op::Claim { provider, back }),
			1 => (80u32..=120, 80u32..=120)
				.prop_map(|(ratio_pct, ceiling_pct)| Op::Retune { ratio_pct, ceiling_pct }),
		]
	}

	fn apply(op: &Op) {
		let builds = NEXT_BUILDS.with(|n| *n.borrow());
		// The `i`-th most recent build.
		let build_id = |i: usize| builds.saturating_sub(1 + (i as u64) % builds.max(1));
		match op.clone() {
			Op::Submit { units, price } => {
				if MockBurn::submit(BUILDER, units, price).is_ok() {
					NEXT_BUILDS.with(|n| *n.borrow_mut() += 1);
				}
			}
			Op::Work { provider, units, price, used_pct } => {
				let who = PROVIDERS[provider];
				if let Ok(id) = MockBurn::submit(BUILDER, units, price) {
					NEXT_BUILDS.with(|n| *n.borrow_mut() += 1);
					MockBurn::assign(id, who, System::block_number() + 5);
					let _ = prove(who, id, (units * used_pct).div_ceil(100));
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
			Op::Prove { build, provider, as_assignee, units_pct, honest } => {
				let id = build_id(build);
				let view = MockBurn::build(id);
				let who = match view.as_ref().map(|b| &b.state) {
					Some(BuildState::Assigned { provider: assignee, .. }) if as_assignee => {
						*assignee
					}
					_ => PROVIDERS[provider],
				};
				let units = view.map(|b| (b.units * units_pct).div_ceil(100)).unwrap_or(1);
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
				let claimants = match provider {
					Some(p) => vec![PROVIDERS[p]],
					None => PROVIDERS.to_vec(),
				};
				for who in claimants {
					let claimed = Mint::claim_rewards(RuntimeOrigin::signed(who), epochs(&[epoch]));
					if Mint::is_expired(epoch) {
						assert_eq!(claimed, Err(Error::<Test>::ClaimExpired.into()));
					}
				}
			}
			Op::Retune { ratio_pct, ceiling_pct } => {
				let p = params();
				// Steps beyond the bounds (a ratio above 1) or the per-epoch limit are
				// rejected; that is part of what is exercised.
				let ratio = FixedU128::from_inner(p.ratio.into_inner() / 100 * ratio_pct as u128);
				let ceiling = p.ceiling / 100 * ceiling_pct as u64;
				let _ = Mint::set_parameters(
					RuntimeOrigin::root(),
					MintParameters { ratio, ceiling, ..p },
				);
			}
		}
	}

	std::thread_local! {
		static NEXT_BUILDS: core::cell::RefCell<u64> = const { core::cell::RefCell::new(0) };
	}

	proptest! {
		#![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

		/// After every step (blocks run `on_idle`, so epochs expire and are pruned): the
		/// supply invariant and `try_state` hold, no epoch's budget exceeds its proven burn or
		/// the ceiling, total issuance never rises above genesis (every reward is backed by
		/// proven burn, every refund by burn not proven), and an expired epoch pays nothing.
		#[test]
		fn issuance_invariant_holds_after_every_step(
			ratio_pct in 10u128..=100,
			ceiling in 1_000u64..5_000,
			ops in proptest::collection::vec(op(), 1..60),
		) {
			NEXT_BUILDS.with(|n| *n.borrow_mut() = 0);
			let ratio = FixedU128::from_rational(ratio_pct, 100);
			ExtBuilder { ratio, ceiling, ..Default::default() }.build().execute_with(|| {
				let mut last_completions = 0;
				for op in &ops {
					apply(op);
					prop_assert_eq!(Mint::do_try_state(), Ok(()), "after {:?}", op);
					let totals = Mint::supply_totals();
					prop_assert_eq!(
						totals.total_issuance + totals.burned,
						totals.genesis_issuance + totals.minted + totals.refunded
					);
					prop_assert!(
						totals.minted + totals.refunded <= totals.burned,
						"net emission positive after {:?}: {:?}", op, totals
					);
					prop_assert!(totals.total_issuance <= totals.genesis_issuance);
					// Every completion came with exactly one accepted work proof.
					let completions = MockBurn::completions();
					prop_assert!(completions >= last_completions);
					last_completions = completions;
					// Pruned history is gone, and only expired epochs were pruned.
					let oldest = Mint::oldest_retained_epoch();
					prop_assert!(
						oldest == 0 || Mint::current_epoch() > Mint::last_claim_epoch(oldest - 1)
					);
					for e in 0..oldest {
						prop_assert!(Mint::epoch_record(e).is_none());
					}
					for e in 0..Mint::current_epoch() {
						if let Some(r) = Mint::epoch_record(e) {
							prop_assert!(r.budget <= r.proven_burn);
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
