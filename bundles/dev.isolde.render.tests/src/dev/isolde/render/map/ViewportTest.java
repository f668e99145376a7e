// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewportTest {

	@Test
	void startsOnTheWholeKernelHalfAndZoomsDownToPages() {
		Viewport v = new Viewport(4);
		assertEquals(0xffff800000000000L, v.top());
		assertEquals(128.0 * (1L << 40), v.span());
		for (int i = 0; i < 200; i++) {
			v.zoom(0.5, 300, 600);
		}
		assertEquals(Viewport.MIN_SPAN, v.span());
		assertTrue(Long.compareUnsigned(v.top(), 0xffff800000000000L) >= 0, "stays in the kernel half");
	}

	@Test
	void zoomKeepsTheAddressUnderTheCursor() {
		Viewport v = new Viewport(4);
		long before = v.address(150, 600);
		v.zoom(0.25, 150, 600);
		long after = v.address(150, 600);
		assertTrue(Math.abs(after - before) < (1L << 32), "anchor moved by " + (after - before));
	}

	@Test
	void panCannotLeaveTheTopOfTheAddressSpace() {
		Viewport v = new Viewport(4);
		v.show(0xfffffffffff00000L, 0);
		v.pan(-10_000, 600);
		assertEquals(0, v.bottom());
	}
}
