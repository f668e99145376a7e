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
