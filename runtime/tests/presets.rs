//! The real runtime, started from each real genesis preset, applying signed extrinsics
//! through `Executive` as a node would.

mod common;

use common::preset_storage;

use azra_runtime::{
	genesis_config_presets::{self, ENDOWMENT},
	Address, Balances, BalancesCall, Executive, Header, Runtime, RuntimeCall, SignedPayload,
	System, TxExtension, UncheckedExtrinsic, UNIT,
};
use codec::Encode;
use frame_support::{
	assert_err, assert_ok,
	traits::{fungible::Inspect, Get},
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::Era,
	traits::{Hash as _, Header as _},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	Digest, DigestItem,
};

/// Starts block 1 in Aura slot `slot`, so the block has an author.
fn start_block(slot: u64) {
	let digest =
		Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())] };
	let header =
		Header::new(1, Default::default(), Default::default(), System::parent_hash(), digest);
	Executive::initialize_block(&header);
}

fn tx_extension(nonce: u32) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
	)
}

/// `call`, signed by `signer` with `nonce`, as a wallet would submit it.
fn signed(call: RuntimeCall, signer: Sr25519Keyring, nonce: u32) -> UncheckedExtrinsic {
	let extension = tx_extension(nonce);
	let payload = SignedPayload::new(call.clone(), extension.clone()).unwrap();
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		Address::Id(signer.to_account_id()),
		signature.into(),
		extension,
	)
}

fn free(who: Sr25519Keyring) -> u128 {
	Balances::balance(&who.to_account_id())
}

#[test]
fn the_runtime_carries_dev_local_and_production_presets() {
	let expected: Vec<sp_genesis_builder::PresetId> =
		["development", "local_testnet", "production"].into_iter().map(Into::into).collect();
	assert_eq!(genesis_config_presets::preset_names(), expected);
}

#[test]
fn dev_presets_build_a_chain_with_endowed_dev_accounts() {
	for name in ["development", "local_testnet"] {
		preset_storage(name).execute_with(|| {
			for account in genesis_config_presets::dev_accounts() {
				assert_eq!(Balances::balance(&account), ENDOWMENT, "{name}");
			}
			let accounts = genesis_config_presets::dev_accounts().len() as u128;
			assert_eq!(Balances::total_issuance(), ENDOWMENT * accounts, "{name}");
			assert_eq!(
				pallet_sudo::Key::<Runtime>::get(),
				Some(Sr25519Keyring::Alice.to_account_id()),
				"{name}"
			);
			// The whole dev root, nothing cut by the bound.
			assert_eq!(
				pallet_attestation::RootCa::<Runtime>::get().map(|root| root.to_vec()),
				Some(azra_runtime::dev_pki::DEV_ROOT_CA.to_vec()),
				"{name}"
			);
		});
	}
}

#[test]
fn the_production_preset_trusts_intels_root_and_nothing_else() {
	use azra_runtime::{Attestation, RuntimeOrigin};
	preset_storage("production").execute_with(|| {
		assert_eq!(
			pallet_attestation::RootCa::<Runtime>::get().map(|root| root.to_vec()),
			Some(pallet_attestation::INTEL_SGX_ROOT_CA.to_vec())
		);
		assert!(pallet_attestation::IntelRootOnly::<Runtime>::get());
		assert_eq!(pallet_attestation::Measurements::<Runtime>::iter().count(), 0);
		assert_eq!(
			pallet_attestation::AcceptedTcbStatuses::<Runtime>::get().to_vec(),
			vec![azra_primitives::TcbStatus::UpToDate]
		);
		// No dev account is endowed but the placeholder council members.
		let council = genesis_config_presets::dev_council();
		assert_eq!(
			Balances::total_issuance(),
			genesis_config_presets::PRODUCTION_GOVERNANCE_ENDOWMENT * council.len() as u128
		);
		assert_eq!(free(Sr25519Keyring::Dave), 0);
		assert_eq!(
			pallet_collective::Members::<Runtime, azra_runtime::configs::CouncilCollective>::get(),
			{
				let mut sorted = council.clone();
				sorted.sort();
				sorted
			}
		);
		// No sudo key: Root comes only from the council, through the enactment delay.
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert_eq!(
			pallet_mint::Parameters::<Runtime>::get().epoch_length,
			genesis_config_presets::PRODUCTION_EPOCH_LENGTH
		);
		// Governance cannot make it trust the dev root.
		assert_err!(
			Attestation::set_root_ca(
				RuntimeOrigin::root(),
				azra_runtime::dev_pki::DEV_ROOT_CA.to_vec().try_into().expect("fits")
			),
			pallet_attestation::Error::<Runtime>::RootCaNotIntel
		);
	});
}

