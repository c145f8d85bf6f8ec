//! Governance and validators on the real runtime, started from its real presets: council
//! motions, the enactment delay no origin can skip, the validator set and session rotation,
//! provider proxies, and the production preset's missing sudo key.

mod common;

use common::preset_storage;

use azra_runtime::{
	configs::{CouncilCollective, ProxyType},
	genesis_config_presets, AllPalletsWithSystem, Balances, Burn, Council, Enactment, Proxy,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, Session, Sudo, System, Timestamp,
	ValidatorSet, SLOT_DURATION, UNIT,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::Inspect, OnFinalize, OnInitialize},
	weights::Weight,
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve};
use sp_runtime::{traits::Hash, Digest, DigestItem, DispatchError};

/// Block 1 of the chain the preset `name` starts, with a keystore for session keys.
fn chain(name: &str) -> sp_io::TestExternalities {
	let mut ext = preset_storage(name);
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| run_to_block(1));
	ext
}

/// Runs blocks up to and including block `n` as a node would around its extrinsics: every
/// pallet's hooks, an Aura slot per block (so each block has an author), and the timestamp.
fn run_to_block(n: u32) {
	while System::block_number() < n {
		let now = System::block_number();
		if now > 0 {
			<AllPalletsWithSystem as OnFinalize<u32>>::on_finalize(now);
		}
		let next = now + 1;
		let slot = Slot::from(u64::from(next));
		let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
		System::initialize(&next, &System::parent_hash(), &digest);
		<AllPalletsWithSystem as OnInitialize<u32>>::on_initialize(next);
		assert_ok!(Timestamp::set(RuntimeOrigin::none(), u64::from(next) * SLOT_DURATION));
	}
}

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

/// `member` proposes `call` as a council motion needing `threshold` ayes; returns its
/// hash and index.
fn propose(member: Sr25519Keyring, threshold: u32, call: RuntimeCall) -> (sp_core::H256, u32) {
	let index = pallet_collective::ProposalCount::<Runtime, CouncilCollective>::get();
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let length = call.encoded_size() as u32;
	assert_ok!(Council::propose(signed(member), threshold, Box::new(call), length));
	(hash, index)
}

/// Closes motion `index` once enough members voted.
fn close(hash: sp_core::H256, index: u32, call: &RuntimeCall) {
	assert_ok!(Council::close(
		signed(Alice),
		hash,
		index,
		call.get_dispatch_info().call_weight,
		call.encoded_size() as u32
	));
}

/// The council passes `call` (Alice proposes, Bob seconds: two of three) as an
/// announcement; returns the block it runs in.
fn council_announces(call: RuntimeCall) -> u32 {
	let motion = RuntimeCall::Enactment(pallet_enactment::Call::announce { call: Box::new(call) });
	let (hash, index) = propose(Alice, 2, motion.clone());
	assert_ok!(Council::vote(signed(Alice), hash, index, true));
	assert_ok!(Council::vote(signed(Bob), hash, index, true));
	close(hash, index, &motion);
	System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::Enactment(pallet_enactment::Event::Announced { enact_at, .. }) => {
				Some(enact_at)
			}
			_ => None,
		})
		.expect("the motion announced its call")
}

/// What a council motion's own dispatch returned, from its `Executed` event.
fn motion_result() -> Option<Result<(), DispatchError>> {
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}

fn price_up_by_five_percent() -> (u128, RuntimeCall) {
	let new = Burn::price_per_unit() * 105 / 100;
	(new, RuntimeCall::Burn(pallet_burn::Call::set_price_per_unit { new }))
}

#[test]
fn a_council_decision_runs_one_epoch_after_it_is_announced_and_not_before() {
	chain("development").execute_with(|| {
		let before = Burn::price_per_unit();
		let (new, call) = price_up_by_five_percent();
		let enact_at = council_announces(call);
		// Dev epochs are 10 blocks; the decision waits a whole one.
		assert_eq!(enact_at, System::block_number() + genesis_config_presets::DEV_EPOCH_LENGTH);
		run_to_block(enact_at - 1);
		assert_eq!(Burn::price_per_unit(), before, "nothing changes before the block");
		run_to_block(enact_at);
		assert_eq!(Burn::price_per_unit(), new);
	});
}

