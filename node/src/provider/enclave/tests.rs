use super::*;
use azra_dev_pki::CollateralOptions;
use pallet_attestation::VerifiedQuoteV2;
use sp_keyring::Sr25519Keyring;
use std::{
	collections::HashMap,
	sync::{atomic::AtomicBool, Arc},
	thread::JoinHandle,
};

fn unix_now() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.expect("after 1970")
		.as_secs()
}

/// Verify `quote` as a dev chain does: the chain's own native verifier, the dev root
/// that dev presets trust, fresh dev collateral.
fn verify_as_dev_chain(quote: &[u8], tee: Tee) -> VerifiedQuoteV2 {
	let now = unix_now();
	let collateral = DevPki::new()
		.expect("dev PKI")
		.collateral_bytes(tee, &CollateralOptions::issued_at(now - 60))
		.expect("collateral");
	pallet_attestation::dcap::native::verify_quote_v2(
		quote,
		&collateral,
		azra_runtime::dev_pki::DEV_ROOT_CA,
		now,
	)
	.expect("the quote verifies as on chain")
}

fn dev_enclave(seed: &str, tee: Tee) -> DevEnclave {
	DevEnclave::new(EnclaveKeyPair::from_secret_uri(seed).expect("seed"), tee).expect("dev enclave")
}

fn claim() -> WorkClaim<AccountId> {
	WorkClaim {
		genesis_hash: H256([2; 32]),
		build_id: 7,
		spec_hash: H256([3; 32]),
		input_hash: H256([4; 32]),
		output_hash: H256([5; 32]),
		units_used: 1_000,
		provider: Sr25519Keyring::Bob.to_account_id(),
	}
}

/// Whether `proof` holds for `claim`, checked as the attestation pallet checks it.
fn proves(proof: &WorkProof, claim: &WorkClaim<AccountId>) -> bool {
	match (&proof.enclave_key, &proof.signature) {
		(EnclaveKey::Sr25519(public), MultiSignature::Sr25519(signature)) => sr25519::Pair::verify(
			signature,
			claim.signing_payload(),
			&sr25519::Public::from_raw(*public),
		),
		_ => false,
	}
}

#[test]
fn a_dev_registration_quote_verifies_and_commits_to_the_registration() {
	let (genesis, nonce) = (H256([2; 32]), H256([1; 32]));
	let provider = Sr25519Keyring::Bob.to_account_id();
	for tee in [Tee::Sgx, Tee::Tdx] {
		let enclave = dev_enclave("//BobEnclave", tee);
		let quote = enclave.registration_quote(&genesis, &provider, &nonce).expect("quote");
		let verified = verify_as_dev_chain(&quote, tee);

		let key = enclave.enclave_key();
		let expected = registration_report_data(&genesis, &provider, &key, &nonce);
		assert_eq!(verified.quote.report_data[..32], expected);
		// The second half carries the sealing key, which is the enclave key's own.
		assert_eq!(verified.quote.report_data[32..], enclave.sealing_key());
		assert_ne!(enclave.sealing_key(), [0; 32]);
		assert!(!verified.quote.debug);
		assert!(enclave.measurement().matches_quote(&verified));

		// Each part of the registration is bound: changing any one changes the data.
		let other = H256([9; 32]);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let other_key = EnclaveKey::Sr25519([9; 32]);
		for changed in [
			registration_report_data(&other, &provider, &key, &nonce),
			registration_report_data(&genesis, &alice, &key, &nonce),
			registration_report_data(&genesis, &provider, &other_key, &nonce),
			registration_report_data(&genesis, &provider, &key, &other),
		] {
			assert_ne!(verified.quote.report_data[..32], changed);
		}
	}
	// Dev presets allow-list the SGX dev runtime: the dev SGX enclave is that one.
	assert_eq!(
		dev_enclave("//BobEnclave", Tee::Sgx).measurement(),
		azra_runtime::dev_pki::dev_runtime_measurement()
	);
}

#[test]
fn a_dev_enclave_under_debug_says_so_in_its_quotes() {
	let enclave = dev_enclave("//BobEnclave", Tee::Sgx).under_debug();
	let verified = verify_as_dev_chain(&enclave.quote([7; 64]).expect("quote"), Tee::Sgx);
	assert!(verified.quote.debug);
	assert_eq!(verified.quote.report_data, [7; 64]);
	assert!(enclave.describe().contains("debug"));
}