#[test]
fn presets_name_their_validators() {
	for (preset, validators) in [("development", 1), ("local_testnet", 4), ("production", 1)] {
		preset_storage(preset).execute_with(|| {
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), validators, "{preset}");
			assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), validators, "{preset}");
			assert_eq!(pallet_session::Validators::<Runtime>::get().len(), validators, "{preset}");
			assert_eq!(
				pallet_validator_set::Validators::<Runtime>::get().len(),
				validators,
				"{preset}"
			);
		});
	}
	assert!(genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn a_signed_transfer_through_executive_moves_azra_and_pays_the_author() {
	for (preset, slot, author) in [
		("development", 1, Sr25519Keyring::Alice),
		// Four validators, sorted by account (Dave, Bob, Charlie, Alice): slot 1 is Bob's.
		("local_testnet", 1, Sr25519Keyring::Bob),
	] {
		preset_storage(preset).execute_with(|| {
			start_block(slot);
			let issuance = Balances::total_issuance();
			let (charlie, dave) = (free(Sr25519Keyring::Charlie), free(Sr25519Keyring::Dave));
			let author_before = free(author);

			let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
				dest: Address::Id(Sr25519Keyring::Dave.to_account_id()),
				value: 5 * UNIT,
			});
			let outcome = Executive::apply_extrinsic(signed(call, Sr25519Keyring::Charlie, 0));
			assert_eq!(outcome, Ok(Ok(())), "{preset}");

			let fee = charlie - free(Sr25519Keyring::Charlie) - 5 * UNIT;
			assert!(fee > 0, "{preset}: a transfer costs a fee");
			assert_eq!(free(Sr25519Keyring::Dave), dave + 5 * UNIT, "{preset}");
			assert_eq!(free(author), author_before + fee, "{preset}: the author earns the fee");
			assert_eq!(Balances::total_issuance(), issuance, "{preset}: fees are not burned");
			assert_eq!(System::account_nonce(Sr25519Keyring::Charlie.to_account_id()), 1);
		});
	}
}

#[test]
fn a_replayed_or_forged_extrinsic_is_refused() {
	preset_storage("development").execute_with(|| {
		start_block(1);
		let call = RuntimeCall::System(frame_system::Call::remark { remark: b"azra".to_vec() });
		let xt = signed(call.clone(), Sr25519Keyring::Bob, 0);
		assert_eq!(Executive::apply_extrinsic(xt.clone()), Ok(Ok(())));

		// The same bytes again: the nonce is used.
		assert_err!(
			Executive::apply_extrinsic(xt),
			TransactionValidityError::Invalid(InvalidTransaction::Stale)
		);

		// Signed by Eve but claiming to be Bob.
		let extension = tx_extension(1);
		let payload = SignedPayload::new(call.clone(), extension.clone()).unwrap();
		let forged = UncheckedExtrinsic::new_signed(
			call,
			Address::Id(Sr25519Keyring::Bob.to_account_id()),
			payload.using_encoded(|bytes| Sr25519Keyring::Eve.sign(bytes)).into(),
			extension,
		);
		assert_err!(
			Executive::apply_extrinsic(forged),
			TransactionValidityError::Invalid(InvalidTransaction::BadProof)
		);
	});
}

#[test]
fn a_transfer_below_the_existential_deposit_to_a_new_account_fails() {
	preset_storage("development").execute_with(|| {
		start_block(1);
		let newcomer = sp_runtime::AccountId32::new(BlakeTwoHash::hash(b"newcomer").into());
		let ed: u128 = <Runtime as pallet_balances::Config>::ExistentialDeposit::get();
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Address::Id(newcomer.clone()),
			value: ed - 1,
		});
		let outcome = Executive::apply_extrinsic(signed(call, Sr25519Keyring::Alice, 0));
		assert!(matches!(outcome, Ok(Err(_))), "dispatch error expected, got {outcome:?}");
		assert_eq!(Balances::balance(&newcomer), 0);
	});
}

type BlakeTwoHash = sp_runtime::traits::BlakeTwo256;

