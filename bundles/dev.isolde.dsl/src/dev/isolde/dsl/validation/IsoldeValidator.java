// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import com.google.inject.Inject;

import dev.isolde.dsl.isolde.AsiClassDecl;
import dev.isolde.dsl.isolde.AsiModel;
import dev.isolde.dsl.isolde.Block;
import dev.isolde.dsl.isolde.ClassMember;
import dev.isolde.dsl.isolde.ContextDecl;
import dev.isolde.dsl.isolde.ContextKind;
import dev.isolde.dsl.isolde.CostItem;
import dev.isolde.dsl.isolde.Costs;
import dev.isolde.dsl.isolde.DefaultClass;
import dev.isolde.dsl.isolde.Element;
import dev.isolde.dsl.isolde.EnterHooks;
import dev.isolde.dsl.isolde.ExitHooks;
import dev.isolde.dsl.isolde.Flush;
import dev.isolde.dsl.isolde.GlobalBlock;
import dev.isolde.dsl.isolde.Hook;
import dev.isolde.dsl.isolde.Import;
import dev.isolde.dsl.isolde.IsoldePackage.Literals;
import dev.isolde.dsl.isolde.KernelRef;
import dev.isolde.dsl.isolde.LocalBlock;
import dev.isolde.dsl.isolde.MapItem;
import dev.isolde.dsl.isolde.MapKind;
import dev.isolde.dsl.isolde.Maps;
import dev.isolde.dsl.isolde.Pattern;
import dev.isolde.dsl.isolde.Policy;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Rule;
import dev.isolde.dsl.isolde.Run;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.isolde.SelectorKind;
import dev.isolde.dsl.isolde.SensitiveBlock;
import dev.isolde.dsl.isolde.Shape;
import dev.isolde.dsl.isolde.TaintPolicy;
import dev.isolde.dsl.isolde.Taints;
import dev.isolde.dsl.isolde.Trace;
import dev.isolde.dsl.isolde.Workload;
import dev.isolde.dsl.kernel.KernelModels;
import dev.isolde.dsl.kernel.KernelNames;
import dev.isolde.dsl.scenario.ScenarioRun;
import dev.isolde.dsl.scoping.ConfinedImportUriResolver;
import dev.isolde.dsl.selector.NamePattern;
import dev.isolde.engine.policy.RegexBudget;
import dev.isolde.model.Vulnerability;

/** The rules a policy must obey beyond its syntax: ASI facts (DESIGN §2, §2b) and firewall-style rule analysis. */
public class IsoldeValidator extends AbstractIsoldeValidator {

	private static final String PREFIX = "dev.isolde.dsl.";

