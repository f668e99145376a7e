// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

import dev.isolde.dsl.validation.IsoldeValidator;

/** Each quick fix, applied to the text that raised its issue, removes that issue. */
class PolicyFixesTest {

	/** Beside the sample kernel model, so {@code kernel "machine.isolde"} resolves. */
	private static final URI LOCATION = URI.createFileURI(
			Path.of(System.getProperty("isolde.samples"), "fixes.asi").toAbsolutePath().toString());

	private static List<Issue> issues(String text) {
		return PolicyLanguage.injector().getInstance(IResourceValidator.class)
				.validate(PolicyLanguage.parse(text, LOCATION), CheckMode.ALL, null);
	}

	private static Issue issue(String text, String code) {
		return issues(text).stream().filter(i -> code.equals(i.getCode())).findFirst()
				.orElseThrow(() -> new AssertionError("no " + code + " in " + issues(text)));
	}

	private static List<PolicyFix> fixes(String text, String code) {
		Issue i = issue(text, code);
		return PolicyFixes.of(code, text, i.getOffset(), i.getLength(), LOCATION);
	}

	private static String apply(String text, String code, String labelStart) {
		List<PolicyFix> fixes = fixes(text, code);
		PolicyFix fix = fixes.stream().filter(f -> f.label().startsWith(labelStart)).findFirst()
				.orElseThrow(() -> new AssertionError("no fix '" + labelStart + "' among " + fixes));
		String fixed = fix.applyTo(text);
		assertTrue(issues(fixed).stream().noneMatch(i -> code.equals(i.getCode())), () -> fixed + issues(fixed));
		return fixed;
	}

	@Test
	void aMisspeltClassIsCorrectedToTheDeclaredOne() {
		String text = "asi class KVM per vm { maps global }\nvm guest1 uses KMV\n";
		assertEquals("asi class KVM per vm { maps global }\nvm guest1 uses KVM\n",
				apply(text, Diagnostic.LINKING_DIAGNOSTIC, "Change to 'KVM'"));
	}

	@Test
	void anUndeclaredClassCanBeDeclared() {
		String text = "vm guest1 uses Sandbox\n";
		String fixed = apply(text, Diagnostic.LINKING_DIAGNOSTIC, "Declare asi class Sandbox per vm");
		assertTrue(fixed.contains("asi class Sandbox per vm {"), fixed);
	}

	@Test
	void anUnknownKernelSymbolIsCorrectedToTheClosestRealOnes() {
		String text = """
				kernel "machine.isolde"
				policy p for x86_64 paging 4 {
				  global nonsensitive {
				    symbol kvm_set_cr1
				  }
				}
				""";
		List<String> labels = fixes(text, IsoldeValidator.SELECTOR_MATCHES_NOTHING).stream().map(PolicyFix::label).toList();
		assertTrue(labels.get(0).startsWith("Change to kvm_set_cr0 (symbol in machine.isolde)"), labels::toString);
		assertTrue(apply(text, IsoldeValidator.SELECTOR_MATCHES_NOTHING, "Change to kvm_set_cr0").contains(
				"symbol kvm_set_cr0\n"));
		assertFalse(apply(text, IsoldeValidator.SELECTOR_MATCHES_NOTHING, "Remove the rule").contains("symbol"));
	}

	@Test
	void aLocalBlockUnderAsi2025SwitchesTheModelAndItsDefault() {
		String text = """
				policy p for x86_64 paging 4 {
				  model asi2025
				  default nonsensitive
				  local nonsensitive per vm {
				    memory guest
				  }
				}
				""";
		String fixed = apply(text, IsoldeValidator.LOCAL_BLOCK_IN_ASI2025, "Switch policy p to model rfc2022");
		assertTrue(fixed.contains("model rfc2022\n  default sensitive\n"), fixed);
		assertEquals(List.of(), issues(fixed));
		String removed = apply(text, IsoldeValidator.LOCAL_BLOCK_IN_ASI2025, "Remove the local nonsensitive block");
		assertEquals("policy p for x86_64 paging 4 {\n  model asi2025\n  default nonsensitive\n}\n", removed);
	}

