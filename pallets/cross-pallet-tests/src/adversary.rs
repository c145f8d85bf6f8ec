//! The adversary suite: a coalition of accounts owned by one person tries to end up with
//! more AZRA than it started with, by any sequence of the calls it can make, while
//! governance moves every parameter anywhere its bounds and step limits let it, and revokes
//! and restores the platform every sybil's enclave runs on. The coalition's calls include
//! sealed builds, bond allowances (a hot key is the account itself here) and deregistering
//! its own enclaves to escape a bond.
//!
//! The coalition is every account on the chain: two builders, four sybil providers whose
//! enclaves all come from the one dev platform, and a spare account that starts empty. Its
//! calls go through the runtime's call filter, as transactions would. After every step:
//! the issuance equation and every pallet's `try_state` hold, and a failed call changed no
//! state. At the end every refund is reclaimed and every reward claimed, and the coalition
//! must not be richer than at the start (there are no fees in this mock, so "not richer"
//! is exact; on a chain the coalition also pays its fees).

use crate::mock::*;
use azra_primitives::{BuildId, BuildState, Units};
use frame_support::BoundedVec;
use pallet_mint::MintParameters;
use proptest::prelude::*;
use sp_runtime::{FixedU128, Perbill};
use std::{cell::RefCell, collections::BTreeMap};

const BUILDERS: [AccountId; 2] = [1, 2];
const SYBILS: [AccountId; 4] = [11, 12, 13, 14];
const SPARE: AccountId = 21;
const COALITION: [AccountId; 7] = [1, 2, 11, 12, 13, 14, 21];
const BUILDER_FUNDS: Balance = 1_000_000_000;
const SYBIL_FUNDS: Balance = 100_000_000;

thread_local! {
	/// The newest enclave generation each sybil has registered.
	static GENERATION: RefCell<BTreeMap<AccountId, u8>> = const { RefCell::new(BTreeMap::new()) };
}

fn generation(provider: AccountId) -> u8 {
	GENERATION.with(|g| g.borrow().get(&provider).copied().unwrap_or(0))
}

/// Which way governance moves a parameter.
#[derive(Debug, Clone, Copy)]
enum Direction {
	Up,
	Down,
}

/// One step of the coalition (or of governance). A `build` is counted back from the
/// newest build (0 is the newest), so that steps keep meeting builds that exist.
#[derive(Debug, Clone)]
enum Step {
	Submit {
		builder: usize,
		units: Units,
	},
	/// A build sealed to a sybil's current enclave.
	SubmitSealed {
		builder: usize,
		units: Units,
		sybil: usize,
	},
	/// A sybil sets its bond allowance (the cold key; its hot key is the same account here).
	SetAllowance {
		sybil: usize,
		allowance: Balance,
	},
	/// A sybil deregisters its current enclave, say to escape a bond.
	Deregister {
		sybil: usize,
	},
	/// Governance revokes the one dev platform every sybil's enclave runs on, or restores it.
	RevokePlatform,
	RestorePlatform,
	Cancel {
		builder: usize,
		build: BuildId,
	},
	Reclaim {
		builder: usize,
		build: BuildId,
	},
	Accept {
		sybil: usize,
		build: BuildId,
	},
	Release {
		sybil: usize,
		build: BuildId,
	},
	Prove {
		build: BuildId,
		used_percent: u64,
	},
	Forge {
		build: BuildId,
	},
	Claim {
		sybil: usize,
		back: u32,
	},
	Transfer {
		from: usize,
		to: usize,
		amount: Balance,
		keep_alive: bool,
	},
	Drain {
		from: usize,
		to: usize,
	},
	BalancesBurn {
		who: usize,
		amount: Balance,
	},
	Reregister {
		sybil: usize,
	},
	Ratio(Direction),
	Ceiling(Direction),
	Price(Direction),
	EpochLength(Direction),
	Advance {
		blocks: u64,
	},
}

impl Step {
	/// The step with its relative build reference turned into a build id.
	fn resolved(mut self) -> Self {
		match &mut self {
			Step::Cancel { build, .. }
			| Step::Reclaim { build, .. }
			| Step::Accept { build, .. }
			| Step::Release { build, .. }
			| Step::Prove { build, .. }
			| Step::Forge { build } => *build = recent(*build),
			_ => {}
		}
		self
	}

	/// Steps made of several calls, or of none, whose partial success is legitimate.
	fn is_compound(&self) -> bool {
		matches!(self, Step::Advance { .. } | Step::Reregister { .. })
	}
}

fn direction() -> impl Strategy<Value = Direction> {
	prop_oneof![Just(Direction::Up), Just(Direction::Down)]
}