	/** {@code default nonsensitive} under model rfc2022, whose allowlist makes memory sensitive by default. */
	public static final String DEFAULT_NONSENSITIVE_IN_RFC2022 = PREFIX + "defaultNonsensitiveInRfc2022";
	/** {@code default sensitive} under model asi2025, which is a denylist. */
	public static final String DEFAULT_SENSITIVE_IN_ASI2025 = PREFIX + "defaultSensitiveInAsi2025";
	/** A {@code local nonsensitive} block under model asi2025, which has no local class. */
	public static final String LOCAL_BLOCK_IN_ASI2025 = PREFIX + "localBlockInAsi2025";
	/** A taint-policy class member ({@code taints}, {@code policy}, {@code flush}) under model rfc2022. */
	public static final String ASI2025_MEMBER_IN_RFC2022 = PREFIX + "asi2025MemberInRfc2022";
	/** A {@code global nonsensitive} block under model asi2025, where non-sensitive is the default. */
	public static final String GLOBAL_BLOCK_IN_ASI2025 = PREFIX + "globalBlockInAsi2025";
	/** {@code vmalloc_local_nonsensitive_percent} under model asi2025, which has no local class. */
	public static final String VMALLOC_SPLIT_IN_ASI2025 = PREFIX + "vmallocSplitInAsi2025";
	/** A vmalloc split of 0 or 100 % or more, which the kernel clamps. */
	public static final String VMALLOC_SPLIT_CLAMPED = PREFIX + "vmallocSplitClamped";
	/** {@code rfc_limits} under model asi2025: the limits are the 2022 RFC's. */
	public static final String RFC_LIMITS_IN_ASI2025 = PREFIX + "rfcLimitsInAsi2025";
	/** A sensitive rule on the kernel image (symbol, section, percpu, region, stack) under model asi2025. */
	public static final String KERNEL_IMAGE_SENSITIVE_IN_ASI2025 = PREFIX + "kernelImageSensitiveInAsi2025";
	/** {@code maps local} under model asi2025, which has no local class. */
	public static final String MAPS_LOCAL_IN_ASI2025 = PREFIX + "mapsLocalInAsi2025";
	/** {@code on enter} / {@code on exit} hooks under model asi2025, whose classes flush by taint policy. */
	public static final String HOOKS_IN_ASI2025 = PREFIX + "hooksInAsi2025";
	/** A KPTI class under model asi2025, where PTI is off and the userspace class replaces it. */
	public static final String KPTI_IN_ASI2025 = PREFIX + "kptiInAsi2025";
	/** A memory selector naming memory the engine does not know. */
	public static final String UNKNOWN_MEMORY = PREFIX + "unknownMemory";
	/** The same pattern claimed by two different non-sensitive classes. */
	public static final String CONFLICTING_CLAIM = PREFIX + "conflictingClaim";
	/** A {@code sensitive} rule overriding an exact name that a non-sensitive rule names. */
	public static final String SENSITIVE_OVERRIDES_EXACT = PREFIX + "sensitiveOverridesExact";
	/** A rule all of whose patterns an earlier rule of the same block already matches. */
	public static final String SHADOWED_RULE = PREFIX + "shadowedRule";
	/** The {@code kernel} statement names a file that does not exist. */
	public static final String KERNEL_MODEL_NOT_FOUND = PREFIX + "kernelModelNotFound";
	/** The {@code kernel} statement names a file that is not a readable kernel model. */
	public static final String KERNEL_MODEL_UNREADABLE = PREFIX + "kernelModelUnreadable";
	/** A selector pattern that matches no object of the referenced kernel model. */
	public static final String SELECTOR_MATCHES_NOTHING = PREFIX + "selectorMatchesNothing";
	/** A local block selecting memory that belongs to another kind of context. */
	public static final String FOREIGN_CONTEXT_MEMORY = PREFIX + "foreignContextMemory";
	/** A global block selecting one context's memory (user, guest memory or stacks). */
	public static final String CONTEXT_MEMORY_IN_GLOBAL = PREFIX + "contextMemoryInGlobal";
	/** A VM class without the enter hook that mitigates a vulnerability the CPU has. */
	public static final String MISSING_MITIGATION_HOOK = PREFIX + "missingMitigationHook";
	/** Under {@code rfc_limits}: a context using more than one class of its own kind. */
	public static final String RFC_LIMIT_CLASSES_PER_CONTEXT = PREFIX + "rfcLimitClassesPerContext";
	/** Under {@code rfc_limits}: more than ASI_MAX_NUM classes. */
	public static final String RFC_LIMIT_CLASS_COUNT = PREFIX + "rfcLimitClassCount";
	/** A /regex/ that java.util.regex rejects. */
	public static final String INVALID_REGEX = PREFIX + "invalidRegex";
	/** Hook {@code none} listed with other hooks. */
	public static final String HOOK_NONE_COMBINED = PREFIX + "hookNoneCombined";
	/** A class's {@code cost} naming a machine-wide item (page_fault, ipi, ...), which only a scenario can set. */
	public static final String MACHINE_COST_IN_CLASS = PREFIX + "machineCostInClass";
	/** A scenario's {@code cores N smt M} that the simulator cannot model. */
	public static final String BAD_MACHINE_SHAPE = PREFIX + "badMachineShape";
	/** {@code run … on cpu N} beyond the scenario's CPUs. */
	public static final String CPU_OUT_OF_RANGE = PREFIX + "cpuOutOfRange";
	/** A {@code workload} name the generator does not know. */
	public static final String UNKNOWN_WORKLOAD = PREFIX + "unknownWorkload";
	/** A scenario's {@code trace} outside the policy's directory tree. */
	public static final String TRACE_OUTSIDE_PROJECT = PREFIX + "traceOutsideProject";
	/** A scenario's {@code trace} that does not exist. */
	public static final String TRACE_NOT_FOUND = PREFIX + "traceNotFound";
	/** Two contexts with one name in a file. */
	public static final String DUPLICATE_CONTEXT = PREFIX + "duplicateContext";
	/** Two ASI classes with one name in a file. */
	public static final String DUPLICATE_CLASS = PREFIX + "duplicateClass";
	/** An import that is absolute or leaves the importing file's directory. */
	public static final String IMPORT_OUTSIDE_PROJECT = PREFIX + "importOutsideProject";

	/** ASI_MAX_NUM = 1 << ASI_MAX_NUM_ORDER (2) in the 2022 RFC's asm/asi.h. */
	static final int ASI_MAX_NUM = 1 << 2;

	@Inject
	private KernelModels kernelModels;

	// --- the two ASI models (DESIGN §2b) ---

