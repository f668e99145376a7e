// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.sim;

import java.util.List;

/**
 * An interval during which one SMT sibling ran untrusted code of {@code context} while the other was outside that
 * context's restricted space, so the untrusted code could sample what the other touched (L1TF, MDS).
 *
 * @param exposed names of objects the other sibling touched during the window, capped
 */
public record LeakWindow(int cpu, int sibling, String context, long startSeq, long endSeq, List<String> exposed) {
    public LeakWindow {
        exposed = List.copyOf(exposed);
    }

    /** Length in events. */
    public long length() {
        return endSeq - startSeq;
    }
}
