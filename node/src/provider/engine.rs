//! The metered engine: runs a build's WebAssembly program on its input, counting fuel.
//!
//! A *build* names a program (its `spec_hash` is the BLAKE2-256 of the program's bytes)
//! and an input (`input_hash`, the BLAKE2-256 of the input) and buys a number of compute
//! *units*. A provider runs the program here with [wasmtime] fuel metering:
//!
//! - the run may burn at most `units × FUEL_PER_UNIT` fuel; a run that needs more stops
//!   and reports [`RunError::OutOfFuel`];
//! - a run that completes reports its output, the fuel it burned and
//!   `units_used = ceil(fuel_used / FUEL_PER_UNIT)` (at least 1, never above `units`).
//!
//! The entry point is [`Engine::run`]; [`EXAMPLE_PROGRAM`] is a program to try it with.
//!
//! # The program ABI
//!
//! A program is a WebAssembly core module (binary format) that:
//!
//! - **imports nothing.** A module with any import is refused ([`RunError::HasImports`]).
//!   With no host calls, nothing the host knows (time, randomness, files, the network)
//!   can reach the program, so its output is a function of its input alone.
//! - **exports `memory`**, a 32-bit linear memory, where the input and output live;
//! - **exports `alloc(len: i32) -> i32`**: the engine calls it once with the input's
//!   length and writes the input at the returned address;
//! - **exports `run(ptr: i32, len: i32) -> i64`**: the engine calls it with the input's
//!   address and length; it returns where the output is, packed as `(ptr << 32) | len`
//!   (both halves read as unsigned 32-bit numbers). The output must lie inside `memory`
//!   and be at most [`MAX_OUTPUT_BYTES`] long.
//!
//! A missing or mistyped export is refused before the program runs
//! ([`RunError::MissingExport`], [`RunError::MistypedExport`]). The fuel of everything
//! the program executes counts: its `start` function if it has one, `alloc` and `run`.
//! One instance serves one run, so a program may allocate with a bump pointer and never
//! free. `node/programs/checksum.wat` is a commented, hand-written example.
//!
//! # Determinism
//!
//! The same program, input and units, run by the same engine settings, always give the
//! same result: the same output and fuel, or the same error. Anyone can therefore re-run
//! a build to audit a provider. The settings that make it so, fixed in [`Engine::new`]:
//!
//! - **Fuel is counted on WebAssembly instructions**, at compile time, not on machine
//!   code: most instructions cost 1, `nop`, `drop` and structured control-flow markers
//!   cost 0. It does not depend on the CPU, the optimiser or the load of the machine, but
//!   it is wasmtime's cost table, so the wasmtime version (pinned to `=36.0.20` in the
//!   workspace) is part of the engine settings.
//! - **NaNs are canonicalised**, so floating-point results are the same bits on every
//!   CPU.
//! - **Proposals with host-dependent results are off**: threads (shared memory and
//!   atomics), relaxed SIMD (also compiled in its deterministic form, belt and braces).
//!   Multiple memories and 64-bit memories are off too, so the ABI's one 32-bit `memory`
//!   is the only one.
//! - **Resources are capped and a cap is never observable by the program**: memory
//!   grows to at most [`MAX_MEMORY_BYTES`] and tables to [`MAX_TABLE_ELEMENTS`] entries.
//!   Growing past a cap stops the run ([`RunError::MemoryLimitExceeded`],
//!   [`RunError::TableLimitExceeded`]) instead of returning `-1` to the program, and a
//!   growth the host fails to back (out of host memory) stops it with
//!   [`RunError::HostFailure`]. Either way the program never sees a host-dependent
//!   answer it could branch on.
//! - **The wasm stack is capped** at [`MAX_WASM_STACK_BYTES`]. How deep a program can
//!   recurse before [`RunError::StackOverflow`] depends on native frame sizes, that is on
//!   the CPU architecture and the wasmtime version: a program that recurses close to the
//!   cap is not portable. Keep recursion shallow.
//!
//! `fuel_used` is exact while a run stays below its limit. Fuel is checked on function
//! entry and at loop heads, so a run whose last straight stretch crosses the limit still
//! completes, reporting `fuel_used` equal to the limit. An auditor re-runs with the
//! build's own `units`, which reproduces that case too.
//!
//! # Limits
//!
//! Programs, inputs and outputs are stored on chain as preimages, so each is at most
//! pallet-preimage's `MAX_SIZE` of 4 MiB ([`MAX_PROGRAM_BYTES`], [`MAX_INPUT_BYTES`],
//! [`MAX_OUTPUT_BYTES`]). Oversized programs and inputs are refused before compiling.

