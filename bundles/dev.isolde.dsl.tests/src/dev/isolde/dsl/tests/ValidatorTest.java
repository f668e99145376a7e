// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import static dev.isolde.dsl.validation.IsoldeValidator.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.isolde.dsl.check.Diagnostic;
import dev.isolde.dsl.check.PolicyChecker;
import dev.isolde.dsl.isolde.IsoldePackage.Literals;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.scoping.ConfinedImportUriResolver;

@ExtendWith(InjectionExtension.class)
@InjectWith(IsoldeInjectorProvider.class)
class ValidatorTest {

	@Inject
	private ParseHelper<PolicyFile> parser;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private PolicyChecker checker;

	@TempDir
	Path dir;

	/** Parses {@code text} as {@code dir/policy.asi}, so relative kernel paths resolve in the temp dir. */
	private PolicyFile parse(String text) throws Exception {
		PolicyFile file = parser.parse(text, URI.createFileURI(dir.resolve("policy.asi").toString()), resourceSets.get());
		assertTrue(file.eResource().getErrors().isEmpty(), () -> file.eResource().getErrors().toString());
		return file;
	}

	private static String policy(String body) {
		return "policy p for x86_64 paging 4 {\n" + body + "\n}\n";
	}

	// --- models ---

	@Test
	void defaultNonsensitiveContradictsTheRfc2022Allowlist() throws Exception {
		validation.assertError(parse(policy("model rfc2022 default nonsensitive")), Literals.POLICY,
				DEFAULT_NONSENSITIVE_IN_RFC2022, "sensitive by default");
		validation.assertError(parse(policy("default nonsensitive")), Literals.POLICY, DEFAULT_NONSENSITIVE_IN_RFC2022);
	}

	@Test
	void defaultNonsensitiveIsTheAsi2025Denylist() throws Exception {
		validation.assertNoIssues(parse(policy("model asi2025 default nonsensitive")));
		validation.assertNoIssues(parse(policy("model rfc2022 default sensitive")));
	}

	@Test
	void defaultSensitiveContradictsAsi2025() throws Exception {
		validation.assertError(parse(policy("model asi2025 default sensitive")), Literals.POLICY,
				DEFAULT_SENSITIVE_IN_ASI2025, "asi2025 is a denylist: default nonsensitive");
		validation.assertNoIssues(parse(policy("model asi2025")));
	}

	@Test
	void localNonsensitiveExistsOnlyInRfc2022() throws Exception {
		String local = "local nonsensitive per vm { memory guest }";
		validation.assertError(parse(policy("model asi2025 " + local)), Literals.LOCAL_BLOCK, LOCAL_BLOCK_IN_ASI2025,
				"local nonsensitive exists only in model rfc2022 (the 2022 RFC); the 2024–25 series dropped it");
		validation.assertNoIssues(parse(policy("model rfc2022 " + local)));
	}

	@Test
	void taintPoliciesExistOnlyInAsi2025() throws Exception {
		String cls = """
				asi class KVM per vm {
				  maps global
				  taints guest_data, guest_control
				  policy protect_data user_data, other_mm_data prevent_control user_control
				  flush data with l1d_flush
				}
				""";
		PolicyFile rfc = parse(policy("model rfc2022") + cls);
		validation.assertError(rfc, Literals.TAINTS, ASI2025_MEMBER_IN_RFC2022, "'taints' exists only in model asi2025");
		validation.assertError(rfc, Literals.TAINT_POLICY, ASI2025_MEMBER_IN_RFC2022);
		validation.assertError(rfc, Literals.FLUSH, ASI2025_MEMBER_IN_RFC2022);
		validation.assertNoIssues(parse(policy("model asi2025") + cls));
	}

	@Test
	void globalNonsensitiveExistsOnlyInRfc2022() throws Exception {
		String global = "global nonsensitive { symbol jiffies }";
		validation.assertError(parse(policy("model asi2025 " + global)), Literals.GLOBAL_BLOCK, GLOBAL_BLOCK_IN_ASI2025,
				"global nonsensitive exists only in model rfc2022");
		validation.assertNoIssues(parse(policy("model rfc2022 " + global)));
	}

