//! Benchmarks of the enactment pallet: announcing a call of any length (long calls are
//! noted as preimages), and cancelling.

use super::*;
use crate::Pallet;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;

/// A `remark` whose encoded call is about `len` bytes long.
fn remark_call<T: Config>(len: u32) -> <T as Config>::RuntimeCall {
	frame_system::Call::<T>::remark { remark: vec![1u8; len as usize] }.into()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn announce(l: Linear<0, { 64 * 1024 }>) -> Result<(), BenchmarkError> {
		let origin =
			T::AnnounceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let len = l.min(T::MaxCallLen::get().saturating_sub(16));
		let call = remark_call::<T>(len);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(call));

		assert_eq!(NextAnnouncement::<T>::get(), 1);
		Ok(())
	}

	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// The worst case keeps its call as a preimage, which cancelling releases.
		let long: Vec<u8> = vec![1u8; 1024];
		Pallet::<T>::do_announce(frame_system::Call::<T>::remark { remark: long }.into())
			.map_err(|_| BenchmarkError::Stop("announce failed"))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0);

		assert_eq!(NextAnnouncement::<T>::get(), 1);
		Ok(())
	}

	/// The enactment's own work, without the call it runs: the worst case reads the call
	/// from a preimage and releases it. The call's weight is added to this by `enact`'s
	/// weight function.
	#[benchmark]
	fn enact() -> Result<(), BenchmarkError> {
		let long: Vec<u8> = vec![1u8; 1024];
		let call: <T as Config>::RuntimeCall =
			frame_system::Call::<T>::remark { remark: long }.into();
		let call_weight = call.get_dispatch_info().call_weight;
		let (index, enact_at) =
			Pallet::<T>::do_announce(call).map_err(|_| BenchmarkError::Stop("announce failed"))?;
		frame_system::Pallet::<T>::set_block_number(enact_at);

		#[extrinsic_call]
		_(RawOrigin::Root, index, call_weight);

		assert_eq!(Announcements::<T>::count(), 0);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