use azra_primitives::Units;
use wasmtime::{
	Config, ExternType, FuncType, Instance, Module, OptLevel, ResourceLimiter, Store, Trap, ValType,
};

/// Fuel in one compute unit.
///
/// Fuel is about one WebAssembly instruction, so a unit is about 100,000 instructions:
/// some 25 µs of one core (measured with [`EXAMPLE_PROGRAM`] on a 4 MiB input,
/// compilation included). That is fine-grained enough to price small builds (chaining
/// [`EXAMPLE_PROGRAM`] 100 times over 1 KiB costs 21 units, a 4 MiB input hashed once
/// about 840), and coarse enough that any budget fits: `u64::MAX / FUEL_PER_UNIT` is
/// about 1.8 × 10¹⁴ units.
pub const FUEL_PER_UNIT: u64 = 100_000;

/// pallet-preimage's `MAX_SIZE`: programs, inputs and outputs are stored as preimages.
const PREIMAGE_MAX_BYTES: usize = 4 * 1024 * 1024;

/// The largest program accepted, in bytes (a preimage's maximum size).
pub const MAX_PROGRAM_BYTES: usize = PREIMAGE_MAX_BYTES;

/// The largest input accepted, in bytes (a preimage's maximum size).
pub const MAX_INPUT_BYTES: usize = PREIMAGE_MAX_BYTES;

/// The largest output a run may return, in bytes (a preimage's maximum size).
pub const MAX_OUTPUT_BYTES: usize = PREIMAGE_MAX_BYTES;

/// The most linear memory a program may have: 64 MiB, 1,024 wasm pages.
///
/// Room for a maximal input and output many times over, while a provider can run
/// several programs at once without the host running short.
pub const MAX_MEMORY_BYTES: usize = 64 * 1024 * 1024;

/// The most entries a program's table may hold: 65,536, i.e. 512 KiB of host memory
/// (wasmtime keeps one pointer per entry).
pub const MAX_TABLE_ELEMENTS: usize = 65_536;

/// The wasm stack a run may use: 512 KiB, wasmtime's default, fixed here so that a change
/// of default can never change which programs overflow.
///
/// The thread calling [`Engine::run`] needs more native stack than this (wasmtime's own
/// frames come on top): tokio's 2 MiB worker and blocking threads are enough.
pub const MAX_WASM_STACK_BYTES: usize = 512 * 1024;

/// The example program, `node/programs/checksum.wasm`: a chained FNV-1a-64 checksum.
///
/// Its input is a 4-byte little-endian `rounds` followed by `data`; its output is the
/// 8-byte little-endian hash chained `rounds` times over `data`. The exact definition is
/// in the header of `node/programs/checksum.wat`, the text it is built from.
#[cfg(test)]
pub const EXAMPLE_PROGRAM: &[u8] = include_bytes!("../../programs/checksum.wasm");

/// The units a run that burned `fuel` used: `ceil(fuel / FUEL_PER_UNIT)`, and at least 1
/// since every completed run did some work.
pub fn units_for_fuel(fuel: u64) -> Units {
	fuel.div_ceil(FUEL_PER_UNIT).max(1)
}

/// What a completed run produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutcome {
	/// The bytes the program returned from `run`.
	pub output: Vec<u8>,
	/// The fuel the run burned: its `start` function (if any), `alloc` and `run`.
	pub fuel_used: u64,
	/// `units_for_fuel(fuel_used)`: never more than the units the run was given.
	pub units_used: Units,
}

