//! Named attacks, each played out next to honest users: the attacker must lose, and honest
//! providers must still be paid for their proven work.
//!
//! In every scenario the attacker is a builder and a provider owned by one person (plus
//! sybil providers where the attack needs them); the honest side is an independent builder
//! and provider. Genesis ratio is 9/10 unless a scenario moves it.

use crate::mock::*;
use azra_dev_pki::{CollateralOptions, DEV_FMSPC};
use azra_primitives::BuildId;
use frame_support::{assert_noop, assert_ok};
use pallet_attestation::{EnclaveKey, TeeType};
use pallet_mint::MintParameters;
use sp_core::Pair;
use sp_runtime::FixedU128;

const ATTACKER_BUILDER: AccountId = 1;
const ATTACKER_PROVIDER: AccountId = 11;
const ATTACKER: [AccountId; 2] = [ATTACKER_BUILDER, ATTACKER_PROVIDER];
const HONEST_BUILDER: AccountId = 31;
const HONEST_PROVIDER: AccountId = 41;
const FUNDS: Balance = 1_000_000_000_000;

/// Attacker and honest pair funded; both providers' enclaves registered.
fn world() -> ExtBuilder {
	ExtBuilder::new(
		&[
			(ATTACKER_BUILDER, FUNDS),
			(ATTACKER_PROVIDER, FUNDS),
			(HONEST_BUILDER, FUNDS),
			(HONEST_PROVIDER, FUNDS),
		],
		&[ATTACKER_PROVIDER, HONEST_PROVIDER],
	)
}

/// The closed epoch's record.
fn record(epoch: u32) -> pallet_mint::EpochRecord<Balance> {
	Mint::epoch_record(epoch).expect("the epoch is closed")
}

/// Builds the attacker submits and at once cancels: `count` of `units` units each.
fn wash_by_cancel(count: u32, units: u64) {
	for _ in 0..count {
		let id = submit(ATTACKER_BUILDER, units).expect("the attacker can pay");
		assert_ok!(dispatch_as(ATTACKER_BUILDER, pallet_burn::Call::cancel_build { build_id: id }));
	}
}

/// Moves `ratio` towards `target` one allowed step per epoch until it gets there.
fn govern_ratio_to(target: FixedU128) {
	while pallet_mint::Parameters::<Test>::get().ratio != target {
		let current = pallet_mint::Parameters::<Test>::get();
		let step = current.ratio.into_inner() / 10;
		let next = if target > current.ratio {
			FixedU128::from_inner((current.ratio.into_inner() + step).min(target.into_inner()))
		} else {
			FixedU128::from_inner((current.ratio.into_inner() - step).max(target.into_inner()))
		};
		assert_ok!(dispatch_root(pallet_mint::Call::set_parameters {
			parameters: MintParameters { ratio: next, ..current },
		}));
		close_epoch();
	}
}

/// The report, replayed: each epoch one 1-unit build is proven, then fifteen builds
/// of 1,000,000 units are submitted and cancelled. Before the fix the pair gained 22,295
/// AZRA in four epochs; now cancelled builds count toward nothing and the pair loses.
#[test]
fn submit_cancel_wash_loses_and_honest_provider_is_paid() {
	world().build().execute_with(|| {
		let attacker_start = wealth_of(&ATTACKER);
		let honest_start = wealth(HONEST_PROVIDER);
		let issuance_start = issuance();
		let first_epoch = Mint::current_epoch();
		for _ in 0..4 {
			proven_build(HONEST_BUILDER, HONEST_PROVIDER, 100);
			proven_build(ATTACKER_BUILDER, ATTACKER_PROVIDER, 1);
			wash_by_cancel(15, 1_000_000);
			close_epoch();
			check_invariants();
		}
		claim_all(ATTACKER_PROVIDER);
		claim_all(HONEST_PROVIDER);
		check_invariants();

		for epoch in first_epoch..first_epoch + 4 {
			let record = record(epoch);
			// Only the two proven builds count: 100 + 1 units at 100 per unit.
			assert_eq!(record.proven_burn, 10_100);
			assert_eq!(record.budget, 9_090, "budget = ⌊0.9 × proven burn⌋");
			assert!(record.burned > 1_000_000_000, "the washed builds were burned…");
			assert!(record.refunded >= 1_500_000_000, "…and refunded, and count for nothing");
		}
		let attacker_end = wealth_of(&ATTACKER);
		assert!(attacker_end < attacker_start, "the wash must lose");
		// Per epoch the attacker burned 100 for its proven unit and got back ⌊9_090 × 100 /
		// 10_100⌋ = 90.
		assert_eq!(attacker_start - attacker_end, 4 * (100 - 90));
		// The honest provider is paid 90% of the burn of the work it proved, every epoch.
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, 4 * 9_000);
		assert!(issuance() < issuance_start, "issuance fell: 10% of proven burn left supply");
	});
}

