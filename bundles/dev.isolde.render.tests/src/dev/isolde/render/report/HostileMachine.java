// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.report;

import java.util.List;
import java.util.Map;

import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.Layout;
import dev.isolde.engine.kernel.ObjectKind;
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
import dev.isolde.io.engine.Analysis;

/**
 * A small KVM host whose names try to break out of every format: a region, an object, a context, a class and a
 * rationale carry markup, quotes and control characters. Kernel text is mapped by region; one static variable is
 * sensitive, one globally non-sensitive; the VM's guest memory is local.
 */
final class HostileMachine {

	static final String HOSTILE = "</text></td><script>alert(\"x\")</script>&amp;'\u0001";
	static final long TEXT = 0xffffffff81000000L;
	static final long DATA = 0xffffffff82000000L;

	private HostileMachine() {
	}

	static Analysis analysis() {
		KernelImage.Builder b = KernelImage.builder().layout(Layout.x86_64(4, 0));
		int vm = b.addContext("vm" + HOSTILE, ContextKind.VM);
		b.addRegion("kernel_text", TEXT, TEXT + 0x200000);
		b.addRegion("data" + HOSTILE, DATA, DATA + 0x200000);
		b.addRegion("direct_map", 0xffff888000000000L, 0xffff888040000000L);
		b.addObject("_stext", ObjectKind.TEXT, TEXT, 0x100000, ".text", null, -1, -1);
		b.addObject("jiffies", ObjectKind.STATIC_DATA, DATA, 0x1000, ".data", null, -1, -1);
		b.addObject("secret" + HOSTILE, ObjectKind.STATIC_DATA, DATA + 0x1000, 0x1000, ".data", null, -1, -1);
		b.addOwnedObject("guest_memory", ObjectKind.GUEST, 0xffff888000200000L, 0x100000, vm);
		List<RuleSpec> rules = List.of(
				rule("text", 3, MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.REGION, "kernel_text", HOSTILE),
				rule("jiffies", 4, MemoryClass.GLOBAL_NONSENSITIVE, null, SelectorKind.SYMBOL, "jiffies", HOSTILE),
				rule("guest", 5, MemoryClass.LOCAL_NONSENSITIVE, ContextKind.VM, SelectorKind.MEMORY, "guest", null));
		AsiClassSpec kvm = new AsiClassSpec("KVM" + HOSTILE, ContextKind.VM, List.of("global", "local"),
				List.of(Hook.L1D_FLUSH), List.of(Hook.SIBLING_STUN), Map.of(), null);
		PolicySpec policy = new PolicySpec("policy" + HOSTILE, "hostile.asi", AsiModel.RFC2022, 4,
				MemoryClass.SENSITIVE, rules, List.of(kvm), List.of(new ContextSpec("vm" + HOSTILE, ContextKind.VM,
						"KVM" + HOSTILE)));
		return Analysis.run(b.build(), policy);
	}

	private static RuleSpec rule(String id, int line, MemoryClass target, ContextKind per, SelectorKind kind,
			String pattern, String rationale) {
		return new RuleSpec(id, new SourceLocation("hostile.asi", line, 3), target, per, kind,
				List.of(Pattern.exact(pattern)), List.of(), rationale);
	}
}
