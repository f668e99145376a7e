// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import dev.isolde.engine.kernel.KernelImage;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Streams a trace (see the package documentation) line by line into an {@link EventSink}, never holding more than
 * one bounded line; also accepts ftrace lines of the 2025 series' {@code asi_exit_pf} tracepoint.
 */
public final class TraceReader {
    /** Longest accepted line, so a corrupt file cannot make the reader buffer without bound. */
    public static final int MAX_LINE = 4096;
    private final KernelImage kernel;
    private final String file;
    private final int cpus;
    private final char[] line = new char[MAX_LINE];
    private int len;
    private int pos;
    private int lineNo;
    private int wordCol;
    private boolean overlong;
    private long ftraceSeq;

    /** A reader resolving symbols and contexts in {@code kernel}; {@code file} names the input in errors. */
    public TraceReader(KernelImage kernel, String file) {
        this(kernel, file, Integer.MAX_VALUE);
    }

    /** Like {@link #TraceReader(KernelImage, String)}, also rejecting CPUs outside {@code 0..cpus-1}. */
    public TraceReader(KernelImage kernel, String file, int cpus) {
        this.kernel = kernel;
        this.file = file;
        this.cpus = cpus;
    }

    /** Reads all of {@code in} into {@code sink}; throws {@link TraceException} at the first bad line. */
    public void read(Reader in, EventSink sink) {
        try {
            char[] buf = new char[1 << 16];
            int got;
            len = 0;
            overlong = false;
            while ((got = in.read(buf)) >= 0) {
                for (int at = 0; at < got; at++) {
                    char c = buf[at];
                    if (c == '\n') {
                        endLine(sink);
                    } else if (len < MAX_LINE) {
                        line[len++] = c;
                    } else {
                        overlong = true;
                    }
                }
            }
            if (len > 0 || overlong) {
                endLine(sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void endLine(EventSink sink) {
        lineNo++;
        if (overlong) {
            throw new TraceException(file, lineNo, MAX_LINE + 1, "line longer than " + MAX_LINE);
        }
        parseLine(sink);
        len = 0;
    }

    private void parseLine(EventSink sink) {
        pos = 0;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        skipSpace();
        if (pos >= len || line[pos] == '#') {
            return;
        }
        String text = new String(line, 0, len);
        int pf = text.indexOf("asi_exit_pf:");
        if (pf >= 0) {
            parseFtrace(text, pf, sink);
            return;
        }
        long seq = number("sequence number");
        int cpu = cpu(number("cpu"), wordCol);
        int context = context(word("context"));
        String ev = word("event");
        int col = wordCol;
        EventKind kind;
        long arg = 0;
        switch (ev) {
            case "vmenter" -> kind = EventKind.VMENTER;
            case "vmexit" -> {
                kind = EventKind.VMEXIT;
                word("exit reason");
            }
            case "sysret" -> kind = EventKind.SYSRET;
            case "syscall" -> {
                kind = EventKind.SYSCALL;
                arg = optionalNumber();
            }
            case "irq" -> {
                kind = EventKind.IRQ;
                arg = optionalNumber();
            }
            case "nmi" -> kind = EventKind.NMI;
            case "idle" -> kind = EventKind.IDLE;
            case "asi_exit" -> kind = EventKind.ASI_EXIT;
            case "ctxswitch" -> {
                kind = EventKind.CTXSWITCH;
                arg = context(word("context"));
            }
            case "access" -> {
                arg = address();
                String rw = word("r or w");
                int rwCol = wordCol;
                kind = switch (rw) {
                    case "r" -> EventKind.READ;
                    case "w" -> EventKind.WRITE;
                    default -> throw error(rwCol, "expected r or w, found '" + rw + "'");
                };
            }
            default -> throw error(col, "unknown event '" + ev + "'");
        }
        skipSpace();
        if (pos < len && line[pos] != '#') {
            throw error(pos + 1, "unexpected '" + rest() + "'");
        }
        sink.event(seq, cpu, context, kind, arg);
    }

    /** {@code <task>-<pid> [CPU] ... asi_exit_pf: address=sym+0x10/0x40 ip=... error_code=0x2, user_mode=0}. */
    private void parseFtrace(String text, int pf, EventSink sink) {
        int cpu = 0;
        int lb = text.indexOf('[');
        int rb = text.indexOf(']');
        if (lb >= 0 && rb > lb && rb < pf) {
            try {
                cpu = cpu(Long.parseLong(text.substring(lb + 1, rb).strip()), lb + 2);
            } catch (NumberFormatException e) {
                throw error(lb + 2, "bad cpu '" + text.substring(lb + 1, rb) + "'");
            }
        }
        int a = text.indexOf("address=", pf);
        if (a < 0) {
            throw error(pf + 1, "asi_exit_pf without address=");
        }
        pos = a + "address=".length();
        long va = address();
        // An ftrace line is a fault taken in the restricted space: replay it as an access of that address.
        sink.event(ftraceSeq++, cpu, -1, EventKind.READ, va);
    }

    /** The simulator indexes per-CPU state by it, so a CPU the machine lacks is an error of the trace (fuzzing). */
    private int cpu(long value, int col) {
        if (value < 0 || value >= cpus) {
            throw error(col, value < 0 ? "negative cpu " + value : "cpu " + value + " outside 0.." + (cpus - 1));
        }
        return (int) value;
    }

    private long address() {
        String w = word("address or symbol");
        int col = wordCol;
        if (w.startsWith("0x")) {
            try {
                return Long.parseUnsignedLong(w.substring(2), 16);
            } catch (NumberFormatException e) {
                throw error(col, "bad address '" + w + "'");
            }
        }
        // symbol, symbol+off or the %pS form symbol+off/size
        int plus = w.indexOf('+');
        String sym = plus < 0 ? w : w.substring(0, plus);
        long off = 0;
        if (plus >= 0) {
            int slash = w.indexOf('/', plus);
            String o = w.substring(plus + 1, slash < 0 ? w.length() : slash);
            try {
                off = o.startsWith("0x") ? Long.parseLong(o.substring(2), 16) : Long.parseLong(o);
            } catch (NumberFormatException e) {
                throw error(col + plus + 1, "bad offset '" + o + "'");
            }
        }
        int[] objs = kernel.objectsNamed(sym);
        if (objs.length == 0) {
            throw error(col, "unknown symbol '" + sym + "'");
        }
        // an object the model has no address for (a slab cache from slabinfo) is accessed through its handle
        return Workload.addressOf(kernel, objs[0], off);
    }

    private int context(String name) {
        if (name.equals("host") || name.equals("-")) {
            return -1;
        }
        int c = kernel.contextIndex(name);
        if (c < 0) {
            throw error(wordCol, "unknown context '" + name + "'");
        }
        return c;
    }

    private long number(String what) {
        String w = word(what);
        int col = wordCol;
        try {
            return Long.parseLong(w);
        } catch (NumberFormatException e) {
            throw error(col, "expected " + what + ", found '" + w + "'");
        }
    }

    private long optionalNumber() {
        skipSpace();
        if (pos >= len || line[pos] == '#') {
            return -1;
        }
        return number("number");
    }

    private String word(String what) {
        skipSpace();
        int start = pos;
        while (pos < len && !Character.isWhitespace(line[pos]) && line[pos] != ',') {
            pos++;
        }
        wordCol = start + 1;
        if (start == pos) {
            throw error(wordCol, "missing " + what);
        }
        return new String(line, start, pos - start);
    }

    private void skipSpace() {
        while (pos < len && Character.isWhitespace(line[pos])) {
            pos++;
        }
    }

    private String rest() {
        return new String(line, pos, len - pos);
    }

    private TraceException error(int col, String message) {
        return new TraceException(file, lineNo, col, message);
    }
}