/// Builds left to expire and then reclaimed are refunded in full and never count.
#[test]
fn expire_wash_loses_and_honest_provider_is_paid() {
	world().build().execute_with(|| {
		let attacker_start = wealth_of(&ATTACKER);
		let honest_start = wealth(HONEST_PROVIDER);
		let epoch = Mint::current_epoch();
		let washed: Vec<BuildId> =
			(0..15).map(|_| submit(ATTACKER_BUILDER, 1_000_000).expect("can pay")).collect();
		proven_build(HONEST_BUILDER, HONEST_PROVIDER, 100);
		proven_build(ATTACKER_BUILDER, ATTACKER_PROVIDER, 1);
		advance(BuildLifetime::get() + 1);
		for id in washed {
			assert_ok!(dispatch_as(
				ATTACKER_BUILDER,
				pallet_burn::Call::reclaim_expired { build_id: id }
			));
		}
		close_epoch();
		claim_all(ATTACKER_PROVIDER);
		claim_all(HONEST_PROVIDER);
		check_invariants();

		let record = record(epoch);
		assert_eq!(record.proven_burn, 10_100, "expired builds are not proven burn");
		assert_eq!(record.budget, 9_090);
		assert!(wealth_of(&ATTACKER) < attacker_start);
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, 9_000);
	});
}

/// There is no floor: an otherwise empty epoch with one proven 1-unit build pays at most
/// `ratio` of that build's price, even after governance has pushed every parameter as far
/// towards paying out as it can (ratio and ceiling at their hard maxima).
#[test]
fn floor_farming_at_the_most_generous_reachable_parameters_pays_nothing_extra() {
	world().build().execute_with(|| {
		govern_ratio_to(MaxRatio::get());
		assert_eq!(pallet_mint::Parameters::<Test>::get().ceiling, MaxCeiling::get());
		let attacker_start = wealth_of(&ATTACKER);
		let issuance_start = issuance();
		for _ in 0..5 {
			let epoch = Mint::current_epoch();
			proven_build(ATTACKER_BUILDER, ATTACKER_PROVIDER, 1);
			close_epoch();
			let record = record(epoch);
			assert_eq!(record.proven_burn, GENESIS_PRICE);
			assert_eq!(record.budget, GENESIS_PRICE, "at ratio 1 the budget is the proven burn");
		}
		claim_all(ATTACKER_PROVIDER);
		check_invariants();
		// At ratio 1 self-dealing breaks even before fees; it never profits.
		assert_eq!(wealth_of(&ATTACKER), attacker_start);
		assert_eq!(issuance(), issuance_start);
	});
}

/// Governance can take `ratio` to its hard maximum of 1 and no further; there, a
/// self-dealer gets back exactly what it burned for proven work (and pays fees on a real
/// chain), and honest providers are paid the whole burn of their work.
#[test]
fn ratio_at_its_maximum_returns_at_most_the_burn() {
	world().build().execute_with(|| {
		govern_ratio_to(MaxRatio::get());
		let above = MintParameters {
			ratio: FixedU128::from_rational(11, 10),
			..pallet_mint::Parameters::<Test>::get()
		};
		assert_noop!(
			Mint::set_parameters(RuntimeOrigin::root(), above),
			pallet_mint::Error::<Test>::RatioOutOfBounds
		);

		let attacker_start = wealth_of(&ATTACKER);
		let honest_start = wealth(HONEST_PROVIDER);
		proven_build(HONEST_BUILDER, HONEST_PROVIDER, 1_000);
		proven_build(ATTACKER_BUILDER, ATTACKER_PROVIDER, 5_000);
		wash_by_cancel(5, 1_000_000);
		close_epoch();
		claim_all(ATTACKER_PROVIDER);
		claim_all(HONEST_PROVIDER);
		check_invariants();
		assert!(wealth_of(&ATTACKER) <= attacker_start);
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, 1_000 * GENESIS_PRICE);
	});
}

/// Steady honest demand, then a 60% crash, with a self-dealer proving its own small build
/// every epoch. There is no moving average: every epoch's budget is exactly ratio × that
/// epoch's proven burn, so the self-dealer never gets more than it burned, and honest
/// providers are paid for their work in every epoch, before and after the crash.
#[test]
fn demand_crash_of_sixty_percent_with_a_self_dealer_present() {
	world().build().execute_with(|| {
		let attacker_start = wealth_of(&ATTACKER);
		let demand = [1_000u64, 1_000, 1_000, 1_000, 400, 400, 400, 400];
		let first_epoch = Mint::current_epoch();
		for units in demand {
			let honest_before = wealth(HONEST_PROVIDER);
			let epoch = Mint::current_epoch();
			proven_build(HONEST_BUILDER, HONEST_PROVIDER, units);
			proven_build(ATTACKER_BUILDER, ATTACKER_PROVIDER, 10);
			close_epoch();
			claim_all(HONEST_PROVIDER);
			let proven = (units + 10) * GENESIS_PRICE;
			let record = record(epoch);
			assert_eq!(record.proven_burn, proven);
			assert_eq!(record.budget, proven * 9 / 10, "no lag: this epoch's burn only");
			assert_eq!(
				wealth(HONEST_PROVIDER) - honest_before,
				units * GENESIS_PRICE * 9 / 10,
				"honest work is paid in epoch {epoch}"
			);
		}
		claim_all(ATTACKER_PROVIDER);
		check_invariants();
		assert!(wealth_of(&ATTACKER) < attacker_start);
		let after_crash = record(first_epoch + 4);
		assert!(after_crash.budget < record(first_epoch).budget);
	});
}