#[test]
fn a_work_proof_holds_for_its_claim_only() {
	let enclave = dev_enclave("//BobEnclave", Tee::Sgx);
	let claim = claim();
	let proof = enclave.sign_work(&claim);
	assert_eq!(proof.enclave_key, enclave.enclave_key());
	assert!(proves(&proof, &claim));

	let changes: [fn(&mut WorkClaim<AccountId>); 4] = [
		|c| c.units_used += 1,
		|c| c.output_hash = H256([6; 32]),
		|c| c.genesis_hash = H256([6; 32]),
		|c| c.provider = Sr25519Keyring::Alice.to_account_id(),
	];
	for change in changes {
		let mut changed = claim.clone();
		change(&mut changed);
		assert!(!proves(&proof, &changed));
	}
	// Another enclave's key does not make this enclave's proofs.
	let other = dev_enclave("//AliceEnclave", Tee::Sgx).sign_work(&claim);
	assert_ne!(other.enclave_key, proof.enclave_key);
}

#[test]
fn the_dev_enclave_cli_and_the_dev_enclave_agree() {
	use crate::dev_enclave::DevEnclaveCmd;
	// Every byte (`HexDisplay` shortens long data for display).
	let hex =
		|bytes: &[u8]| bytes.iter().fold(String::from("0x"), |text, b| format!("{text}{b:02x}"));
	let provider = Sr25519Keyring::Bob.to_account_id();
	let (genesis, nonce) = (H256([2; 32]), H256([1; 32]));
	let claim = WorkClaim { provider: provider.clone(), ..claim() };

	for (tee, name) in [(Tee::Sgx, "sgx"), (Tee::Tdx, "tdx")] {
		let enclave = dev_enclave("//BobEnclave", tee);
		let cli = DevEnclaveCmd::Quote {
			provider: hex(provider.as_ref()),
			enclave_seed: "//BobEnclave".into(),
			nonce: hex(nonce.as_bytes()),
			genesis: hex(genesis.as_bytes()),
			tee: name.into(),
			debug: false,
		}
		.output()
		.expect("CLI quote");
		// The dev PKI signs deterministically (RFC 6979): equal inputs, equal bytes.
		let quote = enclave.registration_quote(&genesis, &provider, &nonce).expect("quote");
		assert_eq!(cli["quote"], hex(&quote));
		let EnclaveKey::Sr25519(key) = enclave.enclave_key() else { panic!("sr25519") };
		assert_eq!(cli["enclaveKey"]["Sr25519"], hex(&key));
		assert_eq!(cli["measurement"], format!("{:?}", enclave.measurement().id()));
	}

	let cli = DevEnclaveCmd::SignWork {
		enclave_seed: "//BobEnclave".into(),
		provider: hex(provider.as_ref()),
		genesis: hex(claim.genesis_hash.as_bytes()),
		build_id: claim.build_id,
		spec_hash: hex(claim.spec_hash.as_bytes()),
		input_hash: hex(claim.input_hash.as_bytes()),
		output_hash: hex(claim.output_hash.as_bytes()),
		units_used: claim.units_used,
	}
	.output()
	.expect("CLI proof");
	let enclave = dev_enclave("//BobEnclave", Tee::Sgx);
	let EnclaveKey::Sr25519(key) = enclave.enclave_key() else { panic!("sr25519") };
	assert_eq!(cli["enclaveKey"]["Sr25519"], hex(&key));
	assert_eq!(cli["proof"]["enclaveKey"]["Sr25519"], hex(&key));
	// sr25519 signatures are randomised, so the CLI's equals the enclave's in what it
	// proves, not in its bytes.
	let signature = cli["proof"]["signature"]["Sr25519"].as_str().expect("signature");
	let raw = sp_core::bytes::from_hex(signature).expect("hex");
	let raw: [u8; 64] = raw.try_into().expect("64 bytes");
	let from_cli = WorkProof {
		enclave_key: enclave.enclave_key(),
		signature: MultiSignature::Sr25519(sr25519::Signature::from_raw(raw)),
	};
	assert!(proves(&from_cli, &claim));
	assert!(proves(&enclave.sign_work(&claim), &claim));
}

#[test]
fn bad_tee_names_and_secret_uris_are_refused() {
	assert!(matches!(parse_tee("sgx"), Ok(Tee::Sgx)));
	assert!(matches!(parse_tee("tdx"), Ok(Tee::Tdx)));
	assert!(matches!(parse_tee("sev"), Err(EnclaveError::UnknownTee(t)) if t == "sev"));
	assert!(matches!(
		EnclaveKeyPair::from_secret_uri("not a secret uri ///"),
		Err(EnclaveError::SecretUri(_))
	));
}

/// A directory under the system's temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
	fn new(label: &str) -> Self {
		static NEXT: AtomicU64 = AtomicU64::new(0);
		let n = NEXT.fetch_add(1, Ordering::Relaxed);
		let path =
			std::env::temp_dir().join(format!("azra-tsm-test-{}-{label}-{n}", std::process::id()));
		fs::create_dir_all(&path).expect("temp dir");
		Self(path)
	}
}

