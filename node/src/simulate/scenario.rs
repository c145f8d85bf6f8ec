//! Scenarios: what a simulation runs, as a small declarative JSON file.
//!
//! A scenario names the demand of builders over time, the honest providers and their
//! capacity, any attackers, and governance moves. [`builtin`] holds the set the docs plot;
//! `azra-node simulate --print <name>` writes one out as a starting point for your own.

use azra_primitives::Units;
use azra_runtime::{Balance, Runtime, UNIT};
use frame_support::traits::Get;
use serde::{Deserialize, Serialize};
use sp_runtime::FixedU128;

/// The most epochs a run may span: enclaves re-attest daily, and the dev chain's day is
/// 1,440 epochs; longer runs would measure re-attestation, not the economy.
pub const MAX_EPOCHS: u32 = 1_400;

/// The most builds any epoch may ask for (honest and attackers' together), builder
/// accounts, and provider accounts: bounds on the simulator's memory and time, far above
/// what the built-ins use.
pub const MAX_BUILDS_PER_EPOCH: u32 = 10_000;
/// See [`MAX_BUILDS_PER_EPOCH`].
pub const MAX_BUILDERS: u32 = 10_000;
/// See [`MAX_BUILDS_PER_EPOCH`]. Every provider registers in the warm-up.
pub const MAX_PROVIDERS: u32 = 1_000;

/// One economy to run, epoch after epoch.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
	/// Short name: used for output file names (`<name>.csv`, `<name>-supply.svg`, …).
	pub name: String,
	/// One sentence on what the scenario shows.
	#[serde(default)]
	pub description: String,
	/// Epochs to run (dev chain: 10 blocks each), at most [`MAX_EPOCHS`].
	pub epochs: u32,
	/// Genesis values that differ from the dev preset's.
	#[serde(default)]
	pub genesis: GenesisOverrides,
	/// What builders submit.
	pub demand: Demand,
	/// The honest providers.
	pub providers: Providers,
	/// Coalitions trying to profit from the rules.
	#[serde(default)]
	pub attackers: Vec<Attacker>,
	/// Parameter changes dispatched as Root, as enacted council decisions are; moves at or
	/// after `epochs` do not happen.
	#[serde(default)]
	pub governance: Vec<GovernanceMove>,
	/// Run the scenario once per listed value instead of once: a parameter sweep.
	#[serde(default)]
	pub sweep: Option<Sweep>,
}

/// Genesis values of the mint and burn pallets; absent ones keep the dev preset's.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GenesisOverrides {
	/// Budget per unit of proven burn, within the runtime's bounds (0.1 to 0.95).
	pub ratio: Option<f64>,
	/// The most an epoch may pay out, in AZRA (1 to 1,000,000).
	pub ceiling: Option<f64>,
	/// Price of one compute unit, in AZRA (10⁻⁹ to 1).
	pub price_per_unit: Option<f64>,
}

/// Builders' demand: builds per epoch, as a level that grows and jumps.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Demand {
	/// Builder accounts the demand is spread over.
	pub builders: u32,
	/// Builds submitted in the first epoch.
	pub builds_per_epoch: f64,
	/// Units each build asks for (at most the runtime's `MaxUnitsPerBuild`, 1,000,000).
	pub units_per_build: Units,
	/// Relative growth of the level per epoch (0.02 is 2% an epoch).
	#[serde(default)]
	pub growth: f64,
	/// Share of the requested units a build really uses; the rest is refunded.
	#[serde(default = "all_units")]
	pub utilization: f64,
	/// Changes of the level or growth from a given epoch on.
	#[serde(default)]
	pub changes: Vec<DemandChange>,
}

fn all_units() -> f64 {
	1.0
}

/// A change of demand at `epoch`: the level is multiplied by `scale` (for `for_epochs`
/// epochs only, if given: a spike), and/or the growth becomes `growth`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DemandChange {
	/// First epoch the change applies to.
	pub epoch: u32,
	/// Factor on the level (0.4 is a −60% crash).
	#[serde(default)]
	pub scale: Option<f64>,
	/// With `scale`: the level returns after this many epochs (at least one).
	#[serde(default)]
	pub for_epochs: Option<u32>,
	/// New growth per epoch.
	#[serde(default)]
	pub growth: Option<f64>,
}