fn step() -> impl Strategy<Value = Step> {
	let build = prop_oneof![4 => 0u64..3, 1 => 0u64..16];
	prop_oneof![
		6 => (0usize..2, prop_oneof![1u64..100, 1_000u64..1_000_000])
			.prop_map(|(builder, units)| Step::Submit { builder, units }),
		2 => (0usize..2, prop_oneof![1u64..100, 1_000u64..1_000_000], 0usize..4)
			.prop_map(|(builder, units, sybil)| Step::SubmitSealed { builder, units, sybil }),
		1 => (0usize..4, prop_oneof![0u64..100, 1_000u64..10_000_000])
			.prop_map(|(sybil, allowance)| Step::SetAllowance { sybil, allowance }),
		1 => (0usize..4).prop_map(|sybil| Step::Deregister { sybil }),
		1 => Just(Step::RevokePlatform),
		1 => Just(Step::RestorePlatform),
		3 => (0usize..2, build.clone()).prop_map(|(builder, build)| Step::Cancel { builder, build }),
		2 => (0usize..2, build.clone()).prop_map(|(builder, build)| Step::Reclaim { builder, build }),
		5 => (0usize..4, build.clone()).prop_map(|(sybil, build)| Step::Accept { sybil, build }),
		2 => (0usize..4, build.clone()).prop_map(|(sybil, build)| Step::Release { sybil, build }),
		5 => (build.clone(), 1u64..=100).prop_map(|(build, used_percent)| Step::Prove { build, used_percent }),
		1 => build.clone().prop_map(|build| Step::Forge { build }),
		3 => (0usize..4, 1u32..4).prop_map(|(sybil, back)| Step::Claim { sybil, back }),
		2 => (0usize..7, 0usize..7, prop_oneof![1u64..10, 1_000u64..10_000_000], any::<bool>())
			.prop_map(|(from, to, amount, keep_alive)| Step::Transfer { from, to, amount, keep_alive }),
		1 => (0usize..7, 0usize..7).prop_map(|(from, to)| Step::Drain { from, to }),
		1 => (0usize..7, 1u64..1_000_000).prop_map(|(who, amount)| Step::BalancesBurn { who, amount }),
		1 => (0usize..4).prop_map(|sybil| Step::Reregister { sybil }),
		2 => direction().prop_map(Step::Ratio),
		1 => direction().prop_map(Step::Ceiling),
		1 => direction().prop_map(Step::Price),
		1 => direction().prop_map(Step::EpochLength),
		4 => (1u64..8).prop_map(|blocks| Step::Advance { blocks }),
	]
}

/// `value` moved one full step (10%) in `direction`, kept within `[min, max]`.
fn moved(value: u128, direction: Direction, min: u128, max: u128) -> u128 {
	let step = Perbill::from_percent(10).mul_floor(value);
	match direction {
		Direction::Up => value.saturating_add(step).min(max),
		Direction::Down => value.saturating_sub(step).max(min),
	}
}

fn set_parameters(change: impl FnOnce(&mut MintParameters<Balance, u64>)) -> bool {
	let mut parameters = pallet_mint::Parameters::<Test>::get();
	change(&mut parameters);
	dispatch_root(pallet_mint::Call::set_parameters { parameters }).is_ok()
}

/// The id of the build `back` builds before the newest (wrapping), if any exists.
fn recent(back: BuildId) -> BuildId {
	let next = pallet_burn::Ledger::<Test>::get().next_build_id;
	next.saturating_sub(1 + back % next.max(1))
}

