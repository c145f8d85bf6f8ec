use super::*;

/// Units enough for every small test program here.
const PLENTY: Units = 1_000;

/// The example's input: `rounds` as 4 little-endian bytes, then `data`.
fn checksum_input(rounds: u32, data: &[u8]) -> Vec<u8> {
	let mut input = rounds.to_le_bytes().to_vec();
	input.extend_from_slice(data);
	input
}

/// The example's definition, computed independently of the program.
fn fnv_chain(rounds: u32, data: &[u8]) -> [u8; 8] {
	const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
	const PRIME: u64 = 0x0000_0100_0000_01b3;
	let fnv1a = |bytes: &[u8]| {
		bytes.iter().fold(OFFSET_BASIS, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
	};
	let mut result = OFFSET_BASIS;
	for _ in 0..rounds {
		let mut message = result.to_le_bytes().to_vec();
		message.extend_from_slice(data);
		result = fnv1a(&message);
	}
	result.to_le_bytes()
}

fn engine() -> Engine {
	Engine::new().unwrap()
}

fn run_example(rounds: u32, data: &[u8], units: Units) -> Result<RunOutcome, RunError> {
	engine().run(EXAMPLE_PROGRAM, &checksum_input(rounds, data), units)
}

/// A minimal ABI-following program whose `run` body is `run_body`; `alloc` always
/// answers 16, and `extra` adds module fields.
fn program(run_body: &str, extra: &str) -> Vec<u8> {
	wat::parse_str(format!(
		r#"(module
			(memory (export "memory") 1)
			(func (export "alloc") (param i32) (result i32) (i32.const 16))
			(func $run (export "run") (param i32 i32) (result i64) {run_body})
			{extra})"#
	))
	.unwrap()
}

fn run(program: &[u8]) -> Result<RunOutcome, RunError> {
	engine().run(program, b"input", PLENTY)
}

#[test]
fn committed_example_binary_matches_its_text() {
	let text = concat!(env!("CARGO_MANIFEST_DIR"), "/programs/checksum.wat");
	assert_eq!(wat::parse_file(text).unwrap(), EXAMPLE_PROGRAM);
}

#[test]
fn example_computes_the_documented_fnv_chain() {
	let long: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
	let cases: [(u32, &[u8]); 6] =
		[(0, b""), (0, b"azra"), (1, b""), (1, b"azra"), (3, b"azra"), (7, &long)];
	for (rounds, data) in cases {
		let outcome = run_example(rounds, data, PLENTY).unwrap();
		assert_eq!(outcome.output, fnv_chain(rounds, data), "rounds {rounds}, data {data:?}");
		assert_eq!(outcome.units_used, units_for_fuel(outcome.fuel_used));
	}
}

#[test]
fn example_output_and_fuel_are_pinned() {
	// The values the .wat header quotes for JavaScript tests to check against. The fuel
	// is wasmtime's cost table: if an upgrade moves it, the engine settings changed and
	// older runs can only be audited with the older version.
	let outcome = run_example(3, b"azra", PLENTY).unwrap();
	// hex 21dd073eac4fe274
	assert_eq!(outcome.output, [0x21, 0xdd, 0x07, 0x3e, 0xac, 0x4f, 0xe2, 0x74]);
	assert_eq!((outcome.fuel_used, outcome.units_used), (927, 1));

	let outcome = run_example(100, &[0xab; 1024], PLENTY).unwrap();
	assert_eq!(outcome.output, fnv_chain(100, &[0xab; 1024]));
	assert_eq!((outcome.fuel_used, outcome.units_used), (2_069_445, 21));
}

#[test]
fn example_traps_on_an_input_without_rounds() {
	assert!(matches!(engine().run(EXAMPLE_PROGRAM, b"abc", PLENTY), Err(RunError::Trap(_))));
}

#[test]
fn metering_is_deterministic() {
	let input = checksum_input(5, b"the same work, metered the same way");
	let first = engine().run(EXAMPLE_PROGRAM, &input, PLENTY).unwrap();
	for _ in 0..5 {
		assert_eq!(engine().run(EXAMPLE_PROGRAM, &input, PLENTY).unwrap(), first);
	}
	let shared = engine();
	for _ in 0..5 {
		assert_eq!(shared.run(EXAMPLE_PROGRAM, &input, PLENTY).unwrap(), first);
	}
}

