// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import dev.isolde.io.engine.Analysis;
import dev.isolde.render.canvas.PngWriter;
import dev.isolde.render.map.ClassColors;
import dev.isolde.render.map.MapRenderer;

class PictureTest {

	/** The colours of the interior of column {@code c} of a map of {@code n} columns. */
	static Set<Integer> columnColors(BufferedImage image, int c, int n) {
		int w = Math.max(40, (image.getWidth() - MapRenderer.GUTTER - MapRenderer.GAP * n) / n);
		int left = MapRenderer.GUTTER + c * (w + MapRenderer.GAP);
		int plot = image.getHeight() - MapRenderer.HEADER - 20;
		Set<Integer> colors = new HashSet<>();
		for (int y = MapRenderer.HEADER + 1; y < MapRenderer.HEADER + plot - 1; y++) {
			for (int x = left + 1; x < left + w - 2; x++) {
				colors.add(image.getRGB(x, y) & 0xffffff);
			}
		}
		return colors;
	}

	@Test
	void mapPngShowsSensitiveMemoryOnlyInTheFullColumn(@TempDir Path dir) throws Exception {
		Analysis a = HostileMachine.analysis();
		Picture map = Picture.map(a, null);
		Path file = dir.resolve("map.png");
		PngWriter.write(map.toImage(map.width(), map.height()), file);
		BufferedImage png = ImageIO.read(file.toFile());
		assertEquals(1000, png.getWidth());
		Set<Integer> full = columnColors(png, 0, 2);
		Set<Integer> restricted = columnColors(png, 1, 2);
		// at this scale the direct map is one pixel row: it shows its most telling class, sensitive
		int pink = ClassColors.pale(ClassColors.SENSITIVE);
		assertTrue(full.contains(ClassColors.SENSITIVE) || full.contains(pink), "the full space maps sensitive memory");
		assertFalse(restricted.contains(ClassColors.SENSITIVE) || restricted.contains(pink),
				"a restricted space never maps sensitive memory");
		assertTrue(restricted.contains(ClassColors.LOCAL_VM), "the VM's own guest memory");
		try (var files = Files.list(dir)) {
			assertEquals(List.of(file), files.toList(), "written atomically, no temporary file left");
		}
	}

	@Test
	void mapZoomedToKernelTextIsGreenInBothColumns() {
		Analysis a = HostileMachine.analysis();
		Picture map = Picture.map(a, a.kernel().region("kernel_text"));
		BufferedImage png = map.toImage(600, 400);
		for (int c = 0; c < 2; c++) {
			Set<Integer> colors = columnColors(png, c, 2);
			colors.removeAll(Set.of(ClassColors.GLOBAL, ClassColors.pale(ClassColors.GLOBAL), ClassColors.UNMAPPED));
			assertEquals(Set.of(), colors, "column " + c + " of kernel text is globally non-sensitive");
			assertTrue(columnColors(png, c, 2).contains(ClassColors.GLOBAL), "column " + c + " shows _stext");
		}
	}

	@Test
	void svgOfMapAndGraphParseAndKeepHostileNamesAsText() throws Exception {
		Analysis a = HostileMachine.analysis();
		for (Picture p : new Picture[] { Picture.map(a, null), Picture.graph(a) }) {
			String svg = p.toSvg(p.width(), p.height());
			Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
					.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
			assertEquals("svg", doc.getDocumentElement().getTagName());
			assertEquals(0, doc.getElementsByTagName("script").getLength());
			assertTrue(doc.getDocumentElement().getTextContent().contains("</text></td><script>alert(\"x\")</script>"),
					svg);
		}
	}

	@Test
	void graphPngHasTheLaidOutSizeAndPaintsItsNodes() throws Exception {
		Picture graph = Picture.graph(HostileMachine.analysis());
		BufferedImage png = ImageIO.read(new ByteArrayInputStream(
				PngWriter.encode(graph.toImage(graph.width(), graph.height()))));
		assertEquals(graph.width(), png.getWidth());
		Set<Integer> colors = new HashSet<>();
		for (int y = 0; y < png.getHeight(); y++) {
			for (int x = 0; x < png.getWidth(); x++) {
				colors.add(png.getRGB(x, y) & 0xffffff);
			}
		}
		assertTrue(colors.contains(0xfff4d6), "the ASI class node");
		assertTrue(colors.contains(ClassColors.pale(ClassColors.LOCAL_VM)), "the local memory class node");
	}
}