/// Honest providers: each registers a dev enclave, takes open builds up to its capacity,
/// proves them and claims its rewards.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Providers {
	/// How many.
	pub count: u32,
	/// Units each can prove per epoch: at least one honest build's.
	pub capacity_per_epoch: Units,
	/// Providers claim every this many epochs, all unclaimed epochs at once (1 to 16).
	#[serde(default = "every_epoch")]
	pub claim_every: u32,
}

fn every_epoch() -> u32 {
	1
}

/// A coalition of accounts owned by one party.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, tag = "kind", rename_all = "snake_case")]
pub enum Attacker {
	/// Submits builds from its own builder account and proves them with its own providers
	/// (a genuine enclave doing the work it paid for itself), hoping the mint pays more
	/// than the burn. With many providers this is a sybil swarm.
	SelfDealer {
		/// Provider accounts, each with its own registered enclave.
		providers: u32,
		/// Builds it pushes through per epoch, spread over its providers.
		builds_per_epoch: u32,
		/// Units per build.
		units_per_build: Units,
		/// First epoch it deals in.
		#[serde(default)]
		from_epoch: u32,
	},
}

/// A Root call at the start of `epoch`. The mint bounds every step (10% per epoch), so a
/// move beyond that fails, and the run reports it.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GovernanceMove {
	/// Epoch whose first block carries the call.
	pub epoch: u32,
	/// New ratio.
	#[serde(default)]
	pub ratio: Option<f64>,
	/// New ceiling, in AZRA.
	#[serde(default)]
	pub ceiling: Option<f64>,
	/// New price per unit, in AZRA.
	#[serde(default)]
	pub price_per_unit: Option<f64>,
}

/// Values to sweep: one run per value, named `<name>-ratio-<value>` or
/// `<name>-ceiling-<value>`.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Sweep {
	/// Genesis ratios to run.
	#[serde(default)]
	pub ratio: Vec<f64>,
	/// Genesis ceilings to run, in AZRA.
	#[serde(default)]
	pub ceiling: Vec<f64>,
}

impl Scenario {
	/// The scenario as the runs it stands for: itself, or one run per swept value.
	pub fn expand(&self) -> Vec<Scenario> {
		let Some(sweep) = &self.sweep else { return vec![self.clone()] };
		let single = |name: String, genesis: GenesisOverrides| Scenario {
			name,
			genesis,
			sweep: None,
			..self.clone()
		};
		let mut runs = Vec::new();
		for ratio in &sweep.ratio {
			let genesis = GenesisOverrides { ratio: Some(*ratio), ..self.genesis.clone() };
			runs.push(single(format!("{}-ratio-{ratio}", self.name), genesis));
		}
		for ceiling in &sweep.ceiling {
			let genesis = GenesisOverrides { ceiling: Some(*ceiling), ..self.genesis.clone() };
			runs.push(single(format!("{}-ceiling-{ceiling}", self.name), genesis));
		}
		runs
	}

	/// Checks what serde cannot: names usable as file names, values the runtime and the
	/// simulator accept. A file that passes runs without a chain error from its own values.
	pub fn validate(&self) -> Result<(), String> {
		let fail = |what: String| Err(format!("scenario `{}`: {what}", self.name));
		if self.name.is_empty()
			|| !self.name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
		{
			return fail("the name must be letters, digits, `-`, `_` or `.`".into());
		}
		if self.epochs == 0 || self.epochs > MAX_EPOCHS {
			return fail(format!("`epochs` must lie between 1 and {MAX_EPOCHS}"));
		}
		self.validate_genesis(&self.genesis).or_else(fail)?;
		if let Some(sweep) = &self.sweep {
			if sweep.ratio.is_empty() && sweep.ceiling.is_empty() {
				return fail("a `sweep` needs at least one `ratio` or `ceiling`".into());
			}
			for run in self.expand() {
				self.validate_genesis(&run.genesis).or_else(fail)?;
			}
		}
		self.validate_demand().or_else(fail)?;
		self.validate_participants().or_else(fail)
	}

