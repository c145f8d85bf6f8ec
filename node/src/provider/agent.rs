//! The provider agent's loop: one pass per finalized block.
//!
//! Each pass reads what the chain says and does the next step of each piece of work, so a
//! restarted agent (or one whose node restarted) picks up exactly where the chain is:
//!
//! 1. **Enclave.** If the enclave key is not registered and eligible, or its attestation
//!    expires within the re-attestation margin: store collateral if the enclave can make it
//!    and the chain lacks it, request a nonce, quote, register.
//! 2. **Assigned builds.** Every build assigned to this provider whose deadline has not
//!    passed is run (or its earlier run reused), its output noted as a preimage, its work
//!    proof submitted, and the output unnoted. The proof makes the chain keep the output
//!    (a preimage request) for as long as the build's record stays, so the unnote gives
//!    the note's deposit back and leaves the bytes: the provider holds an output deposit
//!    only between its note and its proof. An unnote that fails is retried each pass. The
//!    chain refuses a second proof, so nothing is proven twice.
//! 3. **Claims.** Closed epochs with an unpaid share are claimed.
//! 4. **New work.** With nothing assigned, the agent looks through open builds that pass
//!    its filters, fetches program and input by hash, checks both hashes and runs the
//!    build metered *before* accepting it: a build that is refused (wrong hash, not enough
//!    fuel, bad program) is never accepted, so no bond is put at risk on it.

use super::{
	chain::{Chain, ChainError, Head},
	enclave::Enclave,
	engine::{Engine, RunError, RunOutcome},
	metrics::Metrics,
};
use azra_primitives::{
	BuildId, BuildState, BuildView, EpochIndex, MeasurementId, SealedTerms, SealingKey, WorkClaim,
};
use azra_runtime::{AccountId, Balance, BlockNumber, RuntimeCall};
use azra_runtime_api::ProviderView;
use azra_sealing::{Purpose, SealContext};
use sp_core::{sr25519, Pair, H256};
use sp_io::hashing::blake2_256;
use std::collections::{HashMap, HashSet};
use zeroize::Zeroizing;

/// Log target of every agent line.
pub const LOG_TARGET: &str = "provider";

/// Which builds the agent takes.
#[derive(Clone, Debug)]
pub struct Filters {
	/// Largest `units` a build may ask for.
	pub max_units: u64,
	/// Smallest price per unit (plancks) worth the work.
	pub min_price_per_unit: Balance,
}

/// What the agent decided about a build it looked at.
#[derive(Clone, Debug)]
pub enum Verdict {
	/// The program ran within the build's units: this is what the proof will say.
	Ran(RunOutcome),
	/// The agent will not prove this build, and why. Kept for the agent's life: the same
	/// program, input and units would fail the same way.
	Refused(String),
	/// The build cannot be run now (a preimage not noted yet, or this machine failed);
	/// the agent looks again next pass.
	Unavailable(String),
}

/// The agent's state. Only caches live here; the chain is the record.
pub struct Agent {
	signer: sr25519::Pair,
	account: AccountId,
	enclave: Box<dyn Enclave>,
	measurement: MeasurementId,
	engine: Engine,
	filters: Filters,
	metrics: Metrics,
	/// Blocks before an attestation expires at which the agent re-attests.
	reattest_margin: BlockNumber,
	/// Runs by build id, so a build is run once per agent life even across passes.
	verdicts: HashMap<BuildId, Verdict>,
	/// Builds whose proof the chain refused: not tried again, since every try costs a fee
	/// and the chain's answer would not change.
	given_up: HashSet<BuildId>,
	/// Open builds whose accept the chain refused, for the same reason. Kept apart from
	/// `given_up`: an accept refused because this provider's own earlier accept (before a
	/// restart, not yet finalized) took the build must not stop the agent proving it.
	not_taken: HashSet<BuildId>,
	/// Epochs whose claim the chain refused, for the same reason.
	unclaimable: HashSet<EpochIndex>,
	/// Outputs this agent noted and proved whose deposit it has not taken back yet.
	outputs_to_unnote: HashSet<H256>,
	/// No attestation is tried before this block: after a failed one the agent waits
	/// rather than pay a fee every block for the same refusal (e.g. missing collateral
	/// that only the operator can store).
	attest_not_before: BlockNumber,
}