/// Before the fix, a fixed number of provider slots per epoch could be filled by cheap
/// sybil accounts, each proving one unit, and every other provider got `TooManyProviders`.
/// There is no slot list any more: forty sybils prove in one epoch, the honest provider
/// still proves and is paid, and the sybils lose what they did not get back.
#[test]
fn provider_slot_squatting_locks_nobody_out() {
	let sybils: Vec<AccountId> = (100..140).collect();
	let mut balances =
		vec![(ATTACKER_BUILDER, FUNDS), (HONEST_BUILDER, FUNDS), (HONEST_PROVIDER, FUNDS)];
	balances.extend(sybils.iter().map(|s| (*s, 1_000)));
	let mut providers = sybils.clone();
	providers.push(HONEST_PROVIDER);
	ExtBuilder::new(&balances, &providers).build().execute_with(|| {
		let mut attackers = sybils.clone();
		attackers.push(ATTACKER_BUILDER);
		let attackers_start = wealth_of(&attackers);
		let honest_start = wealth(HONEST_PROVIDER);
		let epoch = Mint::current_epoch();
		for sybil in &sybils {
			proven_build(ATTACKER_BUILDER, *sybil, 1);
		}
		proven_build(HONEST_BUILDER, HONEST_PROVIDER, 100);
		close_epoch();
		for sybil in &sybils {
			claim_all(*sybil);
		}
		claim_all(HONEST_PROVIDER);
		check_invariants();
		assert_eq!(record(epoch).providers, 41);
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, 9_000);
		assert!(wealth_of(&attackers) < attackers_start);
	});
}

/// A provider that takes an honest build and gives it back, again and again, burns its bond
/// every time; one that holds it past the deadline loses the bond too, and the builder can
/// then cancel (full refund) or another provider can take and finish the build.
#[test]
fn accept_release_griefing_and_hostage_builds_cost_the_griefer() {
	world().build().execute_with(|| {
		let griefer = ATTACKER_PROVIDER;
		let griefer_start = wealth(griefer);
		let builder_start = wealth(HONEST_BUILDER);
		let honest_start = wealth(HONEST_PROVIDER);
		let build = submit(HONEST_BUILDER, 1_000).expect("can pay");
		let price = 1_000 * GENESIS_PRICE;
		let bond = Burn::bond_for(price);
		assert_eq!(bond, price / 10);

		for _ in 0..5 {
			assert_ok!(accept(griefer, build));
			assert_ok!(dispatch_as(griefer, pallet_burn::Call::release_build { build_id: build }));
		}
		assert_eq!(griefer_start - wealth(griefer), 5 * bond, "each release burns the bond");

		// Hostage: take it and sit on it past the deadline.
		assert_ok!(accept(griefer, build));
		assert_noop!(
			dispatch_as(HONEST_BUILDER, pallet_burn::Call::cancel_build { build_id: build }),
			pallet_burn::Error::<Test>::BuildNotOpen
		);
		advance(AssignmentPeriod::get() + 1);
		// The honest provider takes the build over; the griefer's bond is burned.
		assert_ok!(accept(HONEST_PROVIDER, build));
		assert_eq!(griefer_start - wealth(griefer), 6 * bond);
		assert_ok!(prove(HONEST_PROVIDER, build, 1_000));
		check_invariants();
		close_epoch();
		claim_all(HONEST_PROVIDER);
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, price * 9 / 10);
		assert_eq!(builder_start - wealth(HONEST_BUILDER), price, "the builder paid once");

		// A second hostage: this time the builder walks away with a full refund.
		let builder_before = wealth(HONEST_BUILDER);
		let second = submit(HONEST_BUILDER, 1_000).expect("can pay");
		assert_ok!(accept(griefer, second));
		advance(AssignmentPeriod::get() + 1);
		assert_ok!(dispatch_as(
			HONEST_BUILDER,
			pallet_burn::Call::cancel_build { build_id: second }
		));
		assert_eq!(wealth(HONEST_BUILDER), builder_before, "cancel refunds in full");
		assert_eq!(griefer_start - wealth(griefer), 7 * bond);
		check_invariants();
	});
}

/// No signed account can lower total issuance outside the burn ledger.
#[test]
fn balances_burn_is_filtered_for_signed_accounts() {
	world().build().execute_with(|| {
		let before = storage_root();
		assert_eq!(
			dispatch_as(
				ATTACKER_BUILDER,
				pallet_balances::Call::burn { value: 1_000, keep_alive: true }
			),
			Err(frame_system::Error::<Test>::CallFiltered.into())
		);
		assert_eq!(storage_root(), before);
		check_invariants();
	});
}