/// Why a run produced no output. Every variant but [`RunError::EngineSetup`] and
/// [`RunError::HostFailure`] is a property of the program, input and units alone (see
/// [`RunError::is_deterministic`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunError {
	/// The program is larger than [`MAX_PROGRAM_BYTES`].
	ProgramTooLarge {
		/// The program's size in bytes.
		len: usize,
		/// The largest size accepted.
		max: usize,
	},
	/// The input is larger than [`MAX_INPUT_BYTES`].
	InputTooLarge {
		/// The input's size in bytes.
		len: usize,
		/// The largest size accepted.
		max: usize,
	},
	/// `units × FUEL_PER_UNIT` does not fit in a `u64`.
	UnitsTooLarge {
		/// The units asked for.
		units: Units,
	},
	/// The program is not a valid WebAssembly module for this engine (it does not
	/// decode or validate, uses a proposal that is off, or cannot be instantiated, e.g.
	/// more than one table).
	InvalidProgram(String),
	/// The program imports something; programs must import nothing.
	HasImports {
		/// The first import's module name.
		module: String,
		/// The first import's field name.
		name: String,
	},
	/// The program does not export an item the ABI requires.
	MissingExport {
		/// The missing export: `memory`, `alloc` or `run`.
		name: &'static str,
	},
	/// The program exports an item the ABI requires, with the wrong type.
	MistypedExport {
		/// The export: `memory`, `alloc` or `run`.
		name: &'static str,
		/// The type the ABI requires.
		expected: &'static str,
	},
	/// The run needed more fuel than its units pay for.
	OutOfFuel {
		/// The fuel the run was given: `units × FUEL_PER_UNIT`.
		fuel_limit: u64,
	},
	/// The program trapped (e.g. `unreachable`, an out-of-bounds access, division by zero).
	Trap(String),
	/// The program recursed deeper than [`MAX_WASM_STACK_BYTES`] of stack allows.
	StackOverflow,
	/// The program tried to grow its memory past [`MAX_MEMORY_BYTES`].
	MemoryLimitExceeded {
		/// The memory limit in bytes.
		max_bytes: usize,
	},
	/// The program tried to grow a table past [`MAX_TABLE_ELEMENTS`].
	TableLimitExceeded {
		/// The table limit in entries.
		max_elements: usize,
	},
	/// `alloc` returned a region that does not fit in the program's memory.
	InputOutOfBounds {
		/// The address `alloc` returned.
		ptr: u32,
		/// The input's length.
		len: u32,
		/// The memory's size in bytes when the input was to be written.
		memory_bytes: usize,
	},
	/// `run` returned an output region that does not fit in the program's memory.
	OutputOutOfBounds {
		/// The output address `run` returned.
		ptr: u32,
		/// The output length `run` returned.
		len: u32,
		/// The memory's size in bytes when `run` returned.
		memory_bytes: usize,
	},
	/// `run` returned an output longer than [`MAX_OUTPUT_BYTES`].
	OutputTooLarge {
		/// The output length `run` returned.
		len: u32,
		/// The longest output accepted.
		max: usize,
	},
	/// The host could not back a growth the limits allowed (out of host memory): the
	/// machine failed, not the program. Re-running elsewhere may succeed.
	HostFailure(String),
	/// The wasmtime engine could not be configured or did something unexpected.
	EngineSetup(String),
}

impl RunError {
	/// Whether this failure is a property of the program, input and units alone, so that
	/// any re-run reproduces it. `false` for failures of the machine or the engine.
	pub fn is_deterministic(&self) -> bool {
		!matches!(self, RunError::HostFailure(_) | RunError::EngineSetup(_))
	}
}

