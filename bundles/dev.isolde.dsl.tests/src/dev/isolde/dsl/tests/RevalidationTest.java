// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Injector;

import dev.isolde.dsl.ide.IsoldeIdeSetup;

/**
 * The editor validates every version of a policy with one long-lived injector, whose memos (kernel models, selector
 * answers) outlive each run; what it reports must be what a fresh injector reports for the same text.
 */
class RevalidationTest {

	private static final String POLICY = """
			kernel "machine.isolde"
			policy p for x86_64 paging 4 {
			  global nonsensitive {
			    symbol jiffies, "jiffies_*", /^irq_st/
			    symbol jiffies_64
			    slab "kmalloc-*" except "kmalloc-cg-*"
			    slab "/kmalloc-64/"
			  }
			  local nonsensitive per vm {
			    slab kvm_vcpu
			  }
			  sensitive {
			    symbol current_task
			  }
			}
			asi class KVM per vm {
			  maps global, local
			  on enter l1d_flush
			}
			vm guest1 uses KVM
			""";

	/** Each edit replaces the first occurrence of its first string in the previous version by its second. */
	private static final String[][] EDITS = {
			{ "uses KVM", "uses KVMx" }, // unresolved class
			{ "uses KVMx", "uses KVM" },
			{ "symbol jiffies_64", "symbol jiffies_65" }, // matches nothing in the kernel
			{ "/^irq_st/", "/^irq_sx/" }, // now matches nothing
			{ "/^irq_sx/", "/^irq_st(/" }, // invalid regex
			{ "/^irq_st(/", "/^irq_st/" },
			{ "symbol jiffies_65", "symbol jiffies_64" }, // shadowed by "jiffies_*" again
			{ "slab kvm_vcpu", "slab \"kmalloc-*\"" }, // claimed by two classes
			{ "slab \"/kmalloc-64/\"", "slab /kmalloc-64/" }, // the quoted glob becomes a regex
			{ "symbol current_task\n", "symbol current_task jiffies\n" }, // syntax error
			{ "symbol current_task jiffies\n", "symbol current_task, jiffies\n" }, // overrides an exact name
			{ "on enter l1d_flush", "on enter mds_clear" }, // the l1tf CPU lacks its mitigation
	};

	@TempDir
	Path dir;

	@Test
	void validationAfterEditsEqualsAFreshFullValidation() throws Exception {
		SmallMachine.write(dir, "l1tf");
		Injector editor = new IsoldeInjectorProvider().getInjector();
		String text = POLICY;
		assertEquals(described(validate(fresh(), text)), described(validate(editor, text)), "the unedited policy");
		int withIssues = 0;
		for (String[] edit : EDITS) {
			assertTrue(text.contains(edit[0]), edit[0]);
			text = text.replaceFirst(java.util.regex.Pattern.quote(edit[0]), java.util.regex.Matcher.quoteReplacement(edit[1]));
			List<String> warm = described(validate(editor, text));
			assertEquals(described(validate(fresh(), text)), warm, "after the edit " + edit[0] + " -> " + edit[1]);
			withIssues += warm.isEmpty() ? 0 : 1;
		}
		assertTrue(withIssues >= EDITS.length - 2, "the edits were meant to raise issues");
	}

	/** A new injector, not registered with EMF: the registration is global and belongs to the shared one. */
	private static Injector fresh() {
		return new IsoldeIdeSetup().createInjector();
	}

	/** A fresh resource per version, as the editor's reconciler parses each text afresh. */
	private List<Issue> validate(Injector injector, String text) throws Exception {
		XtextResource resource = injector.getInstance(XtextResource.class);
		resource.setURI(URI.createFileURI(dir.resolve("policy.asi").toString()));
		injector.getInstance(XtextResourceSet.class).getResources().add(resource);
		resource.load(new StringInputStream(text), null);
		return injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, null);
	}

	private static List<String> described(List<Issue> issues) {
		return issues.stream()
				.map(i -> i.getSeverity() + " " + i.getCode() + " " + i.getLineNumber() + ":" + i.getColumn() + " ["
						+ i.getOffset() + "+" + i.getLength() + "] " + i.getMessage() + " "
						+ (i.getData() == null ? "" : String.join("|", i.getData())))
				.sorted().toList();
	}
}