#[test]
fn more_work_burns_more_fuel() {
	let fuel = |rounds, data: &[u8]| run_example(rounds, data, PLENTY).unwrap().fuel_used;
	let data = [7u8; 256];
	let by_rounds: Vec<u64> = [0, 1, 2, 4, 8].iter().map(|&rounds| fuel(rounds, &data)).collect();
	assert!(by_rounds.windows(2).all(|pair| pair[0] < pair[1]), "{by_rounds:?}");
	assert!(fuel(4, &[7u8; 64]) < fuel(4, &[7u8; 128]));
}

#[test]
fn too_few_units_run_out_of_fuel_enough_units_succeed() {
	let (rounds, data) = (50, [1u8; 1024]);
	let measured = run_example(rounds, &data, PLENTY).unwrap();
	let needed = measured.units_used;
	assert!(needed >= 2, "the test needs a run of several units, got {needed}");

	assert_eq!(
		run_example(rounds, &data, needed - 1),
		Err(RunError::OutOfFuel { fuel_limit: (needed - 1) * FUEL_PER_UNIT })
	);
	let exact = run_example(rounds, &data, needed).unwrap();
	assert_eq!(exact, measured);
	assert!(exact.units_used <= needed);
	assert!(exact.fuel_used <= needed * FUEL_PER_UNIT);
}

#[test]
fn no_units_no_run() {
	assert_eq!(run_example(0, b"", 0), Err(RunError::OutOfFuel { fuel_limit: 0 }));
}

#[test]
fn units_whose_fuel_overflows_are_refused() {
	assert_eq!(run_example(0, b"", u64::MAX), Err(RunError::UnitsTooLarge { units: u64::MAX }));
}

#[test]
fn units_round_fuel_up_and_are_at_least_one() {
	assert_eq!(units_for_fuel(0), 1);
	assert_eq!(units_for_fuel(1), 1);
	assert_eq!(units_for_fuel(FUEL_PER_UNIT), 1);
	assert_eq!(units_for_fuel(FUEL_PER_UNIT + 1), 2);
	assert_eq!(units_for_fuel(u64::MAX), u64::MAX.div_ceil(FUEL_PER_UNIT));
}

#[test]
fn a_program_with_an_import_is_refused() {
	let program = wat::parse_str(
		r#"(module
			(import "env" "now" (func (result i64)))
			(memory (export "memory") 1)
			(func (export "alloc") (param i32) (result i32) (i32.const 16))
			(func (export "run") (param i32 i32) (result i64) (call 0)))"#,
	)
	.unwrap();
	assert_eq!(
		run(&program),
		Err(RunError::HasImports { module: "env".into(), name: "now".into() })
	);
}

#[test]
fn missing_or_mistyped_exports_are_refused() {
	let no_run = wat::parse_str(
		r#"(module
			(memory (export "memory") 1)
			(func (export "alloc") (param i32) (result i32) (i32.const 16)))"#,
	)
	.unwrap();
	assert_eq!(run(&no_run), Err(RunError::MissingExport { name: "run" }));

	let no_memory = wat::parse_str(
		r#"(module
			(memory 1)
			(func (export "alloc") (param i32) (result i32) (i32.const 16))
			(func (export "run") (param i32 i32) (result i64) (i64.const 0)))"#,
	)
	.unwrap();
	assert_eq!(run(&no_memory), Err(RunError::MissingExport { name: "memory" }));

	let run_returns_i32 = wat::parse_str(
		r#"(module
			(memory (export "memory") 1)
			(func (export "alloc") (param i32) (result i32) (i32.const 16))
			(func (export "run") (param i32 i32) (result i32) (i32.const 0)))"#,
	)
	.unwrap();
	assert_eq!(
		run(&run_returns_i32),
		Err(RunError::MistypedExport { name: "run", expected: RUN_TYPE })
	);

	let alloc_is_a_global = wat::parse_str(
		r#"(module
			(memory (export "memory") 1)
			(global (export "alloc") i32 (i32.const 16))
			(func (export "run") (param i32 i32) (result i64) (i64.const 0)))"#,
	)
	.unwrap();
	assert_eq!(
		run(&alloc_is_a_global),
		Err(RunError::MistypedExport { name: "alloc", expected: ALLOC_TYPE })
	);
}

