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

mod attacks;
mod budget;
mod claim_rewards;
mod genesis_and_epochs;
mod parameters;
mod read_helpers;
mod refunds;
mod retention;
mod scenario;
mod submit_work;
