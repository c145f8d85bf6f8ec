//! [`ConfigfsTsm`]: quotes from a Linux TDX guest's kernel through `configfs-tsm`.

use super::*;

/// Where Linux mounts `configfs-tsm`'s report interface.
pub const TSM_REPORT_ROOT: &str = "/sys/kernel/config/tsm/report";

/// The `provider` a TDX guest's kernel names (its `tdx_guest` driver): the one whose
/// `outblob` is a DCAP quote.
pub const TDX_GUEST_PROVIDER: &str = "tdx_guest";

/// Attempts at a quote before [`EnclaveError::GenerationChanged`]. Each uses its own
/// report entry, so only a writer that targets this agent's entries can make them all fail.
pub const GENERATION_ATTEMPTS: u32 = 3;

/// How long an attempt waits for the entry's attributes and quote by default.
pub const DEFAULT_QUOTE_WAIT: Duration = Duration::from_secs(10);

/// The most `outblob` can hold (the kernel's `TSM_REPORT_OUTBLOB_MAX`, 32 KiB).
const OUTBLOB_MAX: u64 = 32 * 1024;

/// The most a text attribute (`provider`, `generation`) can hold: one page.
const ATTRIBUTE_MAX: u64 = 4096;

/// Pause between looks at an attribute that is not there yet.
const POLL_INTERVAL: Duration = Duration::from_millis(5);

/// When an attempt stops waiting (kept as a start and a span, so no wait can overflow).
#[derive(Clone, Copy)]
struct Deadline {
	start: Instant,
	wait: Duration,
}

impl Deadline {
	fn passed(&self) -> bool {
		self.start.elapsed() >= self.wait
	}
}

/// Makes report entry names unique within the process (the process id makes them unique
/// among processes).
static NEXT_ENTRY: AtomicU64 = AtomicU64::new(0);

/// A TDX guest's enclave: the Linux kernel's `configfs-tsm` report interface quotes, and an
/// sr25519 key held by the agent inside the guest signs work.
///
/// For each quote it creates a report entry (`mkdir` under the root), checks the entry's
/// `provider` is [`TDX_GUEST_PROVIDER`], reads `generation`, writes the 64 bytes of report
/// data to `inblob`, reads the quote from `outblob`, reads `generation` again and removes
/// the entry. The kernel bumps `generation` on every write to the entry, so anything but
/// one more than before means another writer's report data may be in the quote: the
/// attempt is dropped and retried with a new entry, [`GENERATION_ATTEMPTS`] times in all,
/// then [`EnclaveError::GenerationChanged`].
///
/// On configfs every attribute exists as soon as the entry does and reading `outblob`
/// blocks until the quote is made, so the first look always finds them. Where the root is
/// a plain directory (as in this module's tests, where a thread plays the kernel), files
/// appear only when written: an attempt therefore looks again, every few milliseconds, at
/// an attribute that is missing or empty, until [`DEFAULT_QUOTE_WAIT`] (or
/// [`Self::with_wait`]) runs out. The same code runs in both.
///
/// The enclave key: on real hardware it must be generated inside the trust domain and
/// never leave it (a key from a seed the host or the operator also knows lets them sign
/// work the TD never did). Its binding to the TD comes from the quote alone, whose report
/// data commits to it ([`registration_report`]); nothing else ties the two together.
///
/// Not exercised on TDX hardware: there is none on the machine this was written on. It is
/// tested against a simulated report directory only.
pub struct ConfigfsTsm {
	root: PathBuf,
	key: EnclaveKeyPair,
	sealing: azra_sealing::KeyPair,
	wait: Duration,
}

impl ConfigfsTsm {
	/// The report interface at `root` (normally [`TSM_REPORT_ROOT`]), with the enclave key
	/// `key`.
	pub fn new(root: impl Into<PathBuf>, key: EnclaveKeyPair) -> Self {
		let sealing = key.sealing_key_pair();
		Self { root: root.into(), key, sealing, wait: DEFAULT_QUOTE_WAIT }
	}

	/// The same, waiting at most `wait` per attempt for the entry's attributes and quote.
	#[cfg(test)]
	pub fn with_wait(self, wait: Duration) -> Self {
		Self { wait, ..self }
	}

	/// One attempt with a fresh report entry: the quote, or `None` if the generation shows
	/// another writer.
	fn attempt(&self, report_data: &[u8; 64]) -> Result<Option<Vec<u8>>, EnclaveError> {
		match fs::metadata(&self.root) {
			Ok(meta) if meta.is_dir() => {}
			Ok(_) => {
				return Err(EnclaveError::InterfaceMissing {
					path: self.root.clone(),
					reason: "not a directory",
				})
			}
			Err(e) if e.kind() == io::ErrorKind::NotFound => {
				return Err(EnclaveError::InterfaceMissing {
					path: self.root.clone(),
					reason: "no configfs-tsm report directory (not a TDX guest, configfs not \
					         mounted, or a kernel older than 6.7)",
				})
			}
			Err(source) => {
				return Err(EnclaveError::Io { action: "inspect", path: self.root.clone(), source })
			}
		}
		let entry = ReportEntry::create(&self.root)?;
		let deadline = Deadline { start: Instant::now(), wait: self.wait };

		let provider = entry.attribute("provider", deadline)?;
		let provider = String::from_utf8_lossy(&provider);
		if provider.trim() != TDX_GUEST_PROVIDER {
			return Err(EnclaveError::WrongProvider {
				expected: TDX_GUEST_PROVIDER,
				found: provider.trim().into(),
			});
		}

		let before = entry.generation(deadline)?;
		// One write of all 64 bytes: configfs hands a binary attribute to the kernel when
		// the file is closed (here, inside `fs::write`), as a single update.
		let inblob = entry.path.join("inblob");
		fs::write(&inblob, report_data).map_err(|source| EnclaveError::Io {
			action: "write report data to",
			path: inblob,
			source,
		})?;
		let outblob = entry.path.join("outblob");
		let quote = poll_read(&outblob, OUTBLOB_MAX, deadline)?
			.ok_or_else(|| EnclaveError::EmptyQuote { origin: outblob.display().to_string() })?;
		let after = entry.generation(deadline)?;
		if before.checked_add(1) != Some(after) {
			return Ok(None);
		}
		within_chain_bound(quote).map(Some)
	}
}

