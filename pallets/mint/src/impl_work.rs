//! Proving work: a provider's `submit_work`, checked against the build and its enclave,
//! earns the epoch's points.

use crate::{DispatchResult, *};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// Logic of [`Pallet::submit_work`].
	pub fn do_submit_work(
		provider: T::AccountId,
		build_id: azra_primitives::BuildId,
		output_hash: H256,
		units_used: Units,
		proof: T::Proof,
	) -> DispatchResult {
		let build = T::Builds::build(build_id).ok_or(Error::<T>::BuildNotFound)?;
		match build.state {
			BuildState::Assigned { provider: assigned, deadline } => {
				ensure!(assigned == provider, Error::<T>::NotAssignedProvider);
				let now = frame_system::Pallet::<T>::block_number();
				ensure!(now <= deadline, Error::<T>::DeadlinePassed);
			}
			BuildState::Open => return Err(Error::<T>::BuildNotAssigned.into()),
			BuildState::Completed { .. } => return Err(Error::<T>::BuildAlreadyCompleted.into()),
			BuildState::Expired => return Err(Error::<T>::BuildExpired.into()),
		}
		ensure!(units_used > 0, Error::<T>::NoUnitsUsed);
		ensure!(units_used <= build.units, Error::<T>::UnitsAboveRequested);

		let claim = WorkClaim {
			genesis_hash: Self::genesis_hash(),
			build_id,
			spec_hash: build.spec_hash,
			input_hash: build.input_hash,
			output_hash,
			units_used,
			provider: provider.clone(),
		};
		let verified = T::WorkProofs::verify_work_proof(&claim, &proof)?;
		// The provider may hold several enclaves; the one that signed must run the
		// measurement the builder asked for, not just any allow-listed one.
		if let Some(required) = build.required_measurement {
			ensure!(verified.measurement == required, Error::<T>::WrongMeasurement);
		}
		// Every provider with a proof gets its own entry: there is no slot list that
		// cheap accounts could fill. Each entry costs its provider a proven build.
		let epoch = Self::current_epoch();
		let mut tally = EpochTallies::<T>::get(epoch);
		let mut entry = Points::<T>::get(epoch, &provider).unwrap_or_else(|| {
			tally.providers = tally.providers.saturating_add(1);
			ProviderPoints::default()
		});
		entry.points = entry.points.checked_add(units_used).ok_or(Error::<T>::PointsOverflow)?;
		tally.points = tally.points.checked_add(units_used).ok_or(Error::<T>::PointsOverflow)?;

		// The build's owner marks it completed, refunds the unused units and tells what
		// part of the price paid for the proven ones: the provider's claim on the budget.
		let proven_burn = T::Builds::complete_build(
			build_id,
			&provider,
			&verified.enclave_key,
			output_hash,
			units_used,
		)?;
		entry.proven_burn = entry.proven_burn.saturating_add(proven_burn);
		tally.proven_burn = tally.proven_burn.saturating_add(proven_burn);
		Points::<T>::insert(epoch, &provider, entry);
		EpochTallies::<T>::insert(epoch, tally);
		Self::deposit_event(Event::WorkAccepted {
			build_id,
			provider,
			epoch,
			units_used,
			proven_burn,
			output_hash,
			measurement: verified.measurement,
		});
		Ok(())
	}

	/// The chain's genesis hash, as work proofs commit to it.
	pub fn genesis_hash() -> H256 {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		azra_primitives::hash_to_h256(genesis.as_ref())
	}
}