#[test]
fn a_motion_cannot_execute_early_by_any_route() {
	chain("development").execute_with(|| {
		let before = Burn::price_per_unit();
		let (_, call) = price_up_by_five_percent();
		// A motion that sets the price directly runs with the council's origin, not Root.
		let (hash, index) = propose(Alice, 2, call.clone());
		assert_ok!(Council::vote(signed(Alice), hash, index, true));
		assert_ok!(Council::vote(signed(Bob), hash, index, true));
		close(hash, index, &call);
		assert_eq!(motion_result(), Some(Err(DispatchError::BadOrigin)));
		assert_eq!(Burn::price_per_unit(), before);

		// An announced call cannot be enacted before its block, not even by Root.
		let enact_at = council_announces(call.clone());
		let weight = call.get_dispatch_info().call_weight;
		assert_noop!(
			Enactment::enact(RuntimeOrigin::root(), 0, weight),
			pallet_enactment::Error::<Runtime>::TooEarly
		);
		// The council cannot schedule around the delay.
		let schedule = RuntimeCall::Scheduler(pallet_scheduler::Call::schedule {
			when: System::block_number() + 1,
			maybe_periodic: None,
			priority: 0,
			call: Box::new(call),
		});
		let (hash, index) = propose(Alice, 2, schedule.clone());
		assert_ok!(Council::vote(signed(Alice), hash, index, true));
		assert_ok!(Council::vote(signed(Bob), hash, index, true));
		close(hash, index, &schedule);
		assert_eq!(motion_result(), Some(Err(DispatchError::BadOrigin)));
		run_to_block(enact_at - 1);
		assert_eq!(Burn::price_per_unit(), before);
	});
}

#[test]
fn a_minority_coalition_cannot_mint_itself_azra() {
	chain("development").execute_with(|| {
		let eve = Eve.to_account_id();
		let before = Balances::balance(&eve);
		let issuance = Balances::total_issuance();
		let mint = RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
			who: eve.clone().into(),
			new_free: before + 1_000_000 * UNIT,
		});
		let announce =
			RuntimeCall::Enactment(pallet_enactment::Call::announce { call: Box::new(mint) });
		// One member alone: a motion with threshold 1 executes at once, with one third of
		// the council behind it, below the two thirds announcing takes.
		let (_, _) = propose(Alice, 1, announce);
		assert_eq!(motion_result(), Some(Err(DispatchError::BadOrigin)));
		run_to_block(40);
		assert_eq!(Balances::balance(&eve), before);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn half_the_council_can_cancel_a_pending_decision() {
	chain("development").execute_with(|| {
		let before = Burn::price_per_unit();
		let (_, call) = price_up_by_five_percent();
		let enact_at = council_announces(call);
		let cancel = RuntimeCall::Enactment(pallet_enactment::Call::cancel { index: 0 });
		// Two of three is at least half.
		let (hash, index) = propose(Charlie, 2, cancel.clone());
		assert_ok!(Council::vote(signed(Charlie), hash, index, true));
		assert_ok!(Council::vote(signed(Bob), hash, index, true));
		close(hash, index, &cancel);
		assert_eq!(motion_result(), Some(Ok(())));
		run_to_block(enact_at + 1);
		assert_eq!(Burn::price_per_unit(), before);
	});
}

#[test]
fn the_production_preset_has_no_sudo_and_the_council_still_governs() {
	chain("production").execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		let (new, call) = price_up_by_five_percent();
		assert_noop!(
			Sudo::sudo(signed(Alice), Box::new(call.clone())),
			pallet_sudo::Error::<Runtime>::RequireSudo
		);
		// Production epochs are a day: the council's decision waits that long.
		let enact_at = council_announces(call);
		assert_eq!(
			enact_at,
			System::block_number() + genesis_config_presets::PRODUCTION_EPOCH_LENGTH
		);
		assert_ne!(Burn::price_per_unit(), new);
	});
}

/// `who` generates session keys in the keystore and sets them, with the ownership proof.
fn set_session_keys(who: Sr25519Keyring) -> azra_runtime::opaque::SessionKeys {
	let account = who.to_account_id();
	let generated = azra_runtime::opaque::SessionKeys::generate(&account.encode(), None);
	assert_ok!(Session::set_keys(signed(who), generated.keys.clone(), generated.proof.encode()));
	generated.keys
}

/// The session index after `blocks` more blocks.
fn run_sessions(sessions: u32) {
	let length = pallet_validator_set::SessionLength::<Runtime>::get();
	run_to_block(System::block_number() + sessions * length);
}

