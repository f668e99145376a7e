// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgCanvasTest {

	@Test
	void hostileNamesStayTextAndTheDocumentParses() throws Exception {
		SvgCanvas svg = new SvgCanvas(200, 100);
		svg.fillRect(0, 0, 200, 100, 0x2e9e5b);
		String hostile = "</text><script>alert(1)</script>\u0001&\"'";
		svg.drawText(hostile, 5, 5, 0, true);
		Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new ByteArrayInputStream(svg.toSvg().getBytes(StandardCharsets.UTF_8)));
		assertEquals(0, doc.getElementsByTagName("script").getLength());
		assertEquals("</text><script>alert(1)</script>&\"'", doc.getElementsByTagName("text").item(0).getTextContent());
		assertEquals("#2e9e5b", doc.getElementsByTagName("rect").item(0).getAttributes().getNamedItem("fill").getNodeValue());
	}
}