	@Test
	void aTaintMemberUnderRfc2022WritesModelAsi2025() {
		String text = """
				policy p for x86_64 paging 4 {
				  default sensitive
				}
				asi class KVM per vm {
				  maps global
				  taints guest_data
				}
				""";
		String fixed = apply(text, IsoldeValidator.ASI2025_MEMBER_IN_RFC2022, "Switch policy p to model asi2025");
		assertTrue(fixed.startsWith("policy p for x86_64 paging 4 {\n  model asi2025\n  default nonsensitive\n"), fixed);
	}

	@Test
	void defaultAgainstTheModelChangesTheDefault() {
		String text = "policy p for x86_64 paging 4 {\n  model rfc2022\n  default nonsensitive\n}\n";
		assertEquals("policy p for x86_64 paging 4 {\n  model rfc2022\n  default sensitive\n}\n",
				apply(text, IsoldeValidator.DEFAULT_NONSENSITIVE_IN_RFC2022, "Change to default sensitive"));
	}

	@Test
	void aConflictingClaimLosesThePatternButKeepsTheRule() {
		String text = """
				policy p for x86_64 paging 4 {
				  global nonsensitive {
				    symbol jiffies
				  }
				  local nonsensitive per vm {
				    symbol kvm_set_cr0, jiffies
				  }
				}
				""";
		String fixed = apply(text, IsoldeValidator.CONFLICTING_CLAIM, "Remove jiffies from this rule");
		assertTrue(fixed.contains("    symbol kvm_set_cr0\n"), fixed);
	}

	@Test
	void aShadowedRuleAndADuplicateAndANoneHookAreRemoved() {
		String shadowed = "policy p for x86_64 paging 4 {\n  global nonsensitive {\n    symbol \"kvm_*\"\n    symbol kvm_set_cr0\n  }\n}\n";
		assertEquals("policy p for x86_64 paging 4 {\n  global nonsensitive {\n    symbol \"kvm_*\"\n  }\n}\n",
				apply(shadowed, IsoldeValidator.SHADOWED_RULE, "Remove the shadowed rule"));
		String duplicate = "vm a\nvm a\n";
		assertEquals("vm a\n", apply(duplicate, IsoldeValidator.DUPLICATE_CONTEXT, "Remove this duplicate"));
		String none = "asi class K per vm { on enter l1d_flush, none }\n";
		assertEquals("asi class K per vm { on enter l1d_flush }\n",
				apply(none, IsoldeValidator.HOOK_NONE_COMBINED, "Remove hook none"));
	}

	@Test
	void aMisspeltWorkloadIsCorrectedToTheKnownOne() {
		assertEquals("scenario s { workload \"vmexit-storm\" events 10 }\n",
				apply("scenario s { workload \"vmexit-strom\" events 10 }\n", IsoldeValidator.UNKNOWN_WORKLOAD,
						"Change to workload \"vmexit-storm\""));
		assertEquals(4, fixes("scenario s { workload nothing_alike_at_all }\n", IsoldeValidator.UNKNOWN_WORKLOAD).size());
	}

	@Test
	void aMachineCostInAClassIsRemovedFromItsList() {
		String text = "asi class K per vm { maps global cost l1d_flush = 900, page_fault = 50 }\n";
		assertEquals("asi class K per vm { maps global cost l1d_flush = 900 }\n",
				apply(text, IsoldeValidator.MACHINE_COST_IN_CLASS, "Remove page_fault = 50 from this class"));
		assertEquals("asi class K per vm {\n  maps global\n}\n", apply("asi class K per vm {\n  maps global\n  cost ipi = 9\n}\n",
				IsoldeValidator.MACHINE_COST_IN_CLASS, "Remove ipi = 9"));
	}

	@Test
	void aCpuTheScenarioLacksIsRemoved() {
		assertEquals("vm g\nscenario s { cores 1 smt 2 run g on cpu 1 }\n",
				apply("vm g\nscenario s { cores 1 smt 2 run g on cpu 1, 5 }\n", IsoldeValidator.CPU_OUT_OF_RANGE, "Remove 5"));
	}
}