	@Check
	public void checkDefaultMatchesModel(Policy policy) {
		boolean written = !NodeModelUtils.findNodesForFeature(policy, Literals.POLICY__DEFAULT).isEmpty();
		if (policy.getModel() == AsiModel.RFC2022 && policy.getDefault() == DefaultClass.NONSENSITIVE) {
			error("default nonsensitive contradicts model rfc2022: the 2022 RFC is an allowlist, memory is sensitive by default",
					policy, Literals.POLICY__DEFAULT, DEFAULT_NONSENSITIVE_IN_RFC2022);
		} else if (policy.getModel() == AsiModel.ASI2025 && written && policy.getDefault() == DefaultClass.SENSITIVE) {
			error("asi2025 is a denylist: default nonsensitive (only __GFP_SENSITIVE memory is unmapped)", policy,
					Literals.POLICY__DEFAULT, DEFAULT_SENSITIVE_IN_ASI2025);
		}
	}

	@Check
	public void checkLocalBlockExistsInModel(LocalBlock block) {
		Policy policy = EcoreUtil2.getContainerOfType(block, Policy.class);
		if (policy != null && policy.getModel() == AsiModel.ASI2025) {
			error("local nonsensitive exists only in model rfc2022 (the 2022 RFC); the 2024–25 series dropped it", block,
					null, LOCAL_BLOCK_IN_ASI2025);
		}
	}

	@Check
	public void checkClassMemberExistsInModel(ClassMember member) {
		String keyword = member instanceof Taints ? "taints"
				: member instanceof TaintPolicy ? "policy" : member instanceof Flush ? "flush" : null;
		AsiModel model = fileModel(member);
		if (keyword != null && model == AsiModel.RFC2022) {
			error("'" + keyword + "' exists only in model asi2025 (the 2024–25 taint policies); this file's policy uses model rfc2022",
					member, null, ASI2025_MEMBER_IN_RFC2022);
		}
	}

	@Check
	public void checkGlobalBlockExistsInModel(GlobalBlock block) {
		Policy policy = EcoreUtil2.getContainerOfType(block, Policy.class);
		if (policy != null && policy.getModel() == AsiModel.ASI2025) {
			error("global nonsensitive exists only in model rfc2022 (the 2022 allowlist); under asi2025 memory is non-sensitive unless a sensitive block marks it",
					block, null, GLOBAL_BLOCK_IN_ASI2025);
		}
	}

	@Check
	public void checkVmallocSplit(Policy policy) {
		if (NodeModelUtils.findNodesForFeature(policy, Literals.POLICY__VMALLOC_LOCAL_PERCENT).isEmpty()) {
			return;
		}
		int percent = policy.getVmallocLocalPercent();
		if (policy.getModel() == AsiModel.ASI2025) {
			error("vmalloc_local_nonsensitive_percent splits vmalloc space for the local non-sensitive memory of model rfc2022; asi2025 has no local class",
					policy, Literals.POLICY__VMALLOC_LOCAL_PERCENT, VMALLOC_SPLIT_IN_ASI2025);
		} else if (percent == 0 || percent >= 100) {
			warning("the kernel takes vmalloc_local_nonsensitive_percent " + percent + " as " + (percent == 0 ? 1 : 99)
					+ ": each half of vmalloc space keeps at least one PGD entry (asi_vmalloc_init)",
					policy, Literals.POLICY__VMALLOC_LOCAL_PERCENT, VMALLOC_SPLIT_CLAMPED);
		}
	}

	@Check
	public void checkRfcLimitsExistInModel(Policy policy) {
		if (policy.isRfcLimits() && policy.getModel() == AsiModel.ASI2025) {
			error("rfc_limits are the limits of model rfc2022 (ASI_MAX_NUM, one instance per class and process); asi2025 has its own classes, KVM and userspace",
					policy, Literals.POLICY__RFC_LIMITS, RFC_LIMITS_IN_ASI2025);
		}
	}

	/**
	 * The 2024/2025 series maps the whole kernel image, the fixmap and static per-cpu data; only page allocations
	 * can be {@code __GFP_SENSITIVE} (DESIGN §2b), so a sensitive block selects memory, alloc, slab and vmalloc.
	 */
	@Check
	public void checkSensitiveSelectorExistsInModel(Rule rule) {
		if (!(rule.eContainer() instanceof SensitiveBlock)) {
			return;
		}
		Policy policy = EcoreUtil2.getContainerOfType(rule, Policy.class);
		boolean image = switch (rule.getKind()) {
		case SYMBOL, SECTION, PERCPU, REGION, STACK -> true;
		default -> false;
		};
		if (policy != null && policy.getModel() == AsiModel.ASI2025 && image) {
			error("sensitive " + rule.getKind().getLiteral() + " exists only in model rfc2022; asi2025 maps the whole kernel image, fixmap and static per-cpu data, and marks page allocations sensitive: use memory, alloc, slab or vmalloc",
					rule, Literals.RULE__KIND, KERNEL_IMAGE_SENSITIVE_IN_ASI2025);
		}
	}

