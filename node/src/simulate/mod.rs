//! `azra-node simulate`: an executable twin of AzraCode's economy.
//!
//! Scenarios (built in, or JSON files) run through the real runtime natively, epoch after
//! epoch, in seconds: the same genesis preset, signed extrinsics, burn, attestation and mint
//! as the dev chain, without consensus or networking. Each run writes `<name>.csv` (one line
//! per epoch: burned, proven burn, minted, refunded, net emission, supply, budget, ceiling
//! breaker, parameters, providers paid, attackers' holdings, backlog), three SVG plots, and
//! a section of `summary.md` whose checks — net emission adds up to the supply change, each
//! budget follows the rule, attackers end poorer, every `try_state` holds — make the command
//! fail if one breaks.

pub mod economy;
pub mod report;
pub mod scenario;
pub mod twin;

#[cfg(test)]
mod tests;

use std::{
	fs,
	io::{IsTerminal, Write},
	path::PathBuf,
	time::Instant,
};

use scenario::{builtin, Scenario, BUILTIN};

/// Run economic scenarios through the real runtime, natively, and write CSV, plots and a
/// summary.
#[derive(Debug, clap::Parser)]
pub struct SimulateCmd {
	/// Scenario files (JSON) to run; `--print <name>` shows the format.
	pub scenarios: Vec<PathBuf>,

	/// A built-in scenario to run (repeatable). With no file and no `--builtin`, every
	/// built-in but `scale` runs.
	#[arg(long = "builtin", value_name = "NAME")]
	pub builtins: Vec<String>,

	/// Run at most this many epochs of each scenario (a quick look).
	#[arg(long, value_name = "N")]
	pub epochs: Option<u32>,

	/// Folder for the CSVs, plots and `summary.md`.
	#[arg(long, value_name = "DIR", default_value = "simulation")]
	pub out: PathBuf,

	/// List the built-in scenarios and exit.
	#[arg(long)]
	pub list: bool,

	/// Print built-in scenario NAME as JSON and exit: a starting point for your own.
	#[arg(long, value_name = "NAME")]
	pub print: Option<String>,
}

impl SimulateCmd {
	/// Runs the command.
	pub fn run(&self) -> Result<(), String> {
		if self.list {
			for name in BUILTIN {
				let scenario = builtin(name).ok_or("listed built-ins exist")?;
				println!("{name:12} {}", scenario.description);
			}
			return Ok(());
		}
		if let Some(name) = &self.print {
			let scenario = builtin(name).ok_or_else(|| unknown(name))?;
			let json = serde_json::to_string_pretty(&scenario).map_err(|e| e.to_string())?;
			println!("{json}");
			return Ok(());
		}
		let runs = self.runs()?;
		fs::create_dir_all(&self.out).map_err(|e| format!("{}: {e}", self.out.display()))?;

		let mut summary = String::from(
			"# Simulation summary\n\nWritten by `azra-node simulate`: every run executes AzraCode's \
			 runtime natively from the dev preset. Amounts are AZRA.\n\n",
		);
		let mut broken = Vec::new();
		for scenario in &runs {
			let started = Instant::now();
			let mut bar = ProgressBar::new(&scenario.name, scenario.epochs);
			let outcome = economy::run(scenario, |done| bar.show(done));
			bar.finish();
			let outcome = match outcome {
				Ok(outcome) => outcome,
				Err(error) => {
					// The other runs still run and the summary says what stopped this one.
					summary.push_str(&format!(
						"## {}

The run stopped: {error}

",
						scenario.name
					));
					broken.push(format!("{}: the run stopped: {error}", scenario.name));
					continue;
				}
			};
			let seconds = started.elapsed().as_secs_f64();
			report::write(&outcome, &self.out)?;
			summary.push_str(&report::summary(&outcome, seconds));
			eprintln!(
				"{}: {} epochs in {seconds:.1} s ({} blocks, {} extrinsics)",
				scenario.name, scenario.epochs, outcome.blocks, outcome.extrinsics
			);
			for (claim, holds) in report::checks(&outcome) {
				if !holds {
					broken.push(format!("{}: {claim}", scenario.name));
				}
			}
		}
		let summary_path = self.out.join("summary.md");
		fs::write(&summary_path, summary)
			.map_err(|e| format!("{}: {e}", summary_path.display()))?;
		eprintln!("wrote {}", summary_path.display());
		if !broken.is_empty() {
			return Err(format!("runs failed their checks:\n{}", broken.join("\n")));
		}
		Ok(())
	}

	/// The runs asked for: files and built-ins, sweeps expanded, capped at `--epochs`.
	fn runs(&self) -> Result<Vec<Scenario>, String> {
		let mut scenarios = Vec::new();
		for path in &self.scenarios {
			let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
			let scenario: Scenario =
				serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
			scenarios.push(scenario);
		}
		for name in &self.builtins {
			scenarios.push(builtin(name).ok_or_else(|| unknown(name))?);
		}
		if scenarios.is_empty() {
			scenarios = BUILTIN
				.iter()
				.filter(|name| **name != "scale")
				.filter_map(|name| builtin(name))
				.collect();
		}
		let mut runs: Vec<Scenario> = scenarios.iter().flat_map(Scenario::expand).collect();
		if let Some(cap) = self.epochs {
			for run in &mut runs {
				run.epochs = run.epochs.min(cap);
			}
		}
		let mut names: Vec<&str> = runs.iter().map(|r| r.name.as_str()).collect();
		names.sort_unstable();
		if let Some(twice) = names.windows(2).find(|w| w[0] == w[1]) {
			return Err(format!("two runs are named `{}`: their files would collide", twice[0]));
		}
		for run in &runs {
			run.validate()?;
		}
		Ok(runs)
	}
}

fn unknown(name: &str) -> String {
	format!("no built-in scenario `{name}`; the built-ins are: {}", BUILTIN.join(", "))
}

/// Progress of a long run on standard error: a bar on a terminal, a line per tenth
/// otherwise (logs of CI runs).
struct ProgressBar {
	name: String,
	total: u32,
	terminal: bool,
	last_tenth: u32,
}

impl ProgressBar {
	fn new(name: &str, total: u32) -> Self {
		Self { name: name.into(), total, terminal: std::io::stderr().is_terminal(), last_tenth: 0 }
	}

	fn show(&mut self, done: u32) {
		let total = self.total.max(1);
		if self.terminal {
			const WIDTH: u32 = 30;
			let filled = (done * WIDTH / total) as usize;
			eprint!(
				"\r{:14} [{}{}] {done}/{total} epochs",
				self.name,
				"#".repeat(filled),
				" ".repeat(WIDTH as usize - filled)
			);
			let _ = std::io::stderr().flush();
		} else {
			let tenth = done * 10 / total;
			if tenth > self.last_tenth {
				self.last_tenth = tenth;
				eprintln!("{}: {done}/{total} epochs", self.name);
			}
		}
	}

	fn finish(&mut self) {
		if self.terminal {
			eprintln!();
		}
	}
}
