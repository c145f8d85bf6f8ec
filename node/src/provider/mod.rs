//! `azra-node provider`: the agent a provider runs next to (not inside) a node.
//!
//! It keeps one enclave registered, takes open builds it may run, runs each program
//! metered ([`engine`]), proves the run with its enclave ([`enclave`]) and claims the
//! epochs it earned in. It talks to a node over WebSocket RPC ([`chain`]) and keeps no
//! state of its own that the chain does not also hold ([`agent`]), so it survives its own
//! restart, the node's restart and a lost connection. `azra-node provider verify <id>`
//! re-runs a completed build from its stored program and input and says whether output
//! and units match what was proven.

pub mod agent;
pub mod chain;
pub mod dry_run;
pub mod enclave;
pub mod engine;
pub mod metrics;

use agent::{Agent, Filters, LOG_TARGET};
use azra_primitives::{BuildId, BuildState};
use chain::{Chain, ChainError};
use engine::Engine;
use sp_core::{sr25519, Pair, H256};
use sp_io::hashing::blake2_256;
use std::{net::SocketAddr, path::PathBuf, time::Duration};

/// `azra-node provider [OPTIONS]` runs the agent; `azra-node provider verify <id>` audits.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ProviderCmd {
	/// An audit instead of the agent.
	#[command(subcommand)]
	pub audit: Option<AuditCmd>,

	/// Options of the agent.
	#[command(flatten)]
	pub run: RunArgs,
}

/// Audits of finished work.
#[derive(Debug, clap::Subcommand)]
pub enum AuditCmd {
	/// Re-run a completed build from its stored program and input and compare output hash
	/// and units with what its provider proved. Exits with an error on a mismatch.
	Verify {
		/// The build to re-run.
		build_id: BuildId,
		/// The node's WebSocket RPC.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
	},
}

/// How the agent runs.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
	/// The node's WebSocket RPC. The agent trusts it for liveness only: everything it
	/// runs is checked against the hashes on chain.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub url: String,

	/// Secret URI of the provider account (pays fees and bonds, receives rewards).
	#[arg(long, default_value = "//Alice")]
	pub suri: String,

	/// The enclave: `dev` (dev PKI; dev and local chains only) or `configfs-tsm` (a TDX
	/// guest's kernel interface).
	#[arg(long, default_value = "dev")]
	pub enclave: String,

	/// Secret URI of the enclave's sr25519 key.
	#[arg(long, default_value = "//AliceEnclave")]
	pub enclave_seed: String,

	/// The dev enclave's TEE: `sgx` or `tdx`.
	#[arg(long, default_value = "sgx")]
	pub tee: String,

	/// Root of the configfs-tsm report interface.
	#[arg(long, default_value = enclave::TSM_REPORT_ROOT)]
	pub tsm_root: PathBuf,

	/// The allow-listed measurement id the enclave runs (0x-hex); the dev enclave knows
	/// its own.
	#[arg(long)]
	pub measurement: Option<String>,

	/// Largest number of units a build may ask for.
	#[arg(long, default_value_t = 1_000_000)]
	pub max_units: u64,

	/// Smallest price per unit (plancks) the agent works for.
	#[arg(long, default_value_t = 0)]
	pub min_price_per_unit: u128,

	/// Re-attest this many blocks before the attestation expires.
	#[arg(long, default_value_t = 600)]
	pub reattest_margin: u32,

	/// Serve Prometheus metrics on this port (0 disables).
	#[arg(long, default_value_t = 9616)]
	pub prometheus_port: u16,
}

impl ProviderCmd {
	/// Run the agent or the audit.
	pub fn run(&self) -> Result<(), String> {
		let runtime = tokio::runtime::Builder::new_multi_thread()
			.worker_threads(2)
			.enable_all()
			.build()
			.map_err(|e| e.to_string())?;
		match &self.audit {
			Some(AuditCmd::Verify { build_id, url }) => runtime.block_on(verify(url, *build_id)),
			None => {
				sc_cli::LoggerBuilder::new("provider=info")
					.init()
					.map_err(|e| format!("logger: {e}"))?;
				runtime.block_on(run_agent(&self.run))
			}
		}
	}
}