/// When the ceiling binds, every provider of the epoch gets the same fraction of its
/// proven burn. A self-dealer who inflates its own proven burn dilutes honest providers
/// (a griefing vector, named in docs/economics.md) but pays for it many times over.
#[test]
fn a_binding_ceiling_pays_pro_rata_and_the_self_dealer_still_loses() {
	world().ratio(FixedU128::from_u32(1)).ceiling(MinCeiling::get()).build().execute_with(|| {
		let attacker_start = wealth_of(&ATTACKER);
		let honest_start = wealth(HONEST_PROVIDER);
		let epoch = Mint::current_epoch();
		proven_build(HONEST_BUILDER, HONEST_PROVIDER, 100);
		proven_build(ATTACKER_BUILDER, ATTACKER_PROVIDER, 300);
		close_epoch();
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Mint(pallet_mint::Event::CeilingReached {
				uncapped: 40_000,
				ceiling: 1_000,
				..
			})
		)));
		let record = record(epoch);
		assert!(record.capped_at_ceiling);
		assert_eq!(record.budget, 1_000);
		claim_all(HONEST_PROVIDER);
		claim_all(ATTACKER_PROVIDER);
		check_invariants();
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, 250, "a quarter of the budget");
		assert_eq!(attacker_start - wealth_of(&ATTACKER), 30_000 - 750);
	});
}

/// A builder that empties its account once a provider has taken its build cannot make the
/// provider's proof fail, and so cannot get the provider's bond burned: the build's deposit
/// is held until its record leaves state, so the builder's account cannot be reaped while
/// the build can still be proven, and the refund of unused units always has an account to
/// go to. (Were the account gone, a refund below the existential deposit would be forgone:
/// it would stay burned, and the proof would still go through.)
#[test]
fn a_builder_that_empties_its_account_cannot_fail_an_honest_proof() {
	world().price_per_unit(1).build().execute_with(|| {
		let build = submit(HONEST_BUILDER, 10).expect("can pay");
		assert_ok!(accept(HONEST_PROVIDER, build));
		let provider_before = wealth(HONEST_PROVIDER);
		let _ = dispatch_as(
			HONEST_BUILDER,
			pallet_balances::Call::transfer_all { dest: ATTACKER_BUILDER, keep_alive: false },
		);
		assert!(
			frame_system::Pallet::<Test>::account_exists(&HONEST_BUILDER),
			"the held deposit keeps the builder's account alive"
		);
		let builder_before = wealth(HONEST_BUILDER);
		assert!(builder_before >= BuildDeposit::get());
		// 7 of 10 units: the unused 3 are refunded, below the existential deposit of 5.
		assert_ok!(prove(HONEST_PROVIDER, build, 7));
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Burn(pallet_burn::Event::BuildRefunded { amount: 3, .. })
		)));
		assert_eq!(wealth(HONEST_BUILDER), builder_before + 3);
		assert_eq!(wealth(HONEST_PROVIDER), provider_before, "the bond came back");
		check_invariants();
	});
}

/// The attacker's provider takes the attacker's own build of 1,000 units (its bond held),
/// then governance dispatches `revocation` against its enclave. Played out: the provider's
/// proof of that build is refused at once with `proof_refused` (for all of it or any part),
/// and its taking any other build with `accept_refused`; the builder cannot cancel while the
/// build is assigned, but can once the deadline has passed, with a full refund; the bond is
/// burned; the build can no longer be proven by anyone's enclave. Returns the build and the
/// bond.
fn strand_the_attackers_build_in_flight(
	revocation: impl Into<RuntimeCall>,
	proof_refused: pallet_attestation::Error<Test>,
	accept_refused: pallet_attestation::Error<Test>,
) -> (BuildId, Balance) {
	let proof_refused = sp_runtime::DispatchError::from(proof_refused);
	let builder_start = wealth(ATTACKER_BUILDER);
	let provider_start = wealth(ATTACKER_PROVIDER);
	let units = 1_000;
	let build = submit(ATTACKER_BUILDER, units).expect("can pay");
	let price = units * GENESIS_PRICE;
	let bond = Burn::bond_for(price);
	assert_eq!(bond, price / 10);
	assert_ok!(accept(ATTACKER_PROVIDER, build));
	assert_eq!(
		provider_start - Balances::free_balance(ATTACKER_PROVIDER),
		bond + EnclaveDeposit::get(),
		"bond held, beside the enclave deposit"
	);

	assert_ok!(dispatch_root(revocation));
	// Well before the deadline, the proof is refused: whole or in part.
	assert_noop!(prove(ATTACKER_PROVIDER, build, units), proof_refused);
	assert_noop!(prove(ATTACKER_PROVIDER, build, 1), proof_refused);
	// No other build can be taken either.
	let other = submit(ATTACKER_BUILDER, units).expect("can pay");
	assert_noop!(accept(ATTACKER_PROVIDER, other), accept_refused);
	assert_ok!(dispatch_as(ATTACKER_BUILDER, pallet_burn::Call::cancel_build { build_id: other }));
	// The stranded build is the provider's until the deadline.
	assert_noop!(
		dispatch_as(ATTACKER_BUILDER, pallet_burn::Call::cancel_build { build_id: build }),
		pallet_burn::Error::<Test>::BuildNotOpen
	);
	assert_eq!(assigned_to(build), Some(ATTACKER_PROVIDER));
	check_invariants();

	// Past the deadline the assignment has lapsed: the build is open again as the mint sees
	// it, and no proof of it is taken, whatever the enclave.
	advance(AssignmentPeriod::get() + 1);
	assert_noop!(
		prove(ATTACKER_PROVIDER, build, units),
		pallet_mint::Error::<Test>::BuildNotAssigned
	);
	assert_ok!(dispatch_as(ATTACKER_BUILDER, pallet_burn::Call::cancel_build { build_id: build }));
	assert_eq!(wealth(ATTACKER_BUILDER), builder_start, "cancel refunds in full");
	assert_eq!(provider_start - wealth(ATTACKER_PROVIDER), bond, "the bond is burned");
	assert_eq!(assigned_to(build), None);
	// Cancelled, the build is over: there is nothing left to prove.
	assert_noop!(prove(ATTACKER_PROVIDER, build, units), pallet_mint::Error::<Test>::BuildExpired);
	check_invariants();
	(build, bond)
}

