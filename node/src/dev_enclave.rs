//! `azra-node dev-enclave`: the dev enclave for chains without SGX.
//!
//! Dev and local chain specs trust the root of AzraCode's dev PKI (`azra-dev-pki`),
//! whose private keys are public. This subcommand plays the enclave and Intel's services
//! for a provider on such a chain: it prints the collateral to store, a real DCAP quote
//! that commits to a registration, and the enclave key's signature over a work claim.
//! Every output is one JSON object on stdout; byte strings are 0x-hex, ready for
//! polkadot.js. Nothing here can make a quote that a chain trusting Intel's root accepts.

use crate::provider::enclave::{
	dev_collateral, dev_identity, parse_tee, DevEnclave, Enclave, EnclaveKeyPair,
};
use azra_dev_pki::{CollateralOptions, DevPki, Tee};
use azra_primitives::WorkClaim;
use azra_runtime::AccountId;
use pallet_attestation::EnclaveKey;
use serde_json::json;
use sp_core::H256;
use sp_runtime::MultiSignature;

/// What the dev enclave should print.
#[derive(Debug, clap::Subcommand)]
pub enum DevEnclaveCmd {
	/// The dev root CA certificate (DER) that dev chain specs trust.
	RootCa,

	/// Collateral for the dev platform, with a witness quote: the three arguments of
	/// `attestation.submitCollateral(fmspc, collateral, witnessQuote)`.
	Collateral {
		/// The TEE: `sgx` or `tdx`.
		#[arg(long, default_value = "sgx")]
		tee: String,
		/// Issue date (unix seconds); defaults to one minute ago.
		#[arg(long)]
		issued_at: Option<u64>,
		/// Seconds until `nextUpdate`.
		#[arg(long, default_value_t = azra_dev_pki::DEFAULT_COLLATERAL_VALIDITY)]
		validity: u64,
		/// TCB evaluation data number (raise it to replace stored collateral).
		#[arg(long, default_value_t = 1)]
		tcb_evaluation_data_number: u32,
		/// CRL number of both CRLs.
		#[arg(long, default_value_t = 1)]
		crl_number: u32,
	},

	/// A quote of the dev build runtime whose report data commits to registering the
	/// enclave key of `--enclave-seed` for `--provider` with `--nonce` on the chain with
	/// `--genesis`, and the sealing key it carries: the arguments of
	/// `attestation.registerEnclave`.
	Quote {
		/// The provider's account (SS58 or 0x-hex).
		#[arg(long)]
		provider: String,
		/// Secret URI of the enclave's sr25519 key (e.g. `//AliceEnclave`).
		#[arg(long)]
		enclave_seed: String,
		/// The nonce from `attestation.requestNonce` (0x-hex, 32 bytes).
		#[arg(long)]
		nonce: String,
		/// The chain's genesis hash (0x-hex).
		#[arg(long)]
		genesis: String,
		/// The TEE: `sgx` or `tdx`.
		#[arg(long, default_value = "sgx")]
		tee: String,
		/// Run the enclave in debug mode (chains must reject it).
		#[arg(long)]
		debug: bool,
	},

	/// The enclave key's work proof (its key and its signature over a work claim): the
	/// `proof` of `mint.submitWork`.
	SignWork {
		/// Secret URI of the enclave's sr25519 key.
		#[arg(long)]
		enclave_seed: String,
		/// The provider's account (SS58 or 0x-hex).
		#[arg(long)]
		provider: String,
		/// The chain's genesis hash (0x-hex): the proof is valid on this chain only.
		#[arg(long)]
		genesis: String,
		/// The build that was run.
		#[arg(long)]
		build_id: u64,
		/// The build's spec hash (0x-hex).
		#[arg(long)]
		spec_hash: String,
		/// The build's input hash (0x-hex).
		#[arg(long)]
		input_hash: String,
		/// Hash of the output (0x-hex).
		#[arg(long)]
		output_hash: String,
		/// Units the run used.
		#[arg(long)]
		units_used: u64,
	},
}

impl DevEnclaveCmd {
	/// Print what was asked for, or say which argument is wrong.
	pub fn run(&self) -> Result<(), String> {
		let output = self.output()?;
		println!("{}", serde_json::to_string_pretty(&output).map_err(|e| e.to_string())?);
		Ok(())
	}

