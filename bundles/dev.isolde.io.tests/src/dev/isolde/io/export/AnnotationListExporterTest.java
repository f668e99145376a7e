// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnnotationListExporterTest {

	@Test
	void csvQuotesCommasQuotesAndLineBreaks() {
		assertEquals("plain", AnnotationListExporter.csv("plain"));
		assertEquals("\"a,b\"", AnnotationListExporter.csv("a,b"));
		assertEquals("\"say \"\"hi\"\"\"", AnnotationListExporter.csv("say \"hi\""));
		assertEquals("\"a\nb\"", AnnotationListExporter.csv("a\nb"));
		assertEquals("", AnnotationListExporter.csv(null));
	}

	@Test
	void csvNeutralisesWhatASpreadsheetWouldRunAsAFormula() {
		assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", AnnotationListExporter.csv("=HYPERLINK(\"http://x\")"));
		assertEquals("'+1", AnnotationListExporter.csv("+1"));
		assertEquals("'-2+3", AnnotationListExporter.csv("-2+3"));
		assertEquals("'@SUM(A1)", AnnotationListExporter.csv("@SUM(A1)"));
		assertEquals("'\tx", AnnotationListExporter.csv("\tx"));
		assertEquals("\"'\rx\"", AnnotationListExporter.csv("\rx"));
		// only the first character counts: kernel names and rationales keep their text
		assertEquals("kmalloc-64", AnnotationListExporter.csv("kmalloc-64"));
	}

	@Test
	void kmallocCachesAreAnnotatedAtTheirCallSitesAndOtherCachesAtTheirCreation() {
		for (String name : new String[] { "kmalloc-8", "kmalloc-1k", "kmalloc-cg-64", "kmalloc-rcl-8k", "dma-kmalloc-96",
				"kmalloc-rnd-03-128" }) {
			assertEquals(true, Annotation.isKmallocCache(name), name);
		}
		for (String name : new String[] { "kmalloc_buckets", "kvm_vcpu", "kmalloc-", "kmalloc-big" }) {
			assertEquals(false, Annotation.isKmallocCache(name), name);
		}
	}

	@Test
	void jsonEscapesQuotesBackslashesControlsAndScriptEnd() {
		assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", AnnotationListExporter.json("a\"b\\c\nd\u0001"));
		assertEquals("\"<\\u002fscript>\"", AnnotationListExporter.json("</script>"));
		assertEquals("null", AnnotationListExporter.json(null));
	}
}