	@Test
	void theVmallocSplitExistsOnlyInRfc2022AndIsClampedLikeTheKernelDoes() throws Exception {
		validation.assertError(parse(policy("model asi2025 vmalloc_local_nonsensitive_percent 30")), Literals.POLICY,
				VMALLOC_SPLIT_IN_ASI2025, "vmalloc_local_nonsensitive_percent splits vmalloc space for the local");
		validation.assertNoIssues(parse(policy("model rfc2022 vmalloc_local_nonsensitive_percent 30")));
		validation.assertWarning(parse(policy("vmalloc_local_nonsensitive_percent 0")), Literals.POLICY,
				VMALLOC_SPLIT_CLAMPED, "the kernel takes vmalloc_local_nonsensitive_percent 0 as 1");
		validation.assertWarning(parse(policy("vmalloc_local_nonsensitive_percent 100")), Literals.POLICY,
				VMALLOC_SPLIT_CLAMPED, "takes vmalloc_local_nonsensitive_percent 100 as 99");
	}

	@Test
	void rfcLimitsExistOnlyInRfc2022() throws Exception {
		validation.assertError(parse(policy("model asi2025 rfc_limits")), Literals.POLICY, RFC_LIMITS_IN_ASI2025,
				"rfc_limits are the limits of model rfc2022");
		validation.assertNoIssues(parse(policy("model rfc2022 rfc_limits")));
	}

	@Test
	void asi2025MarksPageAllocationsNotTheKernelImageSensitive() throws Exception {
		for (String kind : List.of("symbol jiffies", "section \".data\"", "percpu current_task", "region fixmap",
				"stack kernel")) {
			PolicyFile file = parse(policy("model asi2025 sensitive { " + kind + " }"));
			validation.assertError(file, Literals.RULE, KERNEL_IMAGE_SENSITIVE_IN_ASI2025, "exists only in model rfc2022");
			validation.assertNoIssues(parse(policy("model rfc2022 sensitive { " + kind + " }")));
		}
		validation.assertNoIssues(parse(policy("""
				model asi2025
				sensitive {
				  memory user, guest, pagecache
				  alloc "alloc_pages_sensitive*"
				  slab kvm_vcpu
				  vmalloc bpf_prog_alloc
				}""")));
	}

	@Test
	void memorySelectsUserGuestOrPageCache() throws Exception {
		validation.assertError(parse(policy("model asi2025 sensitive { memory userspace }")), Literals.RULE,
				UNKNOWN_MEMORY, "memory userspace selects nothing: memory is one of user, guest, pagecache");
		validation.assertNoIssues(parse(policy("model asi2025 sensitive { memory \"*\" }")));
	}

	@Test
	void mapsLocalExistsOnlyInRfc2022() throws Exception {
		String cls = "asi class KVM per vm { maps global, local }";
		validation.assertError(parse(policy("model asi2025") + cls), Literals.MAP_ITEM, MAPS_LOCAL_IN_ASI2025,
				"maps local exists only in model rfc2022");
		validation.assertNoIssues(parse(policy("model rfc2022") + cls));
	}

	@Test
	void hooksExistOnlyInRfc2022() throws Exception {
		String cls = "asi class KVM per vm { maps global on enter l1d_flush on exit sibling_stun }";
		PolicyFile file = parse(policy("model asi2025") + cls);
		validation.assertError(file, Literals.ENTER_HOOKS, HOOKS_IN_ASI2025, "'on enter' hooks exist only in model rfc2022");
		validation.assertError(file, Literals.EXIT_HOOKS, HOOKS_IN_ASI2025, "'on exit' hooks exist only in model rfc2022");
		validation.assertNoIssues(parse(policy("model rfc2022") + cls));
	}

	@Test
	void kptiIsOffUnderAsi2025() throws Exception {
		String kpti = "asi class KPTI per process { maps user, region cpu_entry_area }";
		validation.assertError(parse(policy("model asi2025") + kpti), Literals.ASI_CLASS_DECL, KPTI_IN_ASI2025,
				"class KPTI is KPTI, which exists only in model rfc2022: asi2025 turns PTI off");
		// a per-process class that maps no global memory is KPTI whatever its name
		validation.assertError(parse(policy("model asi2025") + "asi class isolated per process { maps user }"),
				Literals.ASI_CLASS_DECL, KPTI_IN_ASI2025);
		validation.assertNoIssues(parse(policy("model rfc2022") + kpti));
		validation.assertNoIssues(parse(policy("model asi2025") + "asi class userspace per process { maps global, user }"));
	}

