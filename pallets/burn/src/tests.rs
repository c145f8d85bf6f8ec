//! The burn pallet's specification, as tests.

use crate::{
	mock::*, BuildRegistry, Builds, BurnLedger, Error, Event, HoldReason, KeptOutputs, Ledger,
	PricePerUnit,
};
use azra_primitives::BuildState;
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold, Mutate},
		Hooks,
	},
	weights::Weight,
};
use sp_core::H256;
use sp_runtime::DispatchError;

const SPEC: H256 = H256::repeat_byte(1);
const INPUT: H256 = H256::repeat_byte(2);
const OUTPUT: H256 = H256::repeat_byte(3);

mod sealed;

fn measurement() -> H256 {
	H256::repeat_byte(9)
}

/// Alice submits a build of `units` with no measurement requirement; returns its id.
fn submit(units: u64) -> u64 {
	let id = Ledger::<Test>::get().next_build_id;
	assert_ok!(Burn::submit_build(
		RuntimeOrigin::signed(ALICE),
		SPEC,
		INPUT,
		units,
		None,
		1_000_000
	));
	id
}

fn accepted(units: u64) -> u64 {
	let id = submit(units);
	make_eligible(PROVIDER, None);
	assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id));
	id
}

fn state(id: u64) -> BuildState<AccountId, u64> {
	<Burn as BuildRegistry<_, _, _>>::build(id).expect("build exists").state
}

fn issuance() -> Balance {
	Balances::total_issuance()
}

/// AZRA burned since genesis, as the ledger counts it.
fn total_burned() -> Balance {
	<Burn as BurnLedger<Balance>>::total_burned()
}

/// What the burn pallet holds from `who` as build deposits.
fn deposited(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::BuildDeposit.into(), &who)
}

/// What the burn pallet holds from `who` as provider bonds.
fn bonded(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProviderBond.into(), &who)
}

mod submit_build {
	use super::*;

	#[test]
	fn burns_the_price_and_opens_the_build() {
		new_test_ext().execute_with(|| {
			let before = issuance();
			assert_ok!(Burn::submit_build(
				RuntimeOrigin::signed(ALICE),
				SPEC,
				INPUT,
				7,
				Some(measurement()),
				70
			));

			assert_eq!(issuance(), before - 70);
			assert_eq!(Balances::balance(&ALICE), ENDOWMENT - 70 - BuildDeposit::get());
			assert_eq!(deposited(ALICE), BuildDeposit::get());
			let build = Builds::<Test>::get(0).unwrap();
			assert_eq!(build.builder, ALICE);
			assert_eq!((build.units, build.price), (7, 70));
			assert_eq!(build.required_measurement, Some(measurement()));
			assert_eq!((build.submitted_at, build.expires_at), (1, 21));
			assert_eq!(build.state, BuildState::Open);
			assert_eq!(build.deposit, BuildDeposit::get());
			let ledger = Ledger::<Test>::get();
			assert_eq!((ledger.next_build_id, ledger.oldest_build_id), (1, 0));
			assert_eq!((ledger.total_burned, ledger.burned_this_epoch), (70, 70));
			System::assert_last_event(
				Event::BuildSubmitted { build_id: 0, builder: ALICE, units: 7, burned: 70 }.into(),
			);
			Burn::do_try_state().unwrap();
		});
	}

	#[test]
	fn books_the_burn_in_the_open_epoch_until_the_mint_takes_it() {
		new_test_ext().execute_with(|| {
			submit(1);
			assert_eq!(<Burn as BurnLedger<Balance>>::burned_in_open_epoch(), 10);
			// The mint closes the epoch: it takes the sum, which starts again from zero.
			assert_eq!(<Burn as BurnLedger<Balance>>::take_epoch_burn(), 10);
			assert_eq!(<Burn as BurnLedger<Balance>>::burned_in_open_epoch(), 0);
			submit(2);
			assert_eq!(<Burn as BurnLedger<Balance>>::take_epoch_burn(), 20);
			assert_eq!(<Burn as BurnLedger<Balance>>::take_epoch_burn(), 0);
			assert_eq!(total_burned(), 30);
		});
	}