/// Runs `step`; returns whether it succeeded.
fn run(step: &Step) -> bool {
	match step.clone().resolved() {
		Step::Submit { builder, units } => submit(BUILDERS[builder], units).is_ok(),
		Step::SubmitSealed { builder, units, sybil } => {
			let enclave = enclave_key(SYBILS[sybil], generation(SYBILS[sybil]));
			submit_sealed(BUILDERS[builder], units, &[enclave]).is_ok()
		}
		Step::SetAllowance { sybil, allowance } => {
			dispatch_as(SYBILS[sybil], pallet_burn::Call::set_bond_allowance { allowance }).is_ok()
		}
		Step::Deregister { sybil } => dispatch_as(
			SYBILS[sybil],
			pallet_attestation::Call::deregister_enclave {
				enclave_key: enclave_key(SYBILS[sybil], generation(SYBILS[sybil])),
			},
		)
		.is_ok(),
		Step::RevokePlatform => dispatch_root(pallet_attestation::Call::revoke_platform {
			tee_type: pallet_attestation::TeeType::Sgx,
			fmspc: azra_dev_pki::DEV_FMSPC,
		})
		.is_ok(),
		Step::RestorePlatform => dispatch_root(pallet_attestation::Call::restore_platform {
			tee_type: pallet_attestation::TeeType::Sgx,
			fmspc: azra_dev_pki::DEV_FMSPC,
		})
		.is_ok(),
		Step::Cancel { builder, build } => {
			dispatch_as(BUILDERS[builder], pallet_burn::Call::cancel_build { build_id: build })
				.is_ok()
		}
		Step::Reclaim { builder, build } => {
			dispatch_as(BUILDERS[builder], pallet_burn::Call::reclaim_expired { build_id: build })
				.is_ok()
		}
		Step::Accept { sybil, build } => accept(SYBILS[sybil], build).is_ok(),
		Step::Release { sybil, build } => {
			dispatch_as(SYBILS[sybil], pallet_burn::Call::release_build { build_id: build }).is_ok()
		}
		Step::Prove { build, used_percent } => {
			let Some(provider) = assigned_to(build) else { return false };
			let units = Burn::build_view(build).map(|b| b.units).unwrap_or(1);
			let used = (units * used_percent / 100).max(1);
			prove_with(provider, generation(provider), build, used).is_ok()
		}
		Step::Forge { build } => {
			let Some(provider) = assigned_to(build) else { return false };
			let units = Burn::build_view(build).map(|b| b.units).unwrap_or(1);
			let proof = work_proof(provider, generation(provider), build, units, true);
			let forged = dispatch_as(
				provider,
				pallet_mint::Call::submit_work {
					build_id: build,
					output_hash: sp_core::H256::repeat_byte(0xAB),
					units_used: units,
					proof,
				},
			);
			assert!(forged.is_err(), "a forged proof was accepted for build {build}");
			false
		}
		Step::Claim { sybil, back } => {
			let Some(epoch) = Mint::current_epoch().checked_sub(back) else { return false };
			dispatch_as(
				SYBILS[sybil],
				pallet_mint::Call::claim_rewards {
					epochs: BoundedVec::try_from(vec![epoch]).expect("one fits"),
				},
			)
			.is_ok()
		}
		Step::Transfer { from, to, amount, keep_alive } => {
			let dest = COALITION[to];
			let call = if keep_alive {
				pallet_balances::Call::transfer_keep_alive { dest, value: amount }
			} else {
				pallet_balances::Call::transfer_allow_death { dest, value: amount }
			};
			dispatch_as(COALITION[from], call).is_ok()
		}
		Step::Drain { from, to } => dispatch_as(
			COALITION[from],
			pallet_balances::Call::transfer_all { dest: COALITION[to], keep_alive: false },
		)
		.is_ok(),
		Step::BalancesBurn { who, amount } => {
			let burned = dispatch_as(
				COALITION[who],
				pallet_balances::Call::burn { value: amount, keep_alive: false },
			);
			assert_eq!(
				burned,
				Err(frame_system::Error::<Test>::CallFiltered.into()),
				"Balances::burn must be filtered for every signed account"
			);
			false
		}
		Step::Reregister { sybil } => {
			let provider = SYBILS[sybil];
			let next = generation(provider).wrapping_add(1);
			let registered = register(provider, next).is_ok();
			if registered {
				GENERATION.with(|g| g.borrow_mut().insert(provider, next));
			}
			registered
		}
		Step::Ratio(direction) => set_parameters(|p| {
			let ratio = moved(
				p.ratio.into_inner(),
				direction,
				MinRatio::get().into_inner(),
				MaxRatio::get().into_inner(),
			);
			p.ratio = FixedU128::from_inner(ratio);
		}),
		Step::Ceiling(direction) => set_parameters(|p| {
			p.ceiling = moved(
				p.ceiling.into(),
				direction,
				MinCeiling::get().into(),
				MaxCeiling::get().into(),
			) as Balance;
		}),
		Step::EpochLength(direction) => set_parameters(|p| {
			p.epoch_length = moved(
				p.epoch_length.into(),
				direction,
				MinEpochLength::get().into(),
				MaxEpochLength::get().into(),
			) as u64;
		}),
		Step::Price(direction) => {
			let price = moved(
				Burn::price_per_unit().into(),
				direction,
				MinPricePerUnit::get().into(),
				MaxPricePerUnit::get().into(),
			) as Balance;
			dispatch_root(pallet_burn::Call::set_price_per_unit { new: price }).is_ok()
		}
		Step::Advance { blocks } => {
			advance(blocks);
			true
		}
	}
}

/// Gives `who` the existential deposit from the richest member of the coalition if its
/// account is gone, so that a refund or reward below the deposit can be minted to it. A
/// move inside the coalition: its wealth does not change.
fn revive(who: AccountId) {
	if wealth(who) > 0 {
		return;
	}
	let richest = COALITION.into_iter().max_by_key(|a| wealth(*a)).expect("not empty");
	dispatch_as(
		richest,
		pallet_balances::Call::transfer_keep_alive { dest: who, value: EXISTENTIAL_DEPOSIT },
	)
	.expect("the richest coalition member can spare the existential deposit");
}

