// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.bench;

import dev.isolde.engine.kernel.Context;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Layout;
import dev.isolde.engine.kernel.MachineFacts;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.ContextSpec;
import dev.isolde.engine.policy.Hook;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic generator of large synthetic machines for benchmarks and performance tests: a kernel image with
 * many symbols laid out like vmlinux, slab pages in the direct map, and VMs whose guest memory and KVM structures are
 * interleaved page by page across the direct map, as the buddy allocator would hand them out.
 */
public final class SyntheticMachine {
    /** The x86-64 4-level layout without KASLR, phys_base 0 (Documentation/arch/x86/x86_64/mm.rst). */
    public static final Layout LAYOUT = Layout.x86_64(4, 0);
    /** Where vmlinux's _text starts: __START_KERNEL_map + 16 MiB (CONFIG_PHYSICAL_START default). */
    public static final long TEXT_START = 0xffffffff81000000L;
    /** Start of the vmalloc area for 4-level paging (mm.rst). */
    public static final long VMALLOC_START = 0xffffc90000000000L;
    /** Start of the cpu_entry_area (mm.rst). */
    public static final long CPU_ENTRY_AREA = 0xfffffe0000000000L;
    /** Start of the module mapping space (mm.rst). */
    public static final long MODULES_START = 0xffffffffa0000000L;
    /** The fixmap: ffffffffff5xxxxx in mm.rst; its exact size depends on the config. */
    public static final long FIXMAP_START = 0xffffffffff578000L;
    private static final long GIB = 1L << 30;
    private static final String[] PREFIXES = {"kvm_", "irq_", "sched_", "tcp_", "ext4_", "mm_", "vfs_", "x86_",
        "rcu_", "bpf_", "dev_", "pci_"};
    private static final String[] SLABS = {"kmalloc-64", "kmalloc-128", "kmalloc-cg-64", "kmalloc-1k", "dentry",
        "inode_cache", "task_struct", "mm_struct", "filp", "buffer_head"};

    private SyntheticMachine() {
    }

    /**
     * Builds a machine.
     *
     * @param symbols number of vmlinux symbols
     * @param vms number of VM contexts
     * @param objectsPerVm local objects per VM (guest memory chunks and KVM slab pages), 28 KiB each
     * @param directMapBytes size of the direct map; VM memory starts 2 GiB in
     */
    public static KernelImage build(int symbols, int vms, int objectsPerVm, long directMapBytes, long seed) {
        Random random = new Random(seed);
        KernelImage.Builder b = KernelImage.builder().layout(LAYOUT)
                .facts(new MachineFacts(4, 64, true, Set.of("l1tf", "mds", "spectre_v2")));
        long directMap = LAYOUT.directMapStart();
        b.addRegion("direct_map", directMap, directMap + directMapBytes);
        b.addRegion("vmalloc", VMALLOC_START, VMALLOC_START + (32L << 40));
        b.addRegion("cpu_entry_area", CPU_ENTRY_AREA, CPU_ENTRY_AREA + (1L << 39));
        b.addRegion("modules", MODULES_START, 0xffffffffff000000L);
        b.addRegion("fixmap", FIXMAP_START, 0xffffffffff600000L);
        long end = addSymbols(b, symbols, random);
        b.addRegion("kernel_text", TEXT_START, end);
        b.addRegion("entry_text", TEXT_START, TEXT_START + 0x2000);
        addSlabPages(b, directMap + GIB, 4096);
        addVms(b, vms, objectsPerVm, directMap + 2 * GIB, directMap + directMapBytes);
        return b.build();
    }

    private static long addSymbols(KernelImage.Builder b, int symbols, Random random) {
        long va = TEXT_START;
        // vmlinux order: .text, .rodata, .data (with the ASI section), .data..percpu, .bss
        int text = symbols * 60 / 100;
        int rodata = symbols * 10 / 100;
        int data = symbols * 15 / 100;
        int percpu = symbols * 5 / 100;
        int bss = symbols - text - rodata - data - percpu;
        va = addRun(b, "t", ObjectKind.TEXT, ".text", text, va, 16, 2048, random);
        va = align(va, 1 << 21);
        va = addRun(b, "r", ObjectKind.RODATA, ".rodata", rodata, va, 8, 512, random);
        va = align(va, 1 << 21);
        b.addObject("jiffies_64", ObjectKind.STATIC_DATA, va, 8, ".data", null, -1, -1);
        b.addObject("jiffies", ObjectKind.STATIC_DATA, va, 8, ".data", null, -1, -1);
        va = addRun(b, "d", ObjectKind.STATIC_DATA, ".data", data - 2, va + 8, 8, 256, random);
        va = align(va, 4096);
        va = addRun(b, "a", ObjectKind.STATIC_DATA, ".data..asi_non_sensitive", Math.max(1, data / 50), va, 8, 64,
                random);
        va = align(va, 4096);
        b.addObject("current_task", ObjectKind.PERCPU, va, 8, ".data..percpu", null, -1, -1);
        b.addObject("cpu_number", ObjectKind.PERCPU, va + 8, 4, ".data..percpu", null, -1, -1);
        b.addObject("irq_stat", ObjectKind.PERCPU, va + 64, 64, ".data..percpu", null, -1, -1);
        va = addRun(b, "p", ObjectKind.PERCPU, ".data..percpu", percpu - 3, va + 128, 8, 128, random);
        va = align(va, 4096);
        return addRun(b, "b", ObjectKind.BSS, ".bss", bss, va, 8, 512, random);
    }

