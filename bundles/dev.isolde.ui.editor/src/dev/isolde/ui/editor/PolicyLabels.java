// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;

import dev.isolde.dsl.isolde.AsiClassDecl;
import dev.isolde.dsl.isolde.ContextDecl;
import dev.isolde.dsl.isolde.GlobalBlock;
import dev.isolde.dsl.isolde.LocalBlock;
import dev.isolde.dsl.isolde.Pattern;
import dev.isolde.dsl.isolde.Policy;
import dev.isolde.dsl.isolde.Rule;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.isolde.SensitiveBlock;

/** Short texts for policy elements, shared by the outline and the hover. */
public final class PolicyLabels {

	private PolicyLabels() {
	}

	/** The text of a pattern as written: name, "glob" or /regex/. */
	public static String text(Pattern p) {
		return p.getRegex() != null ? p.getRegex() : p.getText() != null ? "\"" + p.getText() + "\"" : p.getName();
	}

	/** One line naming an element of the policy. */
	public static String label(EObject o) {
		if (o instanceof Policy p) {
			return "policy " + p.getName() + " (" + p.getArch() + ", " + p.getPaging() + "-level"
					+ (p.getModel() == null ? "" : ", " + p.getModel().getLiteral()) + ")";
		}
		if (o instanceof GlobalBlock) {
			return "global nonsensitive";
		}
		if (o instanceof LocalBlock l) {
			return "local nonsensitive per " + l.getPer().getLiteral();
		}
		if (o instanceof SensitiveBlock) {
			return "sensitive";
		}
		if (o instanceof Rule r) {
			return r.getKind().getLiteral() + " " + r.getPatterns().stream().map(PolicyLabels::text).collect(Collectors.joining(", "))
					+ (r.getExcepts().isEmpty() ? "" : " except " + r.getExcepts().stream().map(PolicyLabels::text).collect(Collectors.joining(", ")));
		}
		if (o instanceof AsiClassDecl c) {
			return "asi class " + c.getName() + (c.getPer() == null ? "" : " per " + c.getPer().getLiteral());
		}
		if (o instanceof ContextDecl c) {
			return c.getKind().getLiteral() + " " + c.getName();
		}
		if (o instanceof Scenario s) {
			return "scenario " + s.getName();
		}
		return o.eClass().getName();
	}

	/** The hover text of a rule: its class, selector and rationale. */
	public static String describe(Rule rule) {
		String block = label(rule.eContainer());
		StringBuilder b = new StringBuilder();
		b.append(block).append(": ").append(label(rule));
		if (rule.getRationale() != null) {
			b.append("\n\nBecause: ").append(rule.getRationale());
		} else {
			b.append("\n\n(no rationale: add `because \"...\"` so reviews and reports can say why)");
		}
		return b.toString();
	}
}
