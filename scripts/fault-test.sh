#!/usr/bin/env bash
# Fault test of a real 4-validator `local` network (Alice, Bob, Charlie, Dave) on loopback:
# validators are SIGKILLed and restarted on their own databases while the others go on.
#
#   scripts/fault-test.sh           long version: steps 2-4 with each of Bob, Charlie, Dave
#   scripts/fault-test.sh --short   short version (scripts/test.sh): Dave in 2-3, Charlie in
#                                   4; under 3 minutes on a 2-core machine
#
# It builds nothing: run `cargo build --workspace --bin azra-node` first (the node is $AZRA_NODE).
# What it checks, each step printing one line with its timings:
#   1. the 4 validators start and finality advances (finalized number +2);
#   2. a validator is SIGKILLed and the other 3 still finalize (3 of 4 GRANDPA voters
#      are enough): +2 blocks (+5 in the long version);
#   3. it restarts on the same base path: the node comes up without a database error,
#      catches up to what the others had finalized at its restart, and its database is
#      intact: its hash at the height it had finalized before the kill is Alice's;
#   4. a validator is SIGKILLed, stays down until the network is 3 blocks ahead (10 in
#      the long version) while the 3 others finalize, is restarted and SIGKILLed again
#      while it imports the missed blocks (as soon as its import queue logs the start of
#      the first batch), then restarted once more: it must come up cleanly, catch up,
#      and agree with Alice at the height it had finalized before the first kill and at
#      the best block its database held after the second;
#   5. all 4 nodes agree on the hash of the latest finalized block.
# Exits non-zero at the first failed check, naming the step and the numbers seen; the
# base paths and logs are then kept (their directory is printed), else removed.
#
# Ports: P2P 30500+i, RPC 9960+i (i = 0 for Alice … 3 for Dave), away from
# local-testnet.sh's 30400/9950; AZRA_FAULT_P2P_BASE / AZRA_FAULT_RPC_BASE change them.
# AZRA_FAULT_TIMEOUT (default 90 s) bounds each wait for a number of blocks of 2 or less;
# each block more adds 6 s, one slot; a node's start may take twice as long (4 debug nodes
# starting at once on 2 cores take 40 s, 80 s under load).
# AZRA_FAULT_NODE_ARGS adds flags to every node, e.g. `-lparity-db=debug` to see the
# database replay its log after a SIGKILL; AZRA_FAULT_KEEP=1 keeps the logs and databases
# after a successful run too.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "$0")/env.sh"
# shellcheck source=scripts/lib/testnet.sh
source "$AZRA_ROOT/scripts/lib/testnet.sh"

mode=long
case "${1:-}" in
--short) mode=short ;;
"" | --long) ;;
*)
	echo "usage: $0 [--short|--long]" >&2
	exit 2
	;;
esac

if [ ! -x "$AZRA_NODE" ]; then
	echo "no node binary at $AZRA_NODE: run \`cargo build --workspace --bin azra-node\` first" >&2
	exit 1
fi

# Node indices in testnet_names: 0 alice, 1 bob, 2 charlie, 3 dave. Alice is never killed:
# she is everyone's bootnode.
validators=4
if [ "$mode" = short ]; then
	grow=2             # finalized blocks each "finality advances" check waits for
	lag=3              # blocks the network gets ahead of the validator stopped in step 4
	restart_victims=(3) # killed and restarted in steps 2-3
	import_victims=(2)  # killed twice in step 4
else
	grow=5
	lag=10
	restart_victims=(1 2 3)
	import_victims=(1 2 3)
fi
base_timeout="${AZRA_FAULT_TIMEOUT:-90}"
start_timeout=$((2 * base_timeout))
testnet_p2p_base="${AZRA_FAULT_P2P_BASE:-30500}"
testnet_rpc_base="${AZRA_FAULT_RPC_BASE:-9960}"
read -ra node_args <<<"${AZRA_FAULT_NODE_ARGS:-}"