/// Blocks the agent waits after a failed attestation before it tries again (a minute on
/// a 6-second chain).
const ATTESTATION_RETRY_BLOCKS: BlockNumber = 10;

/// Open builds read per runtime API call.
const OPEN_BUILDS_PER_PAGE: u32 = 64;

/// Most open builds one pass looks at: past builds the agent does not want, it keeps
/// paging, up to this many.
const MAX_OPEN_BUILDS_PER_PASS: usize = 1024;

impl Agent {
	/// An agent acting for `signer` with `enclave`, which must run `measurement`.
	pub fn new(
		signer: sr25519::Pair,
		enclave: Box<dyn Enclave>,
		measurement: MeasurementId,
		engine: Engine,
		filters: Filters,
		metrics: Metrics,
		reattest_margin: BlockNumber,
	) -> Self {
		let account = signer.public().into();
		Agent {
			signer,
			account,
			enclave,
			measurement,
			engine,
			filters,
			metrics,
			reattest_margin,
			verdicts: HashMap::new(),
			given_up: HashSet::new(),
			not_taken: HashSet::new(),
			unclaimable: HashSet::new(),
			outputs_to_unnote: HashSet::new(),
			attest_not_before: 0,
		}
	}

	/// The provider account.
	pub fn account(&self) -> &AccountId {
		&self.account
	}

	/// One pass over finalized block `head`.
	pub async fn pass(&mut self, chain: &Chain, head: Head) -> Result<(), ChainError> {
		let view: ProviderView<Balance, BlockNumber> =
			chain.runtime_call("AzraEconomicsApi_provider", &self.account, head.hash).await?;
		self.unnote_outputs(chain).await?;
		let eligible = self.ensure_enclave(chain, head, &view).await?;
		self.claim(chain, &view).await?;
		if !eligible {
			return Ok(());
		}
		let assigned = self.work_assigned(chain, head).await?;
		if !assigned {
			self.take_new_work(chain, head).await?;
		}
		Ok(())
	}

	/// Keep the enclave key registered; `Ok(true)` when it is eligible now.
	async fn ensure_enclave(
		&mut self,
		chain: &Chain,
		head: Head,
		view: &ProviderView<Balance, BlockNumber>,
	) -> Result<bool, ChainError> {
		let key = self.enclave.enclave_key();
		let Some(reason) = attestation_due(view, &key, head.number, self.reattest_margin) else {
			return Ok(true);
		};
		let was_eligible = view.enclaves.iter().any(|e| e.key == key && e.eligible);
		if head.number < self.attest_not_before {
			return Ok(was_eligible);
		}
		log::info!(
			target: LOG_TARGET,
			"enclave {}: {reason} at #{}; attesting",
			self.enclave.describe(),
			head.number,
		);
		let attested = match self.register(chain, head).await {
			Err(ChainError::Failed(reason)) if reason.contains("Collateral") => {
				match self.store_collateral(chain, &reason).await {
					Ok(()) => self.register(chain, head).await,
					Err(e) => Err(e),
				}
			}
			other => other,
		};
		match attested {
			Ok(()) => {
				log::info!(target: LOG_TARGET, "enclave registered");
				self.metrics.attestations.inc();
				Ok(true)
			}
			Err(e) => {
				self.attest_not_before = head.number.saturating_add(ATTESTATION_RETRY_BLOCKS);
				log::warn!(
					target: LOG_TARGET,
					"registration failed: {e}; next try at #{}",
					self.attest_not_before,
				);
				Ok(was_eligible)
			}
		}
	}