#[test]
fn a_builder_burns_azra_to_submit_a_build() {
	use azra_runtime::{genesis_config_presets::DEV_PRICE_PER_UNIT, Burn, RuntimeEvent};
	preset_storage("development").execute_with(|| {
		start_block(1);
		let issuance = Balances::total_issuance();
		let units = 250;
		let price = units as u128 * DEV_PRICE_PER_UNIT;
		let call = RuntimeCall::Burn(pallet_burn::Call::submit_build {
			spec_hash: [1u8; 32].into(),
			input_hash: [2u8; 32].into(),
			units,
			required_measurement: None,
			max_price: price,
		});
		assert_eq!(Executive::apply_extrinsic(signed(call, Sr25519Keyring::Eve, 0)), Ok(Ok(())));

		assert_eq!(Balances::total_issuance(), issuance - price, "the price leaves supply");
		assert_eq!(pallet_burn::Ledger::<Runtime>::get().total_burned, price);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Burn(pallet_burn::Event::BuildSubmitted {
				build_id: 0,
				builder: Sr25519Keyring::Eve.to_account_id(),
				units,
				burned: price,
			})));
		assert!(Burn::build_view(0).is_some());
	});
}

#[test]
fn a_provider_without_a_registered_enclave_cannot_take_a_build() {
	preset_storage("development").execute_with(|| {
		start_block(1);
		let submit = RuntimeCall::Burn(pallet_burn::Call::submit_build {
			spec_hash: [1u8; 32].into(),
			input_hash: [2u8; 32].into(),
			units: 1,
			required_measurement: None,
			max_price: UNIT,
		});
		assert_eq!(Executive::apply_extrinsic(signed(submit, Sr25519Keyring::Eve, 0)), Ok(Ok(())));
		let accept = RuntimeCall::Burn(pallet_burn::Call::accept_build { build_id: 0 });
		let outcome = Executive::apply_extrinsic(signed(accept, Sr25519Keyring::Ferdie, 0));
		// Refused by the attestation pallet (index 11): Ferdie has no enclave.
		assert!(
			matches!(
				outcome,
				Ok(Err(sp_runtime::DispatchError::Module(sp_runtime::ModuleError {
					index: 11,
					..
				})))
			),
			"refused by attestation, got {outcome:?}"
		);
	});
}