	@Check
	public void checkMemorySelector(Rule rule) {
		if (rule.getKind() != SelectorKind.MEMORY) {
			return;
		}
		for (int i = 0; i < rule.getPatterns().size(); i++) {
			NamePattern pattern = compile(rule.getPatterns().get(i));
			if (pattern != null && MEMORY_NAMES.stream().noneMatch(pattern::matches)) {
				error("memory " + pattern.text() + " selects nothing: memory is one of " + String.join(", ", MEMORY_NAMES),
						rule, Literals.RULE__PATTERNS, i, UNKNOWN_MEMORY);
			}
		}
	}

	/** What a {@code memory} selector can name (the engine's SelectorScan). */
	private static final List<String> MEMORY_NAMES = List.of("user", "guest", "pagecache");

	@Check
	public void checkMapItemExistsInModel(MapItem item) {
		if (item.getKind() == MapKind.LOCAL && fileModel(item) == AsiModel.ASI2025) {
			error("maps local exists only in model rfc2022; asi2025 has no locally non-sensitive memory", item,
					Literals.MAP_ITEM__KIND, MAPS_LOCAL_IN_ASI2025);
		}
	}

	@Check
	public void checkHooksExistInModel(ClassMember member) {
		if ((member instanceof EnterHooks || member instanceof ExitHooks) && fileModel(member) == AsiModel.ASI2025) {
			String which = member instanceof EnterHooks ? "on enter" : "on exit";
			error("'" + which + "' hooks exist only in model rfc2022 (struct asi_hooks); asi2025 classes flush by taint policy: use taints, policy and flush",
					member, null, HOOKS_IN_ASI2025);
		}
	}

	/** KPTI as an ASI class: named KPTI..., or per process and mapping no global memory (AsiClassSpec#isKpti). */
	@Check
	public void checkKptiExistsInModel(AsiClassDecl asiClass) {
		if (fileModel(asiClass) != AsiModel.ASI2025 || asiClass.getName() == null) {
			return;
		}
		boolean mapsGlobal = true;
		for (ClassMember m : asiClass.getMembers()) {
			if (m instanceof Maps maps) {
				mapsGlobal = maps.getItems().stream().anyMatch(i -> i.getKind() == MapKind.GLOBAL);
			}
		}
		boolean kpti = asiClass.getName().toUpperCase(java.util.Locale.ROOT).startsWith("KPTI")
				|| asiClass.getPer() == ContextKind.PROCESS && !mapsGlobal;
		if (kpti) {
			error("class " + asiClass.getName() + " is KPTI, which exists only in model rfc2022: asi2025 turns PTI off and its userspace class (per process, maps global, user) replaces it",
					asiClass, Literals.ELEMENT__NAME, KPTI_IN_ASI2025);
		}
	}

	/** The model of the file's first policy, or null for files that declare no policy. */
	private static AsiModel fileModel(EObject object) {
		PolicyFile file = EcoreUtil2.getContainerOfType(object, PolicyFile.class);
		if (file != null) {
			for (Element e : file.getElements()) {
				if (e instanceof Policy p) {
					return p.getModel();
				}
			}
		}
		return null;
	}

	// --- rule analysis, as for firewall rule sets ---

	private record Claim(Block block, Rule rule, int index, NamePattern pattern) {
	}

	@Check
	public void checkClaimsDoNotConflict(Policy policy) {
		Map<String, List<Claim>> claims = new HashMap<>();
		for (Block block : policy.getBlocks()) {
			for (Rule rule : block.getRules()) {
				// "memory user" or "stack kernel" in two blocks means each context's own memory, not one object.
				if (rule.getKind() == SelectorKind.MEMORY || rule.getKind() == SelectorKind.STACK) {
					continue;
				}
				for (int i = 0; i < rule.getPatterns().size(); i++) {
					NamePattern pattern = compile(rule.getPatterns().get(i));
					if (pattern == null) {
						continue;
					}
					String key = rule.getKind() + "\0" + pattern.form() + "\0" + pattern.text();
					List<Claim> earlier = claims.computeIfAbsent(key, k -> new ArrayList<>());
					Claim claim = new Claim(block, rule, i, pattern);
					for (Claim other : earlier) {
						if (reportClash(other, claim)) {
							break;
						}
					}
					earlier.add(claim);
				}
			}
		}
	}

	private boolean reportClash(Claim first, Claim second) {
		String a = className(first.block());
		String b = className(second.block());
		if (a.equals(b)) {
			return false;
		}
		boolean firstSensitive = first.block() instanceof SensitiveBlock;
		boolean secondSensitive = second.block() instanceof SensitiveBlock;
		String what = second.rule().getKind().getLiteral() + " " + second.pattern().text();
		if (firstSensitive || secondSensitive) {
			// Sensitive blocks exist to carve exceptions out of globs; overriding an exact name means the
			// non-sensitive rule should simply not name it.
			if (!second.pattern().isExact()) {
				return false;
			}
			Claim sensitive = firstSensitive ? first : second;
			Claim other = firstSensitive ? second : first;
			warning("sensitive " + what + " overrides the exact name in " + className(other.block()) + " (line "
					+ line(other.rule()) + "); remove it there instead", sensitive.rule(), Literals.RULE__PATTERNS,
					sensitive.index(), SENSITIVE_OVERRIDES_EXACT);
			return true;
		}
		error(what + " is claimed by " + a + " (line " + line(first.rule()) + ") and " + b + " (line "
				+ line(second.rule()) + ")", second.rule(), Literals.RULE__PATTERNS, second.index(), CONFLICTING_CLAIM);
		return true;
	}

