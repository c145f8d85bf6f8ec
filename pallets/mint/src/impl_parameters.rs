//! The economic parameters: governance's changes, bounded in range and in step per epoch.

use crate::{DispatchResult, *};
use azra_primitives::within_step;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Logic of [`Pallet::set_parameters`].
	pub fn do_set_parameters(new: ParametersOf<T>) -> DispatchResult {
		Self::ensure_within_bounds(&new)?;

		let epoch = Self::current_epoch();
		let baseline = match ParametersBaseline::<T>::get() {
			Some((at, baseline)) if at == epoch => baseline,
			_ => Parameters::<T>::get(),
		};
		let step = T::MaxChangePerEpoch::get();
		ensure!(
			within_step(
				baseline.ratio.into_inner(),
				new.ratio.into_inner(),
				step,
				T::MaxRatio::get().into_inner()
			),
			Error::<T>::RatioChangeTooLarge
		);
		ensure!(
			within_step(baseline.ceiling, new.ceiling, step, T::MaxCeiling::get()),
			Error::<T>::CeilingChangeTooLarge
		);
		ensure!(
			within_step(baseline.epoch_length, new.epoch_length, step, T::MaxEpochLength::get()),
			Error::<T>::EpochLengthChangeTooLarge
		);

		ParametersBaseline::<T>::put((epoch, baseline));
		Parameters::<T>::put(new);
		Self::deposit_event(Event::ParametersSet { parameters: new });
		Ok(())
	}

	/// `Ok` if every parameter lies within its hard bounds.
	pub fn ensure_within_bounds(p: &ParametersOf<T>) -> DispatchResult {
		ensure!(
			(T::MinRatio::get()..=T::MaxRatio::get()).contains(&p.ratio),
			Error::<T>::RatioOutOfBounds
		);
		ensure!(
			(T::MinCeiling::get()..=T::MaxCeiling::get()).contains(&p.ceiling),
			Error::<T>::CeilingOutOfBounds
		);
		ensure!(
			(T::MinEpochLength::get()..=T::MaxEpochLength::get()).contains(&p.epoch_length),
			Error::<T>::EpochLengthOutOfBounds
		);
		Ok(())
	}

	/// The parameters in effect with their hard bounds and step limit.
	pub fn parameters_with_bounds() -> ParametersView<BalanceOf<T>, BlockNumberFor<T>> {
		ParametersView {
			current: Parameters::<T>::get(),
			min: MintParameters {
				ratio: T::MinRatio::get(),
				ceiling: T::MinCeiling::get(),
				epoch_length: T::MinEpochLength::get(),
			},
			max: MintParameters {
				ratio: T::MaxRatio::get(),
				ceiling: T::MaxCeiling::get(),
				epoch_length: T::MaxEpochLength::get(),
			},
			max_change_per_epoch: T::MaxChangePerEpoch::get(),
		}
	}
}
