//! Tests of the mint pallet on the mock runtime.

use crate::{mock::*, Error, Event};
use frame_support::{assert_noop, assert_ok};

#[test]
fn genesis_is_consistent() {
	new_test_ext().execute_with(|| {
		assert_eq!(Mint::current_epoch(), 0);
		assert_ok!(Mint::do_try_state());
	});
}
