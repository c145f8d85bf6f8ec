//! Genesis presets: the starting state of each chain the node knows by name.
//!
//! - `development` (`--dev`): Alice is the only validator and the sudo key; the well-known
//!   dev accounts are endowed; Alice, Bob and Charlie are the council.
//! - `local_testnet` (`--chain local`): Alice, Bob, Charlie and Dave validate. GRANDPA
//!   finalizes with more than two thirds of them, three of four, so one may fail; Aura
//!   keeps producing blocks (slower) with any of them. Sudo and council as on `development`.
//!
//! Both trust the dev PKI's root CA (see [`crate::dev_pki`]) and allow-list the dev build
//! runtime, so providers can register `azra-node dev-enclave` quotes. The real verifier
//! runs unchanged; only the trust anchor is a dev one.
//!
//! - `production` (`--chain production`, a `Live` chain): the shape of a real network. It
//!   trusts Intel's SGX Root CA ([`pallet_attestation::INTEL_SGX_ROOT_CA`]), so governance
//!   can never make it trust another root; nothing is allow-listed (governance adds the
//!   measurements of audited runtimes), only up-to-date platforms are accepted, and no dev
//!   account is endowed. It has **no sudo key**: Root comes only from council decisions
//!   after the enactment delay. Its validator and council keys are placeholders (Alice;
//!   Alice, Bob and Charlie) that operators replace in the exported chain spec before
//!   launch (docs/operating-a-node.md).

use alloc::{vec, vec::Vec};
use frame_support::{build_struct_json_patch, BoundedVec};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::FixedU128;

use crate::{
	dev_pki, opaque::SessionKeys, AccountId, AttestationConfig, Balance, BalancesConfig,
	BlockNumber, BurnConfig, CouncilMembershipConfig, MintConfig, RuntimeGenesisConfig,
	SessionConfig, SudoConfig, ValidatorSetConfig, HOURS, MILLI_UNIT, MINUTES, UNIT,
};

/// What each endowed dev account starts with: one million AZRA.
pub const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// Dev chains charge 1 milli-AZRA per compute unit.
pub const DEV_PRICE_PER_UNIT: Balance = MILLI_UNIT;

/// Dev chains close an epoch every 10 blocks (one minute), so a whole burn-and-mint loop
/// fits in a test.
pub const DEV_EPOCH_LENGTH: BlockNumber = 10;

/// Dev chains pay providers 90% of the burn that paid for their proven work; the other 10%
/// leaves supply for good.
pub fn dev_reward_ratio() -> FixedU128 {
	FixedU128::from_rational(9, 10)
}

/// Production-shaped chains close an epoch once a day.
pub const PRODUCTION_EPOCH_LENGTH: BlockNumber = crate::DAYS;

/// What each of the production template's placeholder council members starts with, to pay
/// fees.
pub const PRODUCTION_GOVERNANCE_ENDOWMENT: Balance = 1_000 * UNIT;

/// Dev and local chains rotate sessions every minute, so a validator joins or leaves
/// within a test.
pub const DEV_SESSION_LENGTH: BlockNumber = MINUTES;

/// Production-shaped chains rotate sessions every hour.
pub const PRODUCTION_SESSION_LENGTH: BlockNumber = HOURS;

/// A validator: its account, and its session keys (Aura authors blocks, GRANDPA finalizes
/// them).
pub type ValidatorKeys = (AccountId, AuraId, GrandpaId);

/// The session entries of `validators`: each account is its own validator id.
fn session_keys(validators: &[ValidatorKeys]) -> Vec<(AccountId, AccountId, SessionKeys)> {
	validators
		.iter()
		.map(|(account, aura, grandpa)| {
			(
				account.clone(),
				account.clone(),
				SessionKeys { aura: aura.clone(), grandpa: grandpa.clone() },
			)
		})
		.collect()
}

fn validator_accounts(validators: &[ValidatorKeys]) -> Vec<AccountId> {
	validators.iter().map(|(account, _, _)| account.clone()).collect()
}

/// The dev council: Alice, Bob and Charlie.
pub fn dev_council() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.iter()
		.map(|k| k.to_account_id())
		.collect()
}

fn genesis(
	validators: Vec<ValidatorKeys>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig {
			validators: validator_accounts(&validators),
			session_length: DEV_SESSION_LENGTH,
		},
		session: SessionConfig { keys: session_keys(&validators) },
		council_membership: CouncilMembershipConfig { members: dev_council_bounded() },
		sudo: SudoConfig { key: Some(root) },
		burn: BurnConfig { price_per_unit: DEV_PRICE_PER_UNIT },
		mint: MintConfig { epoch_length: DEV_EPOCH_LENGTH, ratio: dev_reward_ratio() },
		attestation: AttestationConfig {
			// Fits `MaxRootCaLen`; runtime/tests/presets.rs checks nothing was cut.
			root_ca: BoundedVec::truncate_from(dev_pki::DEV_ROOT_CA.to_vec()),
			measurements: vec![dev_pki::dev_runtime_measurement()],
			accepted_tcb_statuses: vec![
				azra_primitives::TcbStatus::UpToDate,
				azra_primitives::TcbStatus::SwHardeningNeeded,
			],
		},
	})
}

fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> ValidatorKeys {
	(sr.to_account_id(), sr.public().into(), ed.public().into())
}

fn dev_council_bounded() -> BoundedVec<AccountId, frame_support::traits::ConstU32<100>> {
	BoundedVec::truncate_from(dev_council())
}

/// The well-known dev accounts (Alice … Ferdie and their stashes), endowed on dev chains.
pub fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// The `development` preset: a single-validator chain authored by Alice.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The `local_testnet` preset: Alice, Bob, Charlie and Dave validate, so one may fail.
pub fn local_config_genesis() -> Value {
	genesis(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			dev_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// Name of the production-shaped preset.
pub const PRODUCTION_PRESET: &str = "production";

/// The `production` preset: Intel's root, no allow-listed measurement, up-to-date
/// platforms only, no dev endowments, no sudo key; placeholder validator and council keys.
pub fn production_config_genesis() -> Value {
	let validators = vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)];
	let council = dev_council();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: council
				.iter()
				.cloned()
				.map(|member| (member, PRODUCTION_GOVERNANCE_ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		validator_set: ValidatorSetConfig {
			validators: validator_accounts(&validators),
			session_length: PRODUCTION_SESSION_LENGTH,
		},
		session: SessionConfig { keys: session_keys(&validators) },
		council_membership: CouncilMembershipConfig { members: dev_council_bounded() },
		sudo: SudoConfig { key: None },
		burn: BurnConfig { price_per_unit: DEV_PRICE_PER_UNIT },
		mint: MintConfig { epoch_length: PRODUCTION_EPOCH_LENGTH, ratio: dev_reward_ratio() },
		attestation: AttestationConfig {
			// Fits `MaxRootCaLen`; runtime/tests/presets.rs checks nothing was cut.
			root_ca: BoundedVec::truncate_from(pallet_attestation::INTEL_SGX_ROOT_CA.to_vec()),
			measurements: Vec::<pallet_attestation::MeasurementEntry>::new(),
			accepted_tcb_statuses: vec![azra_primitives::TcbStatus::UpToDate],
		},
	})
}

/// The JSON of the preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		PRODUCTION_PRESET => production_config_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// The names of every preset this runtime carries.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_PRESET),
	]
}
