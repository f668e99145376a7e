// SPDX-License-Identifier: EPL-2.0
/**
 * The ASI simulator: replays kernel events against a policy's restricted spaces and compares mitigation strategies
 * by cost (cycles) and by SMT leak windows.
 *
 * <h2>Trace format</h2>
 * One event per line, fields separated by blanks, {@code #} starts a comment (whole line or trailing):
 *
 * <pre>
 * SEQ CPU CONTEXT EVENT [ARGS]
 * </pre>
 *
 * {@code SEQ} is a decimal sequence number (non-decreasing), {@code CPU} a logical CPU (siblings are {@code n} and
 * {@code n^1}), {@code CONTEXT} a context of the kernel image ({@code vm1}, {@code p1}) or {@code host}/{@code -}.
 * Events:
 * <ul>
 * <li>{@code vmenter} / {@code sysret} — return to the guest / user code of CONTEXT (asi_enter happens here);
 * <li>{@code vmexit REASON} — guest exit to the host kernel, REASON a word such as {@code EPT_VIOLATION};
 * <li>{@code syscall [NR]} — system call entry;
 * <li>{@code access ADDR|SYMBOL r|w} — a kernel access; ADDR is {@code 0x…}, SYMBOL is {@code name},
 * {@code name+off} or {@code name+off/size} (the kernel's {@code %pS} form);
 * <li>{@code irq [VECTOR]}, {@code nmi} — interrupts; they do not leave ASI by themselves;
 * <li>{@code ctxswitch CONTEXT} — the CPU switches to another context;
 * <li>{@code asi_exit} — an explicit asi_exit.
 * </ul>
 * Lines are at most {@link dev.isolde.engine.sim.TraceReader#MAX_LINE} characters. Errors carry
 * {@code file:line:col}. ftrace text of the 2025 series' {@code asi_exit_pf} tracepoint
 * ({@code ... asi_exit_pf: address=%pS ip=%pS error_code=0x%lx, user_mode=%d}) is accepted too: each line becomes an
 * access of the {@code address=} symbol on the CPU in brackets, in the host context.
 */
package dev.isolde.engine.sim;