	// --- claims, overrides, shadowing ---

	@Test
	void oneNameClaimedByGlobalAndLocalIsAnError() throws Exception {
		PolicyFile file = parse("""
				policy p for x86_64 paging 4 {
				  global nonsensitive {
				    region kernel_text
				    symbol jiffies
				  }
				  local nonsensitive per vm {
				    slab kvm_vcpu
				    symbol jiffies
				  }
				}
				""");
		validation.assertError(file, Literals.RULE, CONFLICTING_CLAIM,
				"symbol jiffies is claimed by global nonsensitive (line 4) and local nonsensitive per vm (line 8)");
	}

	@Test
	void sameNameUnderDifferentSelectorKindsIsNoConflict() throws Exception {
		validation.assertNoIssues(parse(policy("""
				global nonsensitive { symbol jiffies }
				local nonsensitive per vm { slab jiffies }
				""")));
	}

	@Test
	void sensitiveMayCarveAnExceptionOutOfAGlob() throws Exception {
		validation.assertNoIssues(parse(policy("""
				global nonsensitive { symbol "jiff*" }
				sensitive { symbol jiffies }
				""")));
	}

	@Test
	void sensitiveOverridingAnExactNameIsAWarning() throws Exception {
		PolicyFile file = parse(policy("""
				global nonsensitive { symbol jiffies }
				sensitive { symbol jiffies }
				"""));
		validation.assertWarning(file, Literals.RULE, SENSITIVE_OVERRIDES_EXACT,
				"sensitive symbol jiffies overrides the exact name in global nonsensitive (line 2)");
		validation.assertNoError(file, CONFLICTING_CLAIM);
	}

	@Test
	void ruleCoveredByAnEarlierGlobIsShadowed() throws Exception {
		validation.assertWarning(parse(policy("""
				global nonsensitive {
				  symbol "jiff*", cpu_number
				  symbol jiffies_64, /^irq/
				  symbol irq_stat, jiffies
				}
				""")), Literals.RULE, SHADOWED_RULE, "irq_stat by /^irq/ (line 4)", "jiffies by jiff* (line 3)");
	}

	@Test
	void ruleWithOneNewNameOrAnExceptedNameIsNotShadowed() throws Exception {
		validation.assertNoIssues(parse(policy("""
				global nonsensitive {
				  symbol jiffies
				  symbol jiffies, jiffies_64
				  slab "kmalloc-*" except "kmalloc-cg-*"
				  slab "kmalloc-cg-64"
				}
				""")));
	}

	// --- kernel model ---

	@Test
	void missingKernelModelIsOneWarningAndSkipsKernelChecks() throws Exception {
		PolicyFile file = parse("kernel \"machine.isolde\"\n" + policy("global nonsensitive { symbol no_such_symbol }"));
		List<Issue> issues = validation.validate(file);
		assertEquals(1, issues.size(), issues::toString);
		validation.assertWarning(file, Literals.KERNEL_REF, KERNEL_MODEL_NOT_FOUND, "kernel model not found: ",
				"machine.isolde");
	}

	@Test
	void unreadableKernelModelIsAnError() throws Exception {
		Files.writeString(dir.resolve("machine.isolde"), "not xml");
		validation.assertError(parse("kernel \"machine.isolde\"\n" + policy("")), Literals.KERNEL_REF,
				KERNEL_MODEL_UNREADABLE, "machine.isolde");
	}

	@Test
	void selectorMatchingNothingInTheKernelIsAWarning() throws Exception {
		SmallMachine.write(dir);
		PolicyFile file = parse("kernel \"machine.isolde\"\n" + policy("""
				global nonsensitive {
				  symbol jiffies, no_such_symbol
				}
				"""));
		validation.assertWarning(file, Literals.RULE, SELECTOR_MATCHES_NOTHING,
				"selector no_such_symbol matches nothing in machine.isolde");
		assertEquals(1, validation.validate(file).size());
	}

	@Test
	void selectorsMatchingTheKernelRaiseNothing() throws Exception {
		SmallMachine.write(dir);
		validation.assertNoIssues(parse("kernel \"machine.isolde\"\n" + policy("""
				global nonsensitive {
				  symbol jiffies, "jiffies_*", /^irq_st/
				  percpu current_task
				  slab "kmalloc-*" except "kmalloc-cg-*"
				  region cpu_entry_area
				  section ".data..once"
				}
				""")));
	}