impl core::fmt::Display for RunError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			RunError::ProgramTooLarge { len, max } => {
				write!(f, "program is {len} bytes, more than the {max} allowed")
			}
			RunError::InputTooLarge { len, max } => {
				write!(f, "input is {len} bytes, more than the {max} allowed")
			}
			RunError::UnitsTooLarge { units } => {
				write!(f, "{units} units is more fuel than the engine can count")
			}
			RunError::InvalidProgram(reason) => write!(f, "invalid program: {reason}"),
			RunError::HasImports { module, name } => {
				write!(f, "program imports {module}::{name}; programs must import nothing")
			}
			RunError::MissingExport { name } => write!(f, "program does not export `{name}`"),
			RunError::MistypedExport { name, expected } => {
				write!(f, "program exports `{name}` but not as {expected}")
			}
			RunError::OutOfFuel { fuel_limit } => {
				write!(f, "run needed more than its fuel limit of {fuel_limit}")
			}
			RunError::Trap(message) => write!(f, "program trapped: {message}"),
			RunError::StackOverflow => {
				write!(f, "program overflowed its {MAX_WASM_STACK_BYTES}-byte wasm stack")
			}
			RunError::MemoryLimitExceeded { max_bytes } => {
				write!(f, "program grew its memory past the {max_bytes}-byte limit")
			}
			RunError::TableLimitExceeded { max_elements } => {
				write!(f, "program grew a table past the {max_elements}-entry limit")
			}
			RunError::InputOutOfBounds { ptr, len, memory_bytes } => write!(
				f,
				"`alloc` returned {ptr} for {len} input bytes, outside the {memory_bytes}-byte memory"
			),
			RunError::OutputOutOfBounds { ptr, len, memory_bytes } => write!(
				f,
				"`run` returned {len} output bytes at {ptr}, outside the {memory_bytes}-byte memory"
			),
			RunError::OutputTooLarge { len, max } => {
				write!(f, "output is {len} bytes, more than the {max} allowed")
			}
			RunError::HostFailure(reason) => write!(f, "host failure: {reason}"),
			RunError::EngineSetup(reason) => write!(f, "engine setup failed: {reason}"),
		}
	}
}

impl std::error::Error for RunError {}

/// A configured wasmtime engine that runs programs deterministically, metered by fuel.
///
/// Build one and reuse it: each [`Engine::run`] compiles the program afresh and runs it in
/// a store of its own, so runs never share state.
pub struct Engine {
	engine: wasmtime::Engine,
}

impl Engine {
	/// An engine with the deterministic settings the module docs list.
	pub fn new() -> Result<Self, RunError> {
		let mut config = Config::new();
		config
			.consume_fuel(true)
			// Same bits for every NaN on every CPU.
			.cranelift_nan_canonicalization(true)
			// The optimiser never changes fuel (it is counted on wasm instructions), but
			// pinning it keeps the settings explicit.
			.cranelift_opt_level(OptLevel::Speed)
			.max_wasm_stack(MAX_WASM_STACK_BYTES)
			// Shared memory and atomics only make sense with threads, whose interleaving
			// the host decides.
			.wasm_threads(false)
			// Relaxed SIMD may give different answers on different CPUs.
			.wasm_relaxed_simd(false)
			.relaxed_simd_deterministic(true)
			// The ABI has exactly one 32-bit memory.
			.wasm_multi_memory(false)
			.wasm_memory64(false);
		let engine = wasmtime::Engine::new(&config).map_err(engine_error)?;
		Ok(Self { engine })
	}