#[test]
fn governance_adds_and_removes_a_validator_at_session_boundaries() {
	chain("development").execute_with(|| {
		let dave = Dave.to_account_id();
		// Without session keys, Dave cannot be added.
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), dave.clone()),
			pallet_validator_set::Error::<Runtime>::NoSessionKeys
		);
		// Session keys are held against a deposit.
		let free_before = Balances::balance(&dave);
		let keys = set_session_keys(Dave);
		assert!(Balances::balance(&dave) < free_before);
		// A signed account cannot add itself.
		assert_noop!(
			ValidatorSet::add_validator(signed(Dave), dave.clone()),
			DispatchError::BadOrigin
		);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), dave.clone()));
		assert!(!pallet_session::Validators::<Runtime>::get().contains(&dave));
		run_sessions(2);
		assert!(pallet_session::Validators::<Runtime>::get().contains(&dave));
		assert!(pallet_aura::Authorities::<Runtime>::get().contains(&keys.aura));
		assert!(pallet_grandpa::Authorities::<Runtime>::get()
			.iter()
			.any(|(id, _)| *id == keys.grandpa));

		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), dave.clone()));
		run_sessions(2);
		assert!(!pallet_session::Validators::<Runtime>::get().contains(&dave));
		assert!(!pallet_aura::Authorities::<Runtime>::get().contains(&keys.aura));
		// The last validator cannot be removed.
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), Alice.to_account_id()),
			pallet_validator_set::Error::<Runtime>::TooFewValidators
		);
	});
}

#[test]
fn the_council_adds_a_validator_through_the_enactment_delay() {
	chain("development").execute_with(|| {
		let dave = Dave.to_account_id();
		set_session_keys(Dave);
		let enact_at = council_announces(RuntimeCall::ValidatorSet(
			pallet_validator_set::Call::add_validator { who: dave.clone() },
		));
		run_to_block(enact_at - 1);
		assert!(!pallet_validator_set::Validators::<Runtime>::get().contains(&dave));
		run_to_block(enact_at);
		assert!(pallet_validator_set::Validators::<Runtime>::get().contains(&dave));
		run_sessions(2);
		assert!(pallet_session::Validators::<Runtime>::get().contains(&dave));
	});
}

#[test]
fn a_provider_proxy_may_claim_but_never_move_the_cold_accounts_azra_nor_raise_its_bond_allowance() {
	chain("development").execute_with(|| {
		let cold = Alice.to_account_id();
		let hot = Sr25519Keyring::Ferdie.to_account_id();
		assert_ok!(Proxy::add_proxy(signed(Alice), hot.clone().into(), ProxyType::Provider, 0));
		let cold_before = Balances::balance(&cold);
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest: hot.clone().into(),
			value: 1_000 * UNIT,
		});
		let submit = RuntimeCall::Burn(pallet_burn::Call::submit_build {
			spec_hash: Default::default(),
			input_hash: Default::default(),
			units: 1,
			required_measurement: None,
			max_price: u128::MAX,
		});
		// Nor may it raise what the account's bonds may put at risk.
		let raise = RuntimeCall::Burn(pallet_burn::Call::set_bond_allowance { allowance: u128::MAX });
		for call in [transfer.clone(), submit, raise] {
			assert_ok!(Proxy::proxy(
				RuntimeOrigin::signed(hot.clone()),
				cold.clone().into(),
				None,
				Box::new(call)
			));
			System::assert_last_event(
				pallet_proxy::Event::ProxyExecuted {
					result: Err(frame_system::Error::<Runtime>::CallFiltered.into()),
				}
				.into(),
			);
		}
		// Nested in a batch, still filtered.
		let batch =
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![transfer] });
		assert_ok!(Proxy::proxy(
			RuntimeOrigin::signed(hot.clone()),
			cold.clone().into(),
			None,
			Box::new(batch)
		));
		assert!(matches!(
			System::events().last().map(|record| record.event.clone()),
			Some(RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result: Err(_) }))
		));
		// Only the proxy deposit left the cold account's free balance.
		let deposit = pallet_proxy::Proxies::<Runtime>::get(&cold).1;
		assert_eq!(Balances::balance(&cold), cold_before);
		assert_eq!(Balances::reserved_balance(&cold), deposit);
		// A provider call passes the filter (it fails on its own rules: no build 7).
		let accept = RuntimeCall::Burn(pallet_burn::Call::accept_build { build_id: 7 });
		assert_ok!(Proxy::proxy(RuntimeOrigin::signed(hot), cold.into(), None, Box::new(accept)));
		let executed = System::events().into_iter().rev().find_map(|record| match record.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
			_ => None,
		});
		assert!(
			!matches!(executed, Some(Err(error)) if error == frame_system::Error::<Runtime>::CallFiltered.into()),
			"{executed:?}"
		);
	});
}

#[test]
fn the_enactment_weight_bound_covers_the_announced_call() {
	chain("development").execute_with(|| {
		// `enact` declares the call's weight on top of its own, so the scheduler reserves
		// enough for both.
		let (_, call) = price_up_by_five_percent();
		let weight = call.get_dispatch_info().call_weight;
		let enact =
			RuntimeCall::Enactment(pallet_enactment::Call::enact { index: 0, call_weight: weight });
		assert!(enact.get_dispatch_info().call_weight.all_gte(weight));
		assert!(enact.get_dispatch_info().call_weight.any_gt(Weight::zero()));
	});
}