	/// Store the enclave platform's collateral, when the enclave can make it (the dev
	/// enclave can; real platforms take it from Intel's PCS, which the operator stores).
	async fn store_collateral(&self, chain: &Chain, reason: &str) -> Result<(), ChainError> {
		let Some(collateral) = self.enclave.collateral() else {
			log::warn!(
				target: LOG_TARGET,
				"registration needs collateral ({reason}); this enclave cannot make it: store it with attestation.submitCollateral",
			);
			return Err(ChainError::Failed(reason.into()));
		};
		let issued = collateral.map_err(|e| ChainError::Failed(format!("collateral: {e}")))?;
		let call = RuntimeCall::Attestation(pallet_attestation::Call::submit_collateral {
			fmspc: issued.fmspc,
			collateral: issued
				.collateral
				.try_into()
				.map_err(|_| ChainError::Failed("collateral too large".into()))?,
			witness_quote: issued
				.witness_quote
				.try_into()
				.map_err(|_| ChainError::Failed("witness quote too large".into()))?,
		});
		chain.submit(&self.signer, call).await?;
		log::info!(target: LOG_TARGET, "collateral stored ({reason})");
		Ok(())
	}

	/// Quote over a nonce and register the enclave key. An unused nonce the provider still
	/// holds is used first (a registration that failed leaves its nonce unused); a new one
	/// is requested only when none is left.
	async fn register(&self, chain: &Chain, head: Head) -> Result<(), ChainError> {
		let nonce = match self.usable_nonce(chain, head.hash, head.number).await? {
			Some(nonce) => nonce,
			None => {
				let call = RuntimeCall::Attestation(pallet_attestation::Call::request_nonce {});
				let inclusion = chain.submit(&self.signer, call).await?;
				self.usable_nonce(chain, inclusion.block, head.number)
					.await?
					.ok_or_else(|| ChainError::Failed("no nonce after request_nonce".into()))?
			}
		};
		// Quoting may wait on the platform's quoting service: off the async workers.
		let quote = tokio::task::block_in_place(|| {
			self.enclave.registration_quote(&chain.genesis, &self.account, &nonce)
		})
		.map_err(|e| ChainError::Failed(format!("quote: {e}")))?;
		let call = RuntimeCall::Attestation(pallet_attestation::Call::register_enclave {
			quote: quote.try_into().map_err(|_| ChainError::Failed("quote too large".into()))?,
			enclave_key: self.enclave.enclave_key(),
			nonce,
			measurement: self.measurement,
			sealing_key: self.enclave.sealing_key(),
		});
		chain.submit(&self.signer, call).await?;
		Ok(())
	}

	/// The unused nonce with the most time left at block `at`, if it outlasts the
	/// registration by a margin (a nonce is valid up to its `expires_at`).
	async fn usable_nonce(
		&self,
		chain: &Chain,
		at: H256,
		now: BlockNumber,
	) -> Result<Option<H256>, ChainError> {
		// Blocks a registration may take to be finalized after this pass reads the nonce.
		const MARGIN: BlockNumber = 5;
		// A bounded vector encodes as a plain one.
		let nonces: Vec<pallet_attestation::IssuedNonce<BlockNumber>> = chain
			.storage(
				&pallet_attestation::Nonces::<azra_runtime::Runtime>::hashed_key_for(&self.account),
				at,
			)
			.await?
			.unwrap_or_default();
		Ok(nonces
			.iter()
			.filter(|n| n.expires_at >= now.saturating_add(MARGIN))
			.max_by_key(|n| n.expires_at)
			.map(|n| n.nonce))
	}

	/// Claim every unpaid closed epoch.
	async fn claim(
		&mut self,
		chain: &Chain,
		view: &ProviderView<Balance, BlockNumber>,
	) -> Result<(), ChainError> {
		use frame_support::traits::Get;
		// The runtime's own limit, so a claim never fails for being too long.
		let per_claim: u32 =
			<<azra_runtime::Runtime as pallet_mint::Config>::MaxEpochsPerClaim as Get<u32>>::get()
				.max(1);
		let unpaid: Vec<_> =
			view.unpaid.iter().filter(|(epoch, _)| !self.unclaimable.contains(epoch)).collect();
		for batch in unpaid.chunks(per_claim as usize) {
			let epochs: Vec<EpochIndex> = batch.iter().map(|(epoch, _)| *epoch).collect();
			let amount: Balance = batch.iter().map(|(_, share)| *share).sum();
			let call = RuntimeCall::Mint(pallet_mint::Call::claim_rewards {
				epochs: epochs
					.clone()
					.try_into()
					.map_err(|_| ChainError::Failed("too many epochs".into()))?,
			});
			match chain.submit(&self.signer, call).await {
				Ok(_) => {
					self.metrics.earned.inc_by(u64::try_from(amount).unwrap_or(u64::MAX));
					log::info!(target: LOG_TARGET, "claimed epochs {epochs:?}: {amount} plancks");
				}
				Err(ChainError::Failed(reason)) => {
					log::warn!(target: LOG_TARGET, "claim of epochs {epochs:?} refused: {reason}");
					self.unclaimable.extend(epochs);
				}
				Err(e) => log::warn!(target: LOG_TARGET, "claim of epochs {epochs:?} failed: {e}"),
			}
		}
		Ok(())
	}