	@Test
	void vmClassWithoutL1dFlushOnAnL1tfCpuIsAWarning() throws Exception {
		SmallMachine.write(dir, "l1tf", "mds");
		PolicyFile file = parse("""
				kernel "machine.isolde"
				asi class KVM per vm {
				  maps global, local
				  on enter mds_clear, sibling_unstun
				}
				""");
		validation.assertWarning(file, Literals.ASI_CLASS_DECL, MISSING_MITIGATION_HOOK, "affected by l1tf",
				"without l1d_flush");
		assertEquals(1, validation.validate(file).size());
	}

	@Test
	void vmClassWithBothFlushesOrAnUnaffectedCpuRaisesNothing() throws Exception {
		String kvm = """
				kernel "machine.isolde"
				asi class KVM per vm {
				  maps global, local
				  on enter l1d_flush, mds_clear
				}
				asi class KPTI per process { maps user }
				""";
		SmallMachine.write(dir, "l1tf", "mds");
		validation.assertNoIssues(parse(kvm));
		SmallMachine.write(dir);
		validation.assertNoIssues(parse(kvm.replace("l1d_flush, mds_clear", "sibling_unstun")));
	}

	// --- whose memory ---

	@Test
	void localBlockMustNotMapAnotherContextsMemory() throws Exception {
		PolicyFile file = parse(policy("""
				local nonsensitive per vm { memory user }
				local nonsensitive per process { memory guest }
				"""));
		validation.assertError(file, Literals.RULE, FOREIGN_CONTEXT_MEMORY, "memory user belongs to a process");
		validation.assertError(file, Literals.RULE, FOREIGN_CONTEXT_MEMORY, "memory guest belongs to a vm");
	}

	@Test
	void localBlockMayMapItsOwnContextsMemory() throws Exception {
		validation.assertNoIssues(parse(policy("""
				local nonsensitive per vm { memory guest stack kernel }
				local nonsensitive per process { memory user stack kernel }
				""")));
	}

	@Test
	void globalBlockMustNotMapContextMemoryOrStacks() throws Exception {
		PolicyFile file = parse(policy("global nonsensitive { memory guest\n stack kernel }"));
		validation.assertError(file, Literals.RULE, CONTEXT_MEMORY_IN_GLOBAL, "memory guest belongs to one context");
		validation.assertError(file, Literals.RULE, CONTEXT_MEMORY_IN_GLOBAL, "stack kernel belongs to one context");
	}

	// --- rfc_limits ---

	@Test
	void rfcLimitsAllowOneClassPerContext() throws Exception {
		String text = policy("rfc_limits") + """
				asi class KVM per vm { maps global }
				asi class KVM2 per vm { maps local }
				asi class KPTI per process { maps user }
				vm guest1 uses KVM, KVM2
				""";
		validation.assertError(parse(text), Literals.CONTEXT_DECL, RFC_LIMIT_CLASSES_PER_CONTEXT,
				"vm guest1 uses KVM and KVM2, both per vm");
		validation.assertNoIssues(parse(text.replace("rfc_limits", "")));
		validation.assertNoIssues(parse(text.replace("KVM, KVM2", "KVM, KPTI")));
	}

	@Test
	void rfcLimitsAllowAtMostFourClasses() throws Exception {
		String four = policy("rfc_limits") + """
				asi class A per vm { maps global }
				asi class B per vm { maps global }
				asi class C per vm { maps global }
				asi class D per vm { maps global }
				""";
		validation.assertNoIssues(parse(four));
		validation.assertError(parse(four + "asi class E per vm { maps global }"), Literals.POLICY,
				RFC_LIMIT_CLASS_COUNT, "5 ASI classes", "ASI_MAX_NUM");
	}

	// --- regexes, hooks, names, imports ---

	@Test
	void invalidRegexIsAnErrorWithTheRegexMessage() throws Exception {
		validation.assertError(parse(policy("global nonsensitive { symbol /^irq(/ }")), Literals.PATTERN, INVALID_REGEX,
				"invalid regular expression: Unclosed group");
		validation.assertNoIssues(parse(policy("global nonsensitive { symbol /^irq(_stat)?$/ }")));
	}