	private static String className(Block block) {
		if (block instanceof GlobalBlock) {
			return "global nonsensitive";
		}
		if (block instanceof LocalBlock local) {
			return "local nonsensitive per " + local.getPer().getLiteral();
		}
		return "sensitive";
	}

	private static int line(EObject object) {
		INode node = NodeModelUtils.findActualNodeFor(object);
		return node == null ? 0 : node.getStartLine();
	}

	/** Whether {@code pattern} matches {@code name}, a runaway regex counting as a match (so nothing is "covered"). */
	private static boolean mayMatch(NamePattern pattern, String name) {
		try {
			return pattern.matches(name);
		} catch (RegexBudget.TooCostlyException e) {
			return true;
		}
	}

	/** An earlier rule's pattern, compiled once per block, with the rule's excepts. */
	private record Cover(Rule rule, NamePattern pattern, List<NamePattern> excepts) {

		boolean selectsAllOf(NamePattern p) {
			if (!pattern.covers(p)) {
				return false;
			}
			if (!p.isExact()) {
				return excepts.isEmpty();
			}
			// an except that is invalid (null) or matches the name means this rule does not select it
			return excepts.stream().noneMatch(e -> e == null || mayMatch(e, p.text()));
		}
	}

	/**
	 * Warns about rules whose every pattern an earlier rule of the block already selects. Exact names are
	 * looked up in a set and only globs and regexes are scanned, so a block of thousands of mostly exact
	 * rules is checked in about linear time.
	 */
	@Check
	public void checkRuleIsNotShadowed(Block block) {
		Map<SelectorKind, Map<String, Cover>> exactEarlier = new java.util.EnumMap<>(SelectorKind.class);
		Map<SelectorKind, List<Cover>> patternsEarlier = new java.util.EnumMap<>(SelectorKind.class);
		for (Rule rule : block.getRules()) {
			List<NamePattern> excepts = rule.getExcepts().stream().map(this::compile).toList();
			List<NamePattern> patterns = rule.getPatterns().stream().map(this::compile).toList();
			Map<String, Cover> exact = exactEarlier.computeIfAbsent(rule.getKind(), k -> new HashMap<>());
			List<Cover> wild = patternsEarlier.computeIfAbsent(rule.getKind(), k -> new ArrayList<>());
			List<String> coveredBy = new ArrayList<>();
			for (NamePattern pattern : patterns) {
				Cover cover = pattern == null ? null : earlierCover(exact, wild, pattern);
				if (cover == null) {
					coveredBy.clear();
					break;
				}
				coveredBy.add(pattern.text() + " by " + cover.pattern().text() + " (line " + line(cover.rule()) + ")");
			}
			if (!coveredBy.isEmpty()) {
				warning("shadowed rule: every pattern is already matched by an earlier rule in this block ("
						+ String.join(", ", coveredBy) + ")", rule, Literals.RULE__KIND, SHADOWED_RULE);
			}
			for (NamePattern pattern : patterns) {
				if (pattern == null) {
					continue;
				}
				Cover c = new Cover(rule, pattern, excepts);
				if (pattern.isExact()) {
					exact.putIfAbsent(pattern.text(), c);
				} else {
					wild.add(c);
				}
			}
		}
	}

	/** An earlier pattern that selects everything {@code pattern} does, or null. */
	private static Cover earlierCover(Map<String, Cover> exact, List<Cover> wild, NamePattern pattern) {
		if (pattern.isExact()) {
			Cover same = exact.get(pattern.text());
			if (same != null && same.selectsAllOf(pattern)) {
				return same;
			}
		}
		for (Cover c : wild) {
			if (c.selectsAllOf(pattern)) {
				return c;
			}
		}
		return null;
	}

	/**
	 * The compiled pattern, or null for an invalid regex (reported by {@link #checkRegex}). Five checks ask for each
	 * of the thousands of patterns of a large policy: {@link NamePattern#of} answers from its memo, which cost less
	 * than a memo per validation run (an identity map of every pattern, rebuilt and resized on every keystroke).
	 */
	private NamePattern compile(Pattern pattern) {
		try {
			return NamePattern.of(pattern);
		} catch (PatternSyntaxException e) {
			return null;
		}
	}

