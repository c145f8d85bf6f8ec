//! The built-in scenarios, run briefly, and the economic claims docs/economics.md makes
//! about them.

use super::{
	economy::{run, EpochRow, Outcome},
	report::{checks, csv, CSV_HEADER},
	scenario::{
		builtin, Attacker, DemandChange, GovernanceMove, Providers, Scenario, Sweep, BUILTIN,
	},
};
use azra_runtime::UNIT;

/// Built-in `name`, cut to `epochs`.
fn short(name: &str, epochs: u32) -> Scenario {
	let mut scenario = builtin(name).expect("a built-in");
	scenario.epochs = epochs;
	scenario
}

fn simulate(scenario: &Scenario) -> Outcome {
	run(scenario, |_| {}).unwrap_or_else(|e| panic!("{}: {e}", scenario.name))
}

fn assert_checks_hold(outcome: &Outcome) {
	for (claim, holds) in checks(outcome) {
		assert!(holds, "{}: {claim}", outcome.scenario.name);
	}
}

#[test]
fn steady_demand_pays_providers_the_ratio_of_proven_burn_and_adds_up() {
	let outcome = simulate(&short("steady", 6));
	assert_checks_hold(&outcome);
	assert_eq!(outcome.rows.len(), 6);
	for row in &outcome.rows {
		assert_eq!(row.builds_submitted, 20, "epoch {}", row.epoch);
		// 20 builds of 1,000 units at 1 mAZRA: 20 AZRA burned, 90% of it used and proven.
		assert_eq!(row.burned, 20 * UNIT, "epoch {}", row.epoch);
		assert_eq!(row.proven_burn, 18 * UNIT, "epoch {}", row.epoch);
		assert_eq!(row.refunded, 2 * UNIT, "unused units come back");
		// The dev ratio is 0.9; a few plancks of rounding dust per provider stay unminted.
		let budget = 18 * UNIT * 9 / 10;
		assert_eq!(row.budget, budget);
		assert!(row.minted <= budget && budget - row.minted < 10, "minted {}", row.minted);
		assert_eq!(row.providers_paid, 5, "every provider worked and was paid");
		assert!(row.net_emission < 0, "steady use shrinks supply");
	}
	// The CSV has a line per epoch and its figures are the rows'.
	let text = csv(&outcome);
	let lines: Vec<_> = text.lines().collect();
	assert_eq!(lines[0], CSV_HEADER);
	assert_eq!(lines.len(), 7);
	assert!(lines[1].starts_with("0,20,20.000000000000,18.000000000000,"), "{}", lines[1]);
	assert!(
		lines[1].contains(",false,0.900000000000000000,1000000.000000000000,5,"),
		"{}",
		lines[1]
	);
}

#[test]
fn claiming_every_few_epochs_pays_the_same_as_every_epoch() {
	let every = simulate(&short("steady", 5));
	let mut scenario = short("steady", 5);
	scenario.providers.claim_every = 3;
	let batched = simulate(&scenario);
	assert_checks_hold(&batched);
	// Supply at an epoch's end differs while rewards wait to be claimed; records do not.
	let same_supply =
		|r: &EpochRow| EpochRow { supply: every.rows[r.epoch as usize].supply, ..r.clone() };
	let batched_rows: Vec<EpochRow> = batched.rows.iter().map(same_supply).collect();
	assert_eq!(batched_rows, every.rows);
	assert_eq!(every.end_issuance, batched.end_issuance);
	assert!(batched.extrinsics < every.extrinsics);
}

#[test]
fn after_a_crash_minting_falls_with_proven_burn() {
	let mut scenario = short("crash", 10);
	scenario.demand.changes =
		vec![DemandChange { epoch: 5, scale: Some(0.4), for_epochs: None, growth: None }];
	let outcome = simulate(&scenario);
	assert_checks_hold(&outcome);
	let (before, after) = (&outcome.rows[4], &outcome.rows[6]);
	assert_eq!(before.builds_submitted, 30);
	assert_eq!(after.builds_submitted, 12);
	assert!(after.proven_burn * 10 <= before.proven_burn * 4 + 1);
	// Minted falls in the same proportion as proven burn: no floor keeps paying.
	let minted_ratio = after.minted as f64 / before.minted as f64;
	let proven_ratio = after.proven_burn as f64 / before.proven_burn as f64;
	assert!((minted_ratio - proven_ratio).abs() < 1e-6, "{minted_ratio} vs {proven_ratio}");
}

