//! Reading builds: their current state with lazy transitions applied, and the paged lists
//! of open and assigned builds the runtime API serves.

use crate::*;

impl<T: Config> Pallet<T> {
	/// The state of `build` as of block `now`, with lazy transitions applied: an assignment
	/// past its deadline is open again; an open build past its expiry has expired.
	pub fn current_state(
		build: &BuildOf<T>,
		now: BlockNumberFor<T>,
	) -> BuildState<T::AccountId, BlockNumberFor<T>> {
		match &build.state {
			BuildState::Assigned { deadline, .. } if now > *deadline => {
				if now > build.expires_at {
					BuildState::Expired
				} else {
					BuildState::Open
				}
			}
			BuildState::Open if now > build.expires_at => BuildState::Expired,
			state => state.clone(),
		}
	}

	/// The build `id` as other pallets and the runtime API see it.
	pub fn build_view(
		id: BuildId,
	) -> Option<BuildView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let build = Builds::<T>::get(id)?;
		Some(Self::view_of(build, frame_system::Pallet::<T>::block_number()))
	}

	/// `build` as other pallets and the runtime API see it at block `now`.
	pub(crate) fn view_of(
		build: BuildOf<T>,
		now: BlockNumberFor<T>,
	) -> BuildView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let state = Self::current_state(&build, now);
		BuildView {
			builder: build.builder,
			spec_hash: build.spec_hash,
			input_hash: build.input_hash,
			units: build.units,
			price: build.price,
			required_measurement: build.required_measurement,
			state,
		}
	}

	/// The builds that are open now, in id order: a page of at most `limit` of them (cut to
	/// [`MAX_OPEN_BUILDS_PER_PAGE`]), from id `start` on (from the oldest build without it).
	/// The page's `next` is the `start` of the following page; a walk from `None` to a page
	/// whose `next` is `None`, at one block, returns every open build exactly once.
	///
	/// No build before [`Pallet::open_window_start`] is read; from there the page reads at
	/// most [`MAX_BUILDS_EXAMINED_PER_PAGE`] records, so a page may hold fewer than `limit`
	/// builds and still have a `next`. With `limit` zero the page is empty and `next` is
	/// where it would have started. A cursor from an earlier block stays valid: ids only
	/// grow, and builds that expired since are skipped.
	///
	/// The window relies on `expires_at` never decreasing with the id. A runtime upgrade
	/// that shortens `BuildLifetime` breaks that for the builds submitted before it, for at
	/// most the old lifetime: a build submitted before the upgrade may expire after newer
	/// ones have, and if the binary search lands past it, it is left out of the pages while
	/// it is still open. It stays open and can be taken by id (`build_view`,
	/// `accept_build`); no build that is not open is ever listed. A longer `BuildLifetime`
	/// keeps the order.
	pub fn open_builds(
		start: Option<BuildId>,
		limit: u32,
	) -> BuildsPage<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		Self::page_of_builds(now, start, limit, |state| *state == BuildState::Open)
	}

	/// The builds assigned to `provider` whose deadline has not passed, in id order, paged
	/// like [`Pallet::open_builds`]. A provider's agent rebuilds its work list from this
	/// after a restart, so it neither loses an accepted build nor takes one twice.
	///
	/// A build is accepted while open, so at a block at most its `expires_at`, and its
	/// deadline is then at most `AssignmentPeriod` later: a build assigned at `now` has
	/// `expires_at >= now - AssignmentPeriod`, and the same binary search finds where such
	/// builds start. The caveat of [`Pallet::open_builds`] applies to shortening
	/// `BuildLifetime` or `AssignmentPeriod` by an upgrade.
	pub fn assigned_builds(
		provider: &T::AccountId,
		start: Option<BuildId>,
		limit: u32,
	) -> BuildsPage<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		let window_from = now.saturating_sub(T::AssignmentPeriod::get());
		Self::page_of_builds(
			window_from,
			start,
			limit,
			|state| matches!(state, BuildState::Assigned { provider: p, .. } if p == provider),
		)
	}

	/// A page of the builds whose state at this block satisfies `keep`, walking from the
	/// first build with `expires_at >= window_from` (or `start`, if later).
	pub(crate) fn page_of_builds(
		window_from: BlockNumberFor<T>,
		start: Option<BuildId>,
		limit: u32,
		keep: impl Fn(&BuildState<T::AccountId, BlockNumberFor<T>>) -> bool,
	) -> BuildsPage<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		let LedgerState { oldest_build_id, next_build_id, .. } = Ledger::<T>::get();
		let limit = limit.min(MAX_OPEN_BUILDS_PER_PAGE) as usize;
		let mut id = Self::window_start(oldest_build_id, next_build_id, window_from)
			.max(start.unwrap_or_default());
		let mut builds = Vec::new();
		let mut examined = 0u32;
		while id < next_build_id {
			if builds.len() >= limit || examined >= MAX_BUILDS_EXAMINED_PER_PAGE {
				return BuildsPage { builds, next: Some(id) };
			}
			examined = examined.saturating_add(1);
			if let Some(build) = Builds::<T>::get(id) {
				// `current_state` turns an assignment whose deadline passed back into
				// `Open` (or `Expired`), so `Assigned` here is always still live.
				if keep(&Self::current_state(&build, now)) {
					builds.push((id, Self::view_of(build, now)));
				}
			}
			// Below `next_build_id`, so it cannot overflow.
			id = id.saturating_add(1);
		}
		BuildsPage { builds, next: None }
	}

	/// The first build id whose `expires_at` is not before `now`, or the next build id if
	/// there is none: no build below it can be open at `now` (see [`Pallet::open_builds`]
	/// for why, and for the one case in which a build below it still is). A binary search
	/// over the ids in state: O(log n) reads.
	pub fn open_window_start(now: BlockNumberFor<T>) -> BuildId {
		let LedgerState { oldest_build_id, next_build_id, .. } = Ledger::<T>::get();
		Self::window_start(oldest_build_id, next_build_id, now)
	}

	/// [`Pallet::open_window_start`] within `oldest..next`. A record missing from that
	/// range (never the case: pruning moves `oldest` past what it removes) counts as
	/// expired.
	pub(crate) fn window_start(oldest: BuildId, next: BuildId, now: BlockNumberFor<T>) -> BuildId {
		first_where(oldest, next, |id| Builds::<T>::get(id).is_some_and(|b| b.expires_at >= now))
	}
}