    private static long addRun(KernelImage.Builder b, String tag, ObjectKind kind, String section, int count,
            long va, int minSize, int maxSize, Random random) {
        for (int i = 0; i < count; i++) {
            int size = align(minSize + random.nextInt(maxSize - minSize + 1), minSize);
            // Roughly one symbol in 200 shares its name with another static symbol in a different file.
            String name = i % 200 == 7 ? "__key" : PREFIXES[i % PREFIXES.length] + tag + i;
            b.addObject(name, kind, va, size, section, null, -1, -1);
            va += size;
        }
        return va;
    }

    private static void addSlabPages(KernelImage.Builder b, long va, int pages) {
        for (int i = 0; i < pages; i++) {
            b.addObject(SLABS[i % SLABS.length], ObjectKind.SLAB_CACHE, va + i * (256L << 10), 256L << 10);
        }
    }

    private static void addVms(KernelImage.Builder b, int vms, int objectsPerVm, long from, long limit) {
        int[] ctx = new int[vms];
        for (int v = 0; v < vms; v++) {
            ctx[v] = b.addContext("vm" + v, ContextKind.VM);
        }
        long size = 28L << 10;
        if (Long.compareUnsigned(from + (long) vms * objectsPerVm * size, limit) > 0) {
            throw new IllegalArgumentException("the direct map is too small for the VMs");
        }
        long va = from;
        for (int j = 0; j < objectsPerVm; j++) {
            // guest memory stays at its direct-map address under rfc2022 (owned slabs would move to the ASI local
            // map), so the VMs' chunks interleave in the direct map as the page-table and map pictures need
            String name = "guest_memory";
            ObjectKind kind = ObjectKind.GUEST;
            for (int v = 0; v < vms; v++) {
                b.addOwnedObject(name, kind, va, size, ctx[v]);
                va += size;
            }
        }
    }

    private static long align(long va, long alignment) {
        return (va + alignment - 1) & -alignment;
    }

    private static int align(int v, int alignment) {
        return (v + alignment - 1) / alignment * alignment;
    }

    /** The DESIGN §7 example policy, widened to a few dozen rules, with a KVM instance per VM of {@code kernel}. */
    public static PolicySpec kvmPolicy(KernelImage kernel) {
        List<RuleSpec> rules = new ArrayList<>();
        MemoryClass g = MemoryClass.GLOBAL_NONSENSITIVE;
        rules.add(RuleSpec.of("g-symbols", g, null, SelectorKind.SYMBOL, "jiffies", "jiffies_64", "irq_stat*"));
        rules.add(RuleSpec.of("g-asi-section", g, null, SelectorKind.SECTION, ".data..asi_non_sensitive"));
        rules.add(RuleSpec.of("g-percpu", g, null, SelectorKind.PERCPU, "current_task", "cpu_number"));
        rules.add(RuleSpec.of("g-regions", g, null, SelectorKind.REGION, "kernel_text", "cpu_entry_area", "fixmap"));
        rules.add(RuleSpec.of("g-kmalloc", g, null, SelectorKind.SLAB, "kmalloc-*").withExcepts("kmalloc-cg-*"));
        for (int i = 0; i < PREFIXES.length; i++) {
            rules.add(RuleSpec.of("g-data-" + i, g, null, SelectorKind.SYMBOL, PREFIXES[i] + "d1?"));
        }
        for (int i = 0; i < 10; i++) {
            rules.add(RuleSpec.of("g-exact-" + i, g, null, SelectorKind.SYMBOL, "kvm_d" + (i * 12), "irq_b" + (i * 12 + 1),
                    "sched_p" + (i * 12 + 2)));
        }
        rules.add(RuleSpec.of("g-regex", g, null, SelectorKind.SYMBOL, "/^rcu_r[0-9]+0$/"));
        rules.add(RuleSpec.of("s-task", MemoryClass.SENSITIVE, null, SelectorKind.SLAB, "task_struct", "mm_struct"));
        rules.add(RuleSpec.of("l-kvm", MemoryClass.LOCAL_NONSENSITIVE, ContextKind.VM,
                SelectorKind.SLAB, "kvm_vcpu", "kvm_mmu_page_header"));
        rules.add(RuleSpec.of("l-guest", MemoryClass.LOCAL_NONSENSITIVE, ContextKind.VM,
                SelectorKind.MEMORY, "guest"));
        AsiClassSpec kvm = new AsiClassSpec("KVM", ContextKind.VM, List.of("global", "local"),
                List.of(Hook.L1D_FLUSH, Hook.MDS_CLEAR, Hook.SIBLING_UNSTUN), List.of(Hook.SIBLING_STUN), Map.of(),
                null);
        List<ContextSpec> contexts = new ArrayList<>();
        for (Context c : kernel.contexts()) {
            contexts.add(new ContextSpec(c.name(), c.kind(), "KVM"));
        }
        return new PolicySpec("kvm_host", "synthetic.isolde", AsiModel.RFC2022, 4, MemoryClass.SENSITIVE, rules,
                List.of(kvm), contexts);
    }
}