#[test]
fn a_self_dealer_ends_poorer_by_at_least_a_twentieth_of_what_it_pushed_through() {
	let mut scenario = short("self-dealer", 8);
	scenario.attackers = vec![Attacker::SelfDealer {
		providers: 1,
		builds_per_epoch: 10,
		units_per_build: 1_000,
		from_epoch: 1,
	}];
	// Even at the highest ratio governance can reach.
	scenario.genesis.ratio = Some(0.95);
	let outcome = simulate(&scenario);
	assert_checks_hold(&outcome);
	// In each of 7 epochs it burned 10 AZRA and proved 90% of the units, so 9 AZRA of
	// proven burn; 95% of that came back at most, the unused units as refunds, the rest
	// and every fee are lost.
	let pushed = 7 * 9 * UNIT;
	let loss = outcome.attacker_start - outcome.attacker_end;
	assert!(loss >= pushed / 20, "lost {loss}, pushed {pushed}");
	let last = outcome.rows.last().unwrap();
	assert!(last.attacker_holdings < outcome.attacker_start);
	assert_eq!(outcome.attacker_builds, 70);
}

#[test]
fn a_sybil_swarm_loses_and_does_not_dilute_honest_providers() {
	let honest_only = simulate(&short("steady", 6));
	let swarm = {
		let mut scenario = short("sybil-swarm", 6);
		scenario.attackers = vec![Attacker::SelfDealer {
			providers: 8,
			builds_per_epoch: 16,
			units_per_build: 500,
			from_epoch: 0,
		}];
		simulate(&scenario)
	};
	assert_checks_hold(&swarm);
	assert!(swarm.attacker_end < swarm.attacker_start);
	// Shares follow proven burn, so the swarm's builds take nothing from honest work.
	assert_eq!(honest_only.honest_rewards, swarm.honest_rewards);
	assert!(swarm.honest_rewards > 0);
}

#[test]
fn a_ceiling_caps_the_budget_and_a_higher_ratio_mints_more() {
	let sweep = builtin("ratio-sweep").unwrap();
	let runs: Vec<Outcome> = sweep
		.expand()
		.into_iter()
		.filter(|r| r.name.ends_with("ratio-0.5") || r.name.ends_with("ceiling-2"))
		.map(|mut r| {
			r.epochs = 4;
			simulate(&r)
		})
		.collect();
	let (half, capped) = (&runs[0], &runs[1]);
	for outcome in &runs {
		assert_checks_hold(outcome);
	}
	for (h, c) in half.rows.iter().zip(&capped.rows) {
		assert_eq!(h.proven_burn, c.proven_burn, "same work either way");
		assert!(c.capped && c.budget == 2 * UNIT, "the 2 AZRA ceiling binds: {c:?}");
		assert!(!h.capped);
		assert!(h.budget <= h.proven_burn / 2 + 1 && h.budget + 1 >= h.proven_burn / 2);
	}
}

#[test]
fn governance_moves_are_bounded_per_epoch() {
	let mut scenario = short("steady", 4);
	scenario.governance = vec![
		GovernanceMove { epoch: 1, ratio: Some(0.85), ceiling: None, price_per_unit: None },
		GovernanceMove { epoch: 2, ratio: Some(0.3), ceiling: None, price_per_unit: None },
	];
	let outcome = simulate(&scenario);
	assert_checks_hold(&outcome);
	assert!(outcome.governance[0].contains("applied"), "{:?}", outcome.governance);
	assert!(outcome.governance[1].contains("refused"), "{:?}", outcome.governance);
	let budget_of = |row: usize| {
		let r = &outcome.rows[row];
		r.budget as f64 / r.proven_burn as f64
	};
	assert!((budget_of(0) - 0.9).abs() < 1e-9);
	assert!((budget_of(3) - 0.85).abs() < 1e-9, "the refused move changed nothing");
}