/// The end of the game: the coalition collects everything it is owed — every refund it
/// can reclaim and every reward it can claim.
fn collect_everything() {
	// Past every deadline and expiry of builds submitted so far.
	advance(BuildLifetime::get() + AssignmentPeriod::get() + 1);
	for builder in BUILDERS {
		revive(builder);
		let live: Vec<BuildId> = pallet_burn::Builds::<Test>::iter()
			.filter(|(_, b)| {
				b.builder == builder
					&& !b.refunded && !matches!(b.state, BuildState::Completed { .. })
			})
			.map(|(id, _)| id)
			.collect();
		for build in live {
			dispatch_as(builder, pallet_burn::Call::reclaim_expired { build_id: build })
				.expect("every live build is expired by now and can be reclaimed");
		}
	}
	close_epoch();
	for sybil in SYBILS {
		revive(sybil);
		claim_all(sybil);
	}
}

fn new_game() -> sp_io::TestExternalities {
	GENERATION.with(|g| g.borrow_mut().clear());
	let mut balances: Vec<(AccountId, Balance)> =
		BUILDERS.iter().map(|b| (*b, BUILDER_FUNDS)).collect();
	balances.extend(SYBILS.iter().map(|s| (*s, SYBIL_FUNDS)));
	ExtBuilder::new(&balances, &SYBILS).build()
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

	/// Whatever the coalition and governance do, the invariants hold after every step,
	/// failed calls change nothing, and the coalition ends no richer than it started.
	#[test]
	fn a_coalition_dealing_with_itself_never_ends_richer(
		steps in proptest::collection::vec(step(), 1..60)
	) {
		new_game().execute_with(|| {
			let start = wealth_of(&COALITION);
			let genesis_issuance = issuance();
			check_invariants();
			for step in &steps {
				let before = storage_root();
				let events = System::event_count();
				let succeeded = run(step);
				if !succeeded && !step.is_compound() {
					prop_assert_eq!(storage_root(), before, "failed {:?} changed state", step);
					prop_assert_eq!(System::event_count(), events, "failed {:?} left events", step);
				}
				check_invariants();
			}
			collect_everything();
			check_invariants();
			let end = wealth_of(&COALITION);
			prop_assert!(end <= start, "the coalition gained {} AZRA", end - start);
			prop_assert!(issuance() <= genesis_issuance, "issuance rose without outside burn");
			Ok(())
		})?;
	}
}

/// The generators reach every part of the game: work is proven and paid, refunds and
/// bond burns happen, governance moves, the filter bites, and re-registration works.
#[test]
fn the_game_reaches_minting_refunds_bonds_and_governance() {
	new_game().execute_with(|| {
		let start = wealth_of(&COALITION);
		// Each step acts on the newest build (`build: 0`).
		let script = [
			Step::Submit { builder: 0, units: 100 },
			Step::Accept { sybil: 0, build: 0 },
			Step::Forge { build: 0 },
			Step::Prove { build: 0, used_percent: 50 },
			Step::Submit { builder: 1, units: 500_000 },
			Step::Accept { sybil: 1, build: 0 },
			Step::Release { sybil: 1, build: 0 },
			Step::Cancel { builder: 1, build: 0 },
			Step::Ratio(Direction::Up),
			Step::Price(Direction::Down),
			Step::Reregister { sybil: 2 },
			Step::Submit { builder: 0, units: 10 },
			Step::Accept { sybil: 2, build: 0 },
			Step::Prove { build: 0, used_percent: 100 },
			Step::Transfer { from: 2, to: 6, amount: 7, keep_alive: false },
			Step::Transfer { from: 6, to: 3, amount: 4, keep_alive: false },
		];
		let expected = [
			true, true, false, true, true, true, true, true, true, true, true, true, true, true,
			true, true,
		];
		for (step, expected) in script.iter().zip(expected) {
			assert_eq!(run(step), expected, "{step:?}");
			check_invariants();
		}
		assert!(!run(&Step::BalancesBurn { who: 0, amount: 1 }));
		// The spare account was reaped with 3 AZRA of dust, booked as burned.
		assert_eq!(wealth(SPARE), 0);
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Burn(pallet_burn::Event::BurnBooked { amount: 3 })
		)));
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Burn(pallet_burn::Event::BondForfeited { .. })
		)));
		collect_everything();
		check_invariants();
		let totals = Mint::supply_totals();
		assert!(totals.minted > 0, "work was paid");
		assert!(totals.refunded > 0, "refunds happened");
		assert!(wealth_of(&COALITION) < start, "the coalition lost");
	});
}
