// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.compile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.isolde.dsl.isolde.AsiClassDecl;
import dev.isolde.dsl.isolde.Block;
import dev.isolde.dsl.isolde.ClassMember;
import dev.isolde.dsl.isolde.ContextDecl;
import dev.isolde.dsl.isolde.CostOverride;
import dev.isolde.dsl.isolde.Costs;
import dev.isolde.dsl.isolde.EnterHooks;
import dev.isolde.dsl.isolde.ExitHooks;
import dev.isolde.dsl.isolde.GlobalBlock;
import dev.isolde.dsl.isolde.Import;
import dev.isolde.dsl.isolde.LocalBlock;
import dev.isolde.dsl.isolde.MapItem;
import dev.isolde.dsl.isolde.Maps;
import dev.isolde.dsl.isolde.Policy;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Rule;
import dev.isolde.dsl.isolde.SensitiveBlock;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.policy.AsiClassSpec;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.ContextSpec;
import dev.isolde.engine.policy.Hook;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.Pattern;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;
import dev.isolde.engine.policy.SourceLocation;

/**
 * Turns a parsed policy file (and the files it imports, base first) into the engine's input, so the
 * engine never sees Xtext. Rule ids are {@code file:line[.n]}, which is also what reports cite.
 */
public final class PolicyCompiler {

	/** Compiles the first policy of {@code root}, layered over the policies it imports. */
	public PolicySpec compile(PolicyFile root) throws CompileException {
		List<PolicyFile> files = new ArrayList<>();
		collect(root, new LinkedHashSet<>(), files);
		Policy main = root.getElements().stream().filter(Policy.class::isInstance).map(Policy.class::cast).findFirst()
				.orElseThrow(() -> new CompileException(fileName(root) + ": no policy in this file"));
		List<RuleSpec> rules = new ArrayList<>();
		List<AsiClassSpec> classes = new ArrayList<>();
		List<ContextSpec> contexts = new ArrayList<>();
		Set<String> ids = new LinkedHashSet<>();
		for (PolicyFile file : files) {
			for (EObject element : file.getElements()) {
				if (element instanceof Policy p) {
					for (Block block : p.getBlocks()) {
						for (Rule rule : rules(block)) {
							rules.add(rule(rule, block, ids));
						}
					}
				} else if (element instanceof AsiClassDecl c) {
					classes.add(asiClass(c));
				} else if (element instanceof ContextDecl c) {
					contexts.addAll(contexts(c));
				}
			}
		}
		AsiModel model = main.getModel() == dev.isolde.dsl.isolde.AsiModel.ASI2025 ? AsiModel.ASI2025 : AsiModel.RFC2022;
		// asi2025 is a denylist: memory is non-sensitive unless marked, whether or not the policy says so
		MemoryClass defaultClass = model == AsiModel.ASI2025
				|| main.getDefault() == dev.isolde.dsl.isolde.DefaultClass.NONSENSITIVE
						? MemoryClass.GLOBAL_NONSENSITIVE : MemoryClass.SENSITIVE;
		try {
			return new PolicySpec(main.getName(), fileName(root), model, main.getPaging(), defaultClass, rules, classes,
					contexts, vmallocLocalPercent(main));
		} catch (IllegalArgumentException e) {
			throw new CompileException(location(main) + ": " + e.getMessage());
		}
	}

	/** The policy's vmalloc split, the kernel's default when it names none (0 is a value the kernel takes as 1). */
	static int vmallocLocalPercent(Policy policy) {
		boolean written = !NodeModelUtils.findNodesForFeature(policy,
				dev.isolde.dsl.isolde.IsoldePackage.Literals.POLICY__VMALLOC_LOCAL_PERCENT).isEmpty();
		return written ? policy.getVmallocLocalPercent() : PolicySpec.DEFAULT_VMALLOC_LOCAL_PERCENT;
	}

	private static void collect(PolicyFile file, Set<URI> seen, List<PolicyFile> out) throws CompileException {
		Resource resource = file.eResource();
		if (resource != null && !seen.add(resource.getURI())) {
			return;
		}
		for (Import imp : file.getImports()) {
			URI uri = URI.createURI(imp.getImportURI()).resolve(resource.getURI());
			Resource imported = EcoreUtil2.getResource(resource, uri.toString());
			if (imported == null || imported.getContents().isEmpty()) {
				throw new CompileException(location(imp) + ": cannot read imported policy " + imp.getImportURI());
			}
			collect((PolicyFile) imported.getContents().get(0), seen, out);
		}
		out.add(file);
	}

	private static List<Rule> rules(Block block) {
		if (block instanceof GlobalBlock g) {
			return g.getRules();
		}
		if (block instanceof LocalBlock l) {
			return l.getRules();
		}
		return ((SensitiveBlock) block).getRules();
	}

