//! The agent's Prometheus counters, served at `--prometheus-port` under `/metrics`.

use substrate_prometheus_endpoint::{register, Counter, PrometheusError, Registry, U64};

/// What an operator watches: work done, work refused, attestations and earnings.
#[derive(Clone)]
pub struct Metrics {
	/// Builds run to completion (dry runs before acceptance included).
	pub runs: Counter<U64>,
	/// Builds refused: hash mismatch, missing preimage, out of fuel, bad program.
	pub refused: Counter<U64>,
	/// Work proofs the chain accepted.
	pub proven: Counter<U64>,
	/// Units proven.
	pub units: Counter<U64>,
	/// Plancks of AZRA claimed (minted to the provider).
	pub earned: Counter<U64>,
	/// Successful enclave registrations and re-attestations.
	pub attestations: Counter<U64>,
}

impl Metrics {
	/// Register the counters in `registry` (prefix `azra_provider_`).
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		let counter = |name: &str, help: &str| -> Result<Counter<U64>, PrometheusError> {
			register(Counter::new(format!("azra_provider_{name}"), help)?, registry)
		};
		Ok(Metrics {
			runs: counter("builds_run_total", "Builds run to completion")?,
			refused: counter("builds_refused_total", "Builds refused before acceptance")?,
			proven: counter("builds_proven_total", "Work proofs accepted by the chain")?,
			units: counter("units_proven_total", "Compute units proven")?,
			earned: counter("earned_plancks_total", "AZRA claimed, in plancks")?,
			attestations: counter(
				"attestations_total",
				"Enclave registrations and re-attestations",
			)?,
		})
	}
}