	/// Runs `program` on `input` with `units × FUEL_PER_UNIT` fuel.
	///
	/// Refuses an oversized program or input before compiling, and a program that breaks
	/// the ABI before running it. Compiling and running happen on the calling thread and
	/// may take seconds: call it from a blocking task, never from an async one.
	pub fn run(&self, program: &[u8], input: &[u8], units: Units) -> Result<RunOutcome, RunError> {
		if program.len() > MAX_PROGRAM_BYTES {
			return Err(RunError::ProgramTooLarge { len: program.len(), max: MAX_PROGRAM_BYTES });
		}
		if input.len() > MAX_INPUT_BYTES {
			return Err(RunError::InputTooLarge { len: input.len(), max: MAX_INPUT_BYTES });
		}
		let fuel_limit =
			units.checked_mul(FUEL_PER_UNIT).ok_or(RunError::UnitsTooLarge { units })?;
		// MAX_INPUT_BYTES is far below i32::MAX, so the length always fits the ABI.
		let input_len = i32::try_from(input.len())
			.map_err(|_| RunError::InputTooLarge { len: input.len(), max: MAX_INPUT_BYTES })?;

		let module = Module::new(&self.engine, program)
			.map_err(|error| RunError::InvalidProgram(format!("{error:#}")))?;
		check_abi(&module)?;

		let mut store = Store::new(&self.engine, Limits);
		store.limiter(|limits| limits as &mut dyn ResourceLimiter);
		store.set_fuel(fuel_limit).map_err(engine_error)?;

		let instance = Instance::new(&mut store, &module, &[])
			.map_err(|error| run_error(error, fuel_limit, true))?;
		let memory = instance
			.get_memory(&mut store, "memory")
			.ok_or(RunError::MissingExport { name: "memory" })?;
		let alloc = instance
			.get_typed_func::<i32, i32>(&mut store, "alloc")
			.map_err(|_| RunError::MistypedExport { name: "alloc", expected: ALLOC_TYPE })?;
		let run = instance
			.get_typed_func::<(i32, i32), i64>(&mut store, "run")
			.map_err(|_| RunError::MistypedExport { name: "run", expected: RUN_TYPE })?;

		// Addresses are unsigned in wasm: read the i32 bits as a u32.
		let input_ptr = alloc
			.call(&mut store, input_len)
			.map_err(|error| run_error(error, fuel_limit, false))? as u32;
		let memory_bytes = memory.data_size(&store);
		let input_slot = region(input_ptr, input_len as u32, memory_bytes)
			.and_then(|input_region| memory.data_mut(&mut store).get_mut(input_region))
			.ok_or(RunError::InputOutOfBounds {
				ptr: input_ptr,
				len: input_len as u32,
				memory_bytes,
			})?;
		input_slot.copy_from_slice(input);

		let packed = run
			.call(&mut store, (input_ptr as i32, input_len))
			.map_err(|error| run_error(error, fuel_limit, false))? as u64;
		let (output_ptr, output_len) = ((packed >> 32) as u32, packed as u32);
		if output_len as usize > MAX_OUTPUT_BYTES {
			return Err(RunError::OutputTooLarge { len: output_len, max: MAX_OUTPUT_BYTES });
		}
		let memory_bytes = memory.data_size(&store);
		let output = region(output_ptr, output_len, memory_bytes)
			.and_then(|output_region| memory.data(&store).get(output_region))
			.ok_or(RunError::OutputOutOfBounds { ptr: output_ptr, len: output_len, memory_bytes })?
			.to_vec();

		let fuel_left = store.get_fuel().map_err(engine_error)?;
		// The store never reports more fuel than it was given; checked all the same.
		let fuel_used = fuel_limit
			.checked_sub(fuel_left)
			.ok_or_else(|| RunError::EngineSetup("more fuel left than given".into()))?;
		Ok(RunOutcome { output, fuel_used, units_used: units_for_fuel(fuel_used) })
	}
}

/// The ABI's type for `alloc`, as error messages show it.
const ALLOC_TYPE: &str = "a function (i32) -> i32";
/// The ABI's type for `run`, as error messages show it.
const RUN_TYPE: &str = "a function (i32, i32) -> i64";

/// Checks the ABI on the compiled module, before anything of it runs.
fn check_abi(module: &Module) -> Result<(), RunError> {
	if let Some(import) = module.imports().next() {
		return Err(RunError::HasImports {
			module: import.module().to_string(),
			name: import.name().to_string(),
		});
	}
	match module.get_export("memory") {
		None => return Err(RunError::MissingExport { name: "memory" }),
		// 64-bit and shared memories are switched off in the engine, so any memory is a
		// 32-bit, unshared one.
		Some(ExternType::Memory(_)) => {}
		Some(_) => return Err(RunError::MistypedExport { name: "memory", expected: "a memory" }),
	}
	check_func_export(module, "alloc", &[ValType::I32], &[ValType::I32], ALLOC_TYPE)?;
	check_func_export(module, "run", &[ValType::I32, ValType::I32], &[ValType::I64], RUN_TYPE)
}

/// Checks that `module` exports a function `name` of exactly the given type.
fn check_func_export(
	module: &Module,
	name: &'static str,
	params: &[ValType],
	results: &[ValType],
	expected: &'static str,
) -> Result<(), RunError> {
	let mistyped = RunError::MistypedExport { name, expected };
	match module.get_export(name) {
		None => Err(RunError::MissingExport { name }),
		Some(ExternType::Func(func)) if has_type(&func, params, results) => Ok(()),
		Some(_) => Err(mistyped),
	}
}

/// Whether `func` takes exactly `params` and returns exactly `results`.
fn has_type(func: &FuncType, params: &[ValType], results: &[ValType]) -> bool {
	fn same(actual: impl ExactSizeIterator<Item = ValType>, expected: &[ValType]) -> bool {
		actual.len() == expected.len()
			&& actual.zip(expected).all(|(actual, expected)| ValType::eq(&actual, expected))
	}
	same(func.params(), params) && same(func.results(), results)
}

