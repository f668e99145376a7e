// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Provenance;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.SelectorKind;

/**
 * One non-sensitive object of a classification and how kernel source makes it so: the RFC annotation (DESIGN §8) and
 * the site where it goes. The annotation list, the semantic patch and the report are all made from these rows.
 *
 * @param object the object's index in the kernel image
 * @param owner the kind of the context owning local memory, or null
 * @param rule the deciding rule as file:line, or null for the policy default
 * @param annotation the RFC annotation, or null when the object needs none of its own
 */
public record Annotation(int object, String name, ObjectKind kind, MemoryClass memoryClass, ContextKind owner,
		String rule, String rationale, String annotation, Site site) {

	/** Where in kernel source an annotation goes. */
	public enum Site {
		/** The attribute on a static variable's definition. */
		DEFINITION,
		/** The per-cpu definition macro is replaced by its ASI variant. */
		PERCPU_DEFINITION,
		/** A flag on the cache's kmem_cache_create call. */
		KMEM_CACHE_CREATE,
		/**
		 * A kmalloc cache is created by the slab allocator itself; in the RFC a kmalloc with a non-sensitive GFP flag is
		 * served from separate non-sensitive kmalloc caches, so the flag goes on the kmalloc call sites.
		 */
		KMALLOC_CALL_SITES,
		/** A GFP flag on the page and slab allocations of the named function. */
		CALL_SITE,
		/** The VM or GFP flag on the vmalloc calls of the named function. */
		VMALLOC_CALL_SITE,
		/** Mapped with its whole layout region (kernel text, fixmap...): no annotation of its own. */
		REGION,
		/** Mapped with its whole ELF section (the RFC maps .data..once and __ex_table so): no annotation of its own. */
		SECTION,
		/** The RFC has no source annotation for this kind (text, stacks, user and guest memory). */
		NONE;

		/** The name in the annotation list: lower case, dashes. */
		public String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	/** Sections whose data already carries the RFC's attribute (DESIGN §8). */
	private static final List<String> ASI_SECTIONS = List.of(".data..asi_non_sensitive",
			".data..asi_non_sensitive_readmostly");
	private static final List<String> READ_MOSTLY_SECTIONS = List.of(".data..read_mostly",
			".data..asi_non_sensitive_readmostly");
	/** Caches the slab allocator creates for kmalloc: kmalloc-64, kmalloc-cg-1k, kmalloc-rcl-8, dma-kmalloc-512... */
	private static final Pattern KMALLOC_CACHE = Pattern.compile("(dma-)?kmalloc-(cg-|rcl-|dma-|rnd-\\d+-)?\\d+k?");

	/** True if {@code cacheName} is one of the allocator's own kmalloc caches. */
	public static boolean isKmallocCache(String cacheName) {
		return KMALLOC_CACHE.matcher(cacheName).matches();
	}

	/** The rows of every non-sensitive object of {@code c}, in object order. */
	public static List<Annotation> listOf(Classification c) {
		KernelImage k = c.kernel();
		List<Annotation> rows = new ArrayList<>();
		for (int i = 0; i < k.objectCount(); i++) {
			MemoryClass mc = c.memoryClass(i);
			if (mc == MemoryClass.SENSITIVE) {
				continue;
			}
			Provenance p = c.provenance(i);
			int owner = k.ownerContext(i);
			Site site = site(k, i, p);
			rows.add(new Annotation(i, k.name(i), k.kind(i), mc, owner < 0 ? null : k.context(owner).kind(),
					p.rule() == null ? null : p.rule().loc().file() + ":" + p.rule().loc().line(),
					p.rule() == null ? null : p.rule().rationale(), annotation(k, i, mc, site), site));
		}
		return rows;
	}

	private static Site site(KernelImage k, int i, Provenance p) {
		if (p.source() == Provenance.Source.REGION) {
			return Site.REGION;
		}
		boolean bySection = p.rule() != null && p.rule().kind() == SelectorKind.SECTION;
		return switch (k.kind(i)) {
		case STATIC_DATA, BSS, RODATA -> bySection && !ASI_SECTIONS.contains(k.section(i)) ? Site.SECTION
				: Site.DEFINITION;
		case PERCPU -> Site.PERCPU_DEFINITION;
		case SLAB_CACHE -> isKmallocCache(k.name(i)) ? Site.KMALLOC_CALL_SITES : Site.KMEM_CACHE_CREATE;
		case PAGE_ALLOC -> Site.CALL_SITE;
		case VMALLOC -> Site.VMALLOC_CALL_SITE;
		default -> Site.NONE;
		};
	}

	private static String annotation(KernelImage k, int i, MemoryClass mc, Site site) {
		boolean g = mc == MemoryClass.GLOBAL_NONSENSITIVE;
		return switch (site) {
		// A symbol in .data..read_mostly was declared __read_mostly; the RFC's twin keeps that placement.
		case DEFINITION -> READ_MOSTLY_SECTIONS.contains(k.section(i)) ? "__asi_not_sensitive_readmostly"
				: "__asi_not_sensitive";
		case PERCPU_DEFINITION -> "DEFINE_PER_CPU_ASI_NOT_SENSITIVE";
		case KMEM_CACHE_CREATE -> g ? "SLAB_GLOBAL_NONSENSITIVE" : "SLAB_LOCAL_NONSENSITIVE";
		case KMALLOC_CALL_SITES, CALL_SITE -> g ? "__GFP_GLOBAL_NONSENSITIVE" : "__GFP_LOCAL_NONSENSITIVE";
		case VMALLOC_CALL_SITE -> g ? "VM_GLOBAL_NONSENSITIVE" : "VM_LOCAL_NONSENSITIVE";
		case REGION, SECTION, NONE -> null;
		};
	}
}