#[test]
fn the_dust_of_a_reaped_account_goes_to_the_author_not_out_of_supply() {
	use frame_support::traits::{fungible::Mutate, tokens::Preservation};
	preset_storage("development").execute_with(|| {
		start_block(1);
		let issuance = Balances::total_issuance();
		let ed: u128 = <Runtime as pallet_balances::Config>::ExistentialDeposit::get();
		let alice_before = free(Sr25519Keyring::Alice);
		let ferdie = Sr25519Keyring::Ferdie.to_account_id();
		let dust = ed / 2;

		assert_ok!(<Balances as Mutate<_>>::transfer(
			&ferdie,
			&Sr25519Keyring::Dave.to_account_id(),
			ENDOWMENT - dust,
			Preservation::Expendable,
		));

		assert_eq!(Balances::balance(&ferdie), 0, "Ferdie was reaped");
		assert_eq!(free(Sr25519Keyring::Alice), alice_before + dust, "the author got the dust");
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

/// The issuance equation of the mint pallet, read through its runtime-facing helper.
fn assert_issuance_equation() {
	let totals = pallet_mint::Pallet::<Runtime>::supply_totals();
	assert_eq!(
		totals.total_issuance + totals.burned,
		totals.genesis_issuance + totals.minted + totals.refunded,
		"total issuance = genesis + minted + refunded − burned"
	);
}

#[test]
fn no_signed_account_can_burn_azra_outside_the_burn_ledger() {
	preset_storage("development").execute_with(|| {
		start_block(1);
		let issuance = Balances::total_issuance();
		let call = RuntimeCall::Balances(BalancesCall::burn { value: 5 * UNIT, keep_alive: true });
		let outcome = Executive::apply_extrinsic(signed(call, Sr25519Keyring::Charlie, 0));
		// The transaction is included (its fee is paid) but the call is filtered.
		assert_eq!(outcome, Ok(Err(frame_system::Error::<Runtime>::CallFiltered.into())));
		assert_eq!(Balances::total_issuance(), issuance, "nothing left supply");
		assert_issuance_equation();
	});
}

#[test]
fn fees_in_a_block_with_no_author_are_booked_as_burned() {
	preset_storage("development").execute_with(|| {
		// No Aura digest: nobody can be paid the fee.
		let header = Header::new(
			1,
			Default::default(),
			Default::default(),
			System::parent_hash(),
			Default::default(),
		);
		Executive::initialize_block(&header);
		let issuance = Balances::total_issuance();
		let charlie = free(Sr25519Keyring::Charlie);
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: Address::Id(Sr25519Keyring::Dave.to_account_id()),
			value: UNIT,
		});
		assert_eq!(
			Executive::apply_extrinsic(signed(call, Sr25519Keyring::Charlie, 0)),
			Ok(Ok(()))
		);
		let fee = charlie - free(Sr25519Keyring::Charlie) - UNIT;
		assert!(fee > 0);
		assert_eq!(Balances::total_issuance(), issuance - fee, "the fee left supply…");
		assert_eq!(
			pallet_burn::Ledger::<Runtime>::get().total_burned,
			fee,
			"…and was booked as burned"
		);
		assert_issuance_equation();
	});
}

#[test]
fn dev_presets_pay_providers_nine_tenths_of_proven_burn() {
	use sp_runtime::FixedU128;
	for preset in ["development", "local_testnet"] {
		preset_storage(preset).execute_with(|| {
			let parameters = pallet_mint::Parameters::<Runtime>::get();
			assert_eq!(parameters.ratio, FixedU128::from_rational(9, 10), "{preset}");
			assert!(parameters.ratio <= FixedU128::from_u32(1));
		});
	}
}

/// A build's program, as a builder stores it before submitting: a WebAssembly module's
/// header and some body, 8 KiB in all.
fn program() -> Vec<u8> {
	let mut program = b"\0asm\x01\0\0\0".to_vec();
	program.resize(8 * 1024, 0x2a);
	program
}

/// What `pallet-preimage` holds from `who`.
fn held_for_preimages(who: Sr25519Keyring) -> u128 {
	use frame_support::traits::fungible::InspectHold;
	let reason = azra_runtime::configs::PreimageHoldReason::get();
	Balances::balance_on_hold(&reason, &who.to_account_id())
}

#[test]
fn a_builder_stores_a_program_by_its_hash_against_a_deposit_and_gets_it_back() {
	use azra_runtime::{
		configs::{PreimageBaseDeposit, PreimageByteDeposit},
		Preimage, RuntimeEvent,
	};
	use frame_support::traits::QueryPreimage;
	preset_storage("development").execute_with(|| {
		start_block(1);
		let eve = Sr25519Keyring::Eve;
		let program = program();
		let hash = BlakeTwoHash::hash(&program);
		let len = program.len() as u128;
		let deposit = PreimageBaseDeposit::get() + PreimageByteDeposit::get() * len;
		let issuance = Balances::total_issuance();
		let (free_before, total_before) =
			(free(eve), Balances::total_balance(&eve.to_account_id()));

		let note =
			RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes: program.clone() });
		assert_eq!(Executive::apply_extrinsic(signed(note, eve, 0)), Ok(Ok(())));

		// Stored under its BLAKE2-256 hash, the hash a build names as its `spec_hash`.
		assert_eq!(Preimage::len(&hash), Some(program.len() as u32));
		assert_eq!(
			Preimage::fetch(&hash, None).map(|bytes| bytes.into_owned()),
			Ok(program.clone())
		);
		assert!(System::events()
			.iter()
			.any(|record| record.event
				== RuntimeEvent::Preimage(pallet_preimage::Event::Noted { hash })));
		// The deposit is held, not spent: only the fee left Eve's balance.
		assert_eq!(held_for_preimages(eve), deposit);
		let fee = total_before - Balances::total_balance(&eve.to_account_id());
		assert!(fee > 0);
		assert_eq!(free(eve), free_before - fee - deposit);
		assert_eq!(Balances::total_issuance(), issuance, "a hold leaves supply alone");

		// Nobody else may take it out of state; nobody may note it twice.
		let unnote = RuntimeCall::Preimage(pallet_preimage::Call::unnote_preimage { hash });
		assert_eq!(
			Executive::apply_extrinsic(signed(unnote.clone(), Sr25519Keyring::Ferdie, 0)),
			Ok(Err(pallet_preimage::Error::<Runtime>::NotAuthorized.into()))
		);
		let again = RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes: program });
		assert_eq!(
			Executive::apply_extrinsic(signed(again, Sr25519Keyring::Dave, 0)),
			Ok(Err(pallet_preimage::Error::<Runtime>::AlreadyNoted.into()))
		);
		// Only governance may request a preimage (which would free it of its deposit).
		let request = RuntimeCall::Preimage(pallet_preimage::Call::request_preimage { hash });
		assert_eq!(
			Executive::apply_extrinsic(signed(request, Sr25519Keyring::Dave, 1)),
			Ok(Err(sp_runtime::DispatchError::BadOrigin))
		);

		// Its owner unnotes it: the program leaves state and the whole deposit comes back.
		let total_noted = Balances::total_balance(&eve.to_account_id());
		assert_eq!(Executive::apply_extrinsic(signed(unnote, eve, 1)), Ok(Ok(())));
		let second_fee = total_noted - Balances::total_balance(&eve.to_account_id());
		assert_eq!(held_for_preimages(eve), 0);
		assert_eq!(free(eve), free_before - fee - second_fee);
		assert_eq!(Preimage::len(&hash), None);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::Preimage(pallet_preimage::Event::Cleared { hash })));
		assert_issuance_equation();
	});
}