	private static RuleSpec rule(Rule rule, Block block, Set<String> ids) {
		SourceLocation loc = sourceLocation(rule);
		String id = loc.file() + ":" + loc.line();
		for (int n = 2; !ids.add(id); n++) {
			id = loc.file() + ":" + loc.line() + "." + n;
		}
		MemoryClass target;
		ContextKind per = null;
		if (block instanceof GlobalBlock) {
			target = MemoryClass.GLOBAL_NONSENSITIVE;
		} else if (block instanceof LocalBlock l) {
			target = MemoryClass.LOCAL_NONSENSITIVE;
			per = contextKind(l.getPer());
		} else {
			target = MemoryClass.SENSITIVE;
		}
		return new RuleSpec(id, loc, target, per, SelectorKind.valueOf(rule.getKind().name()),
				rule.getPatterns().stream().map(PolicyCompiler::pattern).toList(),
				rule.getExcepts().stream().map(PolicyCompiler::pattern).toList(), rule.getRationale());
	}

	private static Pattern pattern(dev.isolde.dsl.isolde.Pattern p) {
		if (p.getRegex() != null) {
			return Pattern.of(p.getRegex());
		}
		return Pattern.name(p.getText() != null ? p.getText() : p.getName());
	}

	private static AsiClassSpec asiClass(AsiClassDecl c) throws CompileException {
		List<String> maps = new ArrayList<>();
		List<Hook> enter = new ArrayList<>();
		List<Hook> exit = new ArrayList<>();
		Map<Hook, Long> costs = new EnumMap<>(Hook.class);
		for (ClassMember member : c.getMembers()) {
			if (member instanceof Maps m) {
				for (MapItem item : m.getItems()) {
					maps.add(mapItem(item));
				}
			} else if (member instanceof EnterHooks h) {
				h.getHooks().forEach(x -> enter.add(hook(x)));
			} else if (member instanceof ExitHooks h) {
				h.getHooks().forEach(x -> exit.add(hook(x)));
			} else if (member instanceof Costs cs) {
				for (CostOverride o : cs.getCosts()) {
					hookNamed(o.getItem().name()).ifPresent(h -> costs.put(h, (long) o.getCycles()));
				}
			}
		}
		ContextKind per = c.getPer() == null ? ContextKind.VM : contextKind(c.getPer());
		return new AsiClassSpec(c.getName(), per, maps, enter, exit, costs, sourceLocation(c));
	}

	private static String mapItem(MapItem item) throws CompileException {
		String kind = item.getKind().getLiteral();
		if (item.getPattern() == null) {
			return kind;
		}
		if (!"region".equals(kind)) {
			throw new CompileException(location(item) + ": a class maps whole regions; write `region NAME`, not `"
					+ kind + " NAME`");
		}
		dev.isolde.dsl.isolde.Pattern p = item.getPattern();
		return "region " + (p.getText() != null ? p.getText() : p.getName());
	}

	private static java.util.Optional<Hook> hookNamed(String enumName) {
		try {
			return java.util.Optional.of(Hook.valueOf(enumName));
		} catch (IllegalArgumentException e) {
			return java.util.Optional.empty(); // a machine-wide cost item (page_fault, ipi ...), not a hook
		}
	}

	private static Hook hook(dev.isolde.dsl.isolde.Hook h) {
		return Hook.valueOf(h.name());
	}

	private static List<ContextSpec> contexts(ContextDecl c) {
		// a context that uses no ASI class runs unrestricted: it has no instance, so the engine never sees it
		ContextKind kind = contextKind(c.getKind());
		return c.getClasses().stream().map(cls -> new ContextSpec(c.getName(), kind, cls.getName())).toList();
	}

	private static ContextKind contextKind(dev.isolde.dsl.isolde.ContextKind k) {
		return ContextKind.valueOf(k.name());
	}

	static SourceLocation sourceLocation(EObject o) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(o);
		int line = node == null ? 0 : node.getStartLine();
		int column = 0;
		if (node != null) {
			String text = node.getRootNode().getText();
			int lineStart = text.lastIndexOf('\n', node.getOffset() - 1) + 1;
			column = node.getOffset() - lineStart + 1;
		}
		return new SourceLocation(fileName(EcoreUtil2.getContainerOfType(o, PolicyFile.class)), line, column);
	}

	private static String location(EObject o) {
		SourceLocation l = sourceLocation(o);
		return l.file() + ":" + l.line() + ":" + l.column();
	}

	private static String fileName(PolicyFile file) {
		Resource r = file == null ? null : file.eResource();
		return r == null ? "<policy>" : r.getURI().lastSegment();
	}
}