/// The attacker's provider has not earned a point in any closed epoch: there is nothing for
/// it to claim.
fn assert_attacker_earned_nothing() {
	for epoch in 0..Mint::current_epoch() {
		assert_eq!(pallet_mint::Points::<Test>::get(epoch, ATTACKER_PROVIDER), None);
		assert_noop!(
			dispatch_as(
				ATTACKER_PROVIDER,
				pallet_mint::Call::claim_rewards {
					epochs: frame_support::BoundedVec::try_from(vec![epoch]).expect("one epoch"),
				}
			),
			pallet_mint::Error::<Test>::NothingToClaim
		);
	}
}

/// A leaked enclave key in a build in flight. The attacker's provider (whose key leaked, or
/// who leaked it) has taken the attacker's build when governance force-deregisters the key.
/// The pair hoped the key would keep proving until the deadline, or at least that the bond
/// would come back; instead its proof is refused at once (`EnclaveUnknown`), its provider
/// can take no new build (`NoEnclave`: it has no enclave left), and once the deadline is
/// past the builder's cancel refunds the price while the bond is burned. Nothing is minted
/// for the build; the pair is poorer by the bond, and issuance fell by it. The honest
/// provider, attested under the same measurement and platform, is not touched: it proves
/// in the same epochs and is paid in full. The attacker cannot retire the honest key.
#[test]
fn a_force_deregistered_key_strands_its_build_and_burns_the_bond() {
	world().build().execute_with(|| {
		let attacker_start = wealth_of(&ATTACKER);
		let honest_start = wealth(HONEST_PROVIDER);
		let issuance_start = issuance();
		let minted_start = Mint::supply_totals().minted;
		let leaked = EnclaveKey::Ed25519(enclave_pair(ATTACKER_PROVIDER, 0).public().0);
		let honest_key = EnclaveKey::Ed25519(enclave_pair(HONEST_PROVIDER, 0).public().0);

		assert_noop!(
			dispatch_as(
				ATTACKER_PROVIDER,
				pallet_attestation::Call::force_deregister { enclave_key: honest_key }
			),
			sp_runtime::DispatchError::BadOrigin
		);
		let (_, bond) = strand_the_attackers_build_in_flight(
			pallet_attestation::Call::force_deregister { enclave_key: leaked },
			pallet_attestation::Error::<Test>::EnclaveUnknown,
			pallet_attestation::Error::<Test>::NoEnclave,
		);
		assert!(Attestation::enclaves_of(&ATTACKER_PROVIDER).is_empty());
		assert_eq!(Attestation::enclaves_of(&HONEST_PROVIDER).len(), 1);
		assert_noop!(
			dispatch_root(pallet_attestation::Call::force_deregister { enclave_key: leaked }),
			pallet_attestation::Error::<Test>::EnclaveUnknown
		);

		let epoch = Mint::current_epoch();
		proven_build(HONEST_BUILDER, HONEST_PROVIDER, 100);
		close_epoch();
		claim_all(HONEST_PROVIDER);
		assert_attacker_earned_nothing();
		check_invariants();

		assert_eq!(record(epoch).proven_burn, 100 * GENESIS_PRICE, "the honest build only");
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, 9_000, "honest work is paid");
		assert_eq!(Mint::supply_totals().minted - minted_start, 9_000, "all of it honest");
		assert_eq!(attacker_start - wealth_of(&ATTACKER), bond, "the pair lost the bond");
		// The bond and the tenth of the honest build's price left supply.
		assert_eq!(issuance_start - issuance(), bond + 1_000);
	});
}