/// Alice's GRANDPA key signs two different prevotes in round 1 of the current set, as an
/// equivocating voter would.
fn equivocation_by(
	voter: sp_keyring::Ed25519Keyring,
	first_target: sp_core::H256,
	second_target: sp_core::H256,
) -> sp_consensus_grandpa::EquivocationProof<sp_core::H256, u32> {
	let set_id = pallet_grandpa::CurrentSetId::<Runtime>::get();
	let round = 1;
	let signed = |target_hash| {
		let vote = finality_grandpa::Prevote { target_hash, target_number: 1u32 };
		let payload = sp_consensus_grandpa::localized_payload(
			round,
			set_id,
			&finality_grandpa::Message::<sp_core::H256, u32>::Prevote(vote.clone()),
		);
		(vote, voter.sign(&payload).into())
	};
	sp_consensus_grandpa::EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: round,
			identity: voter.public().into(),
			first: signed(first_target),
			second: signed(second_target),
		}),
	)
}

#[test]
fn a_grandpa_equivocation_is_proven_against_the_session_and_recorded_as_an_offence() {
	use frame_support::traits::KeyOwnerProofSystem;
	use sp_keyring::Ed25519Keyring;
	chain("development").execute_with(|| {
		run_to_block(3);
		let (one, two) = (sp_core::H256::repeat_byte(1), sp_core::H256::repeat_byte(2));
		let alice_key = sp_consensus_grandpa::AuthorityId::from(Ed25519Keyring::Alice.public());
		let key_owner_proof =
			azra_runtime::Historical::prove((sp_consensus_grandpa::KEY_TYPE, alice_key))
				.expect("Alice's GRANDPA key belongs to the current session");
		// Bob is not a validator on dev: what the history "proves" for his key does not
		// check out, so his equivocations cannot be reported (nor pinned on anyone).
		let bob_key = sp_consensus_grandpa::AuthorityId::from(Ed25519Keyring::Bob.public());
		if let Some(bob_proof) =
			azra_runtime::Historical::prove((sp_consensus_grandpa::KEY_TYPE, bob_key))
		{
			assert_noop!(
				azra_runtime::Grandpa::report_equivocation_unsigned(
					RuntimeOrigin::none(),
					Box::new(equivocation_by(Ed25519Keyring::Bob, one, two)),
					bob_proof,
				),
				pallet_grandpa::Error::<Runtime>::InvalidKeyOwnershipProof
			);
		}

		// Two signatures of the same vote are no equivocation.
		assert_noop!(
			azra_runtime::Grandpa::report_equivocation_unsigned(
				RuntimeOrigin::none(),
				Box::new(equivocation_by(Ed25519Keyring::Alice, one, one)),
				key_owner_proof.clone(),
			),
			pallet_grandpa::Error::<Runtime>::InvalidEquivocationProof
		);
		// Bob's votes cannot be pinned on Alice's key.
		assert_noop!(
			azra_runtime::Grandpa::report_equivocation_unsigned(
				RuntimeOrigin::none(),
				Box::new(equivocation_by(Ed25519Keyring::Bob, one, two)),
				key_owner_proof.clone(),
			),
			pallet_grandpa::Error::<Runtime>::InvalidKeyOwnershipProof
		);

		let issuance = Balances::total_issuance();
		assert_ok!(azra_runtime::Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(equivocation_by(Ed25519Keyring::Alice, one, two)),
			key_owner_proof.clone(),
		));
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Offences(pallet_offences::Event::Offence { .. })
		)));
		// Recorded once: the same offence cannot be reported twice.
		assert_noop!(
			azra_runtime::Grandpa::report_equivocation_unsigned(
				RuntimeOrigin::none(),
				Box::new(equivocation_by(Ed25519Keyring::Alice, one, two)),
				key_owner_proof,
			),
			pallet_grandpa::Error::<Runtime>::DuplicateOffenceReport
		);
		// Nothing is slashed or minted: validators hold no stake.
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn session_key_history_stays_bounded() {
	chain("development").execute_with(|| {
		let length = pallet_validator_set::SessionLength::<Runtime>::get();
		let kept = azra_runtime::configs::SESSIONS_KEPT;
		run_to_block((kept + 5) * length + 1);
		let stored = pallet_session::historical::HistoricalSessions::<Runtime>::iter().count();
		assert!(stored as u32 <= kept + 2, "{stored} session roots kept, at most {kept} + 2");
		assert!(stored > 0);
	});
}
