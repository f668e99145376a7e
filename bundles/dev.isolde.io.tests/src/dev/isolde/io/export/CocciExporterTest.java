// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.ContextSpec;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.Pattern;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;
import dev.isolde.engine.policy.SourceLocation;

class CocciExporterTest {

	private static final long DATA = 0xffffffff82000000L;

	private static Classification classify(String staticName) {
		KernelImage.Builder b = KernelImage.builder();
		int vm = b.addContext("vm1", ContextKind.VM);
		b.addObject("jiffies_64", ObjectKind.STATIC_DATA, DATA, 8, ".data", null, -1, -1);
		b.addObject("x", ObjectKind.STATIC_DATA, DATA + 0x40, 4, ".data..read_mostly", null, -1, -1);
		b.addObject("secret_key", ObjectKind.STATIC_DATA, DATA + 0x80, 4, ".data", null, -1, -1);
		b.addObject(staticName, ObjectKind.BSS, DATA + 0x100, 4, ".bss", null, -1, -1);
		b.addObject("cpu_number", ObjectKind.PERCPU, DATA + 0x1000, 4, ".data..percpu", null, -1, -1);
		b.addOwnedObject("kvm_vcpu", ObjectKind.SLAB_CACHE, 0xffff888000100000L, 0x1000, vm);
		b.addObject("alloc_vmcs_page", ObjectKind.PAGE_ALLOC, 0xffff888000200000L, 0x1000);
		b.addObject("vmx_alloc_state", ObjectKind.PAGE_ALLOC, 0xffff888000300000L, 0x1000);
		b.addObject("kmalloc-64", ObjectKind.SLAB_CACHE, 0xffff888000400000L, 0x1000);
		b.addObject("bpf_prog_alloc", ObjectKind.VMALLOC, 0xffffc90000010000L, 0x2000);
		b.addObject("bpf_jit_alloc_exec", ObjectKind.VMALLOC, 0xffffc90000020000L, 0x2000);
		b.addOwnedObject("kvm_vcpu_pages", ObjectKind.VMALLOC, 0xffffc90000030000L, 0x2000, vm);
		MemoryClass g = MemoryClass.GLOBAL_NONSENSITIVE;
		List<RuleSpec> rules = List.of(rule("statics", 3, g, null, SelectorKind.SYMBOL, "jiffies_64", "x", staticName),
				rule("percpu", 4, g, null, SelectorKind.PERCPU, "cpu_number"),
				rule("vcpu", 5, MemoryClass.LOCAL_NONSENSITIVE, ContextKind.VM, SelectorKind.SLAB, "kvm_vcpu"),
				rule("pages", 6, g, null, SelectorKind.ALLOC, "alloc_vmcs_page", "vmx_alloc_state"),
				rule("bpf", 7, g, null, SelectorKind.VMALLOC, "bpf_prog_alloc", "bpf_jit_alloc_exec"),
				rule("vcpu_pages", 8, MemoryClass.LOCAL_NONSENSITIVE, ContextKind.VM, SelectorKind.VMALLOC,
						"kvm_vcpu_pages"),
				rule("kmalloc", 9, g, null, SelectorKind.SLAB, "kmalloc-64"));
		PolicySpec policy = new PolicySpec("kvm_host", "kvm.isolde", AsiModel.RFC2022, 4, MemoryClass.SENSITIVE, rules,
				List.of(new AsiClassSpec("KVM", ContextKind.VM, List.of(), List.of(), List.of(), Map.of(), null)),
				List.of(new ContextSpec("vm1", ContextKind.VM, "KVM")));
		return new Classifier(b.build()).classify(policy);
	}

	private static RuleSpec rule(String id, int line, MemoryClass target, ContextKind per, SelectorKind kind,
			String... names) {
		return new RuleSpec(id, new SourceLocation("kvm.isolde", line, 3), target, per, kind,
				java.util.Arrays.stream(names).map(Pattern::exact).toList(), List.of(), null);
	}