	#[test]
	fn rejects_zero_units() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 0, None, 100),
				Error::<Test>::ZeroUnits
			);
		});
	}

	#[test]
	fn rejects_more_units_than_the_maximum() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Burn::submit_build(
					RuntimeOrigin::signed(ALICE),
					SPEC,
					INPUT,
					1_001,
					None,
					u64::MAX
				),
				Error::<Test>::TooManyUnits
			);
		});
	}

	#[test]
	fn rejects_a_price_above_max_price() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 5, None, 49),
				Error::<Test>::PriceAboveMax
			);
		});
	}

	#[test]
	fn guards_against_a_price_change_before_inclusion() {
		new_test_ext().execute_with(|| {
			// Signed for 5 units at 10 each; the price rises to 11 before inclusion.
			assert_ok!(Burn::set_price_per_unit(RuntimeOrigin::root(), 11));
			assert_noop!(
				Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 5, None, 50),
				Error::<Test>::PriceAboveMax
			);
		});
	}

	#[test]
	fn rejects_a_price_that_overflows() {
		new_test_ext().execute_with(|| {
			// Unreachable within the bounds (integrity_test checks); forced here.
			PricePerUnit::<Test>::put(Balance::MAX);
			assert_noop!(
				Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 2, None, u64::MAX),
				Error::<Test>::PriceOverflow
			);
		});
	}

	#[test]
	fn never_burns_the_existential_deposit() {
		new_test_ext().execute_with(|| {
			// POOR holds 50: paying 40 and a deposit of 2 leaves 8; paying 50 would reap the
			// account, and paying 40 with no room for the deposit is refused too.
			assert_noop!(
				Burn::submit_build(RuntimeOrigin::signed(POOR), SPEC, INPUT, 5, None, 50),
				Error::<Test>::InsufficientBalance
			);
			assert_ok!(Burn::submit_build(RuntimeOrigin::signed(POOR), SPEC, INPUT, 4, None, 40));
			assert_eq!(Balances::balance(&POOR), 8);
			assert_eq!(deposited(POOR), 2);
		});
	}

	#[test]
	fn rejects_a_builder_that_cannot_hold_the_deposit() {
		new_test_ext().execute_with(|| {
			use frame_support::traits::fungible::Mutate;
			// 42 pays a price of 40 and keeps the existential deposit, but leaves no room
			// for the deposit of 2: nothing is burned or held.
			Balances::set_balance(&POOR, 42);
			assert_noop!(
				Burn::submit_build(RuntimeOrigin::signed(POOR), SPEC, INPUT, 4, None, 40),
				Error::<Test>::InsufficientBalance
			);
			Balances::set_balance(&POOR, 43);
			assert_ok!(Burn::submit_build(RuntimeOrigin::signed(POOR), SPEC, INPUT, 4, None, 40));
			assert_eq!((Balances::balance(&POOR), deposited(POOR)), (1, 2));
		});
	}

	#[test]
	fn rejects_when_build_ids_are_exhausted() {
		new_test_ext().execute_with(|| {
			Ledger::<Test>::mutate(|ledger| ledger.next_build_id = u64::MAX);
			assert_noop!(
				Burn::submit_build(RuntimeOrigin::signed(ALICE), SPEC, INPUT, 1, None, 10),
				Error::<Test>::BuildIdOverflow
			);
		});
	}

	#[test]
	fn must_be_signed() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Burn::submit_build(RuntimeOrigin::none(), SPEC, INPUT, 1, None, 10),
				DispatchError::BadOrigin
			);
		});
	}
}

mod accept_build {
	use super::*;

