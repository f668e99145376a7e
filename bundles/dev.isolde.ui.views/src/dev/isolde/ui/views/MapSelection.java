// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import java.util.Locale;
import java.util.stream.Collectors;

import dev.isolde.engine.classify.ClassKey;
import dev.isolde.engine.explain.Explainer;
import dev.isolde.engine.explain.Explanation;
import dev.isolde.engine.kernel.UnsignedOrder;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.io.Sizes;
import dev.isolde.render.map.MapModel;

/**
 * A range selected in the address-space map, explained for the Properties view: what it is, its class, the rule
 * that decided (file:line, rationale), the instances that map it, its physical page and its neighbours on that page.
 */
public final class MapSelection extends PropertyList {

	private final MapModel.Hit hit;
	private final Explanation explanation;

	/** Explains {@code hit} of {@code model}. */
	public MapSelection(MapModel model, MapModel.Hit hit) {
		this.hit = hit;
		var a = model.analysis();
		this.explanation = new Explainer(a.classification(), a.spaces()).explain(hit.address());
		String what = "What";
		add(what, "address", UnsignedOrder.hex(hit.address()));
		add(what, "range", UnsignedOrder.hex(hit.start()) + "–" + UnsignedOrder.hex(hit.end()) + " ("
				+ Sizes.bytes(hit.end() - hit.start()) + ")");
		add(what, "column", hit.column());
		add(what, "mapping", hit.what());
		add(what, "object", explanation.object() == null ? null : explanation.object().toString());
		add(what, "region", explanation.region());
		String why = "Why";
		add(why, "class", ClassKey.describe(explanation.classKey()));
		add(why, "decided by", explanation.provenance().describe());
		RuleSpec rule = rule();
		if (rule != null) {
			add(why, "rule", rule.id());
			add(why, "rule location", rule.loc().file() + ":" + rule.loc().line());
			add(why, "rationale", rule.rationale());
		}
		String where = "Where";
		add(where, "mapped by", explanation.mappedBy().isEmpty() ? "no restricted space"
				: String.join(", ", explanation.mappedBy()));
		add(where, "physical page", explanation.physPage() < 0 ? "unknown" : UnsignedOrder.hex(explanation.physPage()));
		add(where, "neighbours on the page", explanation.pageNeighbours().isEmpty() ? "none"
				: explanation.pageNeighbours().stream().map(Object::toString).collect(Collectors.joining(", ")));
	}

	/** What the map showed at the selected point. */
	public MapModel.Hit hit() {
		return hit;
	}

	/** The engine's explanation of the selected address. */
	public Explanation explanation() {
		return explanation;
	}

	/** The rule that decided, or null for the policy default. */
	public RuleSpec rule() {
		return explanation.provenance().rule();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s in %s", hit.what(), hit.column());
	}
}
