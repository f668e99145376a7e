// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.graph;

import java.util.List;

/** A graph laid out by ELK: boxes and polylines in drawing coordinates, ready for {@link GraphRenderer}. */
public interface LaidOutGraph {

	/** Outline of an ordinary node. */
	int OUTLINE = 0x505050;
	/** Colour of an ordinary edge. */
	int EDGE = 0x707070;

	/** A laid-out node: its box, text lines, fill and outline. */
	record Node(String id, double x, double y, double width, double height, List<String> lines, int fill, int outline) {

		/** A node with the ordinary outline. */
		public Node(String id, double x, double y, double width, double height, List<String> lines, int fill) {
			this(id, x, y, width, height, lines, fill, OUTLINE);
		}
	}

	/** A laid-out edge: its polyline, label and colour. */
	record Edge(double[] points, String label, double labelX, double labelY, int color) {

		/** An edge in the ordinary colour. */
		public Edge(double[] points, String label, double labelX, double labelY) {
			this(points, label, labelX, labelY, EDGE);
		}
	}

	/** The laid-out nodes. */
	List<Node> nodes();

	/** The laid-out edges. */
	List<Edge> edges();

	/** Width of the drawing. */
	double width();

	/** Height of the drawing. */
	double height();
}
