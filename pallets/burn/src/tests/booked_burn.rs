use super::*;

#[test]
fn books_outside_burn_in_the_ledger() {
	new_test_ext().execute_with(|| {
		Burn::book_burn(7);
		assert_eq!(total_burned(), 7);
		assert_eq!(Burn::burned_in_open_epoch(), 7);
		System::assert_last_event(Event::BurnBooked { amount: 7 }.into());
	});
}

#[test]
fn booking_zero_is_a_no_op() {
	new_test_ext().execute_with(|| {
		Burn::book_burn(0);
		assert_eq!(total_burned(), 0);
		assert!(System::events().is_empty());
	});
}
