// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.isolde.engine.sim.LeakWindow;
import dev.isolde.engine.sim.ObjectExits;
import dev.isolde.engine.sim.Strategy;
import dev.isolde.engine.sim.StrategyResult;

class HtmlReportTest {

	private static Document parse(String html) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> ids(Document doc, String tag) {
		List<String> ids = new ArrayList<>();
		NodeList nodes = doc.getElementsByTagNameNS("*", tag);
		for (int i = 0; i < nodes.getLength(); i++) {
			ids.add(((Element) nodes.item(i)).getAttribute("id"));
		}
		return ids;
	}

	private static HtmlReport.Simulation simulation() {
		LeakWindow w = new LeakWindow(0, 1, "vm" + HostileMachine.HOSTILE, 10, 250, List.of());
		StrategyResult asi = new StrategyResult(Strategy.ASI, 20000, 120, 3, 0, 960000, 4, 700, w, List.of(w),
				List.of(new ObjectExits(2, "secret" + HostileMachine.HOSTILE, 90, "policy default", 4096)));
		StrategyResult none = new StrategyResult(Strategy.NONE, 20000, 0, 0, 0, 0, 0, 0, null, List.of(), List.of());
		return new HtmlReport.Simulation("storm" + HostileMachine.HOSTILE, "workload vmexit-storm", 2, 2,
				List.of(asi, none));
	}

	@Test
	void reportIsWellFormedSelfContainedAndEscapesHostileNames() throws Exception {
		String html = new HtmlReport(HostileMachine.analysis(),
				List.of(new HtmlReport.Diagnostic("warning", "hostile.asi:4:3", "matches nothing: " + HostileMachine.HOSTILE)),
				simulation()).render();
		Document doc = parse(html);
		assertEquals("http://www.w3.org/1999/xhtml", doc.getDocumentElement().getNamespaceURI());
		assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength(), "no markup leaks from a name");
		assertEquals(List.of("checks", "coverage", "pictures", "simulation", "annotations"), ids(doc, "h2"));
		assertEquals(2, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength(), "map and graph");
		assertTrue(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent()
				.contains("</text></td><script>alert(\"x\")</script>&amp;'"));
		String text = doc.getDocumentElement().getTextContent();
		assertTrue(text.contains("matches nothing: </text></td><script>"), "the diagnostic");
		assertTrue(text.contains("secret</text></td><script>"), "the top exit cause");
		assertTrue(text.contains("vm</text></td><script>alert(\"x\")</script>&amp;'/KVM</text>"), "the instance");
		assertFalse(html.contains("\u0001"), "control characters are dropped");
		// self-contained: no external resource of any kind
		for (String ref : new String[] { "src=", "href=", "url(", "@import", "<link" }) {
			assertFalse(html.contains(ref), ref);
		}
	}

	@Test
	void reportListsChecksCoverageAndAnnotationsAndSimulationFigures(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("report.html");
		new HtmlReport(HostileMachine.analysis(), List.of(), simulation()).write(file);
		String text = parse(Files.readString(file)).getDocumentElement().getTextContent();
		assertTrue(text.contains("subset"), "the RFC checks that ran");
		assertTrue(text.contains("The policy validates without problems."));
		assertTrue(text.contains("definition __asi_not_sensitive"), "jiffies gets the static attribute");
		assertTrue(text.contains("region"), "kernel text is mapped with its region");
		assertTrue(text.contains("48000"), "mitigation cycles per 1k events: 960000 / 20");
		try (var files = Files.list(dir)) {
			assertEquals(List.of(file), files.toList());
		}
	}
}