#[test]
fn output_outside_memory_is_refused() {
	// One 64 KiB page: 2 bytes at 65,535 end one byte past it.
	let past_the_end = program("(i64.const 0x0000ffff_00000002)", "");
	assert_eq!(
		run(&past_the_end),
		Err(RunError::OutputOutOfBounds { ptr: 0xffff, len: 2, memory_bytes: 65_536 })
	);
	// ptr and len both u32::MAX: refused for its length before any address arithmetic.
	let all_ones = program("(i64.const -1)", "");
	assert_eq!(
		run(&all_ones),
		Err(RunError::OutputTooLarge { len: u32::MAX, max: MAX_OUTPUT_BYTES })
	);
	// The last byte of memory, and an empty output, are fine.
	assert_eq!(run(&program("(i64.const 0x0000ffff_00000001)", "")).unwrap().output, [0]);
	assert!(run(&program("(i64.const 0)", "")).unwrap().output.is_empty());
}

#[test]
fn input_outside_memory_is_refused() {
	let program = wat::parse_str(
		r#"(module
			(memory (export "memory") 1)
			(func (export "alloc") (param i32) (result i32) (i32.const 65530))
			(func (export "run") (param i32 i32) (result i64) (i64.const 0)))"#,
	)
	.unwrap();
	assert_eq!(
		engine().run(&program, &[0; 10], PLENTY),
		Err(RunError::InputOutOfBounds { ptr: 65_530, len: 10, memory_bytes: 65_536 })
	);
}

#[test]
fn the_input_reaches_the_program_and_its_output_comes_back() {
	// `run` echoes its input: the output is where `alloc` put it.
	let echo = program(
		"(i64.or (i64.shl (i64.extend_i32_u (local.get 0)) (i64.const 32)) (i64.extend_i32_u (local.get 1)))",
		"",
	);
	assert_eq!(engine().run(&echo, b"echo me", PLENTY).unwrap().output, b"echo me");
}

#[test]
fn a_trap_is_reported_as_a_trap() {
	let Err(RunError::Trap(message)) = run(&program("(unreachable)", "")) else {
		panic!("expected a trap");
	};
	assert!(message.contains("unreachable"), "{message}");
	let divide_by_zero = program("(i64.div_u (i64.const 1) (i64.extend_i32_u (local.get 1)))", "");
	assert!(matches!(engine().run(&divide_by_zero, b"", PLENTY), Err(RunError::Trap(_))));
}

#[test]
fn deep_recursion_overflows_the_wasm_stack() {
	let recurse = program("(call $run (local.get 0) (local.get 1))", "");
	assert_eq!(run(&recurse), Err(RunError::StackOverflow));
}

#[test]
fn oversized_program_or_input_is_refused_before_compiling() {
	// Not wasm at all: refused for its size, so it was never handed to the compiler.
	let huge = vec![0u8; MAX_PROGRAM_BYTES + 1];
	assert_eq!(
		engine().run(&huge, b"", PLENTY),
		Err(RunError::ProgramTooLarge { len: MAX_PROGRAM_BYTES + 1, max: MAX_PROGRAM_BYTES })
	);
	let huge_input = vec![0u8; MAX_INPUT_BYTES + 1];
	assert_eq!(
		engine().run(b"not wasm", &huge_input, PLENTY),
		Err(RunError::InputTooLarge { len: MAX_INPUT_BYTES + 1, max: MAX_INPUT_BYTES })
	);
	assert!(matches!(run(b"not wasm"), Err(RunError::InvalidProgram(_))));
}

#[test]
fn a_maximal_input_fits() {
	let data = vec![0x5a; MAX_INPUT_BYTES - 4];
	let outcome = engine().run(EXAMPLE_PROGRAM, &checksum_input(1, &data), 10_000).unwrap();
	assert_eq!(outcome.output, fnv_chain(1, &data));
}