	#[test]
	fn assigns_the_build_with_a_deadline() {
		new_test_ext().execute_with(|| {
			let id = submit(3);
			make_eligible(PROVIDER, None);
			assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id));
			assert_eq!(state(id), BuildState::Assigned { provider: PROVIDER, deadline: 6 });
			// The price is 30; 10% of it is below the minimum bond of 3.
			assert_eq!(bonded(PROVIDER), 3);
			System::assert_last_event(
				Event::BuildAccepted { build_id: id, provider: PROVIDER, deadline: 6, bond: 3 }
					.into(),
			);
		});
	}

	#[test]
	fn asks_eligibility_for_the_required_measurement() {
		new_test_ext().execute_with(|| {
			assert_ok!(Burn::submit_build(
				RuntimeOrigin::signed(ALICE),
				SPEC,
				INPUT,
				1,
				Some(measurement()),
				10
			));
			make_eligible(PROVIDER, None);
			assert_noop!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), 0), NOT_ELIGIBLE);
			make_eligible(PROVIDER, Some(measurement()));
			assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), 0));
		});
	}

	#[test]
	fn rejects_an_ineligible_provider() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			assert_noop!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id), NOT_ELIGIBLE);
		});
	}

	#[test]
	fn rejects_the_builders_own_account() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			make_eligible(ALICE, None);
			assert_noop!(
				Burn::accept_build(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::OwnBuild
			);
		});
	}

	#[test]
	fn rejects_an_unknown_build() {
		new_test_ext().execute_with(|| {
			make_eligible(PROVIDER, None);
			assert_noop!(
				Burn::accept_build(RuntimeOrigin::signed(PROVIDER), 42),
				Error::<Test>::UnknownBuild
			);
		});
	}

	#[test]
	fn rejects_a_build_already_taken() {
		new_test_ext().execute_with(|| {
			let id = accepted(1);
			make_eligible(OTHER_PROVIDER, None);
			assert_noop!(
				Burn::accept_build(RuntimeOrigin::signed(OTHER_PROVIDER), id),
				Error::<Test>::BuildNotOpen
			);
		});
	}

	#[test]
	fn rejects_an_expired_build() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			make_eligible(PROVIDER, None);
			run_to_block(22);
			assert_eq!(state(id), BuildState::Expired);
			assert_noop!(
				Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id),
				Error::<Test>::BuildNotOpen
			);
		});
	}

	#[test]
	fn a_missed_deadline_reopens_the_build_for_others() {
		new_test_ext().execute_with(|| {
			let id = accepted(1);
			run_to_block(7);
			assert_eq!(state(id), BuildState::Open);
			make_eligible(OTHER_PROVIDER, None);
			assert_ok!(Burn::accept_build(RuntimeOrigin::signed(OTHER_PROVIDER), id));
			assert_eq!(state(id), BuildState::Assigned { provider: OTHER_PROVIDER, deadline: 12 });
		});
	}
}

mod release_build {
	use super::*;

	#[test]
	fn reopens_the_build() {
		new_test_ext().execute_with(|| {
			let id = accepted(1);
			assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), id));
			assert_eq!(state(id), BuildState::Open);
			System::assert_last_event(
				Event::BuildReleased { build_id: id, provider: PROVIDER }.into(),
			);
		});
	}

	#[test]
	fn rejects_another_provider() {
		new_test_ext().execute_with(|| {
			let id = accepted(1);
			assert_noop!(
				Burn::release_build(RuntimeOrigin::signed(OTHER_PROVIDER), id),
				Error::<Test>::NotAssignedProvider
			);
		});
	}

	#[test]
	fn rejects_an_open_build() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			assert_noop!(
				Burn::release_build(RuntimeOrigin::signed(PROVIDER), id),
				Error::<Test>::BuildNotAssigned
			);
		});
	}

	#[test]
	fn rejects_an_assignment_past_its_deadline() {
		new_test_ext().execute_with(|| {
			let id = accepted(1);
			run_to_block(7);
			assert_noop!(
				Burn::release_build(RuntimeOrigin::signed(PROVIDER), id),
				Error::<Test>::BuildNotAssigned
			);
		});
	}

	#[test]
	fn rejects_an_unknown_build() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Burn::release_build(RuntimeOrigin::signed(PROVIDER), 3),
				Error::<Test>::UnknownBuild
			);
		});
	}
}

mod cancel_build {
	use super::*;