	/// The JSON object [`Self::run`] prints. Quotes and work proofs come from
	/// [`DevEnclave`], the provider agent's dev enclave, so the two never differ.
	pub(crate) fn output(&self) -> Result<serde_json::Value, String> {
		match self {
			DevEnclaveCmd::RootCa => Ok(json!({ "rootCa": hex(&der(&dev_pki()?)?) })),
			DevEnclaveCmd::Collateral {
				tee,
				issued_at,
				validity,
				tcb_evaluation_data_number,
				crl_number,
			} => {
				let pki = dev_pki()?;
				let identity = dev_identity(tee_arg(tee)?, false);
				let issued_at = match issued_at {
					Some(t) => *t,
					None => unix_now()?.saturating_sub(60),
				};
				let options = CollateralOptions {
					validity: *validity,
					tcb_evaluation_data_number: *tcb_evaluation_data_number,
					crl_number: *crl_number,
					..CollateralOptions::issued_at(issued_at)
				};
				let issued =
					dev_collateral(&pki, &identity, &options).map_err(|e| e.to_string())?;
				Ok(json!({
					"fmspc": hex(&issued.fmspc),
					"collateral": hex(&issued.collateral),
					"witnessQuote": hex(&issued.witness_quote),
					"issuedAt": issued_at,
					"nextUpdate": options.next_update(),
				}))
			}
			DevEnclaveCmd::Quote { provider, enclave_seed, nonce, genesis, tee, debug } => {
				let provider = account(provider)?;
				let nonce = h256("--nonce", nonce)?;
				let genesis = h256("--genesis", genesis)?;
				let mut enclave = DevEnclave::new(enclave_key_pair(enclave_seed)?, tee_arg(tee)?)
					.map_err(|e| e.to_string())?;
				if *debug {
					enclave = enclave.under_debug();
				}
				let quote = enclave
					.registration_quote(&genesis, &provider, &nonce)
					.map_err(|e| e.to_string())?;
				Ok(json!({
					"quote": hex(&quote),
					"enclaveKey": key_json(&enclave.enclave_key()),
					"sealingKey": hex(&enclave.sealing_key()),
					"nonce": format!("{nonce:?}"),
					"measurement": format!("{:?}", enclave.measurement().id()),
				}))
			}
			DevEnclaveCmd::SignWork {
				enclave_seed,
				provider,
				genesis,
				build_id,
				spec_hash,
				input_hash,
				output_hash,
				units_used,
			} => {
				let claim = WorkClaim {
					genesis_hash: h256("--genesis", genesis)?,
					build_id: *build_id,
					spec_hash: h256("--spec-hash", spec_hash)?,
					input_hash: h256("--input-hash", input_hash)?,
					output_hash: h256("--output-hash", output_hash)?,
					units_used: *units_used,
					provider: account(provider)?,
				};
				let proof = enclave_key_pair(enclave_seed)?.sign_work(&claim);
				let enclave_key = key_json(&proof.enclave_key);
				Ok(json!({
					"proof": {
						"enclaveKey": enclave_key,
						"signature": signature_json(&proof.signature),
					},
					"enclaveKey": enclave_key,
				}))
			}
		}
	}
}

/// `key` as polkadot.js writes an `EnclaveKey`.
fn key_json(key: &EnclaveKey) -> serde_json::Value {
	match key {
		EnclaveKey::Ed25519(raw) => json!({ "Ed25519": hex(raw) }),
		EnclaveKey::Sr25519(raw) => json!({ "Sr25519": hex(raw) }),
	}
}

/// `signature` as polkadot.js writes a `MultiSignature`.
fn signature_json(signature: &MultiSignature) -> serde_json::Value {
	match signature {
		MultiSignature::Ed25519(sig) => json!({ "Ed25519": hex(&sig.0) }),
		MultiSignature::Sr25519(sig) => json!({ "Sr25519": hex(&sig.0) }),
		MultiSignature::Ecdsa(sig) => json!({ "Ecdsa": hex(&sig.0) }),
		MultiSignature::Eth(sig) => json!({ "Eth": hex(&sig.0) }),
	}
}

fn dev_pki() -> Result<DevPki, String> {
	DevPki::new().map_err(|e| e.to_string())
}

fn tee_arg(tee: &str) -> Result<Tee, String> {
	parse_tee(tee).map_err(|e| format!("--tee: {e}"))
}

fn der(pki: &DevPki) -> Result<Vec<u8>, String> {
	pki.root_ca_der().map_err(|e| e.to_string())
}

fn enclave_key_pair(seed: &str) -> Result<EnclaveKeyPair, String> {
	EnclaveKeyPair::from_secret_uri(seed).map_err(|e| format!("--enclave-seed: {e}"))
}

/// An account from SS58 (any network prefix) or 0x-hex.
fn account(text: &str) -> Result<AccountId, String> {
	crate::parse::parse_account(text)
}

fn h256(name: &str, text: &str) -> Result<H256, String> {
	crate::parse::parse_h256(text).map_err(|e| format!("{name}: {e}"))
}

fn hex(bytes: &[u8]) -> String {
	let mut out = String::with_capacity(2 + bytes.len() * 2);
	out.push_str("0x");
	for byte in bytes {
		out.push_str(&format!("{byte:02x}"));
	}
	out
}

fn unix_now() -> Result<u64, String> {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_secs())
		.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn accounts_parse_from_ss58_and_hex_and_bad_input_is_an_error() {
		use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		let ss58 = alice.to_ss58check_with_version(Ss58AddressFormat::custom(4242));
		assert_eq!(account(&ss58), Ok(alice.clone()));
		assert_eq!(account(&alice.to_ss58check()), Ok(alice.clone()));
		assert_eq!(account(&hex(alice.as_ref())), Ok(alice));
		assert!(account("5Bad").is_err());
		assert!(account("0x1234").is_err());
		assert!(h256("--nonce", "0xzz").is_err());
	}

	#[test]
	fn the_dev_quote_commits_to_the_registration() {
		let cmd = DevEnclaveCmd::Quote {
			provider: hex(sp_keyring::Sr25519Keyring::Bob.to_account_id().as_ref()),
			enclave_seed: "//BobEnclave".into(),
			nonce: hex(&[1; 32]),
			genesis: hex(&[2; 32]),
			tee: "sgx".into(),
			debug: false,
		};
		let output = cmd.output().expect("a quote");
		assert_eq!(
			output["measurement"],
			format!("{:?}", azra_runtime::dev_pki::dev_runtime_measurement().id())
		);
		assert!(output["quote"].as_str().is_some_and(|q| q.len() > 2000));
		// The sealing key the quote carries, for `registerEnclave`'s last argument.
		let sealing = output["sealingKey"].as_str().expect("a sealing key");
		assert_eq!(sealing.len(), 2 + 64);
		assert_ne!(sealing, hex(&[0; 32]));
	}
}
