//! Scenario.

use super::*;

/// 20 epochs of steady burn, then burn drops 60%. Each epoch's budget is ratio × that
/// epoch's proven burn: no average lags behind the drop, so no epoch after it mints more
/// than it burned, and net emission stays negative throughout.
#[test]
fn scenario_steady_usage_then_sixty_percent_drop() {
	const STEADY: Balance = 10_000;
	const DROPPED: Balance = 4_000;
	let ratio = FixedU128::from_rational(4, 5);
	ExtBuilder { ratio, ..Default::default() }.build().execute_with(|| {
		let mut minted = Vec::new();
		for epoch in 0..40u32 {
			let price = if epoch < 20 { STEADY } else { DROPPED };
			let id = assigned_build(ALICE, 100, price);
			assert_ok!(prove(ALICE, id, 100));
			close_epoch();
			let paid = claim_share(ALICE, epoch);
			let record = Mint::epoch_record(epoch).unwrap();
			assert_eq!(record.burned, price);
			assert_eq!(record.proven_burn, price);
			// One provider takes the whole budget: ⌊ratio × this epoch's proven burn⌋.
			assert_eq!(record.budget, ratio.saturating_mul_int(price));
			assert_eq!(record.minted_rewards, paid);
			assert_eq!(paid, record.budget);
			assert_eq!(record.net_emission, SignedAmount::difference(paid, price));
			assert!(!record.net_emission.positive);
			assert_ok!(Mint::do_try_state());
			minted.push(paid);
		}
		assert!(minted[..20].iter().all(|&m| m == 8_000));
		// The first epoch after the drop already pays 4/5 of the lower burn.
		assert!(minted[20..].iter().all(|&m| m == 3_200));

		let totals = Mint::supply_totals();
		assert_eq!(totals.minted, 20 * 8_000 + 20 * 3_200);
		assert_eq!(totals.burned, 20 * STEADY + 20 * DROPPED);
		assert_eq!(totals.net_emission, SignedAmount { positive: false, magnitude: 56_000 });
		assert_eq!(totals.total_issuance + totals.burned, totals.genesis_issuance + totals.minted);
	});
}