	/// Prove every build assigned to this provider; `Ok(true)` if any is still assigned.
	async fn work_assigned(&mut self, chain: &Chain, head: Head) -> Result<bool, ChainError> {
		let assigned = chain.assigned_builds(&self.account, head.hash).await?;
		// A build leaves this list once proven, released or past its deadline.
		self.given_up.retain(|id| assigned.iter().any(|(assigned, _)| assigned == id));
		let mut busy = false;
		for (id, build) in assigned {
			let BuildState::Assigned { ref provider, deadline } = build.state else { continue };
			if provider != &self.account || deadline < head.number || self.given_up.contains(&id) {
				continue;
			}
			busy = true;
			let verdict = self.verdict(chain, head, id, &build).await?;
			match verdict {
				Verdict::Ran(outcome) => {
					match self.prove(chain, head, id, &build, &outcome).await {
						Err(ChainError::Failed(reason)) => {
							log::warn!(target: LOG_TARGET, "build {id}: proof refused: {reason}");
							self.given_up.insert(id);
						}
						other => other?,
					}
				}
				Verdict::Unavailable(_) => {}
				Verdict::Refused(reason) => {
					// Only reachable if the inputs changed under the agent after it
					// accepted: give the build back rather than let it lapse.
					log::warn!(target: LOG_TARGET, "build {id}: refused after acceptance ({reason}); releasing");
					let call = RuntimeCall::Burn(pallet_burn::Call::release_build { build_id: id });
					chain.submit(&self.signer, call).await?;
				}
			}
		}
		Ok(busy)
	}

	/// Note the output, submit the work proof of build `id`, then unnote the output.
	async fn prove(
		&mut self,
		chain: &Chain,
		head: Head,
		id: BuildId,
		build: &BuildView<AccountId, Balance, BlockNumber>,
		outcome: &RunOutcome,
	) -> Result<(), ChainError> {
		let output_hash = H256(blake2_256(&outcome.output));
		if chain.preimage(output_hash, head.hash).await?.is_none() {
			let call = RuntimeCall::Preimage(pallet_preimage::Call::note_preimage {
				bytes: outcome.output.clone(),
			});
			match chain.submit(&self.signer, call).await {
				Ok(_) => log::info!(target: LOG_TARGET, "build {id}: output {output_hash:?} noted"),
				// Noted after the finalized block this pass reads: by this agent before a
				// restart, or by anyone noting the same bytes. The proof needs no more.
				Err(ChainError::Failed(reason)) if reason == already_noted() => {
					log::info!(target: LOG_TARGET, "build {id}: output {output_hash:?} already noted")
				}
				Err(e) => return Err(e),
			}
		}
		let claim = WorkClaim {
			genesis_hash: chain.genesis,
			build_id: id,
			spec_hash: build.spec_hash,
			input_hash: build.input_hash,
			output_hash,
			units_used: outcome.units_used,
			provider: self.account.clone(),
		};
		let proof = self.enclave.sign_work(&claim);
		let call = RuntimeCall::Mint(pallet_mint::Call::submit_work {
			build_id: id,
			output_hash,
			units_used: outcome.units_used,
			proof,
		});
		chain.submit(&self.signer, call).await?;
		self.metrics.proven.inc();
		self.metrics.units.inc_by(outcome.units_used);
		self.verdicts.remove(&id);
		log::info!(
			target: LOG_TARGET,
			"build {id}: proven ({} of {} units, output {output_hash:?})",
			outcome.units_used,
			build.units,
		);
		// The proof made the chain keep the output while the build's record stays: the
		// note's deposit can come back, and the bytes stay.
		self.outputs_to_unnote.insert(output_hash);
		self.unnote_outputs(chain).await
	}