# A taken port would make a node fail in a way that looks like a fault of the node.
ports=()
for ((i = 0; i < validators; i++)); do
	ports+=($((testnet_p2p_base + i)) $((testnet_rpc_base + i)))
done
if ! testnet_rpc free "${ports[@]}" >/dev/null; then
	echo "another network is running? set AZRA_FAULT_P2P_BASE / AZRA_FAULT_RPC_BASE" >&2
	exit 1
fi

testnet_dir="$(mktemp -d -t azra-fault-XXXXXX)"
step="setup"
summary=()
started_at=$SECONDS

on_exit() {
	local rc=$? i
	testnet_stop_all
	if [ "$rc" -eq 0 ]; then
		if [ -n "${AZRA_FAULT_KEEP:-}" ]; then
			echo "logs and databases kept in $testnet_dir"
		else
			rm -rf "$testnet_dir"
		fi
		return
	fi
	for ((i = 0; i < validators; i++)); do
		[ -f "$(testnet_log "$i")" ] || continue
		echo "--- last 15 lines of ${testnet_names[$i]}'s log ---" >&2
		tail -n 15 "$(testnet_log "$i")" >&2
	done
	if [ "${#summary[@]}" -gt 0 ]; then
		echo "--- steps passed before the failure ---" >&2
		printf '%s\n' "${summary[@]}" >&2
	fi
	echo "fault test FAILED ($mode) in step: $step; logs and databases kept in $testnet_dir" >&2
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
	echo "FAILED step $step: $*" >&2
	exit 1
}
report() {
	summary+=("$*")
	echo "ok  $*"
}
now_ms() { date +%s%3N; }
# Seconds since a now_ms reading, with one decimal.
since() {
	local ms=$(($(now_ms) - $1))
	echo "$((ms / 1000)).$((ms % 1000 / 100))s"
}
name() { echo "${testnet_names[$1]}"; }
port() { testnet_rpc_port "$1"; }
timeout_for() { echo $((base_timeout + 6 * ($1 > 2 ? $1 - 2 : 0))); }

