// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.LinkedHashSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.isolde.dsl.IsoldeStandaloneSetup;
import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.compile.PolicyCompiler;
import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.compare.ModelComparison;
import dev.isolde.engine.compare.ModelComparison.ClassFigures;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Region;
import dev.isolde.engine.policy.ContextSpec;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.space.AddressSpace;
import dev.isolde.io.engine.Analysis;
import dev.isolde.io.engine.KernelImages;
import dev.isolde.model.Context;
import dev.isolde.model.ContextKind;
import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.MemoryKind;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.persist.ModelStore;

/**
 * The two sample policies, kvm-host.asi (rfc2022) and asi2025.asi, on the kernel imported from a real machine
 * (samples/machine.isolde), plus the user pages of one process: figures that must agree whatever the machine.
 */
class RealKernelComparisonTest {
	private static final long USER_PAGES = 0x00007f0000000000L;
	private static Analysis rfc;
	private static Analysis denylist;
	private static ModelComparison comparison;

	private static PolicySpec compile(PolicyChecker checker, String name) throws Exception {
		PolicyChecker.Result r = checker.check(Samples.dir().resolve(name));
		assertFalse(r.hasErrors(), () -> name + ": " + r.diagnostics());
		return new PolicyCompiler().compile(r.policyFile());
	}

	@BeforeAll
	static void analyse() throws Exception {
		PolicyChecker checker = new IsoldeStandaloneSetup().createInjectorAndDoEMFRegistration()
				.getInstance(PolicyChecker.class);
		PolicySpec a = compile(checker, "kvm-host.asi");
		PolicySpec b = compile(checker, "asi2025.asi");
		Machine machine = ModelStore.load(Samples.dir().resolve("machine.isolde"));
		// the import holds no process memory; give the shell the user pages a /proc/PID/maps line would add
		Context shell = IsoldeFactory.eINSTANCE.createContext();
		shell.setName("shell");
		shell.setKind(ContextKind.PROCESS);
		machine.getContexts().add(shell);
		MemoryObject pages = IsoldeFactory.eINSTANCE.createMemoryObject();
		pages.setName("shell_heap");
		pages.setKind(MemoryKind.USER);
		pages.setStart(USER_PAGES);
		pages.setSize(0x21000);
		pages.setOwner(shell);
		machine.getMemoryObjects().add(pages);
		Set<ContextSpec> contexts = new LinkedHashSet<>(a.contexts());
		contexts.addAll(b.contexts());
		KernelImage kernel = KernelImages.of(machine, new PolicySpec(a.name(), a.file(), a.model(), a.pagingLevels(),
				a.defaultClass(), a.rules(), a.classes(), java.util.List.copyOf(contexts)));
		rfc = Analysis.run(kernel, a);
		denylist = Analysis.run(kernel, b);
		comparison = ModelComparison.of(rfc.classification(), rfc.spaces(), denylist.classification(),
				denylist.spaces());
	}

	@Test
	void asi2025MapsAtLeastTheKernelImageTheRfcMaps() {
		Region text = rfc.kernel().region("kernel_text");
		for (String instance : new String[] { "guest1/KVM", "guest2/KVM" }) {
			AddressSpace before = rfc.spaces().instance(instance).space();
			AddressSpace after = denylist.spaces().instance(instance).space();
			long[] checked = new long[1];
			before.forEach((s, e, attr, phys) -> {
				if (text.encloses(s, e)) {
					assertTrue(after.covers(s, e), instance + " lost kernel image bytes at " + Long.toHexString(s));
					checked[0] += e - s;
				}
			});
			assertTrue(checked[0] > 0, "the RFC sample maps kernel text");
			assertTrue(after.covers(text.start(), text.end()), "asi2025 maps the whole kernel image");
		}
	}

	@Test
	void userPagesAreSensitiveUnderAsi2025AndMappedOnlyInTheirOwnUserspaceInstance() {
		KernelImage kernel = denylist.kernel();
		int pages = kernel.objectsNamed("shell_heap")[0];
		assertEquals(ClassKey.SENSITIVE, denylist.classification().classKey(pages));
		assertTrue(denylist.classification().provenance(pages).describe().contains("asi2025.asi"),
				denylist.classification().provenance(pages).describe());
		assertFalse(denylist.spaces().globalNonSensitive().contains(USER_PAGES));
		assertFalse(denylist.spaces().instance("guest1/KVM").space().contains(USER_PAGES));
		assertTrue(denylist.spaces().instance("shell/userspace").space().contains(USER_PAGES),
				"a process's restricted space keeps its own user half");
	}

	@Test
	void objectsChangingSideAreConsistentWithTheClassTotals() {
		long mappedA = 0;
		long mappedB = 0;
		int objectsA = 0;
		int objectsB = 0;
		for (ClassFigures f : comparison.classes()) {
			if (f.classKey() != ClassKey.SENSITIVE) {
				mappedA += f.bytesA();
				mappedB += f.bytesB();
				objectsA += f.objectsA();
				objectsB += f.objectsB();
			}
		}
		assertEquals(mappedB - mappedA, comparison.changedBytes(true) - comparison.changedBytes(false));
		assertEquals(objectsB - objectsA, comparison.changedSides(true) - comparison.changedSides(false));
		assertTrue(comparison.changedSides(true) > 0, "the denylist maps objects the allowlist kept out");
		assertEquals(rfc.kernel().objectCount(), comparison.classes().stream().mapToInt(ClassFigures::objectsB).sum());
	}

	@Test
	void theDenylistMapsMoreOfEveryVmInstanceAndTheUserspaceClassReplacesKpti() {
		for (String instance : new String[] { "guest1/KVM", "guest2/KVM" }) {
			var f = comparison.instance(instance);
			assertTrue(f.bytesB() >= f.bytesA() && f.objectsB() >= f.objectsA(), f.toString());
		}
		assertEquals(-1, comparison.instance("shell/userspace").bytesA(), "kvm-host.asi has no userspace class");
		assertTrue(denylist.spaces().problems().isEmpty(), denylist.spaces().problems()::toString);
		assertEquals(ClassKey.GLOBAL,
				denylist.classification().regionClassKey(denylist.kernel().regionIndex("direct_map")));
		assertEquals(ClassKey.SENSITIVE, rfc.classification().regionClassKey(rfc.kernel().regionIndex("direct_map")));
	}
}
