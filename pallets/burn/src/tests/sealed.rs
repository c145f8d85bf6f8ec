//! Sealed builds: who may take, prove and end a build whose input only its recipients read.

use super::*;
use crate::SealedBuilds;
use azra_primitives::{EnclaveKey, SealedTerms, MAX_SEALED_RECIPIENTS};
use frame_support::{pallet_prelude::ConstU32, BoundedVec};

const OUTPUT_KEY: [u8; 32] = [0x0b; 32];

fn to(keys: &[EnclaveKey]) -> BoundedVec<EnclaveKey, ConstU32<MAX_SEALED_RECIPIENTS>> {
	BoundedVec::truncate_from(keys.to_vec())
}

fn submit_sealed(
	builder: AccountId,
	recipients: &[EnclaveKey],
	required: Option<H256>,
) -> DispatchResultWithId {
	let id = Ledger::<Test>::get().next_build_id;
	Burn::submit_sealed_build(
		RuntimeOrigin::signed(builder),
		SPEC,
		INPUT,
		10,
		required,
		1_000_000,
		to(recipients),
		OUTPUT_KEY,
	)
	.map(|()| id)
}

type DispatchResultWithId = Result<u64, DispatchError>;

/// Alice seals a 10-unit build to `PROVIDER`'s enclave, the only eligible one.
fn sealed_to_provider() -> u64 {
	make_eligible(PROVIDER, None);
	submit_sealed(ALICE, &[enclave_of(PROVIDER)], None).expect("a recipient that can take it")
}

#[test]
fn a_sealed_build_burns_like_a_public_one_and_records_its_terms() {
	new_test_ext().execute_with(|| {
		let before = issuance();
		let id = sealed_to_provider();
		assert_eq!(issuance(), before - 10 * GENESIS_PRICE);
		assert_eq!(state(id), BuildState::Open);
		assert_eq!(
			Burn::sealed_terms(id),
			Some(SealedTerms { recipients: to(&[enclave_of(PROVIDER)]), output_key: OUTPUT_KEY })
		);
		System::assert_last_event(
			Event::BuildSealed {
				build_id: id,
				recipients: to(&[enclave_of(PROVIDER)]),
				output_key: OUTPUT_KEY,
			}
			.into(),
		);
		// A public build has no terms.
		assert_eq!(Burn::sealed_terms(submit(1)), None);
		assert_ok!(Burn::do_try_state());
	});
}

#[test]
fn a_sealed_submission_with_bad_terms_is_refused_and_changes_nothing() {
	new_test_ext().execute_with(|| {
		make_eligible(PROVIDER, None);
		make_eligible(OTHER_PROVIDER, Some(measurement()));
		let mine = enclave_of(PROVIDER);
		let sealed = |recipients: &[EnclaveKey], required, output_key| {
			Burn::submit_sealed_build(
				RuntimeOrigin::signed(ALICE),
				SPEC,
				INPUT,
				10,
				required,
				1_000_000,
				to(recipients),
				output_key,
			)
		};
		assert_noop!(sealed(&[], None, OUTPUT_KEY), Error::<Test>::NoRecipients);
		assert_noop!(sealed(&[mine, mine], None, OUTPUT_KEY), Error::<Test>::DuplicateRecipient);
		assert_noop!(sealed(&[mine], None, [0; 32]), Error::<Test>::OutputKeyMissing);
		// A key that is no enclave, and one whose provider is not eligible.
		assert_noop!(sealed(&[EnclaveKey::Ed25519([1; 32])], None, OUTPUT_KEY), UNKNOWN_ENCLAVE);
		assert_noop!(sealed(&[mine, enclave_of(BOB)], None, OUTPUT_KEY), NOT_ELIGIBLE);
		// A recipient that does not run the measurement the build requires.
		assert_noop!(sealed(&[mine], Some(measurement()), OUTPUT_KEY), NOT_ELIGIBLE);
		assert_ok!(sealed(&[enclave_of(OTHER_PROVIDER)], Some(measurement()), OUTPUT_KEY));
		// The price check still comes first of all.
		assert_noop!(
			Burn::submit_sealed_build(
				RuntimeOrigin::signed(ALICE),
				SPEC,
				INPUT,
				10,
				None,
				10 * GENESIS_PRICE - 1,
				to(&[mine]),
				OUTPUT_KEY,
			),
			Error::<Test>::PriceAboveMax
		);
	});
}

