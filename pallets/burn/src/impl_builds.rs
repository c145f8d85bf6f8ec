//! A build's life: submission (public or sealed), acceptance by a provider, release,
//! cancellation or reclaim by its builder, and the bond a provider puts at risk.

use crate::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn stored_build(id: BuildId) -> Result<BuildOf<T>, DispatchError> {
		Builds::<T>::get(id).ok_or_else(|| Error::<T>::UnknownBuild.into())
	}

	/// Burns the price and records an open build; returns its id.
	pub fn do_submit_build(
		builder: T::AccountId,
		spec_hash: H256,
		input_hash: H256,
		units: Units,
		required_measurement: Option<MeasurementId>,
		max_price: BalanceOf<T>,
		sealed: Option<SealedTerms>,
	) -> Result<BuildId, DispatchError> {
		ensure!(units > 0, Error::<T>::ZeroUnits);
		ensure!(units <= T::MaxUnitsPerBuild::get(), Error::<T>::TooManyUnits);
		let price = Self::quote(units).ok_or(Error::<T>::PriceOverflow)?;
		ensure!(price <= max_price, Error::<T>::PriceAboveMax);
		if let Some(terms) = &sealed {
			Self::ensure_sealable(terms, required_measurement)?;
		}

		let mut ledger = Ledger::<T>::get();
		let build_id = ledger.next_build_id;
		ledger.next_build_id = build_id.checked_add(1).ok_or(Error::<T>::BuildIdOverflow)?;

		T::Currency::burn_from(
			&builder,
			price,
			Preservation::Preserve,
			Precision::Exact,
			Fortitude::Polite,
		)
		.map_err(|_| Error::<T>::InsufficientBalance)?;
		let deposit = T::BuildDeposit::get();
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::BuildDeposit.into(), &builder, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
		}

		let now = frame_system::Pallet::<T>::block_number();
		Builds::<T>::insert(
			build_id,
			Build {
				builder: builder.clone(),
				spec_hash,
				input_hash,
				units,
				price,
				required_measurement,
				submitted_at: now,
				expires_at: now.saturating_add(T::BuildLifetime::get()),
				state: BuildState::Open,
				refunded: false,
				bond: Zero::zero(),
				deposit,
			},
		);
		ledger.note_burned(price);
		Ledger::<T>::put(ledger);
		Self::deposit_event(Event::BuildSubmitted { build_id, builder, units, burned: price });
		if let Some(SealedTerms { recipients, output_key }) = sealed {
			SealedBuilds::<T>::insert(
				build_id,
				SealedTerms { recipients: recipients.clone(), output_key },
			);
			Self::deposit_event(Event::BuildSealed { build_id, recipients, output_key });
		}
		Ok(build_id)
	}

	/// `Ok` if a build may be sealed on `terms`: at least one recipient, none twice, an
	/// output key, and every recipient an enclave that could take the build now. A builder
	/// learns at once that a recipient is unusable, before any AZRA is burned.
	pub(crate) fn ensure_sealable(
		terms: &SealedTerms,
		required: Option<MeasurementId>,
	) -> DispatchResult {
		ensure!(!terms.recipients.is_empty(), Error::<T>::NoRecipients);
		ensure!(terms.output_key != [0; 32], Error::<T>::OutputKeyMissing);
		for (i, recipient) in terms.recipients.iter().enumerate() {
			ensure!(!terms.recipients[..i].contains(recipient), Error::<T>::DuplicateRecipient);
			T::Eligibility::ensure_sealing_recipient(recipient, required)?;
		}
		Ok(())
	}

	/// The terms of sealed build `id`; `None` for a public build (or no build).
	pub fn sealed_terms(id: BuildId) -> Option<SealedTerms> {
		SealedBuilds::<T>::get(id)
	}

	/// The weight of `accept_build` on a sealed or a public build: each measured in its worst
	/// case (a sealed build's caller owning the last of the most recipients; a public
	/// build's the last of the most enclaves a provider may hold), the bond allowance's read
	/// and write included.
	pub fn accept_weight(sealed: bool) -> Weight {
		if sealed {
			T::WeightInfo::accept_sealed_build().max(T::WeightInfo::accept_build())
		} else {
			T::WeightInfo::accept_build()
		}
	}

	/// The bond a provider puts up to take a build of `price`:
	/// `max(ProviderBond × price, MinProviderBond)`.
	pub fn bond_for(price: BalanceOf<T>) -> BalanceOf<T> {
		T::ProviderBond::get().mul_ceil(price).max(T::MinProviderBond::get())
	}

	/// Burns the bond of `build`'s assigned provider and leaves the build open (or expired,
	/// as [`Pallet::current_state`] sees it).
	pub(crate) fn forfeit_bond(build_id: BuildId, build: &mut BuildOf<T>) -> DispatchResult {
		let BuildState::Assigned { provider, .. } = &build.state else { return Ok(()) };
		let provider = provider.clone();
		let bond = core::mem::take(&mut build.bond);
		build.state = BuildState::Open;
		if bond.is_zero() {
			return Ok(());
		}
		// Everything this pallet holds for a provider is the sum of its live bonds
		// (checked by `try_state`), so the whole bond is there to burn.
		let burned = T::Currency::burn_held(
			&HoldReason::ProviderBond.into(),
			&provider,
			bond,
			Precision::Exact,
			Fortitude::Force,
		)?;
		Self::note_burned(burned);
		Self::deposit_event(Event::BondForfeited { build_id, provider, amount: burned });
		Ok(())
	}

	/// Releases the bond of `build`'s assigned provider (and gives it back to its bond
	/// allowance), leaving the build open: the provider could not prove it through no
	/// fault of its own.
	pub(crate) fn return_bond(build_id: BuildId, build: &mut BuildOf<T>) -> DispatchResult {
		let BuildState::Assigned { provider, .. } = &build.state else { return Ok(()) };
		let provider = provider.clone();
		let bond = core::mem::take(&mut build.bond);
		build.state = BuildState::Open;
		if bond.is_zero() {
			return Ok(());
		}
		T::Currency::release(&HoldReason::ProviderBond.into(), &provider, bond, Precision::Exact)?;
		BondAllowances::<T>::mutate(&provider, |allowance| {
			*allowance = allowance.saturating_add(bond)
		});
		Self::deposit_event(Event::BondReturned { build_id, provider, amount: bond });
		Ok(())
	}

	/// If `build`'s provider let the deadline pass, burns its bond and reopens the build.
	pub(crate) fn settle_missed_deadline(
		build_id: BuildId,
		build: &mut BuildOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		match build.state {
			BuildState::Assigned { deadline, .. } if now > deadline => {
				Self::forfeit_bond(build_id, build)
			}
			_ => Ok(()),
		}
	}

	/// Assigns an open build to an eligible provider, holding its bond; `Ok(true)` if the
	/// build is sealed (its recipients were checked).
	pub fn do_accept_build(
		provider: T::AccountId,
		build_id: BuildId,
	) -> Result<bool, DispatchError> {
		let mut build = Self::stored_build(build_id)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(Self::current_state(&build, now) == BuildState::Open, Error::<T>::BuildNotOpen);
		ensure!(provider != build.builder, Error::<T>::OwnBuild);
		let sealed = SealedBuilds::<T>::get(build_id);
		match &sealed {
			Some(terms) => T::Eligibility::ensure_eligible_recipient(
				&provider,
				build.required_measurement,
				&terms.recipients,
			)?,
			None => T::Eligibility::ensure_eligible(&provider, build.required_measurement)?,
		}
		Self::settle_missed_deadline(build_id, &mut build, now)?;

		let bond = Self::bond_for(build.price);
		let allowance = BondAllowances::<T>::get(&provider);
		ensure!(bond <= allowance, Error::<T>::BondAllowanceExceeded);
		T::Currency::hold(&HoldReason::ProviderBond.into(), &provider, bond)
			.map_err(|_| Error::<T>::InsufficientBond)?;
		BondAllowances::<T>::insert(&provider, allowance.saturating_sub(bond));
		let deadline = now.saturating_add(T::AssignmentPeriod::get());
		build.state = BuildState::Assigned { provider: provider.clone(), deadline };
		build.bond = bond;
		Builds::<T>::insert(build_id, build);
		Self::deposit_event(Event::BuildAccepted { build_id, provider, deadline, bond });
		Ok(sealed.is_some())
	}

	/// Returns an assigned build to open, at its provider's request. The bond is burned,
	/// unless a governance decision is why the provider can no longer prove the build
	/// ([`ProviderEligibility::ineligible_by_governance`]): then it is returned, since the
	/// provider did not fail the build; the chain stopped trusting its enclave.
	pub fn do_release_build(provider: T::AccountId, build_id: BuildId) -> DispatchResult {
		let mut build = Self::stored_build(build_id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let deadline = match Self::current_state(&build, now) {
			BuildState::Assigned { provider: assigned, deadline } => {
				ensure!(assigned == provider, Error::<T>::NotAssignedProvider);
				deadline
			}
			_ => return Err(Error::<T>::BuildNotAssigned.into()),
		};
		let sealed = SealedBuilds::<T>::get(build_id);
		// The block the provider took the build (an upgrade that lengthened the assignment
		// period makes this earlier, which only widens the removals that count against it).
		let accepted_at = deadline.saturating_sub(T::AssignmentPeriod::get());
		let revoked = T::Eligibility::ineligible_by_governance(
			&provider,
			build.required_measurement,
			sealed.as_ref().map(|terms| &terms.recipients[..]),
			accepted_at,
		);
		if revoked {
			Self::return_bond(build_id, &mut build)?;
		} else {
			Self::forfeit_bond(build_id, &mut build)?;
		}
		Builds::<T>::insert(build_id, build);
		Self::deposit_event(Event::BuildReleased { build_id, provider });
		Ok(())
	}

	/// Ends a build that will not be completed and refunds its builder: a cancellation of
	/// an open build (`cancel`), or the reclaim of an expired one. A provider's missed
	/// deadline is settled first (its bond is burned).
	pub fn do_end_build(builder: T::AccountId, build_id: BuildId, cancel: bool) -> DispatchResult {
		let mut build = Self::stored_build(build_id)?;
		ensure!(build.builder == builder, Error::<T>::NotBuilder);
		ensure!(!build.refunded, Error::<T>::AlreadyRefunded);
		let now = frame_system::Pallet::<T>::block_number();
		let state = Self::current_state(&build, now);
		if cancel {
			ensure!(state == BuildState::Open, Error::<T>::BuildNotOpen);
		} else {
			ensure!(state == BuildState::Expired, Error::<T>::BuildNotExpired);
		}
		Self::settle_missed_deadline(build_id, &mut build, now)?;

		T::Refund::refund(&builder, build.price)?;
		build.state = BuildState::Expired;
		build.refunded = true;
		let amount = build.price;
		Builds::<T>::insert(build_id, build);
		Self::deposit_event(Event::BuildExpired { build_id, cancelled: cancel });
		Self::deposit_event(Event::BuildRefunded { build_id, builder, amount });
		Ok(())
	}
}