	#[test]
	fn refunds_an_open_build() {
		new_test_ext().execute_with(|| {
			let before = issuance();
			let id = submit(4);
			assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
			assert_eq!(issuance(), before);
			assert_eq!(refunded(), 40);
			assert_eq!(Balances::balance(&ALICE), ENDOWMENT - BuildDeposit::get());
			let build = Builds::<Test>::get(id).unwrap();
			assert_eq!(build.state, BuildState::Expired);
			assert!(build.refunded);
			System::assert_has_event(Event::BuildExpired { build_id: id, cancelled: true }.into());
			System::assert_last_event(
				Event::BuildRefunded { build_id: id, builder: ALICE, amount: 40 }.into(),
			);
			Burn::do_try_state().unwrap();
		});
	}

	#[test]
	fn rejects_another_account() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			assert_noop!(
				Burn::cancel_build(RuntimeOrigin::signed(BOB), id),
				Error::<Test>::NotBuilder
			);
		});
	}

	#[test]
	fn rejects_an_assigned_build() {
		new_test_ext().execute_with(|| {
			let id = accepted(1);
			assert_noop!(
				Burn::cancel_build(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::BuildNotOpen
			);
		});
	}

	#[test]
	fn rejects_an_expired_build() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			run_to_block(30);
			assert_noop!(
				Burn::cancel_build(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::BuildNotOpen
			);
		});
	}

	#[test]
	fn refunds_once() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
			assert_noop!(
				Burn::cancel_build(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::AlreadyRefunded
			);
			assert_noop!(
				Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::AlreadyRefunded
			);
		});
	}

	#[test]
	fn rejects_an_unknown_build() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Burn::cancel_build(RuntimeOrigin::signed(ALICE), 0),
				Error::<Test>::UnknownBuild
			);
		});
	}
}

mod reclaim_expired {
	use super::*;

	#[test]
	fn refunds_an_expired_build() {
		new_test_ext().execute_with(|| {
			let before = issuance();
			let id = submit(6);
			run_to_block(22);
			assert_ok!(Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id));
			assert_eq!(issuance(), before);
			assert_eq!(refunded(), 60);
			System::assert_has_event(Event::BuildExpired { build_id: id, cancelled: false }.into());
			System::assert_last_event(
				Event::BuildRefunded { build_id: id, builder: ALICE, amount: 60 }.into(),
			);
		});
	}

	#[test]
	fn an_abandoned_assignment_past_expiry_is_expired() {
		new_test_ext().execute_with(|| {
			let id = accepted(1);
			run_to_block(22);
			assert_eq!(state(id), BuildState::Expired);
			assert_ok!(Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id));
		});
	}

	#[test]
	fn rejects_a_build_before_expiry() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			run_to_block(21);
			assert_noop!(
				Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::BuildNotExpired
			);
		});
	}

	#[test]
	fn rejects_another_account() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			run_to_block(22);
			assert_noop!(
				Burn::reclaim_expired(RuntimeOrigin::signed(BOB), id),
				Error::<Test>::NotBuilder
			);
		});
	}

	#[test]
	fn refunds_once() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			run_to_block(22);
			assert_ok!(Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id));
			assert_noop!(
				Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::AlreadyRefunded
			);
		});
	}

	#[test]
	fn rejects_an_unknown_build() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), 9),
				Error::<Test>::UnknownBuild
			);
		});
	}
}

mod set_price_per_unit {
	use super::*;

	#[test]
	fn changes_the_price_within_one_step() {
		new_test_ext().execute_with(|| {
			assert_ok!(Burn::set_price_per_unit(RuntimeOrigin::root(), 11));
			assert_eq!(Burn::price_per_unit(), 11);
			System::assert_last_event(Event::PricePerUnitSet { old: 10, new: 11 }.into());
			assert_eq!(Burn::quote(3), Some(33));
		});
	}

	#[test]
	fn is_for_root_only() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Burn::set_price_per_unit(RuntimeOrigin::signed(ALICE), 11),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn rejects_prices_outside_the_hard_bounds() {
		new_test_ext().execute_with(|| {
			PricePerUnit::<Test>::put(100);
			assert_noop!(
				Burn::set_price_per_unit(RuntimeOrigin::root(), 101),
				Error::<Test>::PricePerUnitOutOfBounds
			);
			PricePerUnit::<Test>::put(1);
			assert_noop!(
				Burn::set_price_per_unit(RuntimeOrigin::root(), 0),
				Error::<Test>::PricePerUnitOutOfBounds
			);
		});
	}