/// The other side of a leak: the honest provider's key is force-deregistered while its
/// build is in flight. The retired key proves nothing, but the provider is not banned: it
/// re-attests a fresh key from its genuine enclave before the deadline, proves with it, gets
/// its bond back and is paid in full. Retiring a key does no lasting harm to an honest
/// provider that can re-attest in time.
#[test]
fn an_honest_provider_whose_key_is_retired_re_attests_and_is_paid() {
	world().build().execute_with(|| {
		let honest_start = wealth(HONEST_PROVIDER);
		let builder_start = wealth(HONEST_BUILDER);
		let build = submit(HONEST_BUILDER, 100).expect("can pay");
		assert_ok!(accept(HONEST_PROVIDER, build));
		let retired = EnclaveKey::Ed25519(enclave_pair(HONEST_PROVIDER, 0).public().0);
		assert_ok!(dispatch_root(pallet_attestation::Call::force_deregister {
			enclave_key: retired
		}));
		assert_noop!(
			prove(HONEST_PROVIDER, build, 100),
			pallet_attestation::Error::<Test>::EnclaveUnknown
		);

		assert_ok!(register(HONEST_PROVIDER, 1));
		// The retired key still proves nothing; the fresh one does.
		assert_noop!(
			prove(HONEST_PROVIDER, build, 100),
			pallet_attestation::Error::<Test>::EnclaveUnknown
		);
		assert_ok!(prove_with(HONEST_PROVIDER, 1, build, 100));
		assert_eq!(wealth(HONEST_PROVIDER), honest_start, "the bond came back");
		close_epoch();
		claim_all(HONEST_PROVIDER);
		check_invariants();
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, 9_000);
		assert_eq!(builder_start - wealth(HONEST_BUILDER), 100 * GENESIS_PRICE);
	});
}

/// A platform type revoked while builds are in flight. Every enclave of the dev platform,
/// the attacker's and the honest provider's alike, stops at once (`PlatformRevoked`): the
/// attacker's proof of its own build is refused, it can take no other build, and after the
/// deadline its builder cancels for a full refund while its bond is burned. Nothing is
/// minted for that build, restoring the platform does not revive it, and the pair is poorer
/// by the bond. Revocation does the honest side no lasting harm: a build the honest builder
/// submits while the platform is revoked waits, open, for the restoration; then the honest
/// provider, whose registration was never touched, takes it, proves it and is paid in full.
#[test]
fn a_revoked_platform_strands_builds_in_flight_and_its_restoration_pays_the_honest() {
	world().build().execute_with(|| {
		let attacker_start = wealth_of(&ATTACKER);
		let honest_start = wealth(HONEST_PROVIDER);
		let honest_builder_start = wealth(HONEST_BUILDER);
		let issuance_start = issuance();
		let minted_start = Mint::supply_totals().minted;
		let (tee_type, fmspc) = (TeeType::Sgx, DEV_FMSPC);

		assert_noop!(
			dispatch_as(
				ATTACKER_PROVIDER,
				pallet_attestation::Call::restore_platform { tee_type, fmspc }
			),
			sp_runtime::DispatchError::BadOrigin
		);
		let (stranded, bond) = strand_the_attackers_build_in_flight(
			pallet_attestation::Call::revoke_platform { tee_type, fmspc },
			pallet_attestation::Error::<Test>::PlatformRevoked,
			pallet_attestation::Error::<Test>::PlatformRevoked,
		);
		// The honest provider, on the same platform, is stopped too while it lasts.
		let fresh = submit(HONEST_BUILDER, 100).expect("can pay");
		assert_noop!(
			accept(HONEST_PROVIDER, fresh),
			pallet_attestation::Error::<Test>::PlatformRevoked
		);
		assert_noop!(
			dispatch_as(
				ATTACKER_PROVIDER,
				pallet_attestation::Call::restore_platform { tee_type, fmspc }
			),
			sp_runtime::DispatchError::BadOrigin
		);

		assert_ok!(dispatch_root(pallet_attestation::Call::restore_platform { tee_type, fmspc }));
		// Restored, the platform's enclaves count again, but the stranded build stays over.
		assert_noop!(
			prove(ATTACKER_PROVIDER, stranded, 1_000),
			pallet_mint::Error::<Test>::BuildExpired
		);
		let epoch = Mint::current_epoch();
		assert_ok!(accept(HONEST_PROVIDER, fresh));
		assert_ok!(prove(HONEST_PROVIDER, fresh, 100));
		close_epoch();
		claim_all(HONEST_PROVIDER);
		assert_attacker_earned_nothing();
		check_invariants();

		assert_eq!(record(epoch).proven_burn, 100 * GENESIS_PRICE, "the honest build only");
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, 9_000, "paid as if never revoked");
		assert_eq!(honest_builder_start - wealth(HONEST_BUILDER), 100 * GENESIS_PRICE);
		assert_eq!(Mint::supply_totals().minted - minted_start, 9_000, "all of it honest");
		assert_eq!(attacker_start - wealth_of(&ATTACKER), bond, "the pair lost the bond");
		assert_eq!(issuance_start - issuance(), bond + 1_000);
	});
}

