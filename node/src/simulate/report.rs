//! What a run leaves behind: a CSV of its epochs, SVG plots drawn with `plotters`, and a
//! markdown summary.

use std::{fmt::Write as _, fs, path::Path};

use azra_runtime::{Balance, UNIT};
use plotters::prelude::*;

use super::economy::{rule_budget, EpochRow, Outcome};

/// `plancks` as AZRA with all twelve decimals: exact, for the CSV.
pub fn azra_text(plancks: i128) -> String {
	let sign = if plancks < 0 { "-" } else { "" };
	let magnitude = plancks.unsigned_abs();
	let unit = UNIT;
	format!("{sign}{}.{:012}", magnitude / unit, magnitude % unit)
}

/// `ratio` as a decimal with all eighteen digits: exact, for the CSV.
pub fn ratio_text(ratio: sp_runtime::FixedU128) -> String {
	use sp_runtime::FixedPointNumber;
	let inner = ratio.into_inner();
	let accuracy = sp_runtime::FixedU128::DIV;
	format!("{}.{:018}", inner / accuracy, inner % accuracy)
}

/// `plancks` as AZRA, for plots and prose.
fn azra_f64(plancks: i128) -> f64 {
	plancks as f64 / UNIT as f64
}

/// The CSV header; one line per epoch follows.
pub const CSV_HEADER: &str = "epoch,builds_submitted,burned,proven_burn,minted,refunded,net_emission,supply,budget,ceiling_capped,ratio,ceiling,providers_paid,attacker_holdings,backlog";

/// The run's epochs as CSV, amounts in AZRA.
pub fn csv(outcome: &Outcome) -> String {
	let mut out = String::from(CSV_HEADER);
	out.push('\n');
	for row in &outcome.rows {
		let amount = |b: Balance| azra_text(b as i128);
		let _ = writeln!(
			out,
			"{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
			row.epoch,
			row.builds_submitted,
			amount(row.burned),
			amount(row.proven_burn),
			amount(row.minted),
			amount(row.refunded),
			azra_text(row.net_emission),
			amount(row.supply),
			amount(row.budget),
			row.capped,
			ratio_text(row.ratio),
			amount(row.ceiling),
			row.providers_paid,
			amount(row.attacker_holdings),
			row.backlog,
		);
	}
	out
}

/// The checks every run must pass, as (claim, holds) pairs; the summary prints them and
/// the tests assert them.
pub fn checks(outcome: &Outcome) -> Vec<(String, bool)> {
	let rows = &outcome.rows;
	let mut checks = Vec::new();
	let formula = rows
		.iter()
		.all(|r| r.net_emission == r.minted as i128 + r.refunded as i128 - r.burned as i128);
	checks.push(("every epoch's net emission is minted + refunded − burned".into(), formula));
	let net: i128 = rows.iter().map(|r| r.net_emission).sum();
	let supply_change = outcome.end_issuance as i128 - outcome.start_issuance as i128;
	checks.push((
		format!(
			"the epochs' net emissions add up to the change of total issuance ({} AZRA)",
			azra_text(supply_change)
		),
		net == supply_change,
	));
	let rule = rows.iter().all(|r| r.budget == rule_budget(r.proven_burn, r.ratio, r.ceiling));
	checks.push((
		"every epoch's budget is min(ratio × proven burn, ceiling) under its parameters".into(),
		rule,
	));
	let minted = rows.iter().all(|r| r.minted <= r.budget);
	checks.push(("no epoch mints more than its budget".into(), minted));
	if outcome.attacker_builds > 0 {
		checks.push((
			format!(
				"the attackers end poorer ({} → {} AZRA, {} builds)",
				azra_text(outcome.attacker_start as i128),
				azra_text(outcome.attacker_end as i128),
				outcome.attacker_builds
			),
			outcome.attacker_end < outcome.attacker_start,
		));
	}
	checks.push((
		"no call failed on chain, and the burn and mint pallets' try_state held every epoch".into(),
		outcome.failures.is_empty(),
	));
	checks
}

/// One scenario's section of the summary.
pub fn summary(outcome: &Outcome, seconds: f64) -> String {
	let rows = &outcome.rows;
	let sum = |f: fn(&EpochRow) -> Balance| rows.iter().map(f).sum::<Balance>() as i128;
	let net: i128 = rows.iter().map(|r| r.net_emission).sum();
	let scenario = &outcome.scenario;
	let mut out = String::new();
	let _ = writeln!(out, "## {}\n", scenario.name);
	if !scenario.description.is_empty() {
		let _ = writeln!(out, "{}\n", scenario.description);
	}
	let _ = writeln!(
		out,
		"{} epochs, {} blocks, {} signed extrinsics, in {seconds:.1} s.\n",
		scenario.epochs, outcome.blocks, outcome.extrinsics
	);
	let _ = writeln!(out, "| figure | AZRA |\n|---|---:|");
	for (label, value) in [
		("burned", sum(|r| r.burned)),
		("proven burn", sum(|r| r.proven_burn)),
		("minted (rewards)", sum(|r| r.minted)),
		("refunded", sum(|r| r.refunded)),
		("net emission", net),
		("minted to honest providers", outcome.honest_rewards as i128),
	] {
		let _ = writeln!(out, "| {label} | {} |", azra_text(value));
	}
	if outcome.attacker_builds > 0 {
		let change = outcome.attacker_end as i128 - outcome.attacker_start as i128;
		let _ = writeln!(out, "| attackers' change | {} |", azra_text(change));
	}
	let capped = rows.iter().filter(|r| r.capped).count();
	let _ = writeln!(out, "\nEpochs capped at the ceiling: {capped}.");
	for line in &outcome.governance {
		let _ = writeln!(out, "- governance, {line}");
	}
	for (what, count) in &outcome.failures {
		let _ = writeln!(out, "- failed {count}×: {what}");
	}
	let _ = writeln!(out, "\nChecks:");
	for (claim, holds) in checks(outcome) {
		let _ = writeln!(out, "- [{}] {claim}", if holds { "x" } else { " " });
	}
	let _ = writeln!(
		out,
		"\n![supply]({name}-supply.svg) ![burn and mint]({name}-flows.svg) ![net emission]({name}-net.svg)\n",
		name = scenario.name
	);
	out
}

