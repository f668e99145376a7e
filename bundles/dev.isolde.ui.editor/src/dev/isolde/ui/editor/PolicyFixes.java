// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScopeProvider;

import dev.isolde.dsl.isolde.AsiClassDecl;
import dev.isolde.dsl.isolde.AsiModel;
import dev.isolde.dsl.isolde.ClassMember;
import dev.isolde.dsl.isolde.ContextDecl;
import dev.isolde.dsl.isolde.Costs;
import dev.isolde.dsl.isolde.DefaultClass;
import dev.isolde.dsl.isolde.Element;
import dev.isolde.dsl.isolde.EnterHooks;
import dev.isolde.dsl.isolde.ExitHooks;
import dev.isolde.dsl.isolde.Flush;
import dev.isolde.dsl.isolde.IsoldePackage.Literals;
import dev.isolde.dsl.isolde.LocalBlock;
import dev.isolde.dsl.isolde.Policy;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Rule;
import dev.isolde.dsl.isolde.Run;
import dev.isolde.dsl.isolde.Workload;
import dev.isolde.dsl.kernel.KernelModels;
import dev.isolde.dsl.kernel.KernelNames;
import dev.isolde.dsl.services.IsoldeGrammarAccess;
import dev.isolde.dsl.validation.IsoldeValidator;

/**
 * Quick fixes for the validator's issues. They are computed from the current text at the issue's current range, so
 * the Problems view and Ctrl+1 never apply an edit to offsets of an older version of the policy.
 */
public final class PolicyFixes {

	/** The issue codes this class has fixes for. */
	public static final Set<String> CODES = Set.of(Diagnostic.LINKING_DIAGNOSTIC,
			IsoldeValidator.SELECTOR_MATCHES_NOTHING, IsoldeValidator.DEFAULT_NONSENSITIVE_IN_RFC2022,
			IsoldeValidator.DEFAULT_SENSITIVE_IN_ASI2025, IsoldeValidator.LOCAL_BLOCK_IN_ASI2025,
			IsoldeValidator.ASI2025_MEMBER_IN_RFC2022, IsoldeValidator.CONFLICTING_CLAIM,
			IsoldeValidator.SHADOWED_RULE, IsoldeValidator.DUPLICATE_CLASS, IsoldeValidator.DUPLICATE_CONTEXT,
			IsoldeValidator.HOOK_NONE_COMBINED, IsoldeValidator.UNKNOWN_WORKLOAD, IsoldeValidator.MACHINE_COST_IN_CLASS,
			IsoldeValidator.CPU_OUT_OF_RANGE);

	/** At most this many "did you mean" names per issue. */
	static final int SPELLINGS = 5;

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final String text;
	private final XtextResource resource;
	private final int offset;
	private final int length;

	private PolicyFixes(String text, URI location, int offset, int length) {
		this.text = text;
		this.resource = PolicyLanguage.parse(text, location);
		this.offset = offset;
		this.length = length;
	}

	/** Whether issues of {@code code} can have fixes. */
	public static boolean canFix(String code) {
		return code != null && CODES.contains(code);
	}

