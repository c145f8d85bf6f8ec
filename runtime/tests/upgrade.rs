//! The runtime's upgrade path, as the `try-runtime` CLI exercises it: every migration in
//! `Migrations` with its pre- and post-upgrade checks, then every pallet's `try_state`, on
//! the state of each preset. Built only with `--features try-runtime` (scripts/test.sh).
#![cfg(feature = "try-runtime")]

mod common;

use azra_runtime::Executive;
use common::preset_storage;
use frame_try_runtime::UpgradeCheckSelect;

#[test]
fn every_migration_and_every_pallets_invariants_hold_on_each_preset() {
	for preset in ["development", "local_testnet", "production"] {
		preset_storage(preset).execute_with(|| {
			frame_system::Pallet::<azra_runtime::Runtime>::set_block_number(1);
			let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
				.unwrap_or_else(|error| panic!("{preset}: {error:?}"));
			assert!(weight.ref_time() > 0, "{preset}: the upgrade reports its weight");
		});
	}
}