# heights I: sets best and fin to node I's best and finalized block numbers, or fails.
heights() {
	local out
	out=$(testnet_rpc heights "$(port "$1")") || fail "$(name "$1") does not answer RPC"
	best=${out% *}
	fin=${out#* }
}
hash_at() {
	testnet_rpc hash "$(port "$1")" "$2" || fail "$(name "$1") does not answer chain_getBlockHash $2"
}

# wait_for I WHAT TARGET TIMEOUT: waits until node I's best (WHAT=best) or finalized
# (WHAT=fin) block number is at least TARGET; fails with the last numbers seen.
wait_for() {
	local i=$1 what=$2 target=$3 timeout=$4 start=$SECONDS out seen="no RPC answer"
	while :; do
		testnet_running "$i" || fail "$(name "$i") exited while waiting for its $what block to reach #$target (last seen: $seen)"
		if out=$(testnet_rpc heights "$(port "$i")" 2>/dev/null); then
			best=${out% *}
			fin=${out#* }
			seen="best #$best, finalized #$fin"
			if [ "$what" = best ] && [ "$best" -ge "$target" ]; then return 0; fi
			if [ "$what" = fin ] && [ "$fin" -ge "$target" ]; then return 0; fi
		fi
		if [ $((SECONDS - start)) -ge "$timeout" ]; then
			fail "$(name "$i")'s $what block did not reach #$target within ${timeout}s (last seen: $seen)"
		fi
		sleep 0.5
	done
}

# Every running validator's finalized number reaches TARGET.
wait_all_finalized() {
	local target=$1 timeout=$2 i
	for ((i = 0; i < validators; i++)); do
		testnet_running "$i" && wait_for "$i" fin "$target" "$timeout"
	done
	return 0
}

# start I [NODE-ARGS...]: (re)starts node I on its base path. A marker line in the log
# separates this run from the earlier ones, so that check_clean_start reads only it.
log_mark=()
start() {
	local i=$1
	shift
	echo "=== fault-test: start at $(date +%T)" >>"$(testnet_log "$i")"
	log_mark[i]=$(wc -l <"$(testnet_log "$i")")
	testnet_start "$i" "${node_args[@]}" "$@"
}
wait_rpc() {
	testnet_rpc wait "$(port "$1")" "$start_timeout" >/dev/null ||
		fail "$(name "$1") did not serve RPC within ${start_timeout}s (running: $(testnet_running "$1" && echo yes || echo no))"
}
run_log() { tail -n +"$((log_mark[$1] + 1))" "$(testnet_log "$1")"; }

# After a SIGKILL the node must open its database as it was: an error there would show
# as one of these lines (a failed start also ends the process, which wait_rpc catches).
check_clean_start() {
	local i=$1 bad
	testnet_running "$i" || fail "$(name "$i") exited after its restart"
	bad=$(run_log "$i" | grep -iE 'corrupt|panicked|essential task|database error|^Error:' | head -5 || true)
	[ -z "$bad" ] || fail "$(name "$i") restarted with errors: $bad"
}

# same_hash I N: node I and Alice have the same block at height N.
same_hash() {
	local i=$1 n=$2 ours alices
	ours=$(hash_at "$i" "$n")
	alices=$(hash_at 0 "$n")
	[ "$ours" = "$alices" ] || fail "$(name "$i")'s block #$n is $ours, Alice's is $alices"
}

# restart_and_catch_up I: restarts node I, checks the start is clean, waits until it has
# finalized what Alice had finalized at its restart; sets known (the best block its
# database held, from its log) and caught_up_line.
restart_and_catch_up() {
	local i=$1 t0 t_rpc target
	heights 0
	target=$fin
	t0=$(now_ms)
	start "$i"
	wait_rpc "$i"
	t_rpc=$(since "$t0")
	check_clean_start "$i"
	known=$(run_log "$i" | grep -oE 'Highest known block at #[0-9]+' | tr -dc 0-9 || true)
	[ -n "$known" ] || fail "$(name "$i") did not log its highest known block"
	wait_for "$i" fin "$target" "$(timeout_for 2)"
	caught_up_line="database at #$known, RPC up in $t_rpc, finalized #$target after $(since "$t0")"
}

echo "fault test ($mode) of 4 validators; logs in $testnet_dir"

# 1. Start the network.
step="1 (start 4 validators)"
t0=$(now_ms)
for ((i = 0; i < validators; i++)); do
	start "$i"
done
for ((i = 0; i < validators; i++)); do
	wait_rpc "$i"
	check_clean_start "$i"
done
t_rpc=$(since "$t0")
heights 0
f0=$fin
wait_all_finalized $((f0 + grow)) "$(timeout_for "$grow")"
report "step 1: 4 validators serving RPC after $t_rpc; finalized #$f0 -> #$((f0 + grow)) on all 4 after $(since "$t0")"

for ((round = 0; round < ${#restart_victims[@]}; round++)); do
	# 2. SIGKILL a validator: the other three still finalize.
	v=${restart_victims[$round]}
	step="2 (SIGKILL $(name "$v"), finality goes on)"
	heights "$v"
	v_fin=$fin
	testnet_kill "$v" KILL
	t0=$(now_ms)
	heights 0
	base=$fin
	wait_all_finalized $((base + grow)) "$(timeout_for "$grow")"
	report "step 2: $(name "$v") SIGKILLed at finalized #$v_fin; the other 3 finalized #$base -> #$((base + grow)) in $(since "$t0")"

	# 3. Restart it on the same base path: clean start, catch-up, intact database.
	step="3 (restart $(name "$v"))"
	restart_and_catch_up "$v"
	same_hash "$v" "$v_fin"
	report "step 3: $(name "$v") restarted: $caught_up_line; block #$v_fin as Alice's"
done

for ((round = 0; round < ${#import_victims[@]}; round++)); do
	# 4. SIGKILL a validator, let it fall behind, restart it and SIGKILL it again while it
	# imports the blocks it missed; then it must restart cleanly and catch up.
	w=${import_victims[$round]}
	step="4 (SIGKILL $(name "$w") while behind)"
	heights "$w"
	w_best=$best
	w_fin=$fin
	testnet_kill "$w" KILL
	t0=$(now_ms)
	heights 0
	base=$fin
	wait_for 0 best $((w_best + lag)) "$(timeout_for "$lag")"
	wait_all_finalized $((base + grow)) "$(timeout_for "$grow")"
	heights 0
	net_best=$best
	down_line="down $(since "$t0") while the other 3 finalized #$base -> #$fin"

	step="4 (SIGKILL $(name "$w") mid-import)"
	t0=$(now_ms)
	# The node serves RPC only about a second before it imports the missed blocks, and it
	# imports one in about 6 ms: polling its RPC sees it done. Its import queue logs the
	# start of each batch (debug level of `sync::import-queue`; trace level would slow the
	# node's start five times): follow the log (tail -f reacts at once) and SIGKILL the
	# node as the first batch starts. The node flushes its log every 50 ms, so the kill
	# lands anywhere from before the batch's first block to just after its last: the
	# summary says how many of its blocks the database kept.
	start "$w" -lsync::import-queue=debug
	if ! timeout "$start_timeout" grep -m1 -q 'Starting import of' < <(
		tail -n +"$((log_mark[w] + 1))" -f --pid="${testnet_pids[$w]}" "$(testnet_log "$w")"
	); then
		testnet_running "$w" || fail "$(name "$w") exited before importing a block (it stopped at #$w_best, the network is at #$net_best)"
		fail "$(name "$w") imported nothing in ${start_timeout}s after its restart (it stopped at #$w_best, the network is at #$net_best)"
	fi
	testnet_kill "$w" KILL
	t_kill=$(since "$t0")
	batch=$(run_log "$w" | grep -m1 -oE 'Starting import of [0-9]+ blocks *(\([0-9.]+\))?' | sed 's/Starting import of //; s/  */ /g' || true)
	completed=$(run_log "$w" | grep -c 'Imported [0-9]* out of' || true)
	heights 0
	kill_line="SIGKILLed ${t_kill} after start, as it began to import $batch (network at #$best; batches completed: $completed)"

	step="4 (restart $(name "$w") after the mid-import kill)"
	restart_and_catch_up "$w"
	# Where the import stopped is what the database holds now ("Highest known block"): that
	# block must be the network's too.
	wait_for "$w" fin "$known" "$(timeout_for 2)"
	same_hash "$w" "$w_fin"
	same_hash "$w" "$known"
	# Say how far into the batch the kill came: its blocks the database kept.
	if [[ "$batch" =~ \(([0-9]+)\.\.([0-9]+)\) ]]; then
		first=${BASH_REMATCH[1]}
		last=${BASH_REMATCH[2]}
		kill_line+="; $((known >= first ? (known < last ? known : last) - first + 1 : 0)) of its $((last - first + 1)) blocks were in the database"
	fi
	report "step 4: $(name "$w") $down_line; $kill_line; restarted: $caught_up_line; blocks #$w_fin, #$known as Alice's"
done

# 5. Everyone ends on one chain.
step="5 (all agree)"
t0=$(now_ms)
heights 0
final=$fin
wait_all_finalized "$final" "$(timeout_for 2)"
for ((i = 1; i < validators; i++)); do
	same_hash "$i" "$final"
done
report "step 5: all 4 validators have Alice's finalized block #$final ($(since "$t0"))"

step="done"
echo "fault test ($mode) passed in $((SECONDS - started_at))s:"
printf '  %s\n' "${summary[@]}"