	fn validate_genesis(&self, genesis: &GenesisOverrides) -> Result<(), String> {
		type MinRatio = <Runtime as pallet_mint::Config>::MinRatio;
		type MaxRatio = <Runtime as pallet_mint::Config>::MaxRatio;
		type MinCeiling = <Runtime as pallet_mint::Config>::MinCeiling;
		type MaxCeiling = <Runtime as pallet_mint::Config>::MaxCeiling;
		type MinPrice = <Runtime as pallet_burn::Config>::MinPricePerUnit;
		type MaxPrice = <Runtime as pallet_burn::Config>::MaxPricePerUnit;
		if let Some(ratio) = genesis.ratio {
			let (min, max) = (MinRatio::get(), MaxRatio::get());
			if !(ratio.is_finite() && (min..=max).contains(&FixedU128::from_float(ratio))) {
				return Err(format!(
					"`ratio` {ratio} is outside the runtime's bounds {min}..={max}"
				));
			}
		}
		let amount_within = |what: &str, value: Option<f64>, min: Balance, max: Balance| match value
		{
			Some(v) if !(v.is_finite() && (min..=max).contains(&azra(v))) => Err(format!(
				"`{what}` {v} AZRA is outside the runtime's bounds {} ..= {} AZRA",
				min as f64 / UNIT as f64,
				max as f64 / UNIT as f64
			)),
			_ => Ok(()),
		};
		amount_within("ceiling", genesis.ceiling, MinCeiling::get(), MaxCeiling::get())?;
		amount_within("price_per_unit", genesis.price_per_unit, MinPrice::get(), MaxPrice::get())
	}

	fn validate_demand(&self) -> Result<(), String> {
		let demand = &self.demand;
		let max_units = <<Runtime as pallet_burn::Config>::MaxUnitsPerBuild as Get<Units>>::get();
		if demand.builders == 0 || demand.builders > MAX_BUILDERS {
			return Err(format!("`demand.builders` must lie between 1 and {MAX_BUILDERS}"));
		}
		if !(demand.builds_per_epoch >= 0.0 && demand.builds_per_epoch.is_finite()) {
			return Err("`demand.builds_per_epoch` must be a number of at least 0".into());
		}
		if demand.units_per_build == 0 || demand.units_per_build > max_units {
			return Err(format!("`demand.units_per_build` must lie between 1 and {max_units}"));
		}
		if !(demand.utilization > 0.0 && demand.utilization <= 1.0) {
			return Err("`demand.utilization` must lie in (0, 1]".into());
		}
		let growths =
			std::iter::once(demand.growth).chain(demand.changes.iter().filter_map(|c| c.growth));
		if growths.into_iter().any(|g| !(g > -1.0 && g.is_finite())) {
			return Err("growth must be above −1".into());
		}
		for change in &demand.changes {
			match (change.scale, change.for_epochs) {
				(Some(s), _) if !(s >= 0.0 && s.is_finite()) => {
					return Err("`scale` must be at least 0".into())
				}
				(_, Some(0)) => return Err("`for_epochs` must be at least 1".into()),
				(None, Some(_)) => return Err("`for_epochs` needs a `scale`".into()),
				_ => {}
			}
		}
		let attackers: u32 = self
			.attackers
			.iter()
			.map(|Attacker::SelfDealer { builds_per_epoch, .. }| *builds_per_epoch)
			.fold(0u32, u32::saturating_add);
		let busiest = builds_per_epoch(demand, self.epochs).into_iter().max().unwrap_or(0);
		if busiest.saturating_add(attackers) > MAX_BUILDS_PER_EPOCH {
			return Err(format!(
				"an epoch would ask for {} builds; at most {MAX_BUILDS_PER_EPOCH}",
				busiest.saturating_add(attackers)
			));
		}
		Ok(())
	}

	fn validate_participants(&self) -> Result<(), String> {
		let providers = &self.providers;
		let max_claim = <<Runtime as pallet_mint::Config>::MaxEpochsPerClaim as Get<u32>>::get();
		if !(1..=max_claim).contains(&providers.claim_every) {
			return Err(format!("`providers.claim_every` must lie between 1 and {max_claim}"));
		}
		if providers.count > 0 && providers.capacity_per_epoch < self.demand.units_per_build {
			return Err(
				"`providers.capacity_per_epoch` is below one build's units: no build would be taken"
					.into(),
			);
		}
		let max_units = <<Runtime as pallet_burn::Config>::MaxUnitsPerBuild as Get<Units>>::get();
		let mut total = providers.count;
		for attacker in &self.attackers {
			let Attacker::SelfDealer { providers, units_per_build, .. } = attacker;
			if *providers == 0 || *units_per_build == 0 || *units_per_build > max_units {
				return Err(format!(
					"a self-dealer needs at least one provider and 1 to {max_units} units per build"
				));
			}
			total = total.saturating_add(*providers);
		}
		if total > MAX_PROVIDERS {
			return Err(format!("at most {MAX_PROVIDERS} providers, attackers' included"));
		}
		Ok(())
	}
}