	#[test]
	fn rejects_a_step_above_the_per_epoch_maximum() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				Burn::set_price_per_unit(RuntimeOrigin::root(), 12),
				Error::<Test>::PriceChangeTooLarge
			);
			assert_noop!(
				Burn::set_price_per_unit(RuntimeOrigin::root(), 8),
				Error::<Test>::PriceChangeTooLarge
			);
		});
	}

	#[test]
	fn steps_within_one_epoch_do_not_add_up() {
		new_test_ext().execute_with(|| {
			assert_ok!(Burn::set_price_per_unit(RuntimeOrigin::root(), 11));
			assert_noop!(
				Burn::set_price_per_unit(RuntimeOrigin::root(), 12),
				Error::<Test>::PriceChangeTooLarge
			);
			// The next epoch measures from 11.
			run_to_block(10);
			assert_ok!(Burn::set_price_per_unit(RuntimeOrigin::root(), 12));
		});
	}
}

mod build_registry {
	use super::*;

	#[test]
	fn completes_an_assigned_build_once() {
		new_test_ext().execute_with(|| {
			let id = accepted(5);
			assert_ok!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4));
			assert_eq!(
				state(id),
				BuildState::Completed { provider: PROVIDER, output_hash: OUTPUT, units_used: 4 }
			);
			System::assert_last_event(
				Event::BuildCompleted {
					build_id: id,
					provider: PROVIDER,
					output_hash: OUTPUT,
					units_used: 4,
					proven_burn: 40,
				}
				.into(),
			);
			assert_noop!(
				Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4),
				Error::<Test>::BuildNotAssigned
			);
			Burn::do_try_state().unwrap();
		});
	}

	#[test]
	fn rejects_another_provider() {
		new_test_ext().execute_with(|| {
			let id = accepted(5);
			assert_noop!(
				Burn::complete_build(id, &OTHER_PROVIDER, &enclave_of(OTHER_PROVIDER), OUTPUT, 4),
				Error::<Test>::NotAssignedProvider
			);
		});
	}

	#[test]
	fn rejects_a_claim_after_the_deadline() {
		new_test_ext().execute_with(|| {
			let id = accepted(5);
			run_to_block(7);
			assert_noop!(
				Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 4),
				Error::<Test>::DeadlinePassed
			);
		});
	}

	#[test]
	fn rejects_units_used_outside_the_request() {
		new_test_ext().execute_with(|| {
			let id = accepted(5);
			assert_noop!(
				Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 6),
				Error::<Test>::UnitsUsedAboveRequested
			);
			assert_noop!(
				Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 0),
				Error::<Test>::ZeroUnitsUsed
			);
		});
	}

	#[test]
	fn rejects_an_open_or_unknown_build() {
		new_test_ext().execute_with(|| {
			let id = submit(1);
			assert_noop!(
				Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 1),
				Error::<Test>::BuildNotAssigned
			);
			assert_noop!(
				Burn::complete_build(77, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 1),
				Error::<Test>::UnknownBuild
			);
		});
	}

	#[test]
	fn a_completed_build_cannot_be_refunded() {
		new_test_ext().execute_with(|| {
			let id = accepted(5);
			assert_ok!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 5));
			run_to_block(40);
			assert_noop!(
				Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::BuildNotExpired
			);
		});
	}
}

mod bonds {
	use super::*;

	/// A build of `units` units taken by `PROVIDER`.
	fn taken(units: u64) -> u64 {
		accepted(units)
	}

	#[test]
	fn the_bond_is_a_tenth_of_the_price_and_at_least_the_minimum() {
		new_test_ext().execute_with(|| {
			assert_eq!(Burn::bond_for(1_000), 100);
			assert_eq!(Burn::bond_for(10), 3);
			let id = taken(100);
			assert_eq!(bonded(PROVIDER), 100);
			assert_eq!(Builds::<Test>::get(id).map(|b| b.bond), Some(100));
			Burn::do_try_state().unwrap();
		});
	}