	@Check
	public void checkRegex(Pattern pattern) {
		if (pattern.getRegex() == null) {
			return;
		}
		try {
			NamePattern.of(pattern);
		} catch (PatternSyntaxException e) {
			error("invalid regular expression: " + e.getDescription() + " near index " + e.getIndex(), pattern,
					Literals.PATTERN__REGEX, INVALID_REGEX);
		}
	}

	// --- whose memory a block maps (DESIGN §2: locally non-sensitive = one untrusted context's memory) ---

	@Check
	public void checkContextMemoryStaysLocal(Rule rule) {
		EObject block = rule.eContainer();
		for (int i = 0; i < rule.getPatterns().size(); i++) {
			NamePattern pattern = compile(rule.getPatterns().get(i));
			if (pattern == null) {
				continue;
			}
			String what = rule.getKind().getLiteral() + " " + pattern.text();
			boolean user = rule.getKind() == SelectorKind.MEMORY && pattern.matches("user");
			boolean guest = rule.getKind() == SelectorKind.MEMORY && pattern.matches("guest");
			if (block instanceof GlobalBlock && (user || guest || rule.getKind() == SelectorKind.STACK)) {
				error(what + " belongs to one context; global nonsensitive would map it into every restricted space",
						rule, Literals.RULE__PATTERNS, i, CONTEXT_MEMORY_IN_GLOBAL);
			} else if (block instanceof LocalBlock local) {
				ContextKind per = local.getPer();
				if (user && per != ContextKind.PROCESS) {
					error(what + " belongs to a process, but this block is local per " + per.getLiteral()
							+ ": another context's memory would be mapped", rule, Literals.RULE__PATTERNS, i,
							FOREIGN_CONTEXT_MEMORY);
				} else if (guest && per == ContextKind.PROCESS) {
					error(what + " belongs to a vm, but this block is local per process: another context's memory would be mapped",
							rule, Literals.RULE__PATTERNS, i, FOREIGN_CONTEXT_MEMORY);
				}
			}
		}
	}

	// --- the kernel model ---

	@Check
	public void checkKernelModelExists(KernelRef ref) {
		PolicyFile file = EcoreUtil2.getContainerOfType(ref, PolicyFile.class);
		Path path = file == null ? null : kernelModels.locate(file);
		if (path == null || !Files.exists(path)) {
			String why = path != null ? "kernel model not found: " + path
					: "kernel model outside this policy's directory, not read: " + ref.getPath();
			warning(why + "; kernel checks skipped", ref, Literals.KERNEL_REF__PATH, KERNEL_MODEL_NOT_FOUND);
			return;
		}
		try {
			kernelModels.load(path);
		} catch (IOException e) {
			error(e.getMessage(), ref, Literals.KERNEL_REF__PATH, KERNEL_MODEL_UNREADABLE);
		}
	}

	@Check(CheckType.NORMAL)
	public void checkSelectorMatchesKernel(Rule rule) {
		KernelNames kernel = kernelOf(rule);
		Set<String> names = kernel == null ? null : kernel.of(rule.getKind());
		if (names == null) {
			return;
		}
		for (int i = 0; i < rule.getPatterns().size(); i++) {
			NamePattern pattern = compile(rule.getPatterns().get(i));
			try {
				if (pattern != null && !kernel.anyMatches(rule.getKind(), pattern)) {
					warning("selector " + pattern.text() + " matches nothing in " + kernel.fileName()
							+ kernel.missingNamesHint(rule.getKind()), rule,
							Literals.RULE__PATTERNS, i, SELECTOR_MATCHES_NOTHING);
				}
			} catch (RegexBudget.TooCostlyException e) {
				error(e.getMessage(), rule, Literals.RULE__PATTERNS, i, INVALID_REGEX);
			}
		}
	}

	@Check(CheckType.NORMAL)
	public void checkHooksMitigateVulnerabilities(AsiClassDecl asiClass) {
		KernelNames kernel = kernelOf(asiClass);
		// asi2025 classes have no hooks; their taint policies decide the flushes
		if (kernel == null || (asiClass.getPer() != ContextKind.VM && asiClass.getPer() != ContextKind.VCPU)
				|| fileModel(asiClass) == AsiModel.ASI2025) {
			return;
		}
		Set<MapKind> maps = EnumSet.noneOf(MapKind.class);
		Set<Hook> enter = EnumSet.noneOf(Hook.class);
		for (ClassMember m : asiClass.getMembers()) {
			if (m instanceof Maps mapsMember) {
				mapsMember.getItems().stream().map(MapItem::getKind).forEach(maps::add);
			} else if (m instanceof EnterHooks hooks) {
				enter.addAll(hooks.getHooks());
			}
		}
		if (!maps.contains(MapKind.GLOBAL) && !maps.contains(MapKind.LOCAL)) {
			return;
		}
		for (Vulnerability v : kernel.machine().getVulnerabilities()) {
			if (!v.isAffected() || v.getName() == null) {
				continue;
			}
			// KVM-ASI's enter hook is "L1D flush + MDS clear (VERW) + unstun" (DESIGN §2, RFC cover letter).
			Hook needed = switch (v.getName().toLowerCase()) {
			case "l1tf" -> Hook.L1D_FLUSH;
			case "mds" -> Hook.MDS_CLEAR;
			default -> null;
			};
			if (needed != null && !enter.contains(needed)) {
				warning("the CPU is affected by " + v.getName() + " but class " + asiClass.getName() + " maps memory for a "
						+ asiClass.getPer().getLiteral() + " without " + needed.getLiteral() + " in 'on enter'", asiClass,
						Literals.ELEMENT__NAME, MISSING_MITIGATION_HOOK);
			}
		}
	}