	@Test
	void regexThatBacktracksWithoutBoundIsAnErrorNotAHang() throws Exception {
		SmallMachine.write(dir);
		// java.util.regex needs 2^31 steps for this on the 32-character syscall name
		PolicyFile file = parse("kernel \"machine.isolde\"\n" + policy("global nonsensitive { symbol /^(\\w+?)+?!$/ }"));
		validation.assertError(file, Literals.RULE, INVALID_REGEX, "backtracks too much",
				"__x64_sys_sched_get_priority_max");
	}

	@Test
	void syntaxErrorAtTheEndOfATextEndingWithALoneCarriageReturnIsReportedWithItsLine() throws Exception {
		// old Mac line endings; Xtext 2.42 alone threw StringIndexOutOfBoundsException here (a fuzzing finding)
		String text = "asi class KVM per vm {\r  maps global\r";
		PolicyFile file = parser.parse(text, URI.createFileURI(dir.resolve("policy.asi").toString()), resourceSets.get());
		List<Issue> issues = validation.validate(file);
		assertEquals(1, issues.size(), issues::toString);
		Issue issue = issues.get(0);
		assertTrue(issue.isSyntaxError(), issue::toString);
		assertTrue(issue.getMessage().contains("expecting '}'"), issue::toString);
		// starts on the last line with text, ends after its '\r' at the start of line 3
		assertEquals(2, issue.getLineNumber(), issue::toString);
		assertEquals(3, issue.getLineNumberEnd(), issue::toString);
		assertEquals(1, issue.getColumnEnd(), issue::toString);
	}

	@Test
	void noneCombinedWithOtherHooksIsAWarning() throws Exception {
		validation.assertWarning(parse("asi class K per vm { maps global on enter none, l1d_flush }"),
				Literals.ENTER_HOOKS, HOOK_NONE_COMBINED, "hook none combined");
		validation.assertNoIssues(parse("asi class K per process { maps user on enter none on exit none }"));
	}

	@Test
	void aClassCostOfAMachineItemIsIgnoredAndSaysWhereItBelongs() throws Exception {
		PolicyFile file = parse("asi class K per vm { maps global on enter l1d_flush cost l1d_flush = 1000, page_fault = 900 }");
		validation.assertWarning(file, Literals.COSTS, MACHINE_COST_IN_CLASS,
				"cost page_fault is the machine's, not this class's",
				"(l1d_flush, mds_clear, sibling_stun, sibling_unstun, ibpb, rsb_fill)", "in a scenario's cost");
		assertEquals(1, validation.validate(file).size(), () -> validation.validate(file).toString());
		validation.assertNoIssues(parse("scenario s { cost page_fault = 900, l1d_flush = 1000 }"));
	}

	@Test
	void aScenarioTheSimulatorWouldRefuseIsAnErrorWhereItIsWritten() throws Exception {
		validation.assertError(parse("scenario s { cores 2 smt 4 }"), Literals.SHAPE, BAD_MACHINE_SHAPE,
				"smt 4: the simulator models cores of 1 or 2 hyperthreads");
		validation.assertError(parse("scenario s { cores 0 }"), Literals.SHAPE, BAD_MACHINE_SHAPE, "cores 1 or more");
		PolicyFile cpus = parse("vm g\nscenario s { cores 2 smt 2 run g on cpu 1, 4 }");
		validation.assertError(cpus, Literals.RUN, CPU_OUT_OF_RANGE, "cpu 4 does not exist: scenario s has CPUs 0-3 (cores 2 smt 2)");
		assertEquals(1, validation.validate(cpus).size(), () -> validation.validate(cpus).toString());
		validation.assertError(parse("vm g\nscenario s { run g on cpu 3 cores 1 }"), Literals.RUN, CPU_OUT_OF_RANGE,
				"has CPUs 0-0 (cores 1 smt 1)");
		validation.assertNoIssues(parse("vm g\nscenario s { run g on cpu 3 }"));
		validation.assertError(parse("scenario s { workload \"vmexit-strom\" }"), Literals.WORKLOAD, UNKNOWN_WORKLOAD,
				"unknown workload vmexit-strom; known: vmexit-storm, io-heavy-vm, syscall-heavy-process, idle");
		validation.assertNoIssues(parse("scenario s { workload idle events 10 seed 3 compare asi, none }"));
	}