impl<T: Config> BuildRegistry<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> for Pallet<T> {
	fn build(id: BuildId) -> Option<BuildView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Self::build_view(id)
	}

	fn complete_build(
		id: BuildId,
		provider: &T::AccountId,
		enclave: &EnclaveKey,
		output_hash: H256,
		units_used: Units,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut build = Self::stored_build(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		match &build.state {
			BuildState::Assigned { provider: assigned, deadline } => {
				ensure!(assigned == provider, Error::<T>::NotAssignedProvider);
				ensure!(now <= *deadline, Error::<T>::DeadlinePassed);
			}
			_ => return Err(Error::<T>::BuildNotAssigned.into()),
		}
		ensure!(units_used > 0, Error::<T>::ZeroUnitsUsed);
		ensure!(units_used <= build.units, Error::<T>::UnitsUsedAboveRequested);
		if let Some(terms) = SealedBuilds::<T>::get(id) {
			// Only a recipient could open the input: any other enclave's output is not the
			// build's.
			ensure!(terms.recipients.contains(enclave), Error::<T>::ProverNotARecipient);
		}

		// The price bought `units` units; the proof shows `units_used` of them were done.
		// Rounding down keeps the proven part within what was paid.
		let proven_burn: BalanceOf<T> = multiply_by_rational_with_rounding(
			build.price.saturated_into::<u128>(),
			units_used.into(),
			build.units.into(),
			Rounding::Down,
		)
		.map(|amount| amount.saturated_into::<BalanceOf<T>>())
		.unwrap_or_else(Zero::zero)
		.min(build.price);
		let unused = build.price.saturating_sub(proven_burn);

		let bond = core::mem::take(&mut build.bond);
		if !bond.is_zero() {
			T::Currency::release(
				&HoldReason::ProviderBond.into(),
				provider,
				bond,
				Precision::Exact,
			)?;
			// The bond came back, so it is no longer at risk.
			BondAllowances::<T>::mutate(provider, |allowance| {
				*allowance = allowance.saturating_add(bond)
			});
		}
		if !unused.is_zero() {
			// A builder must not be able to fail an honest provider's proof (and so burn its
			// bond) by emptying its own account, so that a refund below the existential
			// deposit cannot be minted. Such a refund is forgone: it stays burned, and it
			// is never proven burn.
			match T::Refund::refund(&build.builder, unused) {
				Ok(()) => Self::deposit_event(Event::BuildRefunded {
					build_id: id,
					builder: build.builder.clone(),
					amount: unused,
				}),
				Err(_) => Self::deposit_event(Event::RefundForgone {
					build_id: id,
					builder: build.builder.clone(),
					amount: unused,
				}),
			}
		}

		Self::keep_output(id, &build.builder, output_hash);
		build.state = BuildState::Completed { provider: provider.clone(), output_hash, units_used };
		Builds::<T>::insert(id, build);
		Self::deposit_event(Event::BuildCompleted {
			build_id: id,
			provider: provider.clone(),
			output_hash,
			units_used,
			proven_burn,
		});
		Ok(proven_burn)
	}
}