	/** Key of the kernel model in the context of one validation run. */
	private static final String KERNEL_OF_RUN = IsoldeValidator.class.getName() + ".kernel";

	/**
	 * The kernel model of the object's file, looked up once per validation run: locating and checking the model file
	 * for each of the thousands of rules of a large policy was most of a keystroke's validation.
	 */
	@SuppressWarnings("unchecked")
	private KernelNames kernelOf(EObject object) {
		PolicyFile file = EcoreUtil2.getContainerOfType(object, PolicyFile.class);
		if (file == null) {
			return null;
		}
		Map<Object, Object> run = getContext();
		if (run == null) {
			return kernelModels.of(file);
		}
		return ((Optional<KernelNames>) run.computeIfAbsent(KERNEL_OF_RUN,
				k -> Optional.ofNullable(kernelModels.of(file)))).orElse(null);
	}

	// --- rfc_limits: the 2022 RFC's hard limits ---

	@Check
	public void checkClassesPerContext(ContextDecl context) {
		if (!hasRfcLimits(context)) {
			return;
		}
		List<String> sameKind = new ArrayList<>();
		for (int i = 0; i < context.getClasses().size(); i++) {
			AsiClassDecl c = context.getClasses().get(i);
			if (!c.eIsProxy() && c.getPer() == context.getKind() && !sameKind.contains(c.getName())) {
				sameKind.add(c.getName());
				if (sameKind.size() == 2) {
					error("rfc_limits: " + context.getKind().getLiteral() + " " + context.getName() + " uses "
							+ String.join(" and ", sameKind) + ", both per " + context.getKind().getLiteral()
							+ "; the RFC gives a context at most one ASI instance of its kind", context,
							Literals.CONTEXT_DECL__CLASSES, i, RFC_LIMIT_CLASSES_PER_CONTEXT);
				}
			}
		}
	}

	@Check
	public void checkClassCount(Policy policy) {
		if (!policy.isRfcLimits()) {
			return;
		}
		Set<String> classes = new LinkedHashSet<>();
		PolicyFile file = (PolicyFile) policy.eContainer();
		for (Element e : file.getElements()) {
			if (e instanceof AsiClassDecl c) {
				classes.add(c.getName());
			} else if (e instanceof ContextDecl ctx) {
				ctx.getClasses().stream().filter(c -> !c.eIsProxy()).forEach(c -> classes.add(c.getName()));
			}
		}
		if (classes.size() > ASI_MAX_NUM) {
			error("rfc_limits: " + classes.size() + " ASI classes (" + String.join(", ", classes)
					+ "), the RFC allows ASI_MAX_NUM = 1 << ASI_MAX_NUM_ORDER = " + ASI_MAX_NUM, policy,
					Literals.POLICY__RFC_LIMITS, RFC_LIMIT_CLASS_COUNT);
		}
	}

	private static boolean hasRfcLimits(EObject object) {
		PolicyFile file = EcoreUtil2.getContainerOfType(object, PolicyFile.class);
		return file != null && file.getElements().stream().anyMatch(e -> e instanceof Policy p && p.isRfcLimits());
	}

	// --- hooks, names, imports ---

	@Check
	public void checkNoneStandsAlone(EnterHooks hooks) {
		checkNoneStandsAlone(hooks, hooks.getHooks(), Literals.ENTER_HOOKS__HOOKS);
	}

	@Check
	public void checkNoneStandsAlone(ExitHooks hooks) {
		checkNoneStandsAlone(hooks, hooks.getHooks(), Literals.EXIT_HOOKS__HOOKS);
	}

	@Check
	public void checkNoneStandsAlone(Flush flush) {
		checkNoneStandsAlone(flush, flush.getHooks(), Literals.FLUSH__HOOKS);
	}

	private void checkNoneStandsAlone(EObject owner, List<Hook> hooks, EStructuralFeature feature) {
		int none = hooks.indexOf(Hook.NONE);
		if (none >= 0 && hooks.size() > 1) {
			warning("hook none combined with other hooks: the other hooks still run, so none says nothing", owner,
					feature, none, HOOK_NONE_COMBINED);
		}
	}