#[test]
fn memory_grows_to_the_limit_and_not_past_it() {
	let pages = MAX_MEMORY_BYTES / 65_536;
	// From 1 page to exactly the limit: allowed.
	let to_limit =
		program(&format!("(drop (memory.grow (i32.const {}))) (i64.const 0)", pages - 1), "");
	assert!(run(&to_limit).is_ok());
	// One page more stops the run, the program never sees `-1`.
	let past_limit =
		program(&format!("(drop (memory.grow (i32.const {pages}))) (i64.const 0)"), "");
	assert_eq!(
		run(&past_limit),
		Err(RunError::MemoryLimitExceeded { max_bytes: MAX_MEMORY_BYTES })
	);
	// So does asking for it up front.
	let declared_past_limit = wat::parse_str(format!(
		r#"(module
			(memory (export "memory") {})
			(func (export "alloc") (param i32) (result i32) (i32.const 16))
			(func (export "run") (param i32 i32) (result i64) (i64.const 0)))"#,
		pages + 1
	))
	.unwrap();
	assert_eq!(
		run(&declared_past_limit),
		Err(RunError::MemoryLimitExceeded { max_bytes: MAX_MEMORY_BYTES })
	);
}

#[test]
fn growing_past_the_programs_own_maximum_answers_minus_one() {
	// The spec's answer, the same on every host: `run` stores what `memory.grow`
	// returned and outputs those 4 bytes.
	let program = wat::parse_str(
		r#"(module
			(memory (export "memory") 1 2)
			(func (export "alloc") (param i32) (result i32) (i32.const 16))
			(func (export "run") (param i32 i32) (result i64)
				(i32.store (i32.const 0) (memory.grow (i32.const 5)))
				(i64.const 4)))"#,
	)
	.unwrap();
	assert_eq!(run(&program).unwrap().output, (-1i32).to_le_bytes());
}

#[test]
fn tables_are_capped() {
	let too_big = program("(i64.const 0)", &format!("(table {} funcref)", MAX_TABLE_ELEMENTS + 1));
	assert_eq!(
		run(&too_big),
		Err(RunError::TableLimitExceeded { max_elements: MAX_TABLE_ELEMENTS })
	);
	let two_tables = program("(i64.const 0)", "(table 1 funcref) (table 1 funcref)");
	assert!(matches!(run(&two_tables), Err(RunError::InvalidProgram(_))));
}

#[test]
fn nondeterministic_proposals_are_refused() {
	let shared_memory = wat::parse_str(
		r#"(module
			(memory (export "memory") 1 1 shared)
			(func (export "alloc") (param i32) (result i32) (i32.const 16))
			(func (export "run") (param i32 i32) (result i64) (i64.const 0)))"#,
	)
	.unwrap();
	assert!(matches!(run(&shared_memory), Err(RunError::InvalidProgram(_))));

	let relaxed_simd = program(
		"(drop (i32x4.relaxed_trunc_f32x4_s (v128.const f32x4 1 2 3 4))) (i64.const 0)",
		"",
	);
	assert!(matches!(run(&relaxed_simd), Err(RunError::InvalidProgram(_))));
}

#[test]
fn nans_are_canonical() {
	// 0.0 / 0.0 from runtime values (so nothing is folded at compile time): x86's
	// native answer is 0xffc00000, the canonical NaN is 0x7fc00000 everywhere.
	let nan = program(
		"(f32.store (i32.const 0)
			(f32.div (f32.convert_i32_u (local.get 1)) (f32.convert_i32_u (local.get 1))))
		(i64.const 4)",
		"",
	);
	let outcome = engine().run(&nan, b"", PLENTY).unwrap();
	assert_eq!(outcome.output, 0x7fc0_0000u32.to_le_bytes());
}

#[test]
fn only_the_machine_makes_a_failure_nondeterministic() {
	assert!(RunError::OutOfFuel { fuel_limit: 1 }.is_deterministic());
	assert!(RunError::Trap("unreachable".into()).is_deterministic());
	assert!(!RunError::HostFailure("out of memory".into()).is_deterministic());
	assert!(!RunError::EngineSetup("bad config".into()).is_deterministic());
}
