// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.nio.file.Path;

/** A large synthetic policy for benchmarks: every selector form, spread over the three memory classes. */
final class GeneratedPolicy {

	private GeneratedPolicy() {
	}

	/** A policy of {@code rules} rules, referencing {@code kernel} when given. */
	static String text(int rules, Path kernel) {
		StringBuilder b = new StringBuilder();
		if (kernel != null) {
			b.append("kernel \"").append(kernel.toString().replace("\\", "/")).append("\"\n");
		}
		b.append("policy generated for x86_64 paging 4 {\n  default sensitive\n");
		int perBlock = Math.max(1, rules / 3);
		String[] blocks = { "global nonsensitive", "local nonsensitive per vm", "sensitive" };
		int written = 0;
		for (int blk = 0; blk < blocks.length && written < rules; blk++) {
			b.append("  ").append(blocks[blk]).append(" {\n");
			int inBlock = blk == blocks.length - 1 ? rules - written : Math.min(perBlock, rules - written);
			for (int i = 0; i < inBlock; i++, written++) {
				b.append("    ").append(rule(blk, written)).append(" because \"generated rule ").append(written).append("\"\n");
			}
			b.append("  }\n");
		}
		b.append("}\nasi class KVM per vm { maps global, local on enter l1d_flush, mds_clear on exit sibling_stun }\n");
		b.append("vm guest1 uses KVM\n");
		return b.toString();
	}

	private static String rule(int block, int i) {
		// mostly exact names, as a policy grown from traced asi_exits is; 15% globs, regexes and slab globs
		return switch (i % 20) {
		case 0 -> "symbol \"gen" + block + "_" + i + "_*\"";
		case 1 -> "symbol /^gen" + block + "_" + i + "_[a-z]+$/";
		case 2 -> "percpu gen_pcpu_" + i;
		case 3 -> "slab \"gen-cache-" + i + "-*\" except \"gen-cache-" + i + "-cg-*\"";
		case 4 -> "section \".data..gen" + i + "\"";
		default -> "symbol gen" + block + "_sym_" + i + ", gen" + block + "_alt_" + i;
		};
	}
}