	/**
	 * A class prices only its own hooks (the simulator asks the class first for each hook it runs); page-table
	 * switches, faults, IPIs, exits and syscalls are the machine's, so a class override of them would be ignored.
	 */
	@Check
	public void checkClassCostsAreHooks(Costs costs) {
		if (!(costs.eContainer() instanceof AsiClassDecl)) {
			return;
		}
		for (int i = 0; i < costs.getCosts().size(); i++) {
			CostItem item = costs.getCosts().get(i).getItem();
			if (Hook.get(item.getLiteral()) == null) {
				warning("cost " + item.getLiteral() + " is the machine's, not this class's: a class sets the cost of its hooks ("
						+ CLASS_COST_ITEMS + "); set " + item.getLiteral() + " in a scenario's cost", costs,
						Literals.COSTS__COSTS, i, MACHINE_COST_IN_CLASS);
			}
		}
	}

	private static final String CLASS_COST_ITEMS = String.join(", ",
			Hook.VALUES.stream().filter(h -> h != Hook.NONE).map(Hook::getLiteral).toList());

	@Check
	public void checkUniqueNames(PolicyFile file) {
		Set<String> classes = new HashSet<>();
		Set<String> contexts = new HashSet<>();
		for (Element e : file.getElements()) {
			if (e instanceof AsiClassDecl c && c.getName() != null && !classes.add(c.getName())) {
				error("duplicate ASI class " + c.getName(), c, Literals.ELEMENT__NAME, DUPLICATE_CLASS);
			} else if (e instanceof ContextDecl ctx && ctx.getName() != null && !contexts.add(ctx.getName())) {
				error("duplicate context " + ctx.getName(), ctx, Literals.ELEMENT__NAME, DUPLICATE_CONTEXT);
			}
		}
	}

	// --- scenarios: what a simulation would refuse, said where it is written ---

	@Check
	public void checkMachineShape(Shape shape) {
		if (shape.getCores() < 1) {
			error("a scenario needs cores 1 or more", shape, Literals.SHAPE__CORES, BAD_MACHINE_SHAPE);
		}
		if (shape.getSmt() > ScenarioRun.MAX_SMT) {
			error("smt " + shape.getSmt() + ": the simulator models cores of 1 or " + ScenarioRun.MAX_SMT + " hyperthreads",
					shape, Literals.SHAPE__SMT, BAD_MACHINE_SHAPE);
		}
	}

	@Check
	public void checkRunCpusExist(Run run) {
		Scenario scenario = EcoreUtil2.getContainerOfType(run, Scenario.class);
		ScenarioRun.MachineShape shape = ScenarioRun.MachineShape.of(scenario);
		if (!shape.simulable()) {
			return; // the shape itself is the error
		}
		for (int i = 0; i < run.getCpus().size(); i++) {
			int cpu = run.getCpus().get(i);
			if (cpu >= shape.cpus()) {
				error("cpu " + cpu + " does not exist: scenario " + scenario.getName() + " has CPUs 0-" + (shape.cpus() - 1)
						+ " (cores " + shape.cores() + " smt " + shape.smt() + ")", run, Literals.RUN__CPUS, i, CPU_OUT_OF_RANGE);
			}
		}
	}

	@Check
	public void checkWorkloadIsKnown(Workload workload) {
		Scenario scenario = EcoreUtil2.getContainerOfType(workload, Scenario.class);
		boolean traced = scenario != null && scenario.getMembers().stream().anyMatch(Trace.class::isInstance);
		List<String> known = dev.isolde.engine.sim.Workload.NAMES;
		if (!traced && workload.getName() != null && !known.contains(workload.getName())) {
			error("unknown workload " + workload.getName() + "; known: " + String.join(", ", known), workload,
					Literals.WORKLOAD__NAME, UNKNOWN_WORKLOAD);
		}
	}

	@Check
	public void checkTraceIsInProject(Trace trace) {
		if (trace.getPath() == null || trace.eResource() == null) {
			return;
		}
		Path path = kernelModels.locate(trace.eResource(), trace.getPath());
		if (path == null) {
			error("trace \"" + trace.getPath() + "\" lies outside this policy's directory, not read: a policy names only files beside or below it",
					trace, Literals.TRACE__PATH, TRACE_OUTSIDE_PROJECT);
		} else if (!Files.isRegularFile(path)) {
			warning("trace not found: " + path, trace, Literals.TRACE__PATH, TRACE_NOT_FOUND);
		}
	}

	@Check
	public void checkImportStaysInProject(Import imp) {
		if (imp.getImportURI() != null && !ConfinedImportUriResolver.staysInProject(imp, imp.getImportURI())) {
			error("import \"" + imp.getImportURI() + "\" leaves this policy's directory; untrusted policies may only import files beside or below them",
					imp, Literals.IMPORT__IMPORT_URI, IMPORT_OUTSIDE_PROJECT);
		}
	}
}