#[test]
fn preimage_deposits_are_a_build_records_deposit_and_a_micro_azra_per_byte() {
	use azra_runtime::{
		configs::{PreimageBaseDeposit, PreimageByteDeposit},
		MICRO_UNIT, MILLI_UNIT,
	};
	let build_deposit: u128 = <Runtime as pallet_burn::Config>::BuildDeposit::get();
	assert_eq!(PreimageBaseDeposit::get(), build_deposit);
	assert_eq!(PreimageByteDeposit::get(), MICRO_UNIT);
	// The largest preimage the pallet takes (4 MiB) would hold about 4.2 AZRA.
	let largest = PreimageBaseDeposit::get()
		+ PreimageByteDeposit::get() * u128::from(pallet_preimage::MAX_SIZE);
	assert_eq!(largest, 4_194_304 * MICRO_UNIT + 10 * MILLI_UNIT);
}

#[test]
fn a_provider_lists_open_builds_through_the_runtime_api() {
	use azra_runtime_api::runtime_decl_for_azra_economics_api::AzraEconomicsApiV5;
	preset_storage("development").execute_with(|| {
		start_block(1);
		for nonce in 0..3 {
			let submit = RuntimeCall::Burn(pallet_burn::Call::submit_build {
				spec_hash: [1u8; 32].into(),
				input_hash: [2u8; 32].into(),
				units: 1,
				required_measurement: None,
				max_price: UNIT,
			});
			assert_eq!(
				Executive::apply_extrinsic(signed(submit, Sr25519Keyring::Eve, nonce)),
				Ok(Ok(()))
			);
		}
		let cancel = RuntimeCall::Burn(pallet_burn::Call::cancel_build { build_id: 1 });
		assert_eq!(Executive::apply_extrinsic(signed(cancel, Sr25519Keyring::Eve, 3)), Ok(Ok(())));

		let page = Runtime::open_builds(None, 1);
		assert_eq!(page.builds.len(), 1);
		assert_eq!(page.builds[0], (0, Runtime::build(0).expect("build 0 exists")));
		assert_eq!(page.next, Some(1));
		let rest = Runtime::open_builds(page.next, 10);
		assert_eq!(rest.builds.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![2]);
		assert_eq!(rest.next, None);
	});
	// Clients ask the runtime's API version before calling `open_builds` (3), `sealing_keys` (4) or `sealed_build` (5).
	let api_id = <dyn azra_runtime_api::AzraEconomicsApi<
		azra_runtime::Block,
		azra_runtime::AccountId,
		azra_runtime::Balance,
		azra_runtime::BlockNumber,
	> as sp_api::RuntimeApiInfo>::ID;
	assert_eq!(azra_runtime::VERSION.api_version(&api_id), Some(5));
}

/// An agent claims what the provider view lists: a provider back after 40 epochs offline
/// (claims stay open for `HistoryDepth`, 84 epochs) sees every unclaimed share, not only
/// the latest ones.
#[test]
fn the_provider_view_lists_every_share_still_claimable() {
	use azra_runtime_api::runtime_decl_for_azra_economics_api::AzraEconomicsApiV5;
	preset_storage("development").execute_with(|| {
		start_block(1);
		let provider = Sr25519Keyring::Ferdie.to_account_id();
		let first = 5;
		for epoch in first..first + 40 {
			pallet_mint::EpochRecords::<Runtime>::insert(
				epoch,
				pallet_mint::EpochRecord { proven_burn: 10, budget: 9, ..Default::default() },
			);
			pallet_mint::Points::<Runtime>::insert(
				epoch,
				&provider,
				pallet_mint::ProviderPoints { points: 1, proven_burn: 10, claimed: false },
			);
		}
		pallet_mint::CurrentEpoch::<Runtime>::mutate(|info| info.index = first + 40);
		let view = Runtime::provider(provider);
		let listed: Vec<u32> = view.unpaid.iter().map(|(epoch, _)| *epoch).collect();
		assert_eq!(listed.len(), 40, "{listed:?}");
		assert!((first..first + 40).all(|epoch| listed.contains(&epoch)));
		assert!(view.unpaid.iter().all(|(_, share)| *share == 9));
	});
}