	@Test
	void aTraceOutsideThePolicysDirectoryIsAnErrorAndAMissingOneAWarning() throws Exception {
		for (String outside : List.of("/etc/passwd", "../x.trace", "sub/../../x.trace", "%2e%2e/x.trace")) {
			validation.assertError(parse("scenario s { trace \"" + outside + "\" }"), Literals.TRACE, TRACE_OUTSIDE_PROJECT,
					"lies outside this policy's directory, not read");
		}
		validation.assertWarning(parse("scenario s { trace \"traces/x.trace\" }"), Literals.TRACE, TRACE_NOT_FOUND,
				"trace not found: " + dir.resolve("traces/x.trace"));
		Files.createDirectories(dir.resolve("traces"));
		Files.writeString(dir.resolve("traces/x.trace"), "0 0 - irq\n");
		validation.assertNoIssues(parse("scenario s { trace \"traces/x.trace\" workload whatever }"));
	}

	@Test
	void duplicateClassAndContextNamesAreErrors() throws Exception {
		PolicyFile file = parse("""
				asi class K per vm { maps global }
				asi class K per vm { maps local }
				vm g uses K
				vm g uses K
				""");
		validation.assertError(file, Literals.ASI_CLASS_DECL, DUPLICATE_CLASS, "duplicate ASI class K");
		validation.assertError(file, Literals.CONTEXT_DECL, DUPLICATE_CONTEXT, "duplicate context g");
		validation.assertNoIssues(parse("asi class K per vm { maps global }\nvm g uses K\nvm h uses K"));
	}

	@Test
	void importsMustStayInTheProjectDirectory() throws Exception {
		validation.assertError(parse("import \"../secrets.asi\""), Literals.IMPORT, IMPORT_OUTSIDE_PROJECT,
				"leaves this policy's directory");
		validation.assertError(parse("import \"/etc/passwd\""), Literals.IMPORT, IMPORT_OUTSIDE_PROJECT);
		validation.assertError(parse("import \"file:///etc/passwd\""), Literals.IMPORT, IMPORT_OUTSIDE_PROJECT);
		validation.assertNoIssues(parse("import \"sub/../base.asi\""));
		assertFalse(ConfinedImportUriResolver.isConfined("sub/../../x.asi"));
		assertFalse(ConfinedImportUriResolver.isConfined("%2e%2e/x.asi"));
		assertTrue(ConfinedImportUriResolver.isConfined("./sub/x.asi"));
	}

	// --- imports make declarations visible ---

	@Test
	void importedClassesAreVisible() throws Exception {
		Files.writeString(dir.resolve("base.asi"), "asi class KVM per vm { maps global }\n");
		Files.writeString(dir.resolve("site.asi"), "import \"base.asi\"\nvm guest1 uses KVM\n");
		Files.writeString(dir.resolve("alone.asi"), "vm guest1 uses KVM\n");
		assertEquals(List.of(), checker.check(dir.resolve("site.asi")).diagnostics());
		List<Diagnostic> alone = checker.check(dir.resolve("alone.asi")).diagnostics();
		assertTrue(alone.stream().anyMatch(d -> d.message().contains("Couldn't resolve reference to AsiClassDecl 'KVM'")),
				alone::toString);
	}

	@Test
	void importsLeavingTheProjectAreNotFollowed() throws Exception {
		Files.writeString(dir.resolve("base.asi"), "asi class KVM per vm { maps global }\n");
		Files.createDirectories(dir.resolve("sub"));
		Files.writeString(dir.resolve("sub/site.asi"), "import \"../base.asi\"\nvm guest1 uses KVM\n");
		List<Diagnostic> diagnostics = checker.check(dir.resolve("sub/site.asi")).diagnostics();
		assertEquals(2, diagnostics.size(), diagnostics::toString);
		assertEquals(IMPORT_OUTSIDE_PROJECT, diagnostics.get(0).code());
		assertTrue(diagnostics.get(1).message().contains("Couldn't resolve reference"), diagnostics::toString);
	}

	// --- samples ---

	@Test
	void everyBundledSampleHasNoErrors() throws Exception {
		Path samples = Path.of(System.getProperty("isolde.samples", "../../samples"));
		try (var files = Files.list(samples)) {
			for (Path p : files.filter(f -> f.toString().endsWith(".asi")).toList()) {
				PolicyChecker.Result result = checker.check(p);
				assertFalse(result.hasErrors(), () -> p + ": " + result.diagnostics());
			}
		}
	}
}