impl Drop for TempDir {
	fn drop(&mut self) {
		let _ = fs::remove_dir_all(&self.0);
	}
}

/// What the simulated kernel does once an entry's report data is written: bump the
/// generation by this much and publish this quote, or (`None`) never answer.
type Answer = Box<dyn FnMut(usize, [u8; 64]) -> Option<(u64, Vec<u8>)> + Send>;

/// A thread that plays the kernel's configfs-tsm in a plain directory: it gives each
/// new entry its `generation` (0) and `provider`; once the entry's `inblob` holds 64
/// bytes it bumps `generation` (as the kernel does on that write) and then publishes
/// `outblob`. Each file appears whole (written aside, then renamed), as configfs
/// attributes do.
struct Kernel {
	stop: Arc<AtomicBool>,
	thread: Option<JoinHandle<usize>>,
}

impl Kernel {
	fn start(root: &Path, provider: &'static str, mut answer: Answer) -> Self {
		let stop = Arc::new(AtomicBool::new(false));
		let (root, stopped) = (root.to_path_buf(), stop.clone());
		let thread = thread::spawn(move || {
			// Entry name → (its number, answered yet).
			let mut entries: HashMap<PathBuf, (usize, bool)> = HashMap::new();
			while !stopped.load(Ordering::Relaxed) {
				let dirs = fs::read_dir(&root).map(|d| d.flatten().map(|e| e.path()));
				for dir in dirs.into_iter().flatten() {
					let next = entries.len();
					let (number, answered) = entries.entry(dir.clone()).or_insert_with(|| {
						publish(&dir, "generation", b"0\n");
						publish(&dir, "provider", format!("{provider}\n").as_bytes());
						(next, false)
					});
					if *answered {
						continue;
					}
					let Ok(report_data) = fs::read(dir.join("inblob")) else { continue };
					let Ok(report_data) = <[u8; 64]>::try_from(report_data) else {
						continue;
					};
					*answered = true;
					if let Some((bump, quote)) = answer(*number, report_data) {
						publish(&dir, "generation", format!("{bump}\n").as_bytes());
						publish(&dir, "outblob", &quote);
					}
				}
				thread::sleep(Duration::from_millis(1));
			}
			entries.len()
		});
		Self { stop, thread: Some(thread) }
	}

	/// Stop and say how many report entries were made.
	fn entries(mut self) -> usize {
		self.stop.store(true, Ordering::Relaxed);
		self.thread.take().expect("running").join().expect("kernel thread")
	}
}

impl Drop for Kernel {
	fn drop(&mut self) {
		self.stop.store(true, Ordering::Relaxed);
	}
}

/// Write `name` in `dir` whole, as configfs shows an attribute. Entries may vanish
/// under the simulation (the agent removes them), so failures are ignored.
fn publish(dir: &Path, name: &str, bytes: &[u8]) {
	let aside = dir.join(format!(".{name}.new"));
	if fs::write(&aside, bytes).is_ok() {
		let _ = fs::rename(&aside, dir.join(name));
	}
}

/// The simulated kernel's honest answer: a dev-PKI TDX quote of the report data.
fn tdx_quotes() -> Answer {
	let pki = DevPki::new().expect("dev PKI");
	let guest = Identity::Tdx(TdxGuest::azra_dev_runtime());
	Box::new(move |_, report_data| Some((1, pki.quote(&guest, report_data).ok()?)))
}

fn tsm(root: &Path) -> ConfigfsTsm {
	ConfigfsTsm::new(root, EnclaveKeyPair::from_secret_uri("//BobEnclave").expect("seed"))
}

fn is_empty(dir: &Path) -> bool {
	fs::read_dir(dir).expect("root").next().is_none()
}

#[test]
fn configfs_tsm_quotes_through_the_kernel_and_removes_its_entry() {
	let root = TempDir::new("quote");
	let kernel = Kernel::start(&root.0, TDX_GUEST_PROVIDER, tdx_quotes());
	// As the agent holds it: behind the trait.
	let tsm: Box<dyn Enclave> = Box::new(tsm(&root.0));
	let (genesis, nonce) = (H256([2; 32]), H256([1; 32]));
	let provider = Sr25519Keyring::Bob.to_account_id();

	let quote = tsm.registration_quote(&genesis, &provider, &nonce).expect("quote");
	let verified = verify_as_dev_chain(&quote, Tee::Tdx);
	assert_eq!(
		verified.quote.report_data,
		registration_report(&genesis, &provider, &tsm.enclave_key(), &nonce, &tsm.sealing_key())
	);
	// The sealing key is the enclave key's: the same seed gives the same one, wherever
	// the key is held, so a restarted agent re-attests with the key builders know.
	assert_eq!(tsm.sealing_key(), dev_enclave("//BobEnclave", Tee::Tdx).sealing_key());
	assert_ne!(tsm.sealing_key(), dev_enclave("//AliceEnclave", Tee::Tdx).sealing_key());
	assert_eq!(kernel.entries(), 1);
	assert!(is_empty(&root.0));
	assert!(tsm.describe().contains("configfs-tsm"));

	// Work proofs come from the agent's key, like the dev enclave's.
	let proof = tsm.sign_work(&claim());
	assert_eq!(proof.enclave_key, dev_enclave("//BobEnclave", Tee::Tdx).enclave_key());
	assert!(proves(&proof, &claim()));
}