/// Writes `<name>-supply.svg`, `<name>-flows.svg` and `<name>-net.svg` into `dir`.
pub fn plots(outcome: &Outcome, dir: &Path) -> Result<(), String> {
	let name = &outcome.scenario.name;
	let epochs = |f: &dyn Fn(&EpochRow) -> i128| -> Vec<(f64, f64)> {
		outcome.rows.iter().map(|r| (r.epoch as f64, azra_f64(f(r)))).collect()
	};
	let start = outcome.start_issuance as i128;
	let mut supply = vec![Series::new(
		"supply change since the run began",
		epochs(&|r| r.supply as i128 - start),
		BLUE,
	)];
	if !outcome.scenario.attackers.is_empty() {
		let attacker_start = outcome.attacker_start as i128;
		supply.push(Series::new(
			"attackers' holdings − their start",
			epochs(&|r| r.attacker_holdings as i128 - attacker_start),
			RED,
		));
	}
	line_chart(
		&dir.join(format!("{name}-supply.svg")),
		&format!("{name}: supply (AZRA)"),
		&supply,
	)?;
	line_chart(
		&dir.join(format!("{name}-flows.svg")),
		&format!("{name}: burn and mint per epoch (AZRA)"),
		&[
			Series::new("burned", epochs(&|r| r.burned as i128), RED),
			Series::new("proven burn", epochs(&|r| r.proven_burn as i128), MAGENTA),
			Series::new("minted", epochs(&|r| r.minted as i128), GREEN),
			Series::new("refunded", epochs(&|r| r.refunded as i128), CYAN),
		],
	)?;
	line_chart(
		&dir.join(format!("{name}-net.svg")),
		&format!("{name}: net emission per epoch (AZRA)"),
		&[Series::new("net emission", epochs(&|r| r.net_emission), BLACK)],
	)
}

/// A named line.
struct Series {
	label: String,
	points: Vec<(f64, f64)>,
	color: RGBColor,
}

impl Series {
	fn new(label: &str, points: Vec<(f64, f64)>, color: RGBColor) -> Self {
		Self { label: label.into(), points, color }
	}
}

/// Draws `series` over epochs into the SVG file `path`, with zero always in view.
fn line_chart(path: &Path, title: &str, series: &[Series]) -> Result<(), String> {
	let error = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
	let points = series.iter().flat_map(|s| s.points.iter());
	let (mut x_max, mut y_min, mut y_max) = (1.0f64, 0.0f64, 0.0f64);
	for (x, y) in points {
		x_max = x_max.max(*x);
		y_min = y_min.min(*y);
		y_max = y_max.max(*y);
	}
	let pad = ((y_max - y_min) * 0.08).max(1e-9);
	let (y_min, y_max) = (if y_min < 0.0 { y_min - pad } else { 0.0 }, y_max + pad);

	let root = SVGBackend::new(path, (880, 440)).into_drawing_area();
	root.fill(&WHITE).map_err(|e| error(&e))?;
	let mut chart = ChartBuilder::on(&root)
		.caption(title, ("sans-serif", 20))
		.margin(14)
		.x_label_area_size(40)
		.y_label_area_size(80)
		.build_cartesian_2d(0f64..x_max, y_min..y_max)
		.map_err(|e| error(&e))?;
	chart
		.configure_mesh()
		.x_desc("epoch")
		.x_label_formatter(&|x| format!("{x:.0}"))
		.light_line_style(WHITE.mix(0.0))
		.draw()
		.map_err(|e| error(&e))?;
	chart
		.draw_series(LineSeries::new([(0.0, 0.0), (x_max, 0.0)], BLACK.mix(0.3)))
		.map_err(|e| error(&e))?;
	for s in series {
		let color = s.color;
		chart
			.draw_series(LineSeries::new(s.points.iter().copied(), color.stroke_width(2)))
			.map_err(|e| error(&e))?
			.label(s.label.clone())
			.legend(move |(x, y)| {
				PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
			});
	}
	chart
		.configure_series_labels()
		.position(SeriesLabelPosition::UpperLeft)
		.background_style(WHITE.mix(0.85))
		.border_style(BLACK.mix(0.4))
		.draw()
		.map_err(|e| error(&e))?;
	root.present().map_err(|e| error(&e))?;
	Ok(())
}

/// Writes the CSV and plots of `outcome` into `dir`.
pub fn write(outcome: &Outcome, dir: &Path) -> Result<(), String> {
	let csv_path = dir.join(format!("{}.csv", outcome.scenario.name));
	fs::write(&csv_path, csv(outcome)).map_err(|e| format!("{}: {e}", csv_path.display()))?;
	plots(outcome, dir)
}
