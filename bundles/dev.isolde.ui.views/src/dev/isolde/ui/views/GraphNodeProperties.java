// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.util.Locale;

import dev.isolde.engine.kernel.UnsignedOrder;
import dev.isolde.io.Sizes;
import dev.isolde.render.graph.LaidOutGraph;
import dev.isolde.render.graph.PageTableGraph;

/** A node of a graph view, for the Properties view: its text, and for a page table what it maps and shares. */
public final class GraphNodeProperties extends PropertyList {

	private final LaidOutGraph.Node node;

	/** The properties of {@code node}; {@code table} is its page table, or null. */
	public GraphNodeProperties(LaidOutGraph.Node node, PageTableGraph.Table table) {
		this.node = node;
		add("Node", "label", node.lines().get(0));
		for (int i = 1; i < node.lines().size(); i++) {
			add("Node", "line " + (i + 1), node.lines().get(i));
		}
		if (table != null) {
			String t = "Page table";
			add(t, "level", table.level().name());
			add(t, "page tables", table.restricted() ? "restricted" : "full");
			add(t, "sharing", switch (table.sharing()) {
			case SHARED -> "shared: the restricted space points to this table as is";
			case COPIED -> "copied: the restricted space keeps a private table with part of these entries";
			case FULL_ONLY -> "full only: nothing below is mapped in the restricted space";
			case PRIVATE -> "private to the restricted space; its entries are identical to the full table's";
			});
			if (table.span() != 0) {
				add(t, "covers", UnsignedOrder.hex(table.base()) + "–" + UnsignedOrder.hex(table.base() + table.span()));
			}
			add(t, "entries present", table.entries() + " of 512");
			add(t, "bytes mapped", Sizes.bytes(table.bytesMapped()) + String.format(Locale.ROOT, " (%,d)", table.bytesMapped()));
		}
	}

	/** The node. */
	public LaidOutGraph.Node node() {
		return node;
	}

	@Override
	public String toString() {
		return node.lines().get(0);
	}
}
