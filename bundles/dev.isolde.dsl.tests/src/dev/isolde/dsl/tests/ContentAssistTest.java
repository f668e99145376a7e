// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.isolde.dsl.ide.contentassist.KernelNameProposalProvider;

/** Drives Xtext's UI-independent content assist as an editor or the language server would. */
@ExtendWith(InjectionExtension.class)
@InjectWith(IsoldeInjectorProvider.class)
class ContentAssistTest {

	private static ExecutorService pool;

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private Provider<ContentAssistContextFactory> contextFactories;

	@Inject
	private IdeContentProposalProvider proposalProvider;

	@Inject
	private Provider<IdeContentProposalAcceptor> acceptors;

	@TempDir
	Path dir;

	@BeforeAll
	static void startPool() {
		pool = Executors.newSingleThreadExecutor();
	}

	@AfterAll
	static void stopPool() {
		pool.shutdownNow();
	}

	/** Proposals at the {@code |} in {@code textWithCursor}, parsed as {@code dir/policy.asi}. */
	private List<String> proposals(String textWithCursor) throws Exception {
		return entries(textWithCursor).stream().map(ContentAssistEntry::getProposal).toList();
	}

	private List<ContentAssistEntry> entries(String textWithCursor) throws Exception {
		int offset = textWithCursor.indexOf('|');
		String text = textWithCursor.substring(0, offset) + textWithCursor.substring(offset + 1);
		XtextResource resource = (XtextResource) resourceSets.get()
				.createResource(URI.createFileURI(dir.resolve("policy.asi").toString()));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		ContentAssistContextFactory factory = contextFactories.get();
		factory.setPool(pool);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalAcceptor acceptor = acceptors.get();
		proposalProvider.createProposals(Arrays.asList(contexts), acceptor);
		List<ContentAssistEntry> result = new ArrayList<>();
		acceptor.getEntries().forEach(result::add);
		return result;
	}

	@Test
	void keywordsAndEnumLiteralsComeWithWhatTheyMean() throws Exception {
		List<ContentAssistEntry> hooks = entries("asi class K per vm { on enter |");
		ContentAssistEntry l1d = hooks.stream().filter(e -> e.getProposal().equals("l1d_flush")).findFirst()
				.orElseThrow(() -> new AssertionError(hooks.toString()));
		assertTrue(l1d.getDocumentation().startsWith("l1d_flush: flush the L1 data cache"), l1d.getDocumentation());
		assertTrue(l1d.getDocumentation().endsWith("Default cost: 3,000 cycles."), l1d.getDocumentation());
		List<ContentAssistEntry> members = entries("policy p for x86_64 paging 4 {\n  |");
		ContentAssistEntry model = members.stream().filter(e -> e.getProposal().equals("model")).findFirst()
				.orElseThrow(() -> new AssertionError(members.toString()));
		assertTrue(model.getDocumentation().startsWith("model rfc2022 | asi2025"), model.getDocumentation());
	}

	private static String policy(String blockBody) {
		return "kernel \"machine.isolde\"\npolicy p for x86_64 paging 4 {\n  global nonsensitive {\n    " + blockBody
				+ "\n  }\n}\n";
	}

	@Test
	void proposesSymbolsOfTheKernelModelMatchingThePrefix() throws Exception {
		SmallMachine.write(dir);
		List<String> p = proposals(policy("symbol jif|"));
		assertTrue(p.contains("jiffies_64") && p.contains("jiffies"), p::toString);
		assertFalse(p.contains("irq_stat") || p.contains("current_task"), p::toString);
	}

	@Test
	void proposesAfterACommaAndForPercpu() throws Exception {
		SmallMachine.write(dir);
		List<String> p = proposals(policy("percpu jiffies, |"));
		assertTrue(p.containsAll(List.of("current_task", "cpu_number", "irq_stat")), p::toString);
	}

	@Test
	void proposesSlabCachesQuotedWhenTheyAreNotIdentifiers() throws Exception {
		SmallMachine.write(dir);
		List<String> p = proposals(policy("slab |"));
		assertTrue(p.containsAll(List.of("\"kmalloc-64\"", "\"kmalloc-cg-64\"", "kvm_vcpu")), p::toString);
		assertFalse(p.contains("jiffies"), p::toString);
	}

	@Test
	void proposesEachSectionOnceAndRegionsInClassMaps() throws Exception {
		SmallMachine.write(dir);
		List<String> sections = proposals(policy("section |"));
		assertEquals(1, sections.stream().filter("\".data\""::equals).count(), sections::toString);
		assertTrue(sections.contains("\".data..once\""), sections::toString);
		List<String> regions = proposals("kernel \"machine.isolde\"\nasi class K per process { maps region | }");
		assertTrue(regions.containsAll(List.of("kernel_text", "cpu_entry_area")), regions::toString);
	}

	@Test
	void proposesNoKernelNamesWithoutAKernelModel() throws Exception {
		List<String> p = proposals(policy("symbol jif|"));
		assertFalse(p.contains("jiffies_64"), p::toString);
	}

	@Test
	void capsTheNumberOfProposals() throws Exception {
		dev.isolde.model.Machine m = dev.isolde.model.IsoldeFactory.eINSTANCE.createMachine();
		for (int i = 0; i < KernelNameProposalProvider.MAX_PROPOSALS + 50; i++) {
			dev.isolde.model.Symbol s = dev.isolde.model.IsoldeFactory.eINSTANCE.createSymbol();
			s.setName("sym_" + i);
			m.getSymbols().add(s);
		}
		dev.isolde.model.persist.ModelStore.save(m, dir.resolve("machine.isolde"));
		List<String> p = proposals(policy("symbol sym_|"));
		assertEquals(KernelNameProposalProvider.MAX_PROPOSALS, p.stream().filter(s -> s.startsWith("sym_")).count());
	}
}