	/// Take back the deposits of the outputs this agent noted and proved: the chain keeps
	/// each one while its build's record stays (the proof requested it), so unnoting it
	/// leaves the bytes where the builder reads them.
	async fn unnote_outputs(&mut self, chain: &Chain) -> Result<(), ChainError> {
		let pending: Vec<H256> = self.outputs_to_unnote.iter().copied().collect();
		for hash in pending {
			let call = RuntimeCall::Preimage(pallet_preimage::Call::unnote_preimage { hash });
			match chain.submit(&self.signer, call).await {
				Ok(_) => log::info!(target: LOG_TARGET, "output {hash:?}: deposit taken back"),
				// Noted by someone else (whose deposit it is), or already unnoted.
				Err(ChainError::Failed(reason)) => {
					log::debug!(target: LOG_TARGET, "output {hash:?}: not unnoted: {reason}")
				}
				// The node is unreachable: try again next pass.
				Err(e) => return Err(e),
			}
			self.outputs_to_unnote.remove(&hash);
		}
		Ok(())
	}

	/// Look through open builds and accept the first one that runs within its units.
	async fn take_new_work(&mut self, chain: &Chain, head: Head) -> Result<(), ChainError> {
		let mut seen = HashSet::new();
		let mut start = None;
		loop {
			let page = chain.open_builds(start, OPEN_BUILDS_PER_PAGE, head.hash).await?;
			if self.take_from(chain, head, page.builds, &mut seen).await? {
				break;
			}
			match page.next {
				Some(next) if seen.len() < MAX_OPEN_BUILDS_PER_PASS => start = Some(next),
				_ => break,
			}
		}
		// The caches follow the open builds: a build that left them (taken, cancelled,
		// expired) is not looked at again, so its verdict (and output) goes. A build this
		// pass accepted was seen; the next pass proves it before looking for more.
		self.verdicts.retain(|id, _| seen.contains(id));
		self.not_taken.retain(|id| seen.contains(id));
		Ok(())
	}

	/// Accept the first build of `builds` that runs within its units. `Ok(true)` ends the
	/// pass's search: a build was accepted, or an accept was refused.
	async fn take_from(
		&mut self,
		chain: &Chain,
		head: Head,
		builds: Vec<(BuildId, BuildView<AccountId, Balance, BlockNumber>)>,
		seen: &mut HashSet<BuildId>,
	) -> Result<bool, ChainError> {
		for (id, build) in builds {
			seen.insert(id);
			if !self.wants(&build) {
				continue;
			}
			if matches!(self.verdicts.get(&id), Some(Verdict::Refused(_)))
				|| self.not_taken.contains(&id)
			{
				continue;
			}
			let Verdict::Ran(_) = self.verdict(chain, head, id, &build).await? else { continue };
			let call = RuntimeCall::Burn(pallet_burn::Call::accept_build { build_id: id });
			match chain.submit(&self.signer, call).await {
				Ok(_) => {
					log::info!(target: LOG_TARGET, "build {id}: accepted");
					return Ok(true);
				}
				// Another provider may have taken it between the read and the accept.
				Err(ChainError::Failed(reason)) => {
					log::info!(target: LOG_TARGET, "build {id}: not accepted ({reason})");
					self.not_taken.insert(id);
					// The refusal may be this provider's own accept from before a restart,
					// not finalized yet: look at assignments again before taking more.
					return Ok(true);
				}
				Err(e) => return Err(e),
			}
		}
		Ok(false)
	}

	/// Whether the agent's filters let it take `build`.
	fn wants(&self, build: &BuildView<AccountId, Balance, BlockNumber>) -> bool {
		let measurement_fits =
			build.required_measurement.is_none_or(|required| required == self.measurement);
		let price_per_unit = build.price.checked_div(Balance::from(build.units)).unwrap_or(0);
		measurement_fits
			&& build.units <= self.filters.max_units
			&& price_per_unit >= self.filters.min_price_per_unit
	}