/// Builds per epoch of `demand`, epoch by epoch: the level compounds with the growth,
/// `changes` rescale it, and the fraction left over carries to the next epoch so that a
/// level of 2.5 submits 2, 3, 2, 3, …
pub fn builds_per_epoch(demand: &Demand, epochs: u32) -> Vec<u32> {
	let mut level = demand.builds_per_epoch;
	let mut growth = demand.growth;
	// Spikes in force: (factor, last epoch).
	let mut spikes: Vec<(f64, u32)> = Vec::new();
	let mut carry = 0.0;
	let mut out = Vec::with_capacity(epochs as usize);
	for epoch in 0..epochs {
		for change in demand.changes.iter().filter(|c| c.epoch == epoch) {
			if let Some(g) = change.growth {
				growth = g;
			}
			match (change.scale, change.for_epochs) {
				(Some(scale), Some(len)) if len > 0 => {
					spikes.push((scale, epoch.saturating_add(len - 1)))
				}
				(Some(scale), _) => level *= scale,
				(None, _) => {}
			}
		}
		spikes.retain(|(_, last)| *last >= epoch);
		let wanted = level * spikes.iter().map(|(f, _)| f).product::<f64>() + carry;
		let whole = wanted.floor().max(0.0);
		carry = wanted - whole;
		out.push(whole.min(u32::MAX as f64) as u32);
		level *= 1.0 + growth;
	}
	out
}

/// Names of the built-in scenarios, in the order the docs show them.
pub const BUILTIN: [&str; 8] =
	["steady", "growth", "crash", "recovery", "self-dealer", "sybil-swarm", "ratio-sweep", "scale"];

/// The built-in scenario `name`.
pub fn builtin(name: &str) -> Option<Scenario> {
	let honest = |count| Providers { count, capacity_per_epoch: 8_000, claim_every: 1 };
	let demand = |builds_per_epoch| Demand {
		builders: 10,
		builds_per_epoch,
		units_per_build: 1_000,
		growth: 0.0,
		utilization: 0.9,
		changes: Vec::new(),
	};
	let base = |name: &str, description: &str, epochs| Scenario {
		name: name.into(),
		description: description.into(),
		epochs,
		genesis: GenesisOverrides::default(),
		demand: demand(20.0),
		providers: honest(5),
		attackers: Vec::new(),
		governance: Vec::new(),
		sweep: None,
	};
	let crash = DemandChange { epoch: 30, scale: Some(0.4), for_epochs: None, growth: None };
	let scenario = match name {
		"steady" => base("steady", "Twenty builds an epoch, five providers, 90% utilization.", 60),
		"growth" => Scenario {
			demand: Demand { growth: 0.03, ..demand(10.0) },
			..base("growth", "Demand grows 3% an epoch from ten builds.", 60)
		},
		"crash" => Scenario {
			demand: Demand { changes: vec![crash.clone()], ..demand(30.0) },
			..base("crash", "Thirty builds an epoch, then a −60% crash at epoch 30.", 60)
		},
		"recovery" => Scenario {
			demand: Demand {
				changes: vec![
					crash,
					DemandChange { epoch: 40, scale: None, for_epochs: None, growth: Some(0.05) },
					DemandChange { epoch: 58, scale: None, for_epochs: None, growth: Some(0.0) },
					DemandChange { epoch: 70, scale: Some(3.0), for_epochs: Some(2), growth: None },
				],
				..demand(30.0)
			},
			..base(
				"recovery",
				"The crash, then 5% growth from epoch 40 back to the old level, and a 3× spike at epoch 70.",
				80,
			)
		},
		"self-dealer" => Scenario {
			attackers: vec![Attacker::SelfDealer {
				providers: 1,
				builds_per_epoch: 10,
				units_per_build: 1_000,
				from_epoch: 5,
			}],
			..base(
				"self-dealer",
				"One party burns for ten builds an epoch and proves them with its own enclave.",
				60,
			)
		},
		"sybil-swarm" => Scenario {
			attackers: vec![Attacker::SelfDealer {
				providers: 20,
				builds_per_epoch: 20,
				units_per_build: 500,
				from_epoch: 5,
			}],
			..base(
				"sybil-swarm",
				"One party spreads its self-dealing over twenty provider accounts and enclaves.",
				60,
			)
		},
		"ratio-sweep" => Scenario {
			attackers: vec![Attacker::SelfDealer {
				providers: 1,
				builds_per_epoch: 5,
				units_per_build: 1_000,
				from_epoch: 0,
			}],
			sweep: Some(Sweep { ratio: vec![0.1, 0.5, 0.9, 0.95], ceiling: vec![2.0] }),
			..base(
				"ratio-sweep",
				"Steady demand and a self-dealer, at genesis ratios from 0.1 to 0.95 and at a 2 AZRA ceiling.",
				40,
			)
		},
		"scale" => Scenario {
			demand: Demand { builders: 100, ..demand(50.0) },
			providers: Providers { count: 100, capacity_per_epoch: 1_000, claim_every: 8 },
			..base(
				"scale",
				"A hundred providers proving fifty builds an epoch between them, claiming every 8 epochs, for 1,000 epochs.",
				1_000,
			)
		},
		_ => return None,
	};
	Some(scenario)
}

