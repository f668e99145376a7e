// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.isolde.render.map.ClassColors;
import dev.isolde.render.map.MapRenderer;

/** {@code isolde export} to pictures and the report, headless, on the sample policy and kernel model. */
class ExportCommandTest {

	@TempDir
	Path dir;

	private CliRun export(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "export";
		System.arraycopy(args, 0, all, 1, args.length);
		return CliRun.in(dir, all);
	}

	private static String kvmHost() {
		return Samples.dir().resolve("kvm-host.asi").toString();
	}

	private static Document xml(String text) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Pixel counts by colour inside column {@code c} of a map of {@code n} columns. */
	private static Map<Integer, Integer> column(BufferedImage image, int c, int n) {
		int w = Math.max(40, (image.getWidth() - MapRenderer.GUTTER - MapRenderer.GAP * n) / n);
		int left = MapRenderer.GUTTER + c * (w + MapRenderer.GAP);
		int plot = image.getHeight() - MapRenderer.HEADER - 20;
		Map<Integer, Integer> colors = new HashMap<>();
		for (int y = MapRenderer.HEADER + 1; y < MapRenderer.HEADER + plot - 1; y++) {
			for (int x = left + 1; x < left + w - 2; x++) {
				colors.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
			}
		}
		return colors;
	}

	@Test
	void pngOfKernelTextIsGreenInTheFullColumnAndEveryInstance() throws Exception {
		CliRun r = export(kvmHost(), "--to", "png", "--region", "kernel_text", "-o", "text.png");
		assertEquals(0, r.exit(), r.err());
		BufferedImage png = ImageIO.read(dir.resolve("text.png").toFile());
		assertEquals(1000, png.getWidth());
		for (int c = 0; c < 3; c++) {
			Map<Integer, Integer> colors = column(png, c, 3);
			int all = colors.values().stream().mapToInt(Integer::intValue).sum();
			int green = colors.getOrDefault(ClassColors.GLOBAL, 0)
					+ colors.getOrDefault(ClassColors.pale(ClassColors.GLOBAL), 0);
			assertTrue(colors.getOrDefault(ClassColors.GLOBAL, 0) > 0, "column " + c + ": " + colors);
			assertTrue(green > all * 0.9, "kernel text is globally non-sensitive (patch 45/47), column " + c + ": "
					+ colors);
		}
		try (var files = Files.list(dir)) {
			assertEquals(List.of(dir.resolve("text.png")), files.toList(), "no temporary file left");
		}
	}

	@Test
	void pngOfTheWholeKernelHalfShowsSensitiveMemoryOnlyInTheFullColumn() throws Exception {
		CliRun r = export(kvmHost(), "--to", "png", "--size", "800x500", "-o", "map.png");
		assertEquals(0, r.exit(), r.err());
		BufferedImage png = ImageIO.read(dir.resolve("map.png").toFile());
		assertEquals(800, png.getWidth());
		assertEquals(500, png.getHeight());
		// at this scale a row holds megabytes: it shows its most telling class, often a sensitive region's fill
		Map<Integer, Integer> full = column(png, 0, 3);
		assertTrue(full.containsKey(ClassColors.SENSITIVE) || full.containsKey(ClassColors.pale(ClassColors.SENSITIVE)),
				"the full space maps sensitive memory: " + full);
		for (int c = 1; c < 3; c++) {
			Map<Integer, Integer> colors = column(png, c, 3);
			assertFalse(colors.containsKey(ClassColors.SENSITIVE), "instance " + c + ": " + colors);
			assertFalse(colors.containsKey(ClassColors.pale(ClassColors.SENSITIVE)), "instance " + c + ": " + colors);
			assertTrue(colors.containsKey(ClassColors.pale(ClassColors.GLOBAL)), "kernel text, instance " + c);
		}
	}

	@Test
	void svgOfOneInstanceAndOfTheGraphParse() throws Exception {
		CliRun map = export(kvmHost(), "--to", "svg", "--instance", "guest1");
		assertEquals(0, map.exit(), map.err());
		Document doc = xml(map.out());
		String text = doc.getDocumentElement().getTextContent();
		assertTrue(text.contains("guest1/KVM") && text.contains("full kernel"), text);
		assertFalse(text.contains("guest2/KVM"), "only the instance asked for");

		CliRun graph = export(kvmHost(), "--to", "svg", "--picture", "graph", "-o", "graph.svg");
		assertEquals(0, graph.exit(), graph.err());
		String svg = Files.readString(dir.resolve("graph.svg"));
		Element root = xml(svg).getDocumentElement();
		assertEquals("svg", root.getLocalName());
		assertTrue(root.getTextContent().contains("asi class KVM per vm"), svg);
		assertTrue(root.getTextContent().contains("global nonsensitive"), svg);
	}