	/// The verdict on build `id`: cached, or fetched, checked and run now.
	async fn verdict(
		&mut self,
		chain: &Chain,
		head: Head,
		id: BuildId,
		build: &BuildView<AccountId, Balance, BlockNumber>,
	) -> Result<Verdict, ChainError> {
		if let Some(verdict) = self.verdicts.get(&id) {
			return Ok(verdict.clone());
		}
		let sealed = chain.sealed_build(id, head.hash).await?;
		let verdict = match sealed {
			// Only a recipient can open the input, and only a recipient may take the build.
			Some(terms) if !terms.recipients.contains(&self.enclave.enclave_key()) => {
				Verdict::Refused("sealed to other enclaves".into())
			}
			sealed => match fetch_inputs(chain, head, build).await? {
				Err(Unrunnable::Missing(reason)) => Verdict::Unavailable(reason),
				Err(Unrunnable::Tampered(reason)) => {
					self.metrics.refused.inc();
					Verdict::Refused(reason)
				}
				Ok((program, input)) => match sealed {
					None => self.run(id, build, &program, &input),
					Some(terms) => self.run_sealed(chain, id, build, &terms, &program, &input),
				},
			},
		};
		match &verdict {
			Verdict::Refused(reason) => {
				log::info!(target: LOG_TARGET, "build {id}: refused: {reason}")
			}
			Verdict::Unavailable(reason) => {
				log::info!(target: LOG_TARGET, "build {id}: not runnable yet: {reason}");
				return Ok(verdict);
			}
			Verdict::Ran(_) => {}
		}
		self.verdicts.insert(id, verdict.clone());
		Ok(verdict)
	}
}

impl Agent {
	/// Runs `program` on `input` for build `id`, metered to the build's units.
	fn run(
		&self,
		id: BuildId,
		build: &BuildView<AccountId, Balance, BlockNumber>,
		program: &[u8],
		input: &[u8],
	) -> Verdict {
		log::info!(
			target: LOG_TARGET,
			"build {id}: running ({} program bytes, {} input bytes, {} units)",
			program.len(),
			input.len(),
			build.units,
		);
		// Compiling and running block the thread for as long as the build takes.
		let run = tokio::task::block_in_place(|| self.engine.run(program, input, build.units));
		match run {
			Ok(outcome) => {
				self.metrics.runs.inc();
				log::info!(
					target: LOG_TARGET,
					"build {id}: ran in {} units ({} fuel), {} output bytes",
					outcome.units_used,
					outcome.fuel_used,
					outcome.output.len(),
				);
				Verdict::Ran(outcome)
			}
			Err(error @ RunError::OutOfFuel { .. }) => {
				self.metrics.refused.inc();
				Verdict::Refused(format!("stopped: {error}"))
			}
			Err(error) if !error.is_deterministic() => {
				// This machine failed, not the program: try again next pass.
				Verdict::Unavailable(format!("could not run here: {error}"))
			}
			Err(error) => {
				self.metrics.refused.inc();
				Verdict::Refused(error.to_string())
			}
		}
	}

	/// Runs sealed build `id`: opens the input `envelope` inside the enclave, runs the
	/// program on the plaintext, and seals the output to the builder's output key. The
	/// verdict's output is the sealed output: what is noted on chain and proven. No
	/// plaintext is logged or written; both are wiped from memory when dropped.
	///
	/// An envelope that does not open is refused here, before the build is accepted.
	fn run_sealed(
		&self,
		chain: &Chain,
		id: BuildId,
		build: &BuildView<AccountId, Balance, BlockNumber>,
		terms: &SealedTerms,
		program: &[u8],
		envelope: &[u8],
	) -> Verdict {
		let context = seal_context(chain.genesis, build);
		let input = match self.enclave.open_input(envelope, &context) {
			Ok(input) => input,
			Err(error) => {
				self.metrics.refused.inc();
				return Verdict::Refused(format!("the sealed input does not open: {error}"));
			}
		};
		match self.run(id, build, program, &input) {
			Verdict::Ran(outcome) => {
				let plaintext = Zeroizing::new(outcome.output);
				match seal_output(&terms.output_key, &context, &plaintext) {
					Ok(sealed) => Verdict::Ran(RunOutcome { output: sealed, ..outcome }),
					Err(error) => Verdict::Refused(format!("the output does not seal: {error}")),
				}
			}
			other => other,
		}
	}
}

