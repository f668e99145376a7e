// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.check;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.kernel.ObjectRef;
import dev.isolde.engine.space.Rfc2022Layout;
import java.util.ArrayList;
import java.util.List;

/**
 * The 2022 RFC's layout on this machine: the ASI local map must fit (it halves the direct map), and non-sensitive
 * vmalloc areas belong to their half of vmalloc space. A kernel model imported without ASI places areas anywhere; an
 * RFC kernel would allocate each in its half, so a misplaced area is reported as a move, not as a leak.
 */
public final class Rfc2022LayoutCheck implements Check {
    /** This check's id. */
    public static final String ID = "rfc2022-layout";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "under rfc2022, RAM fits the halved direct map and non-sensitive vmalloc areas lie in their half";
    }

    @Override
    public void run(CheckInput in, FindingSink out) {
        Rfc2022Layout layout = in.spaces().rfc2022();
        if (layout == null) {
            return;
        }
        if (layout.ramExceedsHalvedDirectMap()) {
            out.report(new Finding(ID, Severity.ERROR, "the ASI local map halves the direct map to "
                    + (layout.maxRam() >>> 40) + " TB, less than this machine's " + (layout.ramBytes() >>> 30)
                    + " GiB of RAM: the RFC's kernel would leave the rest unused (patch 17/47, set_phys_mem_limit)",
                    List.of(), Finding.NO_PAGE));
        }
        if (!layout.hasVmallocSplit()) {
            return;
        }
        KernelImage kernel = in.kernel();
        List<ObjectRef> localOutside = new ArrayList<>();
        List<ObjectRef> globalOutside = new ArrayList<>();
        long[] bytes = new long[2];
        kernel.forEachOfKind(ObjectKind.VMALLOC, i -> {
            long size = kernel.size(i);
            if (size <= 0) {
                return; // an area whose address the model does not know is placed by the allocator anyway
            }
            int key = in.classification().classKey(i);
            if (ClassKey.isLocal(key) && !layout.inLocalVmalloc(kernel.start(i), kernel.end(i))) {
                localOutside.add(ObjectRef.of(kernel, i));
                bytes[0] += size;
            } else if (key == ClassKey.GLOBAL && !layout.inGlobalVmalloc(kernel.start(i), kernel.end(i))) {
                globalOutside.add(ObjectRef.of(kernel, i));
                bytes[1] += size;
            }
        });
        String split = " (vmalloc_local_nonsensitive_percent=" + layout.localPercent() + ")";
        String local = Describe.range(layout.vmallocStart(), layout.vmallocGlobalStart());
        String global = Describe.range(layout.vmallocGlobalStart(), layout.vmallocEnd());
        if (!localOutside.isEmpty()) {
            out.report(new Finding(ID, Severity.INFO, localOutside.size() + " locally non-sensitive vmalloc areas ("
                    + bytes[0] + " bytes) lie outside the per-process half " + local + split
                    + ": an rfc2022 kernel allocates them there, where each restricted PGD takes its process's own"
                    + " page tables", localOutside, Finding.NO_PAGE));
        }
        if (!globalOutside.isEmpty()) {
            out.report(new Finding(ID, Severity.INFO, globalOutside.size() + " globally non-sensitive vmalloc areas ("
                    + bytes[1] + " bytes) lie outside the global half " + global + split
                    + ": an rfc2022 kernel allocates them there, under the PGD entries every restricted space shares",
                    globalOutside, Finding.NO_PAGE));
        }
    }
}