	#[test]
	fn a_provider_that_cannot_bond_cannot_take_the_build() {
		new_test_ext().execute_with(|| {
			let id = submit(100);
			make_eligible(POOR, None);
			assert_noop!(
				Burn::accept_build(RuntimeOrigin::signed(POOR), id),
				Error::<Test>::InsufficientBond
			);
		});
	}

	#[test]
	fn the_proof_returns_the_bond() {
		new_test_ext().execute_with(|| {
			let before = Balances::total_balance(&PROVIDER);
			let id = taken(100);
			assert_eq!(Balances::free_balance(PROVIDER), before - 100);
			assert_ok!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 100));
			assert_eq!(bonded(PROVIDER), 0);
			assert_eq!(Balances::free_balance(PROVIDER), before);
			Burn::do_try_state().unwrap();
		});
	}

	#[test]
	fn releasing_burns_the_bond() {
		new_test_ext().execute_with(|| {
			let id = taken(100);
			let (issuance_before, burned_before) = (issuance(), total_burned());
			assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), id));
			assert_eq!(bonded(PROVIDER), 0);
			assert_eq!(issuance(), issuance_before - 100);
			assert_eq!(total_burned(), burned_before + 100);
			System::assert_has_event(
				Event::BondForfeited { build_id: id, provider: PROVIDER, amount: 100 }.into(),
			);
			assert_eq!(Builds::<Test>::get(id).map(|b| b.bond), Some(0));
			Burn::do_try_state().unwrap();
		});
	}

	#[test]
	fn a_missed_deadline_burns_the_bond_when_another_provider_takes_over() {
		new_test_ext().execute_with(|| {
			let id = taken(100);
			run_to_block(7);
			make_eligible(OTHER_PROVIDER, None);
			let issuance_before = issuance();
			assert_ok!(Burn::accept_build(RuntimeOrigin::signed(OTHER_PROVIDER), id));
			assert_eq!(bonded(PROVIDER), 0);
			assert_eq!(bonded(OTHER_PROVIDER), 100);
			assert_eq!(issuance(), issuance_before - 100);
			System::assert_has_event(
				Event::BondForfeited { build_id: id, provider: PROVIDER, amount: 100 }.into(),
			);
			Burn::do_try_state().unwrap();
		});
	}

	#[test]
	fn the_builder_can_cancel_a_build_held_past_its_deadline() {
		new_test_ext().execute_with(|| {
			let id = taken(100);
			let alice_before = Balances::total_balance(&ALICE);
			assert_noop!(
				Burn::cancel_build(RuntimeOrigin::signed(ALICE), id),
				Error::<Test>::BuildNotOpen
			);
			run_to_block(7);
			assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
			assert_eq!(Balances::total_balance(&ALICE), alice_before + 1_000, "full refund");
			assert_eq!(bonded(PROVIDER), 0, "the hostage-taker's bond is burned");
			Burn::do_try_state().unwrap();
		});
	}

	#[test]
	fn reclaiming_an_expired_build_burns_a_lapsed_bond() {
		new_test_ext().execute_with(|| {
			let id = taken(100);
			run_to_block(22);
			assert_eq!(state(id), BuildState::Expired);
			assert_eq!(bonded(PROVIDER), 100, "settled only when the build is touched");
			assert_ok!(Burn::reclaim_expired(RuntimeOrigin::signed(ALICE), id));
			assert_eq!(bonded(PROVIDER), 0);
			assert_eq!(refunded(), 1_000);
			Burn::do_try_state().unwrap();
		});
	}

	/// Accept/release griefing: a provider that takes a build and gives it back, again and
	/// again, pays a bond each time; the builder loses nothing.
	#[test]
	fn accept_release_griefing_costs_the_griefer_a_bond_per_round() {
		new_test_ext().execute_with(|| {
			let id = submit(100);
			make_eligible(PROVIDER, None);
			let griefer_before = Balances::total_balance(&PROVIDER);
			let alice_before = Balances::total_balance(&ALICE);
			for _ in 0..5 {
				assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id));
				assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), id));
			}
			assert_eq!(griefer_before - Balances::total_balance(&PROVIDER), 500);
			assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
			assert_eq!(Balances::total_balance(&ALICE), alice_before + 1_000);
			Burn::do_try_state().unwrap();
		});
	}
}

