// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import dev.isolde.engine.space.AddressSpace;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.io.Sizes;
import dev.isolde.model.paging.PageTableWalk;
import dev.isolde.model.paging.PageTableWalk.Level;
import dev.isolde.render.map.ClassColors;

/**
 * The page tables that translate one address range, in the full kernel page table and in one restricted space,
 * laid out left to right by ELK. A restricted space maps a subset of the full one with identical entries (RFC
 * 2022), so where it maps everything the full table maps below an entry, its entry can point to the full table's
 * sub-table ({@link Sharing#SHARED}); where it maps only part, it needs a {@link Sharing#PRIVATE} copy of that
 * sub-table holding only its entries; where it maps nothing, its entry is empty. Leaves are modelled as 4 KiB
 * pages: the engine's spaces do not record the kernel's large pages.
 */
public final class PageTableGraph implements LaidOutGraph {

	/** How a table relates to the restricted space. */
	public enum Sharing {
		/** A full table the restricted space uses as is. */
		SHARED,
		/** A full table of which the restricted space keeps a private, smaller copy. */
		COPIED,
		/** A full table the restricted space does not reach: everything under it is absent there. */
		FULL_ONLY,
		/** A restricted space's own table. */
		PRIVATE
	}

	/** One page table: its level, the address it starts at and what it holds. */
	public record Table(String id, Level level, long base, long span, boolean restricted, Sharing sharing,
			long entries, long bytesMapped) {
	}

	/** Outline and edge colour of what the restricted space shares with the full table. */
	public static final int SHARED_COLOR = ClassColors.GLOBAL;
	/** Outline and edge colour of the restricted space's private tables. */
	public static final int PRIVATE_COLOR = 0xd9822b;
	/** Fill of full tables the restricted space does not reach. */
	public static final int FULL_ONLY_FILL = ClassColors.pale(ClassColors.SENSITIVE);
	private static final int COPIED_FILL = 0xe8eef6;
	private static final int PRIVATE_FILL = 0xffe6cc;
	private static final int SHARED_FILL = ClassColors.pale(ClassColors.GLOBAL);
	/** Tables expanded below one table; the rest are counted in one summary node. */
	private static final int MAX_CHILDREN = 64;

	private final List<Node> nodes;
	private final List<Edge> edges;
	private final Map<String, Table> tables;
	private final String instance;
	private final long start;
	private final long end;
	private final double width;
	private final double height;

	private PageTableGraph(List<Node> nodes, List<Edge> edges, Map<String, Table> tables, String instance, long start,
			long end, double width, double height) {
		this.nodes = nodes;
		this.edges = edges;
		this.tables = tables;
		this.instance = instance;
		this.start = start;
		this.end = end;
		this.width = width;
		this.height = height;
	}

	/**
	 * The page tables of {@code [start, end)} ({@code end} 0: the top of the address space) in {@code full} and in
	 * {@code instance}'s restricted space, at most about {@code maxTables} tables.
	 */
	public static PageTableGraph of(AddressSpace full, AsiInstance instance, int pagingLevels, long start, long end,
			int maxTables) {
		Builder b = new Builder(new MappedSpans(full), new MappedSpans(instance.space()), instance.name(),
				new PageTableWalk(pagingLevels), start, end, maxTables);
		b.build();
		return b.layout();
	}

	/** The restricted space compared with the full one. */
	public String instance() {
		return instance;
	}

	/** First address of the range shown. */
	public long start() {
		return start;
	}

	/** One past the last address of the range shown, 0 for the top of the address space. */
	public long end() {
		return end;
	}

	/** The table drawn as the node with id {@code id}, or null (summary nodes are no tables). */
	public Table table(String id) {
		return tables.get(id);
	}

	/** Every table in the graph, roots first. */
	public List<Table> tables() {
		return List.copyOf(tables.values());
	}

	/** The number of tables of {@code sharing} at {@code level}. */
	public long count(Level level, Sharing sharing) {
		return tables.values().stream().filter(t -> t.level() == level && t.sharing() == sharing).count();
	}

	@Override
	public List<Node> nodes() {
		return nodes;
	}

	@Override
	public List<Edge> edges() {
		return edges;
	}