	@Test
	void htmlReportWithTheScenarioHasEverySectionAndParsesAsXhtml() throws Exception {
		Path policy = dir.resolve("kvm.asi");
		Samples.copyKernelTo(dir);
		Files.writeString(policy, Files.readString(Samples.dir().resolve("kvm-host.asi"))
				.replace("events 200000", "events 20000"));
		CliRun r = export("kvm.asi", "--to", "html", "--scenario", "vm_exit_storm", "-o", "report.html");
		assertEquals(0, r.exit(), r.err());
		Document doc = xml(Files.readString(dir.resolve("report.html")));
		NodeList h2 = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "h2");
		StringBuilder ids = new StringBuilder();
		for (int i = 0; i < h2.getLength(); i++) {
			ids.append(((Element) h2.item(i)).getAttribute("id")).append(' ');
		}
		assertEquals("checks coverage pictures simulation annotations ", ids.toString());
		assertEquals(2, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
		String text = doc.getDocumentElement().getTextContent();
		for (String s : new String[] { "guest1/KVM", "page-separation", "kernel_core_scheduling", "always_flush",
				"kmalloc-call-sites __GFP_GLOBAL_NONSENSITIVE", "non-sensitive objects, by where their annotation goes",
				"overhead cycles / 1k events" }) {
			assertTrue(text.contains(s), s);
		}
	}

	@Test
	void hostileRationaleAndPatternStayTextInTheReportAndPictures() throws Exception {
		Path policy = dir.resolve("hostile.asi");
		Files.writeString(policy, """
				kernel "machine.isolde"
				policy hostile for x86_64 paging 4 {
				  default sensitive
				  global nonsensitive {
				    region kernel_text because "</td></table><script>alert('x')</script>&amp; \\" @@"
				    symbol "<b>no_such_symbol*"
				    slab "kmalloc-*" because "]]><!-- -->"
				  }
				}
				asi class KVM per vm { maps global on enter l1d_flush }
				vm guest1 uses KVM
				""");
		Samples.copyKernelTo(dir);
		CliRun html = export("hostile.asi", "--to", "html");
		assertEquals(0, html.exit(), html.err());
		Document doc = xml(html.out());
		assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
		String text = doc.getDocumentElement().getTextContent();
		assertTrue(text.contains("</td></table><script>alert('x')</script>&amp; \" @@"), "rationale kept as text");
		assertTrue(text.contains("]]><!-- -->"), "the second rationale");
		for (String to : new String[] { "svg", "png" }) {
			CliRun picture = export("hostile.asi", "--to", to, "--picture", "graph", "-o", "hostile." + to);
			assertEquals(0, picture.exit(), picture.err());
		}
		xml(Files.readString(dir.resolve("hostile.svg")));
		assertEquals(0xff, ImageIO.read(dir.resolve("hostile.png").toFile()).getRGB(0, 0) & 0xff, "white corner");
	}

	@Test
	void badOptionsAreUsageErrorsAndUnknownNamesBadInput() {
		assertEquals(2, export(kvmHost(), "--to", "png").exit(), "png needs -o");
		assertEquals(2, export(kvmHost(), "--to", "svg", "--picture", "graph", "--region", "kernel_text").exit());
		assertEquals(2, export(kvmHost(), "--to", "cocci", "--picture", "map").exit());
		assertEquals(2, export(kvmHost(), "--to", "svg", "--size", "12").exit());
		assertEquals(2, export(kvmHost(), "--to", "json", "--scenario", "vm_exit_storm").exit());
		CliRun instance = export(kvmHost(), "--to", "svg", "--instance", "nobody");
		assertEquals(2, instance.exit());
		assertTrue(instance.err().contains("guest1/KVM"), instance.err());
		CliRun region = export(kvmHost(), "--to", "svg", "--region", "nowhere");
		assertEquals(2, region.exit());
		assertTrue(region.err().contains("kernel_text"), region.err());
		assertEquals(2, export(kvmHost(), "--to", "html", "--scenario", "nothing").exit());
	}

	@Test
	void coccinelleExportOfTheSampleNotesItsKmallocCaches() throws Exception {
		CliRun r = export(kvmHost(), "--to", "cocci", "-o", "out.cocci");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.err().contains("kmalloc caches are non-sensitive but the policy names no call sites"), r.err());
		String patch = Files.readString(dir.resolve("out.cocci"));
		assertTrue(patch.contains("// kmalloc caches made non-sensitive (__GFP_GLOBAL_NONSENSITIVE): kmalloc-128,"),
				patch.substring(0, Math.min(patch.length(), 2000)));
		assertFalse(patch.contains("kmem_cache_create(\"kmalloc-"), "no rule can match an allocator cache");
	}
}