#[test]
fn only_a_provider_with_a_recipient_enclave_may_accept() {
	new_test_ext().execute_with(|| {
		let id = sealed_to_provider();
		// Eligible for public builds, but not a recipient: it could not open the input,
		// so taking the build would only block it.
		make_eligible(OTHER_PROVIDER, None);
		assert_noop!(
			Burn::accept_build(RuntimeOrigin::signed(OTHER_PROVIDER), id),
			NOT_A_RECIPIENT
		);
		assert_eq!(bonded(OTHER_PROVIDER), 0);
		// The builder may not take its own build, sealed or not.
		make_eligible(ALICE, None);
		let own = submit_sealed(ALICE, &[enclave_of(ALICE)], None).expect("submits");
		assert_noop!(
			Burn::accept_build(RuntimeOrigin::signed(ALICE), own),
			Error::<Test>::OwnBuild
		);

		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id));
		assert!(matches!(state(id), BuildState::Assigned { provider: PROVIDER, .. }));
	});
}

#[test]
fn only_a_recipient_enclave_completes_a_sealed_build() {
	new_test_ext().execute_with(|| {
		let id = sealed_to_provider();
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id));
		// The assigned provider, proving with an enclave the input was not sealed to.
		let stranger = EnclaveKey::Sr25519([7; 32]);
		assert_noop!(
			Burn::complete_build(id, &PROVIDER, &stranger, OUTPUT, 4),
			Error::<Test>::ProverNotARecipient
		);
		assert_eq!(Burn::complete_build(id, &PROVIDER, &enclave_of(PROVIDER), OUTPUT, 10), Ok(100));
		assert!(matches!(state(id), BuildState::Completed { provider: PROVIDER, .. }));
	});
}

#[test]
fn a_build_whose_recipients_all_lost_eligibility_is_cancelled_for_a_full_refund() {
	new_test_ext().execute_with(|| {
		let start = Balances::free_balance(ALICE);
		let id = sealed_to_provider();
		make_ineligible(PROVIDER, None);
		assert_noop!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id), NOT_ELIGIBLE);
		assert_ok!(Burn::cancel_build(RuntimeOrigin::signed(ALICE), id));
		// The price is back; the deposit comes back when the record leaves state.
		assert_eq!(Balances::free_balance(ALICE), start - deposited(ALICE));
		assert_eq!(refunded(), 10 * GENESIS_PRICE);
	});
}

#[test]
fn sealed_terms_leave_state_with_their_build() {
	new_test_ext().execute_with(|| {
		let id = sealed_to_provider();
		assert!(SealedBuilds::<Test>::contains_key(id));
		run_to_block(200);
		Burn::on_idle(200, Weight::MAX);
		assert!(!Builds::<Test>::contains_key(id));
		assert!(!SealedBuilds::<Test>::contains_key(id));
		assert_eq!(deposited(ALICE), 0);
		assert_ok!(Burn::do_try_state());
	});
}

/// The cheapest attack on sealing we found: a provider that is not a recipient takes the
/// build anyway, to block it for its assignment period (it cannot open the input, so it
/// could only let the deadline pass). Refused, and it costs the attacker only its fee.
/// Nor can a coalition of the builder and a non-recipient provider turn the build into a
/// public one: the terms cannot be changed after submission, and a proof from any other
/// enclave is refused.
#[test]
fn a_non_recipient_cannot_block_or_prove_a_sealed_build() {
	new_test_ext().execute_with(|| {
		let id = sealed_to_provider();
		make_eligible(OTHER_PROVIDER, None);
		for _ in 0..3 {
			assert_noop!(
				Burn::accept_build(RuntimeOrigin::signed(OTHER_PROVIDER), id),
				NOT_A_RECIPIENT
			);
		}
		assert_eq!(state(id), BuildState::Open);
		assert_noop!(
			Burn::complete_build(id, &OTHER_PROVIDER, &enclave_of(OTHER_PROVIDER), OUTPUT, 1),
			Error::<Test>::BuildNotAssigned
		);
		// The recipient takes it as if nothing happened.
		assert_ok!(Burn::accept_build(RuntimeOrigin::signed(PROVIDER), id));
	});
}