	/** The fixes of the issue {@code code} at {@code offset, length} of {@code text}, best first; maybe none. */
	public static List<PolicyFix> of(String code, String text, int offset, int length, URI location) {
		if (!canFix(code) || offset < 0 || offset + length > text.length()) {
			return List.of();
		}
		PolicyFixes f = new PolicyFixes(text, location, offset, length);
		EObject at = f.elementAtIssue();
		if (at == null) {
			return List.of();
		}
		List<PolicyFix> fixes = new ArrayList<>();
		switch (code) {
		case Diagnostic.LINKING_DIAGNOSTIC -> f.unresolvedReference(at, fixes);
		case IsoldeValidator.SELECTOR_MATCHES_NOTHING -> f.unknownKernelName(at, fixes);
		case IsoldeValidator.DEFAULT_NONSENSITIVE_IN_RFC2022 -> f.defaultAgainstModel(at, DefaultClass.SENSITIVE,
				AsiModel.ASI2025, fixes);
		case IsoldeValidator.DEFAULT_SENSITIVE_IN_ASI2025 -> f.defaultAgainstModel(at, DefaultClass.NONSENSITIVE,
				AsiModel.RFC2022, fixes);
		case IsoldeValidator.LOCAL_BLOCK_IN_ASI2025 -> f.notInModel(at, LocalBlock.class, AsiModel.RFC2022, fixes);
		case IsoldeValidator.ASI2025_MEMBER_IN_RFC2022 -> f.notInModel(at, ClassMember.class, AsiModel.ASI2025, fixes);
		case IsoldeValidator.CONFLICTING_CLAIM -> f.removePattern(at, "keep the other class's claim", fixes);
		case IsoldeValidator.SHADOWED_RULE -> f.removeElement(EcoreUtil2.getContainerOfType(at, Rule.class),
				"Remove the shadowed rule", fixes);
		case IsoldeValidator.DUPLICATE_CLASS, IsoldeValidator.DUPLICATE_CONTEXT -> f.removeElement(
				EcoreUtil2.getContainerOfType(at, Element.class), "Remove this duplicate declaration", fixes);
		case IsoldeValidator.HOOK_NONE_COMBINED -> f.removeNoneHook(at, fixes);
		case IsoldeValidator.UNKNOWN_WORKLOAD -> f.unknownWorkload(at, fixes);
		case IsoldeValidator.MACHINE_COST_IN_CLASS -> f.removeListed(at, Costs.class, Literals.COSTS__COSTS,
				"from this class (a scenario's cost sets it)", fixes);
		case IsoldeValidator.CPU_OUT_OF_RANGE -> f.removeListed(at, Run.class, Literals.RUN__CPUS, "", fixes);
		default -> throw new IllegalStateException("code listed in CODES without a fix: " + code);
		}
		return fixes;
	}

	private EObject elementAtIssue() {
		if (resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
	}

	// --- spelling: references and kernel names ---

	private void unresolvedReference(EObject at, List<PolicyFix> fixes) {
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || !(leaf.getGrammarElement() instanceof CrossReference ref)) {
			return;
		}
		EReference reference = GrammarUtil.getReference(ref);
		String wrong = leaf.getText();
		List<String> visible = new ArrayList<>();
		IScopeProvider scopes = PolicyLanguage.injector().getInstance(IScopeProvider.class);
		for (IEObjectDescription d : scopes.getScope(at, reference).getAllElements()) {
			visible.add(d.getName().toString());
		}
		for (String name : ClosestNames.of(wrong, visible, SPELLINGS)) {
			fixes.add(new PolicyFix("Change to '" + name + "'", new PolicyFix.Edit(leaf.getOffset(), leaf.getLength(),
					name)));
		}
		if (reference == Literals.CONTEXT_DECL__CLASSES && at instanceof ContextDecl context
				&& PLAIN_NAME.matcher(wrong).matches()) {
			String declaration = "\nasi class " + wrong + " per " + context.getKind().getLiteral()
					+ " {\n  maps global\n}\n";
			String before = text.endsWith("\n") ? "" : "\n";
			fixes.add(new PolicyFix("Declare asi class " + wrong + " per " + context.getKind().getLiteral(),
					new PolicyFix.Edit(text.length(), 0, before + declaration)));
		}
	}

	private void unknownKernelName(EObject at, List<PolicyFix> fixes) {
		Rule rule = EcoreUtil2.getContainerOfType(at, Rule.class);
		KernelNames kernel = rule == null ? null
				: PolicyLanguage.injector().getInstance(KernelModels.class).of((PolicyFile) EcoreUtil2.getRootContainer(rule));
		Set<String> names = kernel == null ? null : kernel.of(rule.getKind());
		if (names != null && at instanceof dev.isolde.dsl.isolde.Pattern p && p.getRegex() == null) {
			String wrong = p.getName() != null ? p.getName() : p.getText();
			if (wrong != null && wrong.chars().noneMatch(c -> c == '*' || c == '?' || c == '[')) {
				for (String name : ClosestNames.of(wrong, names, SPELLINGS)) {
					fixes.add(new PolicyFix("Change to " + name + " (" + rule.getKind().getLiteral() + " in "
							+ kernel.fileName() + ")", new PolicyFix.Edit(offset, length, written(name))));
				}
			}
		}
		removePattern(at, "it matches nothing", fixes);
	}

