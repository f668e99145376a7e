// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;

/** Runs ELK on a flat graph and reads the result back as {@link LaidOutGraph} edges. */
final class ElkLayouts {

	private static boolean registered;

	private ElkLayouts() {
	}

	/** Lays out {@code root} with the algorithm set on it. */
	static void layout(ElkNode root) {
		register();
		new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
	}

	private static synchronized void register() {
		// outside an Eclipse extension registry (CLI, tests) ELK must be told about its algorithms
		if (!registered) {
			LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
			registered = true;
		}
	}

	/** The routed edges of {@code root}, coloured by {@code colors} (the ordinary colour when absent). */
	static List<LaidOutGraph.Edge> edges(ElkNode root, Map<ElkEdge, Integer> colors) {
		List<LaidOutGraph.Edge> edges = new ArrayList<>();
		for (ElkEdge e : root.getContainedEdges()) {
			if (e.getSections().isEmpty()) {
				continue;
			}
			ElkEdgeSection s = e.getSections().get(0);
			double[] pts = new double[4 + 2 * s.getBendPoints().size()];
			pts[0] = s.getStartX();
			pts[1] = s.getStartY();
			int k = 2;
			for (var b : s.getBendPoints()) {
				pts[k++] = b.getX();
				pts[k++] = b.getY();
			}
			pts[k++] = s.getEndX();
			pts[k] = s.getEndY();
			ElkLabel label = e.getLabels().isEmpty() ? null : e.getLabels().get(0);
			edges.add(new LaidOutGraph.Edge(pts, label == null ? "" : label.getText(), label == null ? 0 : label.getX(),
					label == null ? 0 : label.getY(), colors.getOrDefault(e, LaidOutGraph.EDGE)));
		}
		return edges;
	}
}
