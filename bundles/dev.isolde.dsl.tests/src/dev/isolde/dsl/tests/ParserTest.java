// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.isolde.dsl.isolde.AsiClassDecl;
import dev.isolde.dsl.isolde.EnterHooks;
import dev.isolde.dsl.isolde.GlobalBlock;
import dev.isolde.dsl.isolde.Hook;
import dev.isolde.dsl.isolde.LocalBlock;
import dev.isolde.dsl.isolde.Policy;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Rule;
import dev.isolde.dsl.isolde.SelectorKind;

@ExtendWith(InjectionExtension.class)
@InjectWith(IsoldeInjectorProvider.class)
class ParserTest {

	@Inject
	private ParseHelper<PolicyFile> parser;

	@Test
	void parsesTheDesignExamplePolicy() throws Exception {
		PolicyFile file = parser.parse("""
				policy kvm_host for x86_64 paging 4 {
				  default sensitive
				  global nonsensitive {
				    symbol jiffies, jiffies_64, "irq_stat*"     // exact names, globs, /regex/
				    section ".data..asi_non_sensitive"
				    percpu current_task, cpu_number
				    region kernel_text, cpu_entry_area, fixmap
				    slab "kmalloc-*" except "kmalloc-cg-*"
				  }
				  local nonsensitive per vm {
				    slab kvm_vcpu, kvm_mmu_page_header
				    memory guest
				  }
				  local nonsensitive per process { memory user; stack kernel }
				}
				asi class KVM per vm { maps global, local
				  on enter l1d_flush, mds_clear, sibling_unstun
				  on exit sibling_stun }
				""");
		assertTrue(file.eResource().getErrors().isEmpty(), () -> file.eResource().getErrors().toString());
		Policy policy = (Policy) file.getElements().get(0);
		assertEquals(4, policy.getPaging());
		GlobalBlock global = (GlobalBlock) policy.getBlocks().get(0);
		assertEquals(5, global.getRules().size());
		Rule symbols = global.getRules().get(0);
		assertEquals(SelectorKind.SYMBOL, symbols.getKind());
		assertEquals("irq_stat*", symbols.getPatterns().get(2).getText());
		Rule slab = global.getRules().get(4);
		assertEquals("kmalloc-cg-*", slab.getExcepts().get(0).getText());
		LocalBlock perProcess = (LocalBlock) policy.getBlocks().get(2);
		assertEquals("kernel", perProcess.getRules().get(1).getPatterns().get(0).getName());
		AsiClassDecl kvm = (AsiClassDecl) file.getElements().get(1);
		EnterHooks enter = (EnterHooks) kvm.getMembers().get(1);
		assertEquals(Hook.L1D_FLUSH, enter.getHooks().get(0));
	}

	@Test
	void regexSelectorIsNotAComment() throws Exception {
		PolicyFile file = parser.parse("policy p for x86_64 paging 5 { global nonsensitive { symbol /^vvar_.*/ } }");
		assertTrue(file.eResource().getErrors().isEmpty(), () -> file.eResource().getErrors().toString());
		Rule rule = ((GlobalBlock) ((Policy) file.getElements().get(0)).getBlocks().get(0)).getRules().get(0);
		assertEquals("/^vvar_.*/", rule.getPatterns().get(0).getRegex());
	}

	@Test
	void missingBraceIsASyntaxError() throws Exception {
		PolicyFile file = parser.parse("policy p for x86_64 paging 4 { global nonsensitive { symbol jiffies }");
		assertFalse(file.eResource().getErrors().isEmpty());
	}

	@Test
	void everyBundledSampleParses() throws Exception {
		Path samples = Path.of(System.getProperty("isolde.samples", "../../samples"));
		try (var files = Files.list(samples)) {
			for (Path p : files.filter(f -> f.toString().endsWith(".asi")).toList()) {
				PolicyFile file = parser.parse(Files.readString(p));
				assertTrue(file.eResource().getErrors().isEmpty(), () -> p + ": " + file.eResource().getErrors());
			}
		}
	}
}