/// After an Intel TCB recovery governance raises SGX's minimum TCB evaluation data number
/// above the one the dev collateral (and so every registered enclave) was verified with.
/// The attacker's build in flight is stranded as by any revocation (`TcbEvaluationTooOld`):
/// proof and new builds refused, full refund to the builder after the deadline, bond burned,
/// nothing minted. Pre-recovery collateral can no longer be stored. The honest provider
/// re-attests once post-recovery collateral is on chain, and is paid in full again.
#[test]
fn a_raised_minimum_tcb_evaluation_strands_builds_until_re_attestation() {
	world().build().execute_with(|| {
		let attacker_start = wealth_of(&ATTACKER);
		let honest_start = wealth(HONEST_PROVIDER);
		let issuance_start = issuance();
		let minted_start = Mint::supply_totals().minted;
		let recovery = 2;
		assert_eq!(
			Attestation::collateral_info(TeeType::Sgx, DEV_FMSPC).map(|c| c.tcb_eval_data_number),
			Some(recovery - 1)
		);

		let (_, bond) = strand_the_attackers_build_in_flight(
			pallet_attestation::Call::set_min_tcb_eval_data_number {
				tee_type: TeeType::Sgx,
				number: recovery,
			},
			pallet_attestation::Error::<Test>::TcbEvaluationTooOld,
			pallet_attestation::Error::<Test>::TcbEvaluationTooOld,
		);
		let fresh = submit(HONEST_BUILDER, 100).expect("can pay");
		assert_noop!(
			accept(HONEST_PROVIDER, fresh),
			pallet_attestation::Error::<Test>::TcbEvaluationTooOld
		);
		let issued_at = Attestation::now_secs() - 60;
		assert_noop!(
			store_collateral(CollateralOptions {
				crl_number: 2,
				..CollateralOptions::issued_at(issued_at)
			}),
			pallet_attestation::Error::<Test>::TcbEvaluationTooOld
		);

		assert_ok!(store_collateral(CollateralOptions {
			tcb_evaluation_data_number: recovery,
			..CollateralOptions::issued_at(issued_at)
		}));
		assert_ok!(register(HONEST_PROVIDER, 0));
		let epoch = Mint::current_epoch();
		assert_ok!(accept(HONEST_PROVIDER, fresh));
		assert_ok!(prove(HONEST_PROVIDER, fresh, 100));
		close_epoch();
		claim_all(HONEST_PROVIDER);
		assert_attacker_earned_nothing();
		check_invariants();

		assert_eq!(record(epoch).proven_burn, 100 * GENESIS_PRICE, "the honest build only");
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, 9_000);
		assert_eq!(Mint::supply_totals().minted - minted_start, 9_000, "all of it honest");
		assert_eq!(attacker_start - wealth_of(&ATTACKER), bond, "the pair lost the bond");
		assert_eq!(issuance_start - issuance(), bond + 1_000);
	});
}

/// Sealed builds, played by a coalition: sealing changes who may read, take and prove a
/// build, never what it pays. The attacker's own sealed wash loses like a public one; its
/// provider can neither take the honest builder's sealed build (to block it) nor complete
/// its own with an enclave the input was not sealed to; the honest pair is paid in full.
#[test]
fn sealed_builds_pay_like_public_ones_and_only_recipients_take_them() {
	world().build().execute_with(|| {
		let attacker_start = wealth_of(&ATTACKER);
		let honest_start = wealth(HONEST_PROVIDER);
		let first_epoch = Mint::current_epoch();
		let (attacker_enclave, honest_enclave) =
			(enclave_key(ATTACKER_PROVIDER, 0), enclave_key(HONEST_PROVIDER, 0));

		let honest = submit_sealed(HONEST_BUILDER, 100, &[honest_enclave]).expect("pays");
		assert_noop!(
			accept(ATTACKER_PROVIDER, honest),
			pallet_attestation::Error::<Test>::NotARecipient
		);
		assert_ok!(accept(HONEST_PROVIDER, honest));
		assert_ok!(prove(HONEST_PROVIDER, honest, 100));

		// A second enclave of the attacker's provider, not a recipient of its own build.
		assert_ok!(register(ATTACKER_PROVIDER, 1));
		let own = submit_sealed(ATTACKER_BUILDER, 1, &[attacker_enclave]).expect("pays");
		assert_ok!(accept(ATTACKER_PROVIDER, own));
		assert_noop!(
			prove_with(ATTACKER_PROVIDER, 1, own, 1),
			pallet_burn::Error::<Test>::ProverNotARecipient
		);
		assert_ok!(prove(ATTACKER_PROVIDER, own, 1));
		for _ in 0..15 {
			let id = submit_sealed(ATTACKER_BUILDER, 1_000_000, &[attacker_enclave]).expect("pays");
			assert_ok!(dispatch_as(
				ATTACKER_BUILDER,
				pallet_burn::Call::cancel_build { build_id: id }
			));
		}
		close_epoch();
		check_invariants();
		claim_all(ATTACKER_PROVIDER);
		claim_all(HONEST_PROVIDER);
		check_invariants();

		let record = record(first_epoch);
		assert_eq!(record.proven_burn, 10_100, "only the two proven builds count");
		let attacker_end = wealth_of(&ATTACKER);
		assert!(attacker_end < attacker_start, "the sealed wash must lose");
		assert_eq!(attacker_start - attacker_end, 100 - 90);
		assert_eq!(wealth(HONEST_PROVIDER) - honest_start, 9_000);
	});
}