/// Build the agent from its arguments.
fn make_agent(args: &RunArgs) -> Result<Agent, String> {
	let signer =
		sr25519::Pair::from_string(&args.suri, None).map_err(|e| format!("--suri: {e:?}"))?;
	let key = enclave::EnclaveKeyPair::from_secret_uri(&args.enclave_seed)
		.map_err(|e| format!("--enclave-seed: {e}"))?;
	let enclave: Box<dyn enclave::Enclave> = match args.enclave.as_str() {
		"dev" => {
			let tee = enclave::parse_tee(&args.tee).map_err(|e| format!("--tee: {e}"))?;
			Box::new(enclave::DevEnclave::new(key, tee).map_err(|e| format!("dev enclave: {e}"))?)
		}
		"configfs-tsm" => Box::new(enclave::ConfigfsTsm::new(args.tsm_root.clone(), key)),
		other => return Err(format!("--enclave: `{other}` is neither `dev` nor `configfs-tsm`")),
	};
	let measurement = match (&args.measurement, enclave.measurement_id()) {
		(Some(hex), _) => {
			crate::parse::parse_measurement(hex).map_err(|e| format!("--measurement: {e}"))?
		}
		(None, Some(own)) => own,
		(None, None) => return Err("--measurement is required for this enclave".into()),
	};
	let registry = substrate_prometheus_endpoint::Registry::new();
	let metrics = metrics::Metrics::register(&registry).map_err(|e| e.to_string())?;
	if args.prometheus_port != 0 {
		let address = SocketAddr::from(([127, 0, 0, 1], args.prometheus_port));
		tokio::spawn(async move {
			if let Err(e) = substrate_prometheus_endpoint::init_prometheus(address, registry).await
			{
				log::warn!(target: LOG_TARGET, "metrics server stopped: {e}");
			}
		});
	}
	let engine = Engine::new().map_err(|e| e.to_string())?;
	let filters =
		Filters { max_units: args.max_units, min_price_per_unit: args.min_price_per_unit };
	Ok(Agent::new(signer, enclave, measurement, engine, filters, metrics, args.reattest_margin))
}

/// Pause after a lost connection before reconnecting.
const RECONNECT_DELAY: Duration = Duration::from_secs(2);

/// Run the agent until SIGINT or SIGTERM.
async fn run_agent(args: &RunArgs) -> Result<(), String> {
	let mut agent = make_agent(args)?;
	log::info!(target: LOG_TARGET, "provider {} via {}", agent.account(), args.url);
	let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
		.map_err(|e| e.to_string())?;
	let stop = async move {
		tokio::select! {
			_ = tokio::signal::ctrl_c() => "SIGINT",
			_ = terminate.recv() => "SIGTERM",
		}
	};
	tokio::pin!(stop);
	loop {
		tokio::select! {
			signal = &mut stop => {
				log::info!(target: LOG_TARGET, "{signal}: stopping");
				return Ok(());
			},
			result = follow(&mut agent, &args.url) => {
				if let Err(e) = result {
					log::warn!(target: LOG_TARGET, "{e}; reconnecting in {}s", RECONNECT_DELAY.as_secs());
				}
				tokio::time::sleep(RECONNECT_DELAY).await;
			},
		}
	}
}

/// Connect and make one pass per new finalized block until the connection fails.
async fn follow(agent: &mut Agent, url: &str) -> Result<(), ChainError> {
	let chain = Chain::connect(url).await?;
	log::info!(target: LOG_TARGET, "connected to {url} (genesis {:?})", chain.genesis);
	let mut heads = chain.subscribe_finalized().await?;
	let mut last = None;
	loop {
		// A subscription may skip heads; the pass always reads the latest finalized one.
		let head = chain.finalized_head().await?;
		if last != Some(head.hash) {
			last = Some(head.hash);
			if let Err(e) = agent.pass(&chain, head).await {
				if !chain.is_connected() {
					return Err(e);
				}
				log::warn!(target: LOG_TARGET, "pass at #{} failed: {e}", head.number);
			}
		}
		match heads.next().await {
			Some(Ok(_)) => {}
			Some(Err(e)) => return Err(ChainError::Rpc(e.to_string())),
			None => return Err(ChainError::Rpc("finalized heads subscription closed".into())),
		}
	}
}

/// Re-run build `build_id` and compare with its proof; print one JSON object.
async fn verify(url: &str, build_id: BuildId) -> Result<(), String> {
	let chain = Chain::connect(url).await.map_err(|e| e.to_string())?;
	let head = chain.finalized_head().await.map_err(|e| e.to_string())?;
	let build = chain
		.build(build_id, head.hash)
		.await
		.map_err(|e| e.to_string())?
		.ok_or_else(|| format!("build {build_id} does not exist at #{}", head.number))?;
	let BuildState::Completed { output_hash, units_used, .. } = build.state else {
		return Err(format!("build {build_id} is not completed: {:?}", build.state));
	};
	let (program, input) = agent::fetch_inputs(&chain, head, &build)
		.await
		.map_err(|e| e.to_string())?
		.map_err(|reason| format!("cannot re-run build {build_id}: {reason:?}"))?;
	let engine = Engine::new().map_err(|e| e.to_string())?;
	let outcome = tokio::task::block_in_place(|| engine.run(&program, &input, build.units))
		.map_err(|e| e.to_string())?;
	let rerun_hash = H256(blake2_256(&outcome.output));
	let matches = rerun_hash == output_hash && outcome.units_used == units_used;
	let report = serde_json::json!({
		"buildId": build_id,
		"at": head.number,
		"proven": { "outputHash": format!("{output_hash:?}"), "unitsUsed": units_used },
		"rerun": {
			"outputHash": format!("{rerun_hash:?}"),
			"unitsUsed": outcome.units_used,
			"fuelUsed": outcome.fuel_used,
		},
		"matches": matches,
	});
	println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
	if matches {
		Ok(())
	} else {
		Err(format!("build {build_id}: the re-run does not match the proof"))
	}
}