	@Override
	public double width() {
		return width;
	}

	@Override
	public double height() {
		return height;
	}

	/** Builds the ELK graph table by table, then reads the layout back. */
	private static final class Builder {
		private final MappedSpans full;
		private final MappedSpans restricted;
		private final String instance;
		private final PageTableWalk walk;
		private final List<Level> levels = new ArrayList<>();
		private final long start;
		private final long end;
		private final int maxTables;
		private final ElkNode root = ElkGraphUtil.createGraph();
		private final Map<String, Table> tables = new LinkedHashMap<>();
		private final Map<String, ElkNode> elk = new LinkedHashMap<>();
		private final Map<ElkNode, List<String>> text = new HashMap<>();
		private final Map<ElkNode, int[]> colors = new HashMap<>();
		private final Map<ElkEdge, Integer> edgeColors = new HashMap<>();
		private int summaries;

		Builder(MappedSpans full, MappedSpans restricted, String instance, PageTableWalk walk, long start, long end,
				int maxTables) {
			this.full = full;
			this.restricted = restricted;
			this.instance = instance;
			this.walk = walk;
			this.start = start;
			this.end = end;
			this.maxTables = maxTables;
			for (Level l : Level.values()) {
				if (l != Level.P4D || !walk.p4dFolded()) {
					levels.add(l);
				}
			}
			root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
			root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
			root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
			root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 50.0);
			root.setProperty(LayeredOptions.SPACING_NODE_NODE, 12.0);
			// few sweeps: page-table trees have almost no crossings, and big ranges must lay out in well under a second
			root.setProperty(LayeredOptions.THOROUGHNESS, 1);
			// keep tables in address order, as they were added
			root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
		}

		private long tableSpan(int depth) {
			// the root's 512 entries cover the whole address space; 1 << 64 does not fit a long, so 0 stands for it
			return depth == 0 ? 0 : walk.entrySpan(levels.get(depth - 1));
		}

		void build() {
			Level top = levels.get(0);
			ElkNode fullRoot = table(new Table("F:" + top, top, 0, 0, false, Sharing.COPIED,
					full.entriesPresent(0, 0, walk.shift(top)), full.mapped(0, 0)));
			ElkNode restrictedRoot = table(new Table("R:" + top, top, 0, 0, true, Sharing.PRIVATE,
					restricted.entriesPresent(0, 0, walk.shift(top)), restricted.mapped(0, 0)));
			expand(0, 0, fullRoot, restrictedRoot);
		}

		/**
		 * Adds the sub-tables of the full table at {@code depth} starting at {@code base}, and what the restricted
		 * space's table there ({@code rTable}, null if the restricted entry above was shared or empty) points to.
		 */
		private void expand(int depth, long base, ElkNode fTable, ElkNode rTable) {
			if (depth + 1 >= levels.size()) {
				return;
			}
			Level level = levels.get(depth);
			Level child = levels.get(depth + 1);
			long entry = walk.entrySpan(level);
			long tableEnd = depth == 0 ? 0 : base + tableSpan(depth);
			long from = max(base, start);
			long to = min(tableEnd, end);
			int expanded = 0;
			long skipped = 0;
			long va = full.nextMapped(from, to);
			while (va != to && (to == 0 || lt(va, to))) {
				long e = va & -entry;
				long eEnd = e + entry;
				long fBytes = full.mapped(e, eEnd);
				long rBytes = restricted.mapped(e, eEnd);
				if (expanded >= MAX_CHILDREN || tables.size() + 2 > maxTables) {
					skipped++;
				} else {
					expanded++;
					Sharing sharing = rBytes == 0 ? Sharing.FULL_ONLY : rBytes == fBytes ? Sharing.SHARED : Sharing.COPIED;
					if (rTable == null && sharing != Sharing.FULL_ONLY) {
						// above, the restricted space already shares an ancestor: everything below is shared
						sharing = Sharing.SHARED;
					}
					ElkNode f = table(new Table("F:" + child + ":" + Long.toHexString(e), child, e, entry, false, sharing,
							full.entriesPresent(e, eEnd, walk.shift(child)), fBytes));
					edge(fTable, f, EDGE);
					ElkNode r = null;
					if (rTable != null && sharing == Sharing.SHARED) {
						edge(rTable, f, SHARED_COLOR);
					} else if (rTable != null && sharing == Sharing.COPIED) {
						r = table(new Table("R:" + child + ":" + Long.toHexString(e), child, e, entry, true,
								Sharing.PRIVATE, restricted.entriesPresent(e, eEnd, walk.shift(child)), rBytes));
						edge(rTable, r, PRIVATE_COLOR);
					}
					expand(depth + 1, e, f, r);
				}
				if (eEnd == 0 || !lt(eEnd, to == 0 ? -1L : to)) {
					break;
				}
				va = full.nextMapped(eEnd, to);
			}
			if (skipped > 0) {
				summary(fTable, skipped, child);
			}
		}

