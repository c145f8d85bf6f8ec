;; checksum.wat — AzraCode's example build program: a chained FNV-1a-64 checksum.
;;
;; It follows the program ABI of `node/src/provider/engine.rs`: it imports nothing,
;; exports `memory`, `alloc(len: i32) -> i32` and `run(ptr: i32, len: i32) -> i64`.
;;
;; # Definition (recompute it anywhere, e.g. in JavaScript with BigInt)
;;
;; Input:  bytes 0..4 are `rounds`, a u32 in little-endian order; the bytes after
;;         them are `data` (possibly empty). An input shorter than 4 bytes traps.
;; Output: 8 bytes, `r[rounds]` in little-endian order, where
;;
;;     r[0]     = 0xcbf29ce484222325                       (the FNV-64 offset basis)
;;     r[i + 1] = fnv1a64(le_bytes8(r[i]) ++ data)
;;
;;     fnv1a64(bytes): h = 0xcbf29ce484222325
;;                     for each byte b: h = ((h XOR b) * 0x100000001b3) mod 2^64
;;                     return h
;;
;; So `rounds = 0` outputs the offset basis itself, and the work (and the fuel) grows
;; with rounds × (8 + data length): a builder asks for more or less work through
;; `rounds` alone.
;;
;; Examples (the engine's tests pin them, output and fuel):
;;   rounds = 3, data = "azra" (input hex 03000000617a7261)
;;     output hex 21dd073eac4fe274; 927 fuel, 1 unit
;;   rounds = 100, data = 1024 bytes of 0xab (input hex 64000000abab…ab)
;;     2,069,445 fuel, 21 units
;;
;; # Memory layout
;;
;; bytes 0..8    the output (r[rounds]), written by `run`
;; bytes 16..    a bump heap that `alloc` hands out, 8-byte aligned
;;
;; Regenerate the committed binary with the `wat` crate (`wat::parse_file`); the
;; engine's tests fail if `checksum.wasm` and this file ever disagree.
(module
	;; One 64 KiB page to start; `alloc` grows it when an input needs more.
	(memory (export "memory") 1)

	;; The next free byte of the bump heap. Nothing is ever freed: a program instance
	;; lives for one run only.
	(global $heap (mut i32) (i32.const 16))

	;; FNV-1a-64 constants.
	(global $offset_basis i64 (i64.const 0xcbf29ce484222325))
	(global $prime i64 (i64.const 0x100000001b3))

	;; Hands out `len` bytes for the host to write the input into, growing the memory
	;; when needed. Traps (`unreachable`) if the memory cannot grow.
	(func (export "alloc") (param $len i32) (result i32)
		(local $ptr i32)
		(local $end i32)
		(local.set $ptr (global.get $heap))
		(local.set $end (i32.add (local.get $ptr) (local.get $len)))
		;; Grow by the missing whole pages: ceil(end / 64 KiB) - current pages.
		(if (i32.gt_u (local.get $end) (i32.shl (memory.size) (i32.const 16)))
			(then
				(if (i32.eq
						(memory.grow
							(i32.sub
								(i32.shr_u (i32.add (local.get $end) (i32.const 0xffff)) (i32.const 16))
								(memory.size)))
						(i32.const -1))
					(then unreachable))))
		;; Keep the next allocation 8-byte aligned.
		(global.set $heap (i32.and (i32.add (local.get $end) (i32.const 7)) (i32.const -8)))
		(local.get $ptr))

	;; Absorbs one byte into the running hash `h`: (h XOR byte) * prime.
	(func $absorb (param $h i64) (param $byte i64) (result i64)
		(i64.mul (i64.xor (local.get $h) (local.get $byte)) (global.get $prime)))

	;; Computes r[rounds] over the input at `ptr..ptr+len`, stores it at offset 0 and
	;; returns its location packed as (ptr << 32) | len = (0 << 32) | 8.
	(func (export "run") (param $ptr i32) (param $len i32) (result i64)
		(local $rounds i32)
		(local $data i32)
		(local $end i32)
		(local $prev i64)
		(local $h i64)
		(local $shifted i64)
		(local $i i32)
		(local $p i32)
		;; The 4-byte `rounds` header is mandatory.
		(if (i32.lt_u (local.get $len) (i32.const 4)) (then unreachable))
		;; Wasm loads are little-endian and may be unaligned.
		(local.set $rounds (i32.load (local.get $ptr)))
		(local.set $data (i32.add (local.get $ptr) (i32.const 4)))
		(local.set $end (i32.add (local.get $ptr) (local.get $len)))
		(local.set $prev (global.get $offset_basis))
		(block $rounds_done
			(loop $round
				(br_if $rounds_done (i32.eqz (local.get $rounds)))
				(local.set $h (global.get $offset_basis))
				;; The previous result's 8 bytes, least significant first.
				(local.set $shifted (local.get $prev))
				(local.set $i (i32.const 0))
				(loop $prev_byte
					(local.set $h
						(call $absorb
							(local.get $h)
							(i64.and (local.get $shifted) (i64.const 0xff))))
					(local.set $shifted (i64.shr_u (local.get $shifted) (i64.const 8)))
					(local.set $i (i32.add (local.get $i) (i32.const 1)))
					(br_if $prev_byte (i32.lt_u (local.get $i) (i32.const 8))))
				;; Then every data byte.
				(local.set $p (local.get $data))
				(block $data_done
					(loop $data_byte
						(br_if $data_done (i32.ge_u (local.get $p) (local.get $end)))
						(local.set $h
							(call $absorb (local.get $h) (i64.load8_u (local.get $p))))
						(local.set $p (i32.add (local.get $p) (i32.const 1)))
						(br $data_byte)))
				(local.set $prev (local.get $h))
				(local.set $rounds (i32.sub (local.get $rounds) (i32.const 1)))
				(br $round)))
		(i64.store (i32.const 0) (local.get $prev))
		(i64.const 8)))
