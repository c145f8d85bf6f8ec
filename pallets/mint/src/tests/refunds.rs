//! Refunds.

use super::*;

#[test]
fn refund_mints_and_is_accounted_in_its_epoch() {
	new_test_ext().execute_with(|| {
		let id = MockBurn::submit(BUILDER, 10, 700).unwrap();
		let before = issuance();
		assert_ok!(MockBurn::expire(id));
		System::assert_last_event(
			Event::Refunded { builder: BUILDER, amount: 700, epoch: 0 }.into(),
		);
		assert_eq!(issuance(), before + 700);
		assert_eq!(TotalRefunded::<Test>::get(), 700);
		assert_ok!(Mint::do_try_state());
		close_epoch();
		let record = Mint::epoch_record(0).unwrap();
		assert_eq!(record.refunded, 700);
		assert_eq!(record.burned, 700);
		assert_eq!(record.budget, 0);
		assert_eq!(record.net_emission, SignedAmount::zero());
	});
}

#[test]
fn refund_of_zero_is_a_no_op() {
	new_test_ext().execute_with(|| {
		assert_ok!(<Mint as Refund<AccountId, Balance>>::refund(&BUILDER, 0));
		assert_eq!(TotalRefunded::<Test>::get(), 0);
		assert!(System::events().is_empty());
	});
}

#[test]
fn refund_to_a_new_account_is_accounted() {
	new_test_ext().execute_with(|| {
		assert_ok!(<Mint as Refund<AccountId, Balance>>::refund(&4242, 1));
		assert_eq!(Balances::free_balance(4242), 1);
		assert_ok!(Mint::do_try_state());
	});
}