#[test]
fn every_builtin_runs_a_few_epochs_and_its_checks_hold() {
	for name in BUILTIN.iter().filter(|n| !["scale", "ratio-sweep"].contains(n)) {
		let mut scenario = short(name, 6);
		// Attackers start early enough to act within the few epochs.
		for Attacker::SelfDealer { from_epoch, .. } in &mut scenario.attackers {
			*from_epoch = 1;
		}
		let outcome = simulate(&scenario);
		assert_checks_hold(&outcome);
		assert_eq!(outcome.rows.len(), 6, "{name}");
		assert_eq!(outcome.attacker_builds > 0, !scenario.attackers.is_empty(), "{name}");
	}
}

#[test]
fn builds_nobody_takes_expire_and_go_back_to_their_builders() {
	let mut scenario = short("steady", 70);
	// One provider proves one build an epoch; twenty are asked for, and it takes the
	// oldest first. Builds live 600 blocks (60 epochs): from about epoch 65 the oldest
	// waiting ones expire, and their builders reclaim them.
	scenario.providers = Providers { count: 1, capacity_per_epoch: 1_000, claim_every: 1 };
	scenario.demand.builds_per_epoch = 20.0;
	scenario.demand.utilization = 1.0;
	let outcome = simulate(&scenario);
	assert_checks_hold(&outcome);
	let refunded = |rows: &[EpochRow]| rows.iter().map(|r| r.refunded).sum::<u128>();
	assert_eq!(refunded(&outcome.rows[..60]), 0, "every unit used, nothing expired yet");
	assert!(refunded(&outcome.rows[64..]) >= 19 * UNIT, "expired builds come back in full");
	// The backlog grew by 19 an epoch; once builds expire it stops growing.
	let (before, after) = (outcome.rows[55].backlog, outcome.rows[69].backlog);
	assert!(after < before + 14 * 19, "backlog {before} → {after}");
}

#[test]
fn scenario_files_outside_the_runtimes_bounds_are_refused_before_running() {
	let good = short("steady", 4);
	let refused = |change: &dyn Fn(&mut Scenario), field: &str| {
		let mut scenario = good.clone();
		change(&mut scenario);
		let error = scenario.validate().expect_err(field);
		assert!(error.contains(field), "{field}: {error}");
	};
	refused(&|s| s.genesis.ratio = Some(1.0), "ratio");
	refused(&|s| s.genesis.ratio = Some(0.05), "ratio");
	refused(&|s| s.genesis.ceiling = Some(0.5), "ceiling");
	refused(&|s| s.genesis.price_per_unit = Some(2.0), "price_per_unit");
	refused(&|s| s.demand.units_per_build = 2_000_000, "units_per_build");
	refused(&|s| s.providers.capacity_per_epoch = 10, "capacity_per_epoch");
	refused(&|s| s.providers.count = 1_001, "providers");
	refused(&|s| s.providers.claim_every = 17, "claim_every");
	refused(&|s| s.epochs = 1_401, "epochs");
	refused(&|s| s.demand.builds_per_epoch = 20_000.0, "builds");
	refused(
		&|s| {
			s.demand.changes =
				vec![DemandChange { epoch: 1, scale: Some(2.0), for_epochs: Some(0), growth: None }]
		},
		"for_epochs",
	);
	refused(
		&|s| {
			s.demand.changes =
				vec![DemandChange { epoch: 1, scale: None, for_epochs: Some(2), growth: None }]
		},
		"for_epochs",
	);
	refused(&|s| s.sweep = Some(Sweep { ratio: vec![], ceiling: vec![] }), "sweep");
	refused(&|s| s.sweep = Some(Sweep { ratio: vec![0.5, 0.99], ceiling: vec![] }), "ratio");
	good.validate().unwrap();
}