#[test]
fn configfs_tsm_retries_a_collision_with_a_fresh_entry() {
	let root = TempDir::new("collision");
	let mut honest = tdx_quotes();
	// The first entry also takes another writer's report data: two writes, and the
	// quote answers the other writer's.
	let answer: Answer = Box::new(move |number, report_data| {
		let (bump, quote) = honest(number, report_data)?;
		if number == 0 {
			Some((bump + 1, honest(number, [0xee; 64])?.1))
		} else {
			Some((bump, quote))
		}
	});
	let kernel = Kernel::start(&root.0, TDX_GUEST_PROVIDER, answer);
	let quote = tsm(&root.0).quote([5; 64]).expect("quote");
	assert_eq!(verify_as_dev_chain(&quote, Tee::Tdx).quote.report_data, [5; 64]);
	assert_eq!(kernel.entries(), 2);
	assert!(is_empty(&root.0));
}

#[test]
fn a_generation_that_keeps_changing_ends_in_generation_changed() {
	let root = TempDir::new("generation");
	let mut honest = tdx_quotes();
	let answer: Answer = Box::new(move |number, report_data| {
		honest(number, report_data).map(|(bump, quote)| (bump + 1, quote))
	});
	let kernel = Kernel::start(&root.0, TDX_GUEST_PROVIDER, answer);
	let result = tsm(&root.0).quote([5; 64]);
	assert!(
		matches!(result, Err(EnclaveError::GenerationChanged { attempts }) if attempts == GENERATION_ATTEMPTS),
		"{result:?}"
	);
	assert_eq!(kernel.entries(), GENERATION_ATTEMPTS as usize);
	assert!(is_empty(&root.0));
}

#[test]
fn configfs_tsm_refuses_another_provider() {
	let root = TempDir::new("provider");
	let kernel = Kernel::start(&root.0, "sev_guest", tdx_quotes());
	let result = tsm(&root.0).quote([5; 64]);
	assert!(
		matches!(&result, Err(EnclaveError::WrongProvider { expected, found })
			if *expected == TDX_GUEST_PROVIDER && found == "sev_guest"),
		"{result:?}"
	);
	assert_eq!(kernel.entries(), 1);
	assert!(is_empty(&root.0));
}

#[test]
fn configfs_tsm_without_the_interface_says_it_is_missing() {
	let root = TempDir::new("missing");
	let result = tsm(&root.0.join("tsm/report")).quote([5; 64]);
	assert!(matches!(result, Err(EnclaveError::InterfaceMissing { .. })), "{result:?}");
	// A directory no kernel serves never grows the attributes.
	let result = tsm(&root.0).with_wait(Duration::from_millis(50)).quote([5; 64]);
	assert!(matches!(result, Err(EnclaveError::InterfaceMissing { .. })), "{result:?}");
	assert!(is_empty(&root.0));
}

#[test]
fn configfs_tsm_ends_an_empty_or_oversized_quote_in_its_error() {
	let root = TempDir::new("silent");
	let kernel = Kernel::start(&root.0, TDX_GUEST_PROVIDER, Box::new(|_, _| None));
	let result = tsm(&root.0).with_wait(Duration::from_millis(100)).quote([5; 64]);
	assert!(matches!(result, Err(EnclaveError::EmptyQuote { .. })), "{result:?}");
	assert_eq!(kernel.entries(), 1);

	let root = TempDir::new("oversized");
	let too_long = max_quote_len() + 1;
	let kernel = Kernel::start(
		&root.0,
		TDX_GUEST_PROVIDER,
		Box::new(move |_, _| Some((1, vec![1; too_long]))),
	);
	let result = tsm(&root.0).quote([5; 64]);
	assert!(
		matches!(result, Err(EnclaveError::QuoteTooLarge { len, .. }) if len == too_long),
		"{result:?}"
	);
	assert_eq!(kernel.entries(), 1);
	assert!(is_empty(&root.0));
}