impl Enclave for ConfigfsTsm {
	fn describe(&self) -> String {
		format!(
			"TDX guest via configfs-tsm at {}, enclave key {}",
			self.root.display(),
			key_text(&self.enclave_key()),
		)
	}

	fn enclave_key(&self) -> EnclaveKey {
		self.key.enclave_key()
	}

	fn sealing_key(&self) -> SealingKey {
		self.sealing.public()
	}

	fn open_input(
		&self,
		envelope: &[u8],
		context: &SealContext,
	) -> Result<Zeroizing<Vec<u8>>, SealError> {
		// The agent runs inside the TD: opening here keeps the plaintext in the TD's memory.
		azra_sealing::open(Purpose::Input, envelope, &self.sealing, context).map(Zeroizing::new)
	}

	fn quote(&self, report_data: [u8; 64]) -> Result<Vec<u8>, EnclaveError> {
		for _ in 0..GENERATION_ATTEMPTS {
			if let Some(quote) = self.attempt(&report_data)? {
				return Ok(quote);
			}
		}
		Err(EnclaveError::GenerationChanged { attempts: GENERATION_ATTEMPTS })
	}

	fn sign_work(&self, claim: &WorkClaim<AccountId>) -> WorkProof {
		self.key.sign_work(claim)
	}
}

/// A `configfs-tsm` report entry this agent created, removed when dropped.
struct ReportEntry {
	path: PathBuf,
}

impl ReportEntry {
	/// A new entry under `root`, named after this process so that concurrent agents never
	/// share one.
	fn create(root: &Path) -> Result<Self, EnclaveError> {
		// A name can only be taken by an entry a crashed process with the same id left
		// behind; a few more numbers get past such leftovers.
		const NAME_TRIES: u32 = 16;
		let mut tries_left = NAME_TRIES;
		loop {
			tries_left = tries_left.saturating_sub(1);
			let n = NEXT_ENTRY.fetch_add(1, Ordering::Relaxed);
			let path = root.join(format!("azra-{}-{n}", std::process::id()));
			match fs::create_dir(&path) {
				Ok(()) => return Ok(Self { path }),
				Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries_left > 0 => {}
				Err(source) => {
					return Err(EnclaveError::Io { action: "create report entry", path, source })
				}
			}
		}
	}

	/// The text attribute `name`, waiting until `deadline` for it to appear.
	fn attribute(&self, name: &str, deadline: Deadline) -> Result<Vec<u8>, EnclaveError> {
		let path = self.path.join(name);
		poll_read(&path, ATTRIBUTE_MAX, deadline)?.ok_or(EnclaveError::InterfaceMissing {
			path,
			reason: "the report entry has no such attribute (not configfs-tsm)",
		})
	}

	/// The entry's write count.
	fn generation(&self, deadline: Deadline) -> Result<u64, EnclaveError> {
		let text = self.attribute("generation", deadline)?;
		let text = String::from_utf8_lossy(&text);
		text.trim().parse().map_err(|_| EnclaveError::MalformedGeneration {
			path: self.path.join("generation"),
			found: text.trim().into(),
		})
	}
}

impl Drop for ReportEntry {
	fn drop(&mut self) {
		// On configfs, rmdir takes the attributes with the entry. A plain directory keeps
		// the files written into it, so they go first; configfs never reaches that branch.
		// Errors are dropped: nothing here can do better, and a leftover entry holds only
		// public report data.
		if fs::remove_dir(&self.path).is_err() {
			let _ = fs::remove_dir_all(&self.path);
		}
	}
}

/// The contents of `path` (at most `limit + 1` bytes, enough to tell it is too long), or
/// `None` if it was still missing or empty at `deadline`.
fn poll_read(path: &Path, limit: u64, deadline: Deadline) -> Result<Option<Vec<u8>>, EnclaveError> {
	loop {
		let mut bytes = Vec::new();
		let read = fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes));
		match read {
			Ok(_) if !bytes.is_empty() => return Ok(Some(bytes)),
			Ok(_) => {}
			Err(e) if e.kind() == io::ErrorKind::NotFound => {}
			Err(source) => {
				return Err(EnclaveError::Io { action: "read", path: path.to_path_buf(), source })
			}
		}
		if deadline.passed() {
			return Ok(None);
		}
		thread::sleep(POLL_INTERVAL);
	}
}
