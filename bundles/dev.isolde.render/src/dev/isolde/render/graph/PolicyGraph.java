// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import dev.isolde.io.Sizes;
import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.ContextSpec;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.engine.space.MappingAttr;
import dev.isolde.io.engine.Analysis;
import dev.isolde.render.map.ClassColors;

/**
 * The policy graph: ASI classes → instances → contexts, and instances → the memory classes they map,
 * with bytes on the edges; laid out by ELK's layered algorithm, left to right.
 */
public final class PolicyGraph implements LaidOutGraph {

	/** Approximate width of a character of the 12 px sans font, so layout can run off the UI thread. */
	static final double CHAR_WIDTH = 8.2;
	static final double LINE_HEIGHT = 18;

	private final List<Node> nodes;
	private final List<Edge> edges;
	private final double width;
	private final double height;

	private PolicyGraph(List<Node> nodes, List<Edge> edges, double width, double height) {
		this.nodes = nodes;
		this.edges = edges;
		this.width = width;
		this.height = height;
	}

	/** Builds and lays out the graph of {@code analysis}. */
	public static PolicyGraph of(Analysis analysis) {
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
		root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
		root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE, 25.0);
		Map<ElkNode, List<String>> text = new LinkedHashMap<>();
		Map<ElkNode, Integer> fills = new LinkedHashMap<>();
		Map<String, ElkNode> byId = new LinkedHashMap<>();

		for (AsiClassSpec cls : analysis.policy().classes()) {
			List<String> lines = new ArrayList<>();
			lines.add("asi class " + cls.name() + " per " + cls.per().name().toLowerCase(Locale.ROOT));
			lines.add("enter: " + hooks(cls.onEnter()));
			lines.add("exit: " + hooks(cls.onExit()));
			byId.put("class:" + cls.name(), node(root, lines, 0xfff4d6, text, fills));
		}
		Map<Integer, ElkNode> memory = new LinkedHashMap<>();
		for (AsiInstance instance : analysis.spaces().instances()) {
			Map<Integer, long[]> perClass = mappedPerClass(instance);
			long total = perClass.values().stream().mapToLong(v -> v[0]).sum();
			ElkNode in = node(root, List.of(instance.name(), Sizes.bytes(total) + " mapped"), 0xe8eef6, text, fills);
			ElkNode cls = byId.get("class:" + instance.cls().name());
			if (cls != null) {
				edge(root, cls, in, "instance");
			}
			ContextSpec ctx = instance.ctx();
			ElkNode c = byId.computeIfAbsent("ctx:" + ctx.name(), k -> node(root,
					List.of(ctx.kind().name().toLowerCase(Locale.ROOT) + " " + ctx.name(), "untrusted context"), 0xffffff,
					text, fills));
			edge(root, in, c, "for");
			for (Map.Entry<Integer, long[]> e : perClass.entrySet()) {
				int key = e.getKey();
				ElkNode m = memory.computeIfAbsent(key, k -> node(root, List.of(ClassKey.describe(k)),
						ClassColors.pale(ClassColors.of(k)), text, fills));
				edge(root, in, m, Sizes.bytes(e.getValue()[0]) + ", " + e.getValue()[1] + " ranges");
			}
		}
		ElkLayouts.layout(root);

		List<Node> nodes = new ArrayList<>();
		int i = 0;
		for (ElkNode n : root.getChildren()) {
			nodes.add(new Node("n" + i++, n.getX(), n.getY(), n.getWidth(), n.getHeight(), text.get(n), fills.get(n)));
		}
		List<Edge> edges = ElkLayouts.edges(root, Map.of());
		return new PolicyGraph(nodes, edges, root.getWidth(), root.getHeight());
	}

	private static Map<Integer, long[]> mappedPerClass(AsiInstance instance) {
		Map<Integer, long[]> perClass = new java.util.TreeMap<>();
		instance.space().forEach((s, e, attr, phys) -> {
			long[] v = perClass.computeIfAbsent(MappingAttr.classKey(attr), k -> new long[2]);
			v[0] += e - s;
			v[1]++;
		});
		return perClass;
	}

	private static ElkNode node(ElkNode root, List<String> lines, int fill, Map<ElkNode, List<String>> text,
			Map<ElkNode, Integer> fills) {
		ElkNode n = ElkGraphUtil.createNode(root);
		int longest = lines.stream().mapToInt(String::length).max().orElse(4);
		n.setDimensions(longest * CHAR_WIDTH + 16, lines.size() * LINE_HEIGHT + 10);
		text.put(n, List.copyOf(lines));
		fills.put(n, fill);
		return n;
	}

	private static void edge(ElkNode root, ElkNode from, ElkNode to, String label) {
		ElkEdge e = ElkGraphUtil.createSimpleEdge(from, to);
		ElkLabel l = ElkGraphUtil.createLabel(label, e);
		l.setDimensions(label.length() * CHAR_WIDTH * 0.9, LINE_HEIGHT);
	}

	private static String hooks(List<?> hooks) {
		return hooks.isEmpty() ? "—" : hooks.stream().map(h -> h.toString().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
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
}