mod completion {
	use super::*;

	#[test]
	fn returns_the_proven_burn_and_refunds_the_unused_units() {
		new_test_ext().execute_with(|| {
			let id = accepted(5);
			let alice_before = Balances::free_balance(ALICE);
			let proven = Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 2)
				.expect("completes");
			assert_eq!(proven, 20, "2 of 5 units at 10 each");
			assert_eq!(refunded(), 30);
			assert_eq!(Balances::free_balance(ALICE), alice_before + 30);
			System::assert_has_event(
				Event::BuildRefunded { build_id: id, builder: ALICE, amount: 30 }.into(),
			);
			Burn::do_try_state().unwrap();
		});
	}

	#[test]
	fn a_fully_used_build_refunds_nothing() {
		new_test_ext().execute_with(|| {
			let id = accepted(5);
			assert_eq!(
				Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 5),
				Ok(50)
			);
			assert_eq!(refunded(), 0);
		});
	}

	#[test]
	fn rounding_keeps_the_proven_burn_within_the_price() {
		new_test_ext().execute_with(|| {
			assert_ok!(Burn::set_price_per_unit(RuntimeOrigin::root(), 11));
			let id = accepted(3);
			// 1 of 3 units of a price of 33: 11 proven, 22 refunded; nothing is lost.
			assert_eq!(
				Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 1),
				Ok(11)
			);
			assert_eq!(refunded(), 22);
		});
	}
}

mod booked_burn {
	use super::*;

	#[test]
	fn books_outside_burn_in_the_ledger() {
		new_test_ext().execute_with(|| {
			Burn::book_burn(7);
			assert_eq!(total_burned(), 7);
			assert_eq!(Burn::burned_in_open_epoch(), 7);
			System::assert_last_event(Event::BurnBooked { amount: 7 }.into());
		});
	}

	#[test]
	fn booking_zero_is_a_no_op() {
		new_test_ext().execute_with(|| {
			Burn::book_burn(0);
			assert_eq!(total_burned(), 0);
			assert!(System::events().is_empty());
		});
	}
}

mod pruning {
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
			assert_ok!(Burn::complete_build(
				completed,
				&PROVIDER,
				&enclave_of(PROVIDER),
				OUTPUT,
				4
			));
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
			assert_ok!(Burn::complete_build(
				unstored,
				&PROVIDER,
				&enclave_of(PROVIDER),
				missing,
				4
			));
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
}

mod open_builds {
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
			assert_ok!(Burn::complete_build(
				completed,
				&PROVIDER,
				&enclave_of(PROVIDER),
				OUTPUT,
				1
			));
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
			assert_ok!(Burn::complete_build(
				completed,
				&PROVIDER,
				&enclave_of(PROVIDER),
				OUTPUT,
				4
			));
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
}

mod properties {
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
				Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, units)
					.map(|_| ())
			}
			Step::Cancel { id } => Burn::cancel_build(RuntimeOrigin::signed(builder_of(id)), id),
			Step::Reclaim { id } => {
				Burn::reclaim_expired(RuntimeOrigin::signed(builder_of(id)), id)
			}
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
}

mod bond_allowance {
	use super::*;
	use crate::BondAllowances;

	/// A 100-unit build's bond in the mock: 10% of 1,000.
	const BOND: Balance = 100;

	#[test]
	fn taking_a_build_spends_the_allowance_a_proof_gives_it_back_a_forfeit_does_not() {
		new_test_ext().execute_with(|| {
			make_eligible(PROVIDER, None);
			assert_ok!(Burn::set_bond_allowance(RuntimeOrigin::signed(PROVIDER), 2 * BOND));
			System::assert_last_event(
				Event::BondAllowanceSet { provider: PROVIDER, allowance: 2 * BOND }.into(),
			);
			let proven = submit(100);
			assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), proven));
			assert_eq!(BondAllowances::<Test>::get(PROVIDER), BOND);
			assert_ok!(Burn::complete_build(proven, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 100));
			assert_eq!(BondAllowances::<Test>::get(PROVIDER), 2 * BOND, "the returned bond");