/// What a sealed build's envelopes are bound to: this chain, the build's builder and its
/// program.
pub fn seal_context(
	genesis: H256,
	build: &BuildView<AccountId, Balance, BlockNumber>,
) -> SealContext {
	let builder: &[u8; 32] = build.builder.as_ref();
	SealContext { genesis_hash: genesis.0, builder: *builder, spec_hash: build.spec_hash.0 }
}

/// Seals a run's `plaintext` output to the builder's `output_key`. The sealed payload is
/// `blake2_256(plaintext) ‖ plaintext`, so the builder who opens it can check the bytes
/// against the hash the enclave computed (docs/architecture.md §5).
pub fn seal_output(
	output_key: &SealingKey,
	context: &SealContext,
	plaintext: &[u8],
) -> Result<Vec<u8>, azra_sealing::SealError> {
	let mut payload = Zeroizing::new(Vec::with_capacity(32 + plaintext.len()));
	payload.extend_from_slice(&blake2_256(plaintext));
	payload.extend_from_slice(plaintext);
	azra_sealing::seal(
		Purpose::Output,
		&[*output_key],
		context,
		&payload,
		&mut azra_sealing::os_rng(),
	)
}

/// How [`super::chain::describe_dispatch_error`] names the preimage pallet's `AlreadyNoted`.
fn already_noted() -> String {
	let error = pallet_preimage::Error::<azra_runtime::Runtime>::AlreadyNoted;
	format!("{:?}", azra_runtime::RuntimeError::Preimage(error))
}

/// Why the enclave `key` must be attested now, if it must: it is not registered, not
/// eligible, or its attestation expires within `margin` blocks of `now`.
pub fn attestation_due(
	view: &ProviderView<Balance, BlockNumber>,
	key: &pallet_attestation::EnclaveKey,
	now: BlockNumber,
	margin: BlockNumber,
) -> Option<&'static str> {
	match view.enclaves.iter().find(|e| &e.key == key) {
		None => Some("not registered"),
		Some(e) if !e.eligible => Some("not eligible"),
		Some(e) if e.expires_at <= now.saturating_add(margin) => Some("attestation expires soon"),
		Some(_) => None,
	}
}

/// Why a build's program or input cannot be run.
#[derive(Clone, Debug)]
pub enum Unrunnable {
	/// Not noted on chain (yet).
	Missing(String),
	/// The bytes served do not hash to what the builder paid for.
	Tampered(String),
}

