//! State that levels off: tens of thousands of builds go through their whole life across
//! many epochs, and the number of storage keys of the burn, attestation and mint pallets
//! stops growing once the oldest builds and epochs start leaving state.
//!
//! Every build ends one of the ways a build can end: proven (most of them, part of the
//! units used), cancelled at once, taken and abandoned by its provider (the bond is burned
//! when the build leaves state), or left open until it expires (refunded when it leaves).
//! Two providers claim every epoch; a third never claims, so its shares expire. The run
//! prints the curve of keys per pallet; `AZRA_GROWTH_BUILDS` sets the number of builds
//! (50,000 by default).

use crate::mock::*;
use azra_primitives::Units;
use frame_support::traits::Get;

const BUILDERS: [AccountId; 10] = [100, 101, 102, 103, 104, 105, 106, 107, 108, 109];
const PROVIDERS: [AccountId; 3] = [200, 201, 202];
/// Builds submitted per block.
const PER_BLOCK: u64 = 50;
/// Blocks between two points of the curve.
const SAMPLE_EVERY: u64 = 25;

/// The number of storage keys under a pallet's prefix.
fn keys_of(pallet: &[u8]) -> u64 {
	let prefix = sp_io::hashing::twox_128(pallet).to_vec();
	let mut count = 0;
	let mut key = prefix.clone();
	while let Some(next) = sp_io::storage::next_key(&key) {
		if !next.starts_with(&prefix) {
			break;
		}
		count += 1;
		key = next;
	}
	count
}

/// One point of the curve.
#[derive(Clone, Copy, Debug)]
struct Sample {
	block: u64,
	builds_submitted: u64,
	burn: u64,
	attestation: u64,
	mint: u64,
}

impl Sample {
	fn total(&self) -> u64 {
		self.burn + self.attestation + self.mint
	}
}

fn sample(builds_submitted: u64) -> Sample {
	Sample {
		block: System::block_number(),
		builds_submitted,
		burn: keys_of(b"Burn"),
		attestation: keys_of(b"Attestation"),
		mint: keys_of(b"Mint"),
	}
}

/// Runs one block's builds: each of the `PER_BLOCK` builds takes one of the four endings.
fn one_block(next: &mut u64) {
	for _ in 0..PER_BLOCK {
		let n = *next;
		*next += 1;
		let builder = BUILDERS[(n % BUILDERS.len() as u64) as usize];
		let provider = PROVIDERS[(n % PROVIDERS.len() as u64) as usize];
		let units: Units = 10;
		let id = submit(builder, units).expect("a funded builder submits");
		match n % 10 {
			// Left open: it expires, and is refunded when it leaves state.
			0 => {}
			// Cancelled at once.
			1 => dispatch_as(builder, pallet_burn::Call::cancel_build { build_id: id })
				.expect("an open build can be cancelled"),
			// Taken and abandoned: the bond is burned when the build leaves state.
			2 => accept(provider, id).expect("an eligible provider takes it"),
			// Proven, with 5 to 10 of the 10 units used.
			_ => {
				accept(provider, id).expect("an eligible provider takes it");
				prove(provider, id, 5 + n % 6).expect("a genuine proof");
			}
		}
	}
}

#[test]
fn storage_keys_level_off_while_builds_flow_through_their_whole_life() {
	let builds: u64 =
		std::env::var("AZRA_GROWTH_BUILDS").ok().and_then(|v| v.parse().ok()).unwrap_or(50_000);
	let blocks = builds.div_ceil(PER_BLOCK);
	let mut balances: Vec<(AccountId, Balance)> =
		BUILDERS.iter().map(|b| (*b, 1_000_000_000_000)).collect();
	balances.extend(PROVIDERS.iter().map(|p| (*p, 1_000_000_000)));
	ExtBuilder::new(&balances, &PROVIDERS).build().execute_with(|| {
		let mut next = 0u64;
		let mut curve = vec![sample(0)];
		for block in 1..=blocks {
			one_block(&mut next);
			// Two of the three providers claim what each closed epoch paid them.
			if (System::block_number() + 1).is_multiple_of(EPOCH_LENGTH) {
				claim_all(PROVIDERS[0]);
				claim_all(PROVIDERS[1]);
			}
			advance(1);
			if block % SAMPLE_EVERY == 0 || block == blocks {
				curve.push(sample(next));
			}
			if block % 200 == 0 {
				check_invariants();
			}
		}
		check_invariants();

		println!("block  builds  burn-keys  attestation-keys  mint-keys  total");
		for s in &curve {
			println!(
				"{:>5}  {:>6}  {:>9}  {:>16}  {:>9}  {:>5}",
				s.block,
				s.builds_submitted,
				s.burn,
				s.attestation,
				s.mint,
				s.total()
			);
		}

		// Builds stay at most `BuildLifetime + AssignmentPeriod + BuildRetention` blocks
		// and a block more (the sweep runs at the block's end); epochs `HistoryDepth`
		// epochs and one more (the one being claimed), each with a record and up to one
		// `Points` entry per provider.
		let build_window =
			BuildLifetime::get() + AssignmentPeriod::get() + BuildRetention::get() + 2;
		let builds_in_state = pallet_burn::Builds::<Test>::iter().count() as u64;
		assert!(
			builds_in_state <= PER_BLOCK * build_window,
			"{builds_in_state} builds in state, at most {}",
			PER_BLOCK * build_window
		);
		let depth = u64::from(<<Test as pallet_mint::Config>::HistoryDepth as Get<u32>>::get());
		let epoch_entries = pallet_mint::Points::<Test>::iter().count() as u64
			+ pallet_mint::EpochRecords::<Test>::iter().count() as u64;
		let most_epoch_entries = (depth + 2) * (PROVIDERS.len() as u64 + 1);
		assert!(
			epoch_entries <= most_epoch_entries,
			"{epoch_entries} epoch entries in state, at most {most_epoch_entries}"
		);
		assert!(Mint::oldest_retained_epoch() > 0, "expired epochs left state");
		assert!(Mint::total_expired() > 0, "the third provider's shares expired unminted");

		// Levelled off: over the last third of the run the keys never exceed the most of
		// the middle third (by more than one block's builds), although as many builds were
		// submitted in each third.
		let third = curve.len() / 3;
		let middle = curve[third..2 * third].iter().map(Sample::total).max().unwrap_or(0);
		let last = curve[2 * third..].iter().map(Sample::total).max().unwrap_or(0);
		assert!(
			last <= middle + 2 * PER_BLOCK,
			"keys still growing: {last} in the last third, {middle} in the middle third"
		);
		let first = curve[1].total();
		assert!(middle > first, "the curve rose before it levelled off");
	});
}