	/** A kernel name as a pattern: bare when it lexes as a name, quoted otherwise (e.g. "kmalloc-64"). */
	private static String written(String name) {
		IsoldeGrammarAccess grammar = PolicyLanguage.injector().getInstance(IsoldeGrammarAccess.class);
		boolean bare = PLAIN_NAME.matcher(name).matches() && !GrammarUtil.getAllKeywords(grammar.getGrammar()).contains(name);
		return bare ? name : '"' + name + '"';
	}

	private void unknownWorkload(EObject at, List<PolicyFix> fixes) {
		if (!(at instanceof Workload workload) || workload.getName() == null) {
			return;
		}
		List<String> known = dev.isolde.engine.sim.Workload.NAMES;
		List<String> close = ClosestNames.of(workload.getName(), known, SPELLINGS);
		for (String name : close.isEmpty() ? known : close) {
			fixes.add(new PolicyFix("Change to workload \"" + name + "\"", new PolicyFix.Edit(offset, length,
					'"' + name + '"')));
		}
	}

	// --- the two ASI models ---

	private void defaultAgainstModel(EObject at, DefaultClass fitting, AsiModel other, List<PolicyFix> fixes) {
		if (!(at instanceof Policy policy)) {
			return;
		}
		fixes.add(new PolicyFix("Change to default " + fitting.getLiteral(), new PolicyFix.Edit(offset, length,
				fitting.getLiteral())));
		fixes.add(new PolicyFix("Switch policy " + policy.getName() + " to model " + other.getLiteral(),
				modelEdit(policy, other)));
	}

	private void notInModel(EObject at, Class<? extends EObject> construct, AsiModel needed, List<PolicyFix> fixes) {
		EObject element = EcoreUtil2.getContainerOfType(at, construct);
		Policy policy = element instanceof LocalBlock ? EcoreUtil2.getContainerOfType(element, Policy.class)
				: firstPolicy(element);
		if (element == null || policy == null) {
			return;
		}
		List<PolicyFix.Edit> edits = new ArrayList<>(List.of(modelEdit(policy, needed)));
		// the other model's default would be the next error: switch it along
		INode written = first(NodeModelUtils.findNodesForFeature(policy, Literals.POLICY__DEFAULT));
		DefaultClass fitting = needed == AsiModel.RFC2022 ? DefaultClass.SENSITIVE : DefaultClass.NONSENSITIVE;
		if (written != null && policy.getDefault() != fitting) {
			edits.add(new PolicyFix.Edit(written.getOffset(), written.getLength(), fitting.getLiteral()));
		}
		fixes.add(new PolicyFix("Switch policy " + policy.getName() + " to model " + needed.getLiteral()
				+ (edits.size() > 1 ? " (default " + fitting.getLiteral() + ")" : ""), edits));
		String what = element instanceof LocalBlock ? "local nonsensitive block" : "'" + firstWord(element) + "' member";
		removeElement(element, "Remove the " + what, fixes);
	}

	private static Policy firstPolicy(EObject element) {
		if (element == null) {
			return null;
		}
		for (Element e : ((PolicyFile) EcoreUtil2.getRootContainer(element)).getElements()) {
			if (e instanceof Policy p) {
				return p;
			}
		}
		return null;
	}

	/** Sets {@code model}: replaces the written one, or writes it first in the policy's body. */
	private PolicyFix.Edit modelEdit(Policy policy, AsiModel model) {
		INode written = first(NodeModelUtils.findNodesForFeature(policy, Literals.POLICY__MODEL));
		if (written != null) {
			return new PolicyFix.Edit(written.getOffset(), written.getLength(), model.getLiteral());
		}
		for (ILeafNode leaf : NodeModelUtils.findActualNodeFor(policy).getLeafNodes()) {
			if ("{".equals(leaf.getText())) {
				return new PolicyFix.Edit(leaf.getEndOffset(), 0, "\n  model " + model.getLiteral());
			}
		}
		throw new IllegalStateException("a parsed policy has a '{'");
	}

	// --- removals ---

