//! How long a build's record stays, the output the chain keeps for it, and the pruning
//! that takes settled builds out of state.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The last block `build`'s record stays in state: `BuildRetention` blocks after the
	/// last block the build could change. That is `expires_at + AssignmentPeriod` (the
	/// deadline of an assignment taken at the last open block), or the stored deadline if
	/// it is later (an assignment made under a longer `AssignmentPeriod` before an upgrade
	/// shortened it).
	pub fn retained_until(build: &BuildOf<T>) -> BlockNumberFor<T> {
		let last_change = match &build.state {
			BuildState::Assigned { deadline, .. } => *deadline,
			_ => Zero::zero(),
		}
		.max(build.expires_at.saturating_add(T::AssignmentPeriod::get()));
		last_change.saturating_add(T::BuildRetention::get())
	}

	/// The lowest build id that may still be in state; every build below it has left.
	pub fn oldest_retained_build() -> BuildId {
		Ledger::<T>::get().oldest_build_id
	}

	/// Removes the oldest builds whose retention has passed, in id order, within
	/// `weight_limit` and at most `MaxPrunedPerBlock` of them; returns the weight used.
	///
	/// Ids grow with submission blocks and every build has the same retention, so the
	/// first build still retained stops the sweep: none after it could be removed either.
	/// A build that ended settled (completed or refunded) costs less to remove than one
	/// that did not (a lapsed bond to burn, a price to refund), and is charged so.
	pub fn prune_builds(now: BlockNumberFor<T>, weight_limit: Weight) -> Weight {
		let base = T::WeightInfo::prune_settled_builds(0);
		let per_settled = T::WeightInfo::prune_settled_builds(1).saturating_sub(base);
		let unsettled_base = T::WeightInfo::prune_unsettled_builds(0);
		let per_unsettled = T::WeightInfo::prune_unsettled_builds(1).saturating_sub(unsettled_base);
		// The first refund of a block also reads and writes the mint's refund sums, once.
		let mut unsettled_once = unsettled_base.saturating_sub(base);
		if !weight_limit.all_gte(base) {
			return Weight::zero();
		}
		// Only the cursor is kept here: removals may burn a bond, which books into the
		// ledger's sums on their own.
		let LedgerState { oldest_build_id: first, next_build_id, .. } = Ledger::<T>::get();
		let mut oldest = first;
		let mut used = base;
		let mut pruned = 0u32;
		while oldest < next_build_id && pruned < T::MaxPrunedPerBlock::get() {
			let id = oldest;
			let mut cost = per_settled;
			if let Some(build) = Builds::<T>::get(id) {
				if now <= Self::retained_until(&build) {
					break;
				}
				let settled = build.refunded || matches!(build.state, BuildState::Completed { .. });
				if !settled {
					cost = per_unsettled.saturating_add(core::mem::take(&mut unsettled_once));
				}
				if !weight_limit.all_gte(used.saturating_add(cost)) {
					break;
				}
				// Each removal is all or nothing. One that fails would mean the bond or
				// deposit bookkeeping is broken (`try_state` checks it); the build then
				// stays, and so does every later one, rather than the totals going wrong.
				let removed = frame_support::storage::with_storage_layer(|| {
					Self::retire_build(id, build, now)
				});
				if let Err(error) = removed {
					log::error!(
						target: LOG_TARGET,
						"build {id} could not leave state: {error:?}"
					);
					break;
				}
			}
			oldest = id.saturating_add(1);
			used = used.saturating_add(cost);
			pruned = pruned.saturating_add(1);
		}
		if pruned > 0 {
			Ledger::<T>::mutate(|ledger| ledger.oldest_build_id = oldest);
			Self::deposit_event(Event::BuildsPruned { from: first, to: oldest.saturating_sub(1) });
		}
		used
	}

	/// Keeps the output of build `id` stored while its record stays, paid by its `builder`
	/// (who reads it): a deposit of `OutputDepositBase` plus `OutputDepositPerByte` per byte.
	/// Never fails: a proof must not fail because of its builder, so an output whose bytes
	/// are not stored, or whose builder cannot pay, is not kept ([`Event::OutputNotKept`]).
	pub(crate) fn keep_output(id: BuildId, builder: &T::AccountId, output_hash: H256) {
		let len = T::Outputs::len(&output_hash);
		let deposit = len.map(|len| {
			T::OutputDepositPerByte::get()
				.saturating_mul(len.into())
				.saturating_add(T::OutputDepositBase::get())
		});
		let paid = match deposit {
			Some(deposit) if deposit.is_zero() => true,
			Some(deposit) => {
				T::Currency::hold(&HoldReason::OutputDeposit.into(), builder, deposit).is_ok()
			}
			None => false,
		};
		match (paid, deposit) {
			(true, Some(deposit)) => {
				T::Outputs::keep(&output_hash);
				KeptOutputs::<T>::insert(id, (output_hash, deposit));
			}
			_ => Self::deposit_event(Event::OutputNotKept { build_id: id, len }),
		}
	}

	/// Takes `build` out of state: settles a missed deadline, refunds an expired build its
	/// builder never reclaimed, and returns the deposit.
	pub(crate) fn retire_build(
		id: BuildId,
		mut build: BuildOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::settle_missed_deadline(id, &mut build, now)?;
		if let Some((output_hash, deposit)) = KeptOutputs::<T>::take(id) {
			T::Outputs::release(&output_hash);
			if !deposit.is_zero() {
				T::Currency::release(
					&HoldReason::OutputDeposit.into(),
					&build.builder,
					deposit,
					Precision::Exact,
				)?;
			}
		}
		if !build.deposit.is_zero() {
			T::Currency::release(
				&HoldReason::BuildDeposit.into(),
				&build.builder,
				build.deposit,
				Precision::Exact,
			)?;
		}
		if Self::current_state(&build, now) == BuildState::Expired && !build.refunded {
			// Its builder never reclaimed it. A refund that cannot be minted (the account
			// is gone and the price is below the existential deposit) stays burned.
			match T::Refund::refund(&build.builder, build.price) {
				Ok(()) => {
					Self::deposit_event(Event::BuildExpired { build_id: id, cancelled: false });
					Self::deposit_event(Event::BuildRefunded {
						build_id: id,
						builder: build.builder.clone(),
						amount: build.price,
					});
				}
				Err(_) => Self::deposit_event(Event::RefundForgone {
					build_id: id,
					builder: build.builder.clone(),
					amount: build.price,
				}),
			}
		}
		Builds::<T>::remove(id);
		SealedBuilds::<T>::remove(id);
		Ok(())
	}
}