		private ElkNode table(Table t) {
			ElkNode n = ElkGraphUtil.createNode(root);
			List<String> lines = new ArrayList<>();
			String where = t.restricted() ? instance + ", private" : switch (t.sharing()) {
			case SHARED -> "full, shared";
			case FULL_ONLY -> "full only";
			default -> "full";
			};
			lines.add(t.level() + (t.level() == Level.PGD && walk.p4dFolded() ? "/P4D" : "") + " table (" + where + ")");
			lines.add(t.span() == 0 && t.level() == levels.get(0) ? "root, " + walk.levels() + "-level paging"
					: String.format(Locale.ROOT, "0x%016x +%s", t.base(), Sizes.bytes(t.span())));
			lines.add(t.entries() + " of 512 entries, " + Sizes.bytes(t.bytesMapped()) + " mapped");
			size(n, lines);
			int fill = t.restricted() ? PRIVATE_FILL : switch (t.sharing()) {
			case SHARED -> SHARED_FILL;
			case FULL_ONLY -> FULL_ONLY_FILL;
			default -> COPIED_FILL;
			};
			int outline = t.restricted() ? PRIVATE_COLOR : t.sharing() == Sharing.SHARED ? SHARED_COLOR : OUTLINE;
			text.put(n, lines);
			colors.put(n, new int[] { fill, outline });
			tables.put(t.id(), t);
			elk.put(t.id(), n);
			return n;
		}

		private void summary(ElkNode parent, long skipped, Level level) {
			ElkNode n = ElkGraphUtil.createNode(root);
			List<String> lines = List.of("+" + skipped + " more " + level + " tables", "not expanded");
			size(n, lines);
			text.put(n, lines);
			colors.put(n, new int[] { 0xffffff, OUTLINE });
			elk.put("S:" + summaries++, n);
			edge(parent, n, EDGE);
		}

		private static void size(ElkNode n, List<String> lines) {
			int longest = lines.stream().mapToInt(String::length).max().orElse(4);
			n.setDimensions(longest * PolicyGraph.CHAR_WIDTH + 16, lines.size() * PolicyGraph.LINE_HEIGHT + 10);
		}

		private void edge(ElkNode from, ElkNode to, int color) {
			edgeColors.put(ElkGraphUtil.createSimpleEdge(from, to), color);
		}

		PageTableGraph layout() {
			ElkLayouts.layout(root);
			List<Node> nodes = new ArrayList<>();
			for (Map.Entry<String, ElkNode> e : elk.entrySet()) {
				ElkNode n = e.getValue();
				int[] c = colors.get(n);
				nodes.add(new Node(e.getKey(), n.getX(), n.getY(), n.getWidth(), n.getHeight(), text.get(n), c[0], c[1]));
			}
			return new PageTableGraph(nodes, ElkLayouts.edges(root, edgeColors), tables, instance, start, end,
					root.getWidth(), root.getHeight());
		}

		private static boolean lt(long a, long b) {
			return Long.compareUnsigned(a, b) < 0;
		}

		private static long max(long a, long b) {
			return lt(a, b) ? b : a;
		}

		/** The smaller end; 0 is the top of the address space, larger than any other. */
		private static long min(long a, long b) {
			if (a == 0) {
				return b;
			}
			if (b == 0) {
				return a;
			}
			return lt(a, b) ? a : b;
		}
	}
}
