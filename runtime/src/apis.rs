//! The runtime APIs: what the node and clients may ask the runtime.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

use super::{
	opaque::SessionKeys, AccountId, Aura, Balance, Block, BlockNumber, Executive, Grandpa,
	InherentDataExt, Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig, System, TransactionPayment,
	VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			let key_owner_proof = key_owner_proof.decode()?;
			Grandpa::submit_unsigned_equivocation_report(equivocation_proof, key_owner_proof)
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			use codec::Encode;
			use frame_support::traits::KeyOwnerProofSystem;
			crate::Historical::prove((sp_consensus_grandpa::KEY_TYPE, authority_id))
				.map(|proof| proof.encode())
				.map(sp_consensus_grandpa::OpaqueKeyOwnershipProof::new)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(
			checks: frame_try_runtime::UpgradeCheckSelect,
		) -> (Weight, Weight) {
			// The try-runtime CLI reads a failed check from the panic message: this API has
			// no error type, and it never runs on chain.
			let weight = Executive::try_runtime_upgrade(checks)
				.unwrap_or_else(|error| panic!("try-runtime upgrade failed: {error:?}"));
			let max_block =
				<crate::configs::RuntimeBlockWeights as frame_support::traits::Get<
				frame_system::limits::BlockWeights,
			>>::get()
			.max_block;
			(weight, max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.unwrap_or_else(|error| panic!("try-runtime block execution failed: {error:?}"))
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[api_version(5)]
	impl azra_runtime_api::AzraEconomicsApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn supply() -> azra_runtime_api::SupplyTotals<Balance> {
			crate::Mint::supply_totals()
		}

		fn epochs(
			from: azra_primitives::EpochIndex,
			to: azra_primitives::EpochIndex,
		) -> Vec<(azra_primitives::EpochIndex, azra_runtime_api::EpochRecord<Balance>)> {
			if to < from {
				return Vec::new();
			}
			let span = to.saturating_sub(from).saturating_add(1);
			let count = span.min(azra_runtime_api::MAX_EPOCHS_PER_QUERY);
			crate::Mint::epoch_records(from, count)
		}

		fn current_epoch() -> azra_primitives::EpochIndex {
			crate::Mint::current_epoch()
		}

		fn parameters() -> azra_runtime_api::EconomicParameters<Balance, BlockNumber> {
			azra_runtime_api::EconomicParameters {
				mint: crate::Mint::parameters_with_bounds(),
				price_per_unit: pallet_burn::PricePerUnit::<Runtime>::get(),
			}
		}

		fn build(
			id: azra_primitives::BuildId,
		) -> Option<azra_primitives::BuildView<AccountId, Balance, BlockNumber>> {
			crate::Burn::build_view(id)
		}

		fn provider(account: AccountId) -> azra_runtime_api::ProviderView<Balance, BlockNumber> {
			let enclaves = crate::Attestation::enclaves_of(&account)
				.into_iter()
				.map(|(key, record)| azra_runtime_api::EnclaveView {
					key,
					measurement: record.measurement,
					tcb_status: record.tcb_status,
					fmspc: record.fmspc,
					registered_at: record.registered_at,
					expires_at: record.expires_at,
					eligible: crate::Attestation::check_enclave(&record).is_ok(),
				})
				.collect();
			let current_epoch = crate::Mint::current_epoch();
			// Every epoch still claimable: a share left out here is one the agent never claims.
			let claimable = <<Runtime as pallet_mint::Config>::HistoryDepth as frame_support::traits::Get<
				azra_primitives::EpochIndex,
			>>::get()
				.min(azra_runtime_api::PROVIDER_EPOCHS);
			let recent: Vec<azra_primitives::EpochIndex> = (1..=claimable)
				.filter_map(|back| current_epoch.checked_sub(back))
				.collect();
			azra_runtime_api::ProviderView {
				enclaves,
				current_epoch,
				current_points: crate::Mint::points_of(current_epoch, &account),
				unpaid: crate::Mint::unpaid_rewards(&account, &recent),
			}
		}

		fn history() -> azra_runtime_api::HistoryView {
			let ledger = pallet_burn::Ledger::<Runtime>::get();
			azra_runtime_api::HistoryView {
				oldest_build: ledger.oldest_build_id,
				next_build: ledger.next_build_id,
				oldest_epoch: crate::Mint::oldest_retained_epoch(),
			}
		}

		fn open_builds(
			start: Option<azra_primitives::BuildId>,
			limit: u32,
		) -> azra_runtime_api::BuildsPage<AccountId, Balance, BlockNumber> {
			crate::Burn::open_builds(start, limit)
		}

		fn assigned_builds(
			provider: AccountId,
			start: Option<azra_primitives::BuildId>,
			limit: u32,
		) -> azra_runtime_api::BuildsPage<AccountId, Balance, BlockNumber> {
			crate::Burn::assigned_builds(&provider, start, limit)
		}

		fn sealing_keys(
			measurement: Option<azra_primitives::MeasurementId>,
		) -> azra_runtime_api::SealingKeys<AccountId, BlockNumber> {
			let (found, complete) = crate::Attestation::sealing_keys(
				measurement,
				azra_runtime_api::MAX_SEALING_KEYS,
				azra_runtime_api::MAX_SEALING_KEYS_EXAMINED,
			);
			azra_runtime_api::SealingKeys {
				enclaves: found
					.into_iter()
					.map(|(enclave_key, record, sealing_key)| azra_runtime_api::SealingKeyView {
						enclave_key,
						provider: record.provider,
						measurement: record.measurement,
						sealing_key,
						expires_at: record.expires_at,
					})
					.collect(),
				complete,
			}
		}

		fn enclave_sealing_key(
			enclave_key: pallet_attestation::EnclaveKey,
		) -> Option<azra_primitives::SealingKey> {
			crate::Attestation::sealing_key(&enclave_key)
		}

		fn sealed_build(id: azra_primitives::BuildId) -> Option<azra_primitives::SealedTerms> {
			crate::Burn::sealed_terms(id)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkList};
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use crate::{
				Attestation, Balances, Burn, Enactment, Mint, Preimage, Sudo, Timestamp, ValidatorSet,
			};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, crate::AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkBatch};
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::Pallet as SystemBench;
			use crate::{
				Attestation, Balances, Burn, Enactment, Mint, Preimage, Sudo, Timestamp, ValidatorSet,
			};

			let whitelist = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}
}
