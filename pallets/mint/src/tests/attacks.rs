//! Think like an attacker.

use super::*;

/// BUILDER and ALICE are one owner. They pay for builds and prove them themselves, in full
/// and in part, and churn large builds that they let expire (burned, then refunded) to swell
/// the epoch's burn. An honest pair works in the same epoch: CHARLIE builds, BOB proves.
/// Only proven burn makes a budget, so even at the highest ratio the coalition gets back at
/// most what it burned for its proven work, and BOB's share is untouched.
#[test]
fn a_coalition_dealing_with_itself_cannot_mint_itself_a_profit() {
	ExtBuilder { ratio: MaxRatio::get(), ..Default::default() }.build().execute_with(|| {
		let coalition = || Balances::free_balance(BUILDER) + Balances::free_balance(ALICE);
		let coalition_before = coalition();
		let issuance_before = issuance();

		let honest = MockBurn::submit(CHARLIE, 10, 500).unwrap();
		MockBurn::assign(honest, BOB, 50);
		assert_ok!(prove(BOB, honest, 10));

		// Self-dealing: a build proven in full, and a dear one proven for 1 unit of 100.
		let full = assigned_build(ALICE, 100, 10_000);
		assert_ok!(prove(ALICE, full, 100));
		let partial = assigned_build(ALICE, 100, 50_000);
		assert_ok!(prove(ALICE, partial, 1));

		// Churn: large builds burned, then expired and refunded in full.
		for _ in 0..5 {
			let churn = assigned_build(ALICE, 1_000, 90_000);
			assert_ok!(MockBurn::expire(churn));
			// A refunded build cannot also be proven.
			assert_noop!(prove(ALICE, churn, 1_000), Error::<Test>::BuildExpired);
		}
		close_epoch();

		let record = Mint::epoch_record(0).unwrap();
		// 500 + 10_000 + 50_000 + 5 × 90_000 burned, of which only 500 + 10_000 + 500 proven.
		assert_eq!(record.burned, 510_500);
		assert_eq!(record.proven_burn, 11_000);
		assert_eq!(record.budget, 11_000);
		assert_eq!(claim_share(ALICE, 0), 10_500);
		assert_eq!(claim_share(BOB, 0), 500);

		assert!(coalition() <= coalition_before);
		// At ratio 1 the best it can do is break even; the fees it pays (left out of the
		// mock) are its loss.
		assert_eq!(coalition(), coalition_before);
		assert!(issuance() <= issuance_before);
		assert_ok!(Mint::do_try_state());
	});
}

#[test]
fn below_ratio_one_a_coalition_loses_the_rest_of_its_proven_burn() {
	ExtBuilder { ratio: half(), ..Default::default() }.build().execute_with(|| {
		let coalition = || Balances::free_balance(BUILDER) + Balances::free_balance(ALICE);
		let coalition_before = coalition();
		let issuance_before = issuance();
		let id = assigned_build(ALICE, 100, 10_000);
		assert_ok!(prove(ALICE, id, 100));
		close_epoch();
		assert_eq!(claim_share(ALICE, 0), 5_000);
		assert_eq!(coalition(), coalition_before - 5_000);
		assert_eq!(issuance(), issuance_before - 5_000);
	});
}