/// The byte range `ptr..ptr + len` if it lies inside a memory of `memory_bytes` bytes.
fn region(ptr: u32, len: u32, memory_bytes: usize) -> Option<core::ops::Range<usize>> {
	let start = usize::try_from(ptr).ok()?;
	let end = start.checked_add(usize::try_from(len).ok()?)?;
	(end <= memory_bytes).then_some(start..end)
}

/// Turns an error raised while the program ran into the [`RunError`] it stands for.
///
/// `instantiating` says the error came from instantiation, where an error that is neither
/// a trap nor a limit means the module cannot be instantiated at all.
fn run_error(error: wasmtime::Error, fuel_limit: u64, instantiating: bool) -> RunError {
	if let Some(limit) = error.downcast_ref::<LimitHit>() {
		return match limit {
			LimitHit::Memory => RunError::MemoryLimitExceeded { max_bytes: MAX_MEMORY_BYTES },
			LimitHit::Table => RunError::TableLimitExceeded { max_elements: MAX_TABLE_ELEMENTS },
			LimitHit::Host(reason) => RunError::HostFailure(reason.clone()),
		};
	}
	match error.downcast_ref::<Trap>() {
		Some(Trap::OutOfFuel) => RunError::OutOfFuel { fuel_limit },
		Some(Trap::StackOverflow) => RunError::StackOverflow,
		Some(trap) => RunError::Trap(trap.to_string()),
		None if instantiating => RunError::InvalidProgram(format!("{error:#}")),
		None => RunError::EngineSetup(format!("{error:#}")),
	}
}

/// Wraps an error from a wasmtime call that can only fail if the engine is misconfigured.
fn engine_error(error: wasmtime::Error) -> RunError {
	RunError::EngineSetup(format!("{error:#}"))
}

/// The limit a growth request hit, raised as an error so that it stops the run instead
/// of being answered with `-1` the program could branch on.
#[derive(Debug)]
enum LimitHit {
	/// Memory past [`MAX_MEMORY_BYTES`].
	Memory,
	/// A table past [`MAX_TABLE_ELEMENTS`].
	Table,
	/// The host could not back a growth the limits allowed.
	Host(String),
}

impl core::fmt::Display for LimitHit {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			LimitHit::Memory => write!(f, "memory limit of {MAX_MEMORY_BYTES} bytes reached"),
			LimitHit::Table => write!(f, "table limit of {MAX_TABLE_ELEMENTS} entries reached"),
			LimitHit::Host(reason) => write!(f, "host could not grow: {reason}"),
		}
	}
}

impl std::error::Error for LimitHit {}

/// The store's resource limiter: the caps of the module docs, and one instance, memory and
/// table per run.
struct Limits;

impl ResourceLimiter for Limits {
	fn memory_growing(
		&mut self,
		_current: usize,
		desired: usize,
		maximum: Option<usize>,
	) -> wasmtime::Result<bool> {
		if maximum.is_some_and(|maximum| desired > maximum) {
			// Past the program's own declared maximum: the spec's `-1`, the same on
			// every host.
			Ok(false)
		} else if desired > MAX_MEMORY_BYTES {
			Err(LimitHit::Memory.into())
		} else {
			Ok(true)
		}
	}

	fn memory_grow_failed(&mut self, error: wasmtime::Error) -> wasmtime::Result<()> {
		// Allowed above, so the host failed: never let the program see that as `-1`.
		Err(LimitHit::Host(format!("{error:#}")).into())
	}

	fn table_growing(
		&mut self,
		_current: usize,
		desired: usize,
		maximum: Option<usize>,
	) -> wasmtime::Result<bool> {
		if maximum.is_some_and(|maximum| desired > maximum) {
			Ok(false)
		} else if desired > MAX_TABLE_ELEMENTS {
			Err(LimitHit::Table.into())
		} else {
			Ok(true)
		}
	}

	fn table_grow_failed(&mut self, error: wasmtime::Error) -> wasmtime::Result<()> {
		Err(LimitHit::Host(format!("{error:#}")).into())
	}

	fn instances(&self) -> usize {
		1
	}

	fn tables(&self) -> usize {
		1
	}

	fn memories(&self) -> usize {
		1
	}
}

#[cfg(test)]
mod tests;