/// Program and input of `build` from the chain's preimages, each checked against the
/// hash the builder paid for: the node serving the agent is not trusted with them.
pub async fn fetch_inputs(
	chain: &Chain,
	head: Head,
	build: &BuildView<AccountId, Balance, BlockNumber>,
) -> Result<Result<(Vec<u8>, Vec<u8>), Unrunnable>, ChainError> {
	let mut blobs = Vec::with_capacity(2);
	for (what, hash) in [("program", build.spec_hash), ("input", build.input_hash)] {
		let Some(bytes) = chain.preimage(hash, head.hash).await? else {
			return Ok(Err(Unrunnable::Missing(format!("{what} {hash:?} is not noted on chain"))));
		};
		let actual = H256(blake2_256(&bytes));
		if actual != hash {
			return Ok(Err(Unrunnable::Tampered(format!(
				"{what} hash mismatch: wanted {hash:?}, got {actual:?}"
			))));
		}
		blobs.push(bytes);
	}
	let input = blobs.pop().unwrap_or_default();
	let program = blobs.pop().unwrap_or_default();
	Ok(Ok((program, input)))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn already_noted_is_how_the_chain_describes_a_second_note() {
		let error: sp_runtime::DispatchError =
			pallet_preimage::Error::<azra_runtime::Runtime>::AlreadyNoted.into();
		assert_eq!(super::super::chain::describe_dispatch_error(&error), already_noted());
	}

	fn view(
		enclaves: Vec<azra_runtime_api::EnclaveView<BlockNumber>>,
	) -> ProviderView<Balance, BlockNumber> {
		ProviderView { enclaves, current_epoch: 0, current_points: 0, unpaid: vec![] }
	}

	fn enclave(
		key: u8,
		eligible: bool,
		expires_at: BlockNumber,
	) -> azra_runtime_api::EnclaveView<BlockNumber> {
		azra_runtime_api::EnclaveView {
			key: pallet_attestation::EnclaveKey::Sr25519([key; 32]),
			measurement: H256::zero(),
			tcb_status: azra_primitives::TcbStatus::UpToDate,
			fmspc: [0; 6],
			registered_at: 0,
			expires_at,
			eligible,
		}
	}

	fn build_by(builder: AccountId) -> BuildView<AccountId, Balance, BlockNumber> {
		BuildView {
			builder,
			spec_hash: H256::repeat_byte(0x5b),
			input_hash: H256::repeat_byte(0x1b),
			units: 10,
			price: 10,
			required_measurement: None,
			state: BuildState::Open,
		}
	}

	/// The enclave opens what a builder sealed to its sealing key for this chain, builder
	/// and program, and nothing sealed for another chain or builder; the output it seals
	/// opens with the builder's key and starts with the plaintext's hash.
	#[test]
	fn a_sealed_input_opens_in_the_enclave_only_in_its_context_and_the_output_goes_back_sealed() {
		use super::super::enclave::{DevEnclave, EnclaveKeyPair};
		let enclave = DevEnclave::new(
			EnclaveKeyPair::from_secret_uri("//AliceEnclave").expect("a dev key"),
			azra_dev_pki::Tee::Sgx,
		)
		.expect("the dev enclave starts");
		let genesis = H256::repeat_byte(0x9e);
		let build = build_by(AccountId::new([0xb1; 32]));
		let context = seal_context(genesis, &build);
		let mut rng = azra_sealing::os_rng();
		let envelope = azra_sealing::seal(
			Purpose::Input,
			&[enclave.sealing_key()],
			&context,
			b"marker: the builder's secret",
			&mut rng,
		)
		.expect("seals");
		let opened = enclave.open_input(&envelope, &context).expect("the recipient opens it");
		assert_eq!(&opened[..], b"marker: the builder's secret");

		let elsewhere = seal_context(H256::repeat_byte(0x01), &build);
		assert!(enclave.open_input(&envelope, &elsewhere).is_err(), "another chain's envelope");
		let copied = seal_context(genesis, &build_by(AccountId::new([0xb2; 32])));
		assert!(enclave.open_input(&envelope, &copied).is_err(), "another builder's envelope");
		let mut tampered = envelope.clone();
		let last = tampered.len() - 1;
		tampered[last] ^= 1;
		assert!(enclave.open_input(&tampered, &context).is_err(), "a changed byte");

		let builder_key = azra_sealing::KeyPair::generate_with_os_rng();
		let sealed = seal_output(&builder_key.public(), &context, b"the output").expect("seals");
		assert!(!sealed.windows(10).any(|w| w == b"the output"), "the plaintext is not visible");
		let payload = azra_sealing::open(Purpose::Output, &sealed, &builder_key, &context)
			.expect("the builder opens its output");
		assert_eq!(payload[..32], blake2_256(b"the output"));
		assert_eq!(&payload[32..], b"the output");
		// An output envelope is never taken for an input one.
		assert!(enclave.open_input(&sealed, &context).is_err());
	}

	#[test]
	fn the_enclave_is_attested_when_missing_ineligible_or_about_to_expire() {
		let key = pallet_attestation::EnclaveKey::Sr25519([1; 32]);
		// Another key of the provider does not count.
		assert_eq!(
			attestation_due(&view(vec![enclave(2, true, 10_000)]), &key, 100, 600),
			Some("not registered")
		);
		assert_eq!(
			attestation_due(&view(vec![enclave(1, false, 10_000)]), &key, 100, 600),
			Some("not eligible")
		);
		// Re-attested once fewer than `margin` blocks are left, not before.
		assert_eq!(attestation_due(&view(vec![enclave(1, true, 701)]), &key, 100, 600), None);
		assert_eq!(
			attestation_due(&view(vec![enclave(1, true, 700)]), &key, 100, 600),
			Some("attestation expires soon")
		);
		assert_eq!(
			attestation_due(&view(vec![enclave(1, true, 50)]), &key, 100, 600),
			Some("attestation expires soon")
		);
	}
}
