//! [`DevEnclave`]: the dev PKI plays the TEE (dev and local chains only).

use super::*;

/// AzraCode's dev build runtime on `tee` (under debug if `debug`, which chains reject).
pub fn dev_identity(tee: Tee, debug: bool) -> Identity {
	match tee {
		Tee::Sgx => Identity::Sgx(SgxEnclave { debug, ..SgxEnclave::azra_dev_runtime() }),
		Tee::Tdx => Identity::Tdx(TdxGuest { debug, ..TdxGuest::azra_dev_runtime() }),
	}
}

/// The dev enclave: the dev PKI quotes for AzraCode's dev build runtime, and an sr25519
/// key held by the agent signs work.
///
/// For dev and local chains, which trust the dev root. The dev PKI's private keys are
/// public, so these quotes prove nothing on a chain that trusts Intel's root, and such a
/// chain rejects them.
pub struct DevEnclave {
	key: EnclaveKeyPair,
	sealing: azra_sealing::KeyPair,
	identity: Identity,
	pki: DevPki,
}

impl DevEnclave {
	/// The dev build runtime on `tee`, with enclave key `key`.
	pub fn new(key: EnclaveKeyPair, tee: Tee) -> Result<Self, EnclaveError> {
		let pki = DevPki::new().map_err(|e| EnclaveError::DevPki(e.to_string()))?;
		let sealing = key.sealing_key_pair();
		Ok(Self { key, sealing, identity: dev_identity(tee, false), pki })
	}

	/// The same enclave running under debug: its quotes say so, and chains must reject
	/// them (for testing that they do).
	pub fn under_debug(self) -> Self {
		Self { identity: dev_identity(self.identity.tee(), true), ..self }
	}

	/// The allow-list entry its quotes satisfy (dev presets allow-list the SGX one).
	pub fn measurement(&self) -> MeasurementEntry {
		match &self.identity {
			Identity::Sgx(enclave) => MeasurementEntry::Sgx {
				mr_enclave: Some(H256(enclave.mr_enclave)),
				mr_signer: Some(H256(enclave.mr_signer)),
				isv_prod_id: enclave.isv_prod_id,
				min_isv_svn: enclave.isv_svn,
			},
			Identity::Tdx(guest) => MeasurementEntry::Tdx {
				mr_td: Digest384(guest.mr_td),
				rtmr: guest.rtmr.map(|r| RtmrPin::Exact(Digest384(r))),
				mr_config_id: None,
				td_attributes: None,
				xfam: None,
			},
		}
	}
}

impl Enclave for DevEnclave {
	fn describe(&self) -> String {
		let debug = match &self.identity {
			Identity::Sgx(SgxEnclave { debug, .. }) | Identity::Tdx(TdxGuest { debug, .. }) => {
				*debug
			}
		};
		format!(
			"dev enclave ({}{}, dev PKI: dev chains only), enclave key {}",
			tee_name(self.identity.tee()),
			if debug { ", debug" } else { "" },
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
		azra_sealing::open(Purpose::Input, envelope, &self.sealing, context).map(Zeroizing::new)
	}

	fn quote(&self, report_data: [u8; 64]) -> Result<Vec<u8>, EnclaveError> {
		let quote = self
			.pki
			.quote(&self.identity, report_data)
			.map_err(|e| EnclaveError::DevPki(e.to_string()))?;
		within_chain_bound(quote)
	}

	fn sign_work(&self, claim: &WorkClaim<AccountId>) -> WorkProof {
		self.key.sign_work(claim)
	}

	fn measurement_id(&self) -> Option<MeasurementId> {
		Some(self.measurement().id())
	}

	fn collateral(&self) -> Option<Result<DevCollateral, EnclaveError>> {
		let issued_at = match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
			// Backdated a minute so a node whose clock runs slightly behind accepts it.
			Ok(now) => now.as_secs().saturating_sub(60),
			Err(e) => return Some(Err(EnclaveError::DevPki(format!("clock: {e}")))),
		};
		let options = azra_dev_pki::CollateralOptions::issued_at(issued_at);
		Some(dev_collateral(&self.pki, &self.identity, &options))
	}
}
