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

mod submit_build;

mod accept_build;

mod release_build;

mod cancel_build;

mod reclaim_expired;

mod set_price_per_unit;

mod build_registry;

mod bonds;

mod completion;

mod booked_burn;

mod pruning;

mod open_builds;

mod properties;

mod bond_allowance;

mod release_after_revocation;
