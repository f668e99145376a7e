// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.serializer.ISerializer;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.formatter.FormatterTestHelper;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.isolde.dsl.isolde.PolicyFile;

@ExtendWith(InjectionExtension.class)
@InjectWith(IsoldeInjectorProvider.class)
class FormatterTest {

	@Inject
	private FormatterTestHelper formatter;

	@Inject
	private ParseHelper<PolicyFile> parser;

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private Provider<FormatterRequest> requests;

	@Inject
	private IFormatter2 formatter2;

	@Inject
	private Provider<TextRegionAccessBuilder> regionAccess;

	@Inject
	private ISerializer serializer;

	@Test
	void laysOutEveryConstructAsDesignSection7() {
		formatter.assertFormatted(r -> r.setToBeFormatted("""
				import "a.asi"
				import "b.asi" kernel "machine.isolde" policy kvm_host   for x86_64 paging 4 { model asi2025 rfc_limits
				global nonsensitive { symbol jiffies ,jiffies_64,"irq_stat*"
				  because "hot"
				slab "kmalloc-*" except "kmalloc-cg-*"  } sensitive {} }
				asi class KVM per vm { maps global, local on enter l1d_flush,mds_clear on exit sibling_stun
				cost l1d_flush=1000 }
				vm guest1 uses KVM vm guest2 uses KVM
				scenario s { cores 2 smt 2 run guest1 on cpu 0,1 compare asi,none }""").setExpectation("""
				import "a.asi"
				import "b.asi"

				kernel "machine.isolde"

				policy kvm_host for x86_64 paging 4 {
				  model asi2025
				  rfc_limits

				  global nonsensitive {
				    symbol jiffies, jiffies_64, "irq_stat*" because "hot"
				    slab "kmalloc-*" except "kmalloc-cg-*"
				  }

				  sensitive { }
				}

				asi class KVM per vm {
				  maps global, local
				  on enter l1d_flush, mds_clear
				  on exit sibling_stun
				  cost l1d_flush = 1000
				}

				vm guest1 uses KVM
				vm guest2 uses KVM

				scenario s {
				  cores 2 smt 2
				  run guest1 on cpu 0, 1
				  compare asi, none
				}
				"""));
	}

	@Test
	void semicolonsStickToTheirRule() {
		formatter.assertFormatted(r -> r.setUseSerializer(false).setToBeFormatted(
				"policy p for x86_64 paging 4 { local nonsensitive per process { memory user ; stack kernel } }")
				.setExpectation("""
						policy p for x86_64 paging 4 {
						  local nonsensitive per process {
						    memory user;
						    stack kernel
						  }
						}
						"""));
	}

	private String format(String text) throws Exception {
		PolicyFile file = parser.parse(text);
		ITextRegionAccess access = regionAccess.get().forNodeModel((org.eclipse.xtext.resource.XtextResource) file.eResource())
				.create();
		List<ITextReplacement> replacements = formatter2.format(requests.get().setTextRegionAccess(access));
		return access.getRewriter().renderToString(replacements);
	}

	@Test
	void formattingASampleKeepsItsMeaningAndCommentsAndIsStable() throws Exception {
		for (Path sample : samples()) {
			String text = Files.readString(sample);
			String formatted = format(text);
			PolicyFile before = parser.parse(text);
			PolicyFile after = parser.parse(formatted);
			assertTrue(after.eResource().getErrors().isEmpty(), () -> sample + ":\n" + formatted);
			assertTrue(EcoreUtil.equals(before, after), () -> sample + " changed meaning:\n" + formatted);
			assertEquals(text.lines().filter(l -> l.contains("//")).count(),
					formatted.lines().filter(l -> l.contains("//")).count(), () -> sample + " lost comments:\n" + formatted);
			assertEquals(formatted, format(formatted), () -> sample + " is not stable");
		}
	}

	@Test
	void everySampleSurvivesASerializerRoundTrip() throws Exception {
		for (Path sample : samples()) {
			XtextResourceSet rs = resourceSets.get();
			URI uri = URI.createFileURI(sample.toAbsolutePath().toString());
			PolicyFile parsed = parser.parse(Files.readString(sample), uri, rs);
			String serialized = serializer.serialize(parsed);
			PolicyFile reparsed = parser.parse(serialized, uri.trimSegments(1).appendSegment("roundtrip.asi"), rs);
			assertTrue(reparsed.eResource().getErrors().isEmpty(), () -> sample + ":\n" + serialized);
			assertTrue(EcoreUtil.equals(parsed, reparsed), () -> sample + " changed in the round trip:\n" + serialized);
		}
	}

	private static List<Path> samples() throws Exception {
		Path samples = Path.of(System.getProperty("isolde.samples", "../../samples"));
		try (var files = Files.list(samples)) {
			List<Path> asi = files.filter(f -> f.toString().endsWith(".asi")).sorted().toList();
			assertTrue(asi.size() >= 3, asi::toString); // kvm-host, kpti, site and any later sample
			return asi;
		}
	}
}
