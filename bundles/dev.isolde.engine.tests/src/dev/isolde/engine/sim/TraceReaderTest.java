// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isolde.engine.fixtures.RfcMachine;
import dev.isolde.engine.kernel.KernelImage;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceReaderTest {
    private static final KernelImage KERNEL = RfcMachine.kernel();

    private static List<String> read(String text) {
        List<String> out = new ArrayList<>();
        new TraceReader(KERNEL, "t.trace").read(new StringReader(text),
                (seq, cpu, ctx, kind, arg) -> out.add(seq + " " + cpu + " " + ctx + " " + kind + " "
                        + Long.toHexString(arg)));
        return out;
    }

    private static TraceException error(String text) {
        return assertThrows(TraceException.class, () -> read(text));
    }

    @Test
    void readsEveryEventKindWithSymbolsOffsetsAndComments() {
        List<String> events = read("""
                # header
                1 0 vm1 vmexit EPT_VIOLATION
                2 0 vm1 access random_pool+0x10 w   # trailing comment
                3 0 vm1 access 0xffffffff82000000 r
                4 1 host irq 236
                5 1 - nmi
                6 2 p1 syscall 59
                7 2 p1 ctxswitch vm2
                8 2 vm2 asi_exit
                9 2 p1 sysret
                10 0 vm1 vmenter
                11 1 host idle
                """);
        assertEquals(List.of("1 0 0 VMEXIT 0", "2 0 0 WRITE " + Long.toHexString(RfcMachine.RANDOM_POOL + 0x10),
                "3 0 0 READ ffffffff82000000", "4 1 -1 IRQ ec", "5 1 -1 NMI 0", "6 2 2 SYSCALL 3b",
                "7 2 2 CTXSWITCH 1", "8 2 1 ASI_EXIT 0", "9 2 2 SYSRET 0", "10 0 0 VMENTER 0",
                "11 1 -1 IDLE 0"), events);
    }

    @Test
    void objectsWithoutAnAddressAreReadAsHandlesThatNameThem() {
        int o = 3;
        long h = Workload.handle(o, 0x40);
        assertEquals(true, Workload.isHandle(h));
        assertEquals(o, Workload.handleObject(h));
        assertEquals(false, Workload.isHandle(RfcMachine.RANDOM_POOL));
        assertEquals(false, Workload.isHandle(RfcMachine.USER_STACK));
        // a placed object reads as its own address
        assertEquals(RfcMachine.JIFFIES + 4, Workload.addressOf(KERNEL, KERNEL.objectsNamed("jiffies")[0], 4));
    }

    @Test
    void aLongTraceStreamsWithoutKeepingItsEvents() {
        // one million lines through a reader that generates them: nothing but the current line is held
        java.io.Reader lines = new java.io.Reader() {
            private final char[] line = "1 0 vm1 access jiffies r\n".toCharArray();
            private long left = 1_000_000L * line.length;

            @Override
            public int read(char[] buf, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    buf[off + i] = line[(int) ((1_000_000L * line.length - left + i) % line.length)];
                }
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        long[] count = new long[1];
        new TraceReader(KERNEL, "gen").read(lines, (s, c, x, k, a) -> count[0]++);
        assertEquals(1_000_000, count[0]);
    }

    @Test
    void unknownEventIsReportedAtItsLineAndColumn() {
        TraceException e = error("1 0 vm1 vmexit IO\n2 0 vm1   vmexot IO\n");
        assertEquals("t.trace", e.file());
        assertEquals(2, e.line());
        assertEquals(11, e.column());
        assertEquals("t.trace:2:11: unknown event 'vmexot'", e.getMessage());
    }

    @Test
    void badAccessModeUnknownSymbolAndUnknownContextPointAtTheField() {
        assertEquals(28, error("1 0 vm1 access jiffies+0x1 x").column());
        assertEquals(16, error("1 0 vm1 access no_such_symbol r").column());
        assertEquals(5, error("1 0 vm9 vmenter").column());
        assertEquals(1, error("x 0 vm1 vmenter").column());
        assertEquals(17, error("1 0 vm1 vmenter extra").column());
    }

    @Test
    void overlongLineIsRejectedWithoutBufferingIt() {
        TraceException e = error("1 0 vm1 vmenter\n" + "#".repeat(TraceReader.MAX_LINE + 10) + "\n");
        assertEquals(2, e.line());
    }

    @Test
    void asiExitPfFtraceLineBecomesAnAccessOfTheFaultingSymbol() {
        List<String> events = read("""
                 qemu-kvm-4242 [003] d..1. 5120.000001: asi_exit_pf: address=random_pool+0x10/0x80 \
                ip=kvm_arch_vcpu_ioctl_run+0x12/0x900 error_code=0x2, user_mode=0
                """);
        assertEquals(List.of("0 3 -1 READ " + Long.toHexString(RfcMachine.RANDOM_POOL + 0x10)), events);
    }
}