			let released = submit(100);
			assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), released));
			assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), released));
			assert_eq!(BondAllowances::<Test>::get(PROVIDER), BOND, "a forfeit stays spent");
		});
	}

	/// The hot key's attack: accept and release a large build again and again, burning a bond
	/// each time. The cold account loses at most the allowance it set; the builder cancels
	/// for a full refund.
	#[test]
	fn accept_release_pairs_burn_at_most_the_allowance() {
		new_test_ext().execute_with(|| {
			make_eligible(PROVIDER, None);
			let allowance = 2 * BOND + BOND / 2;
			assert_ok!(Burn::set_bond_allowance(RuntimeOrigin::signed(PROVIDER), allowance));
			let start = Balances::total_balance(&PROVIDER);
			let build = submit(100);
			for _ in 0..2 {
				assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), build));
				assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), build));
			}
			for _ in 0..18 {
				assert_noop!(
					Burn::accept_build(RuntimeOrigin::signed(PROVIDER), build),
					Error::<Test>::BondAllowanceExceeded
				);
			}
			let lost = start - Balances::total_balance(&PROVIDER);
			assert_eq!(lost, 2 * BOND);
			assert!(lost <= allowance);
			assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), build));
			assert_eq!(refunded(), 100 * GENESIS_PRICE);
		});
	}

	#[test]
	fn an_account_without_an_allowance_has_the_default() {
		new_test_ext().execute_with(|| {
			assert_eq!(BondAllowances::<Test>::get(BOB), DefaultBondAllowance::get());
			assert!(!BondAllowances::<Test>::contains_key(BOB));
			// Zero stops the account's bonds altogether.
			make_eligible(PROVIDER, None);
			assert_ok!(Burn::set_bond_allowance(RuntimeOrigin::signed(PROVIDER), 0));
			let build = submit(1);
			assert_noop!(
				Burn::accept_build(RuntimeOrigin::signed(PROVIDER), build),
				Error::<Test>::BondAllowanceExceeded
			);
		});
	}
}

mod release_after_revocation {
	use super::*;
	use crate::BondAllowances;

	#[test]
	fn a_provider_that_governance_stopped_trusting_gets_its_bond_back_on_release() {
		new_test_ext().execute_with(|| {
			let build = accepted(100);
			let (free, allowance) =
				(Balances::free_balance(PROVIDER), BondAllowances::<Test>::get(PROVIDER));
			revoke_by_governance(PROVIDER);
			let burned_before = total_burned();
			assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), build));
			System::assert_has_event(
				Event::BondReturned { build_id: build, provider: PROVIDER, amount: 100 }.into(),
			);
			assert_eq!(bonded(PROVIDER), 0);
			assert_eq!(Balances::free_balance(PROVIDER), free + 100);
			assert_eq!(BondAllowances::<Test>::get(PROVIDER), allowance + 100);
			assert_eq!(total_burned(), burned_before, "nothing burned");
			assert_eq!(state(build), BuildState::Open);
			assert_ok!(Burn::do_try_state());
		});
	}

	#[test]
	fn any_other_release_still_burns_the_bond() {
		new_test_ext().execute_with(|| {
			let build = accepted(100);
			let burned_before = total_burned();
			assert_ok!(Burn::release_build(RuntimeOrigin::signed(PROVIDER), build));
			assert_eq!(total_burned(), burned_before + 100);
			// Revoked after its deadline: the bond was already lost at the deadline.
			let late = accepted(100);
			run_to_block(System::block_number() + 100);
			revoke_by_governance(PROVIDER);
			assert_noop!(
				Burn::release_build(RuntimeOrigin::signed(PROVIDER), late),
				Error::<Test>::BuildNotAssigned
			);
		});
	}
}