	@Test
	void spatchAnnotatesEveryMechanismAndLeavesSensitiveCodeAlone(@TempDir Path dir) throws Exception {
		Path cocci = dir.resolve("asi.cocci");
		new CocciExporter().export(classify("unused_bss"), cocci);
		Path in = dir.resolve("asi.c");
		Files.copy(Path.of("resources", "cocci", "asi.c"), in);
		Path out = dir.resolve("out.c");
		Process p;
		try {
			p = new ProcessBuilder("spatch", "--very-quiet", "--sp-file", cocci.toString(), in.toString(), "-o",
					out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("spatch.log").toFile()).start();
		} catch (IOException e) {
			throw new AssertionError("spatch (Debian package coccinelle) is required for this test: " + e.getMessage(), e);
		}
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "spatch timed out");
		assertEquals(0, p.exitValue(), () -> "spatch failed: " + read(dir.resolve("spatch.log")));
		assertEquals(read(Path.of("resources", "cocci", "asi.expected.c")), read(out),
				() -> "semantic patch:\n" + read(cocci));
	}

	@Test
	void kmallocCachesAreExplainedAndServedThroughTheNamedCallSites() throws Exception {
		String patch = new CocciExporter().toSmpl(classify("unused_bss"));
		assertTrue(patch.contains("// kmalloc caches made non-sensitive (__GFP_GLOBAL_NONSENSITIVE): kmalloc-64\n"), patch);
		assertTrue(patch.contains("get it below: alloc_vmcs_page, vmx_alloc_state"), patch);
		assertFalse(patch.contains("\"kmalloc-64\""), "no kmem_cache_create rule for an allocator cache:\n" + patch);
		assertEquals(null, CocciExporter.kmallocWithoutCallSites(classify("unused_bss")));
	}

	@Test
	void kmallocCachesWithoutNamedCallSitesGetACommentAndANote() throws Exception {
		KernelImage.Builder b = KernelImage.builder();
		b.addObject("kmalloc-64", ObjectKind.SLAB_CACHE, 0xffff888000400000L, 0x1000);
		b.addObject("kmalloc-cg-1k", ObjectKind.SLAB_CACHE, 0xffff888000500000L, 0x1000);
		b.addObject("kmalloc_buckets", ObjectKind.SLAB_CACHE, 0xffff888000600000L, 0x1000);
		PolicySpec policy = new PolicySpec("p", "p.isolde", AsiModel.RFC2022, 4, MemoryClass.SENSITIVE,
				List.of(rule("k", 2, MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.SLAB, "kmalloc-64",
						"kmalloc-cg-1k", "kmalloc_buckets")),
				List.of(), List.of());
		Classification c = new Classifier(b.build()).classify(policy);
		String patch = new CocciExporter().toSmpl(c);
		assertTrue(patch.contains("): kmalloc-64, kmalloc-cg-1k\n"), patch);
		assertTrue(patch.contains("The policy names no call sites"), patch);
		// kmalloc_buckets is an ordinary cache made by kmem_cache_create
		assertTrue(patch.contains("kmem_cache_create(\"kmalloc_buckets\""), patch);
		assertTrue(CocciExporter.kmallocWithoutCallSites(c).startsWith("2 kmalloc caches"));
	}

	@Test
	void hostileNamesAreRejectedWithTheRuleLocation() {
		for (String hostile : List.of("a\"b", "a\nb", "@@", "x */", "int")) {
			ExportException e = assertThrows(ExportException.class,
					() -> new CocciExporter().toSmpl(classify(hostile)));
			assertTrue(e.getMessage().contains("rule statics at kvm.isolde:3"), e.getMessage());
			assertFalse(e.getMessage().contains("\n"), e.getMessage());
		}
	}

	@Test
	void exportReplacesAnExistingFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
		Path cocci = dir.resolve("asi.cocci");
		Files.writeString(cocci, "old");
		new CocciExporter().export(classify("unused_bss"), cocci);
		assertTrue(read(cocci).contains("__asi_not_sensitive"));
		try (var files = Files.list(dir)) {
			assertEquals(List.of(cocci), files.toList());
		}
	}

	private static String read(Path p) {
		try {
			return Files.readString(p);
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}
}