	private void removePattern(EObject at, String why, List<PolicyFix> fixes) {
		Rule rule = EcoreUtil2.getContainerOfType(at, Rule.class);
		if (rule == null || !(at instanceof dev.isolde.dsl.isolde.Pattern p)) {
			return;
		}
		if (rule.getPatterns().size() == 1) {
			removeElement(rule, "Remove the rule (" + why + ")", fixes);
			return;
		}
		List<INode> items = NodeModelUtils.findNodesForFeature(rule, Literals.RULE__PATTERNS);
		int index = rule.getPatterns().indexOf(p);
		fixes.add(new PolicyFix("Remove " + PolicyLabels.text(p) + " from this rule (" + why + ")",
				removeListItem(items, index)));
	}

	/**
	 * Removes the item at the issue from the list {@code feature} of the enclosing {@code owner} ({@code cost a = 1,
	 * b = 2}, {@code on cpu 1, 4}), or the whole statement when it is the only item.
	 */
	private void removeListed(EObject at, Class<? extends EObject> owner, EStructuralFeature feature, String why,
			List<PolicyFix> fixes) {
		EObject statement = EcoreUtil2.getContainerOfType(at, owner);
		if (statement == null) {
			return;
		}
		List<INode> items = NodeModelUtils.findNodesForFeature(statement, feature);
		for (int i = 0; i < items.size(); i++) {
			INode item = items.get(i);
			if (item.getOffset() <= offset && offset < item.getEndOffset()) {
				String what = NodeModelUtils.getTokenText(item);
				String label = "Remove " + what + (why.isEmpty() ? "" : " " + why);
				if (items.size() == 1) {
					removeElement(statement, label, fixes);
				} else {
					fixes.add(new PolicyFix(label, removeListItem(items, i)));
				}
			}
		}
	}

	private void removeNoneHook(EObject at, List<PolicyFix> fixes) {
		EStructuralFeature feature = at instanceof EnterHooks ? Literals.ENTER_HOOKS__HOOKS
				: at instanceof ExitHooks ? Literals.EXIT_HOOKS__HOOKS : at instanceof Flush ? Literals.FLUSH__HOOKS : null;
		if (feature == null) {
			return;
		}
		List<INode> items = NodeModelUtils.findNodesForFeature(at, feature);
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).getOffset() == offset) {
				fixes.add(new PolicyFix("Remove hook none", removeListItem(items, i)));
			}
		}
	}

	/** Removes item {@code index} of a comma-separated list together with one neighbouring comma. */
	private static PolicyFix.Edit removeListItem(List<INode> items, int index) {
		INode item = items.get(index);
		if (index > 0) {
			int start = items.get(index - 1).getEndOffset();
			return new PolicyFix.Edit(start, item.getEndOffset() - start, "");
		}
		int end = items.get(1).getOffset();
		return new PolicyFix.Edit(item.getOffset(), end - item.getOffset(), "");
	}

	private void removeElement(EObject element, String label, List<PolicyFix> fixes) {
		ICompositeNode node = element == null ? null : NodeModelUtils.findActualNodeFor(element);
		if (node != null) {
			fixes.add(new PolicyFix(label, wholeLines(node.getOffset(), node.getEndOffset())));
		}
	}

	/** Deletes {@code start..end}, and its lines when nothing else is on them. */
	private PolicyFix.Edit wholeLines(int start, int end) {
		int lineStart = start;
		while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
			lineStart--;
		}
		int lineEnd = end;
		while (lineEnd < text.length() && (text.charAt(lineEnd) == ' ' || text.charAt(lineEnd) == '\t')) {
			lineEnd++;
		}
		boolean aloneBefore = lineStart == 0 || text.charAt(lineStart - 1) == '\n';
		boolean aloneAfter = lineEnd == text.length() || text.charAt(lineEnd) == '\n' || text.charAt(lineEnd) == '\r';
		if (!aloneBefore || !aloneAfter) {
			return new PolicyFix.Edit(start, end - start, "");
		}
		if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
			lineEnd++;
		}
		if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
			lineEnd++;
		}
		return new PolicyFix.Edit(lineStart, lineEnd - lineStart, "");
	}

	private static INode first(List<INode> nodes) {
		return nodes.isEmpty() ? null : nodes.get(0);
	}

	private static String firstWord(EObject element) {
		String s = NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(element));
		int space = s.indexOf(' ');
		return space < 0 ? s : s.substring(0, space);
	}
}