/// A stolen hot key: whoever signs for the provider's account (its `Provider` proxy, which
/// may accept and release) takes and releases the largest build twenty times over. Each
/// release burns a bond, but the cold account loses at most the bond allowance it set; then
/// every accept is refused until the cold key raises it. The builder cancels for a full
/// refund, and an honest provider still takes and proves the build.
#[test]
fn a_stolen_hot_key_burns_at_most_the_bond_allowance() {
	world().build().execute_with(|| {
		let units = <Test as pallet_burn::Config>::MaxUnitsPerBuild::get();
		let build = submit(HONEST_BUILDER, units).expect("can pay");
		let bond = Burn::bond_for(units as Balance * GENESIS_PRICE);
		let allowance = 2 * bond + bond / 2;
		assert_ok!(dispatch_as(
			ATTACKER_PROVIDER,
			pallet_burn::Call::set_bond_allowance { allowance }
		));
		let start = wealth(ATTACKER_PROVIDER);
		let mut refused = 0;
		for _ in 0..20 {
			match accept(ATTACKER_PROVIDER, build) {
				Ok(()) => {
					assert_ok!(dispatch_as(
						ATTACKER_PROVIDER,
						pallet_burn::Call::release_build { build_id: build }
					));
				}
				Err(error) => {
					assert_eq!(error, pallet_burn::Error::<Test>::BondAllowanceExceeded.into());
					refused += 1;
				}
			}
		}
		let lost = start - wealth(ATTACKER_PROVIDER);
		assert_eq!((lost, refused), (2 * bond, 18));
		assert!(lost <= allowance, "the cold account loses at most its allowance");
		check_invariants();

		assert_ok!(accept(HONEST_PROVIDER, build));
		assert_ok!(prove(HONEST_PROVIDER, build, units));
		check_invariants();
	});
}

/// Governance stops trusting an honest provider's enclave while it holds a build: the
/// provider releases it and gets its bond back, and the build reopens for others. A provider
/// that makes itself unable to prove (deregisters its own enclave) to escape a bond it would
/// lose cannot use this: its release burns the bond.
#[test]
fn a_revocation_returns_the_bond_but_deregistering_oneself_does_not() {
	world().build().execute_with(|| {
		// The attacker deregisters its only enclave while holding a build.
		let escape = submit(HONEST_BUILDER, 1_000).expect("can pay");
		let bond = Burn::bond_for(1_000 * GENESIS_PRICE);
		assert_ok!(accept(ATTACKER_PROVIDER, escape));
		let attacker_before = wealth(ATTACKER_PROVIDER);
		assert_ok!(dispatch_as(
			ATTACKER_PROVIDER,
			pallet_attestation::Call::deregister_enclave {
				enclave_key: enclave_key(ATTACKER_PROVIDER, 0)
			}
		));
		assert_ok!(dispatch_as(
			ATTACKER_PROVIDER,
			pallet_burn::Call::release_build { build_id: escape }
		));
		assert_eq!(attacker_before - wealth(ATTACKER_PROVIDER), bond, "the bond burned");

		// Governance revokes the measurement the honest provider's enclave runs.
		let revoked = submit(HONEST_BUILDER, 1_000).expect("can pay");
		assert_ok!(accept(HONEST_PROVIDER, revoked));
		let honest_before = wealth(HONEST_PROVIDER);
		assert_ok!(dispatch_root(pallet_attestation::Call::revoke_measurement {
			id: dev_measurement().id()
		}));
		assert_noop!(
			prove(HONEST_PROVIDER, revoked, 1_000),
			pallet_attestation::Error::<Test>::MeasurementRevoked
		);
		assert_ok!(dispatch_as(
			HONEST_PROVIDER,
			pallet_burn::Call::release_build { build_id: revoked }
		));
		assert_eq!(wealth(HONEST_PROVIDER), honest_before, "the bond came back");
		assert_eq!(
			Burn::build_view(revoked).map(|b| b.state),
			Some(azra_primitives::BuildState::Open)
		);
		check_invariants();
	});
}
