// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.sim;

import java.util.ArrayList;
import java.util.List;

import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.sim.EventKind;
import dev.isolde.engine.sim.EventSource;
import dev.isolde.engine.sim.LeakWindow;
import dev.isolde.engine.sim.StrategyResult;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.RestrictedSpaces;

/**
 * What the two SMT siblings of one core do during the first events of a workload under ASI: running untrusted code,
 * the kernel on the restricted page tables, or the kernel on the full ones after an asi_exit; with the simulator's
 * leak windows on that core. The simulator reports totals only, so the states are replayed here from the events with
 * the ASI strategy's rules: entry from the guest or user runs restricted, an access the restricted space does not
 * map exits (a fault), as do explicit exits and context switches.
 */
public final class SiblingTimeline {

	/** What a CPU runs. */
	public enum State {
		/** Nothing seen yet, or idle. */
		IDLE,
		/** The untrusted context: a guest or user code. */
		UNTRUSTED,
		/** The kernel on the restricted page tables. */
		RESTRICTED,
		/** The kernel on the full page tables. */
		UNRESTRICTED
	}

	/** One stretch of a CPU in one state, {@code [from, to)} in event sequence numbers. */
	public record Segment(int cpu, State state, long from, long to) {
	}

	/** An asi_exit on {@code cpu} at {@code seq}, with the object whose access caused it (or null). */
	public record Exit(int cpu, long seq, String object) {
	}

	private final int cpu;
	private final long length;
	private final List<Segment> segments;
	private final List<Exit> exits;
	private final List<LeakWindow> windows;

	private SiblingTimeline(int cpu, long length, List<Segment> segments, List<Exit> exits, List<LeakWindow> windows) {
		this.cpu = cpu;
		this.length = length;
		this.segments = List.copyOf(segments);
		this.exits = List.copyOf(exits);
		this.windows = List.copyOf(windows);
	}

	/**
	 * Replays {@code source} for CPUs {@code cpu} and {@code cpu ^ 1} up to sequence number {@code length}, and
	 * takes the leak windows of that core from {@code asi} (the simulator's ASI result; null for none).
	 */
	public static SiblingTimeline of(KernelImage kernel, RestrictedSpaces spaces, EventSource source, int cpu,
			long length, StrategyResult asi) {
		int first = cpu & ~1;
		AsiInstance[] byContext = new AsiInstance[kernel.contexts().size()];
		for (int c = 0; c < byContext.length; c++) {
			List<AsiInstance> inst = spaces.instancesOf(kernel.context(c).name());
			byContext[c] = inst.isEmpty() ? null : inst.get(0);
		}
		State[] state = { State.IDLE, State.IDLE };
		long[] since = { 0, 0 };
		int[] ctx = { -1, -1 };
		List<Segment> segments = new ArrayList<>();
		List<Exit> exits = new ArrayList<>();
		source.replay((seq, c, context, kind, arg) -> {
			if (seq >= length || (c & ~1) != first) {
				return;
			}
			int k = c - first;
			State next = state[k];
			switch (kind) {
			case VMENTER, SYSRET -> next = State.UNTRUSTED;
			case VMEXIT, SYSCALL -> {
				ctx[k] = context;
				next = context >= 0 && byContext[context] != null ? State.RESTRICTED : State.UNRESTRICTED;
			}
			case READ, WRITE -> {
				if (state[k] == State.RESTRICTED && byContext[ctx[k]].space().attrAt(arg) < 0) {
					int obj = kernel.objectAt(arg);
					exits.add(new Exit(c, seq, obj < 0 ? null : kernel.name(obj)));
					next = State.UNRESTRICTED;
				} else if (state[k] == State.IDLE) {
					next = State.UNRESTRICTED;
				}
			}
			case ASI_EXIT, CTXSWITCH -> {
				if (state[k] == State.RESTRICTED) {
					exits.add(new Exit(c, seq, null));
				}
				next = State.UNRESTRICTED;
				if (kind == EventKind.CTXSWITCH) {
					ctx[k] = (int) arg;
				}
			}
			case IRQ, NMI -> {
				if (state[k] == State.IDLE) {
					next = State.UNRESTRICTED;
				}
			}
			// the CPU went back to its idle loop after a timer tick
			case IDLE -> next = State.IDLE;
			}
			if (next != state[k]) {
				segments.add(new Segment(c, state[k], since[k], seq));
				state[k] = next;
				since[k] = seq;
			}
		});
		for (int k = 0; k < 2; k++) {
			segments.add(new Segment(first + k, state[k], since[k], length));
		}
		List<LeakWindow> windows = new ArrayList<>();
		if (asi != null) {
			for (LeakWindow w : asi.windows()) {
				if ((w.cpu() & ~1) == first && w.startSeq() < length) {
					windows.add(w);
				}
			}
		}
		return new SiblingTimeline(first, length, segments, exits, windows);
	}

	/** The first CPU of the core; its sibling is {@code cpu() + 1}. */
	public int cpu() {
		return cpu;
	}

	/** Sequence numbers covered, from 0. */
	public long length() {
		return length;
	}

	/** Every stretch of both CPUs, in order per CPU. */
	public List<Segment> segments() {
		return segments;
	}

	/** The asi_exits of both CPUs. */
	public List<Exit> exits() {
		return exits;
	}

	/** The simulator's leak windows on this core that start in the timeline. */
	public List<LeakWindow> windows() {
		return windows;
	}
}