/// `x` AZRA in plancks (scenarios state amounts in AZRA).
pub fn azra(x: f64) -> Balance {
	(x * UNIT as f64).round().max(0.0) as Balance
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_builtin_is_valid_and_round_trips_through_json() {
		for name in BUILTIN {
			let scenario = builtin(name).expect("listed built-ins exist");
			assert_eq!(scenario.name, name);
			scenario.validate().unwrap();
			let json = serde_json::to_string(&scenario).unwrap();
			assert_eq!(serde_json::from_str::<Scenario>(&json).unwrap(), scenario);
		}
		assert!(builtin("nonsense").is_none());
	}

	#[test]
	fn a_crash_cuts_the_level_and_a_spike_passes() {
		let demand = builtin("recovery").unwrap().demand;
		let builds = builds_per_epoch(&demand, 80);
		assert_eq!(builds[29], 30);
		assert_eq!(builds[30], 12, "−60% of 30");
		assert!(builds[57] > 20 && builds[57] <= 32, "5% growth from 12 for 18 epochs");
		// The level is fractional here, so whole builds differ from it by the carry.
		let (before, spike, after) = (builds[69] as i64, builds[70] as i64, builds[72] as i64);
		assert!((spike - 3 * before).abs() <= 3, "the spike triples the level: {before} → {spike}");
		assert!((after - before).abs() <= 1, "and passes after two epochs: {after}");
	}

	#[test]
	fn fractional_levels_carry_over() {
		let demand = Demand { builds_per_epoch: 2.5, ..builtin("steady").unwrap().demand };
		assert_eq!(builds_per_epoch(&demand, 4), vec![2, 3, 2, 3]);
	}

	#[test]
	fn bad_scenarios_are_refused_with_a_reason() {
		let good = builtin("steady").unwrap();
		let cases: Vec<(Scenario, &str)> = vec![
			(Scenario { name: "../x".into(), ..good.clone() }, "name"),
			(Scenario { epochs: 0, ..good.clone() }, "epochs"),
			(
				Scenario {
					demand: Demand { utilization: 1.5, ..good.demand.clone() },
					..good.clone()
				},
				"utilization",
			),
			(
				Scenario { demand: Demand { growth: -2.0, ..good.demand.clone() }, ..good.clone() },
				"growth",
			),
		];
		for (scenario, field) in cases {
			let error = scenario.validate().unwrap_err();
			assert!(error.contains(field), "{error}");
		}
		let unknown = r#"{"name":"x","epochs":1,"demand":{"builders":1,"builds_per_epoch":1,"units_per_build":1},"providers":{"count":1,"capacity_per_epoch":1},"smoothing":0.5}"#;
		assert!(serde_json::from_str::<Scenario>(unknown).is_err(), "unknown fields are errors");
	}

	#[test]
	fn a_sweep_expands_into_named_runs() {
		let runs = builtin("ratio-sweep").unwrap().expand();
		let names: Vec<_> = runs.iter().map(|r| r.name.as_str()).collect();
		assert_eq!(
			names,
			[
				"ratio-sweep-ratio-0.1",
				"ratio-sweep-ratio-0.5",
				"ratio-sweep-ratio-0.9",
				"ratio-sweep-ratio-0.95",
				"ratio-sweep-ceiling-2"
			]
		);
		assert_eq!(runs[2].genesis.ratio, Some(0.9));
		assert!(runs.iter().all(|r| r.sweep.is_none()));
	}
}
