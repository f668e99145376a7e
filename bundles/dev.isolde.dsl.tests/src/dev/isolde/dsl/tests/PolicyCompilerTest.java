// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.isolde.dsl.compile.CompileException;
import dev.isolde.dsl.compile.PolicyCompiler;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.Hook;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.Pattern;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;

@ExtendWith(InjectionExtension.class)
@InjectWith(IsoldeInjectorProvider.class)
class PolicyCompilerTest {

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@TempDir
	Path dir;

	private PolicyFile load(Path file) {
		var rs = resourceSets.get();
		return (PolicyFile) rs.getResource(URI.createFileURI(file.toString()), true).getContents().get(0);
	}

	private static Path samples() {
		return Path.of(System.getProperty("isolde.samples", "../../samples")).toAbsolutePath();
	}

	@Test
	void compilesTheAsi2025SampleAsADenylist() throws Exception {
		PolicySpec spec = new PolicyCompiler().compile(load(samples().resolve("asi2025.asi")));
		assertEquals(AsiModel.ASI2025, spec.model());
		assertEquals(MemoryClass.GLOBAL_NONSENSITIVE, spec.defaultClass());
		assertTrue(spec.rules().stream().allMatch(r -> r.target() == MemoryClass.SENSITIVE));
		assertTrue(spec.asiClass("userspace").maps(dev.isolde.engine.policy.AsiClassSpec.MapItem.Target.GLOBAL));
		assertTrue(spec.classes().stream().noneMatch(c -> c.isKpti()));
	}

	/** Found by the policy fuzzer: `section "/x[/"` reached java.util.regex, which the validator had not checked. */
	@Test
	void aQuotedNameBetweenSlashesIsANameNotARegex(@TempDir Path tmp) throws Exception {
		Path file = tmp.resolve("p.asi");
		Files.writeString(file, "policy p for x86_64 paging 4 { global nonsensitive { section \"/x[/\", \"/a*/\" symbol /^b/ } }\n");
		List<Pattern> patterns = new PolicyCompiler().compile(load(file)).rules().stream()
				.flatMap(r -> r.patterns().stream()).toList();
		assertEquals(List.of(Pattern.Form.EXACT, Pattern.Form.GLOB, Pattern.Form.REGEX),
				patterns.stream().map(Pattern::form).toList());
		assertEquals(List.of("/x[/", "/a*/", "^b"), patterns.stream().map(Pattern::text).toList());
	}

	@Test
	void asi2025IsADenylistEvenWithoutADefaultLine(@TempDir Path tmp) throws Exception {
		Path file = tmp.resolve("p.asi");
		Files.writeString(file, "policy p for x86_64 paging 4 { model asi2025 sensitive { memory user } }\n");
		assertEquals(MemoryClass.GLOBAL_NONSENSITIVE, new PolicyCompiler().compile(load(file)).defaultClass());
	}

	@Test
	void theVmallocSplitIsTheKernelsDefaultUnlessThePolicyNamesOne(@TempDir Path tmp) throws Exception {
		Path file = tmp.resolve("p.asi");
		Files.writeString(file, "policy p for x86_64 paging 4 { }\n");
		assertEquals(50, new PolicyCompiler().compile(load(file)).vmallocLocalPercent());
		Files.writeString(file, "policy p for x86_64 paging 4 { vmalloc_local_nonsensitive_percent 0 }\n");
		assertEquals(0, new PolicyCompiler().compile(load(file)).vmallocLocalPercent(),
				"written as the kernel reads it; the engine clamps it as asi_vmalloc_init does");
	}

	@Test
	void compilesTheKvmHostSampleWithLocationsRationalesAndClasses() throws Exception {
		PolicySpec spec = new PolicyCompiler().compile(load(samples().resolve("kvm-host.asi")));
		assertEquals("kvm_host", spec.name());
		assertEquals(AsiModel.RFC2022, spec.model());
		assertEquals(MemoryClass.SENSITIVE, spec.defaultClass());
		RuleSpec symbols = spec.rules().stream().filter(r -> r.kind() == SelectorKind.SYMBOL
				&& r.target() == MemoryClass.GLOBAL_NONSENSITIVE).findFirst().orElseThrow();
		assertTrue(symbols.patterns().get(0).matches("jiffies"));
		assertTrue(symbols.patterns().get(2).matches("irq_stat_foo"), "glob irq_stat*");
		assertTrue(symbols.rationale().startsWith("read on every VM exit"));
		assertEquals("kvm-host.asi", symbols.loc().file());
		assertEquals("kvm-host.asi:" + symbols.loc().line(), symbols.id());
		RuleSpec guest = spec.rules().stream().filter(r -> r.kind() == SelectorKind.MEMORY
				&& r.perKind() == ContextKind.VM).findFirst().orElseThrow();
		assertEquals(MemoryClass.LOCAL_NONSENSITIVE, guest.target());
		assertTrue(spec.rules().stream().anyMatch(r -> r.target() == MemoryClass.SENSITIVE));
		var kvm = spec.asiClass("KVM");
		assertEquals(java.util.List.of(Hook.L1D_FLUSH, Hook.MDS_CLEAR, Hook.SIBLING_UNSTUN), kvm.onEnter());
		assertEquals(java.util.List.of(Hook.SIBLING_STUN), kvm.onExit());
		assertEquals(2, spec.contexts().size());
		assertEquals("KVM", spec.contexts().get(0).asiClass());
	}

	@Test
	void aSitePolicyIsLayeredOverWhatItImports() throws Exception {
		PolicySpec site = new PolicyCompiler().compile(load(samples().resolve("site.asi")));
		PolicySpec base = new PolicyCompiler().compile(load(samples().resolve("kvm-host.asi")));
		assertEquals("site", site.name());
		assertEquals(base.rules().size() + 1, site.rules().size());
		assertEquals(base.rules().get(0).id(), site.rules().get(0).id(), "base rules first");
		assertEquals(base.classes().size(), site.classes().size());
	}

	@Test
	void aNameAfterANonRegionMapIsAPositionedCompileError() throws Exception {
		Path f = dir.resolve("p.asi");
		Files.writeString(f, "policy p for x86_64 paging 4 { }\nasi class K per vm {\n  maps local foo\n}\n");
		CompileException e = assertThrows(CompileException.class, () -> new PolicyCompiler().compile(load(f)));
		assertTrue(e.getMessage().startsWith("p.asi:3:"), e.getMessage());
	}

	@Test
	void aContextThatUsesNoClassGetsNoInstance() throws Exception {
		Path f = dir.resolve("c.asi");
		Files.writeString(f, "policy p for x86_64 paging 5 { }\nprocess shell\n");
		PolicySpec spec = new PolicyCompiler().compile(load(f));
		assertEquals(5, spec.pagingLevels());
		assertTrue(spec.contexts().isEmpty(), spec.contexts()::toString);
	}
}
