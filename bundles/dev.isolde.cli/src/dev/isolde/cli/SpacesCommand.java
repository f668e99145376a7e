// SPDX-License-Identifier: EPL-2.0
package dev.isolde.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.isolde.engine.explain.Coverage;
import dev.isolde.engine.space.AsiInstance;
import dev.isolde.io.Sizes;
import dev.isolde.io.engine.Analysis;
import dev.isolde.io.json.JsonWriter;

/** {@code isolde spaces POLICY}: what each ASI instance's restricted space maps, next to the full space. */
final class SpacesCommand implements Command {

	private final PolicyInputs inputs;

	SpacesCommand(PolicyInputs inputs) {
		this.inputs = inputs;
	}

	@Override
	public String name() {
		return "spaces";
	}

	@Override
	public String summary() {
		return "show the full and each restricted address space: bytes and objects by region and kind";
	}

	@Override
	public String usage() {
		return "Usage: isolde spaces POLICY.asi [--kernel FILE.isolde] [--instance NAME] [--format text|json]\n"
				+ "Classifies the kernel model's memory by the policy and builds every ASI instance's restricted\n"
				+ "space; prints coverage per instance (JSON schema: docs/spaces.schema.json).";
	}

	@Override
	public int run(List<String> argList, Console console) throws Exception {
		List<String> args = new ArrayList<>(argList);
		String kernel = PolicyInputs.option(args, "--kernel");
		String only = PolicyInputs.option(args, "--instance");
		String format = PolicyInputs.option(args, "--format");
		if (format != null && !format.equals("text") && !format.equals("json")) {
			throw new UsageException("--format must be text or json");
		}
		if (args.size() != 1) {
			throw new UsageException("expected one policy file");
		}
		Analysis a;
		try {
			a = inputs.analyse(args.get(0), kernel, console);
		} catch (PolicyInputs.Reported r) {
			return r.exit;
		}
		List<Coverage> coverage = new ArrayList<>();
		for (AsiInstance i : a.spaces().instances()) {
			if (only == null || i.name().equals(only) || i.ctx().name().equals(only)) {
				coverage.add(Coverage.of(i, a.kernel()));
			}
		}
		if (only != null && coverage.isEmpty()) {
			console.err().println("no instance named " + only + "; instances: "
					+ a.spaces().instances().stream().map(AsiInstance::name).toList());
			return BAD_INPUT;
		}
		if ("json".equals(format)) {
			console.out().println(json(a, coverage));
		} else {
			text(a, coverage, console);
		}
		return OK;
	}

	private static void text(Analysis a, List<Coverage> coverage, Console console) {
		var out = console.out();
		out.printf("policy %s (%s) on %d objects%n", a.policy().name(), a.policy().model(), a.kernel().objectCount());
		out.printf("full kernel space: %s in %d intervals%n", Sizes.bytes(a.spaces().full().bytesMapped()),
				a.spaces().full().intervalCount());
		out.printf("global non-sensitive: %s%n", Sizes.bytes(a.spaces().globalNonSensitive().bytesMapped()));
		for (Coverage c : coverage) {
			out.printf(java.util.Locale.ROOT, "%ninstance %s: %s, %d objects (%.2f%% of the full space)%n", c.instance(), Sizes.bytes(c.bytes()),
					c.objects(), 100.0 * c.bytes() / Math.max(1, a.spaces().full().bytesMapped()));
			for (Map.Entry<String, Long> e : new TreeMap<>(c.bytesByRegion()).entrySet()) {
				out.printf("  region %-16s %12s%n", e.getKey(), Sizes.bytes(e.getValue()));
			}
			for (var e : new TreeMap<>(c.bytesByKind()).entrySet()) {
				out.printf("  kind   %-16s %12s %8d objects%n", e.getKey(), Sizes.bytes(e.getValue()),
						c.objectsByKind().getOrDefault(e.getKey(), 0));
			}
		}
		for (String p : a.spaces().problems()) {
			out.println("note: " + p);
		}
	}

	private static String json(Analysis a, List<Coverage> coverage) {
		JsonWriter w = new JsonWriter().beginObject();
		w.name("policy").value(a.policy().name()).name("model").value(a.policy().model().name());
		w.name("full").beginObject().name("bytes").value(a.spaces().full().bytesMapped()).name("intervals")
				.value(a.spaces().full().intervalCount()).endObject();
		w.name("globalNonSensitiveBytes").value(a.spaces().globalNonSensitive().bytesMapped());
		w.name("instances").beginArray();
		for (Coverage c : coverage) {
			w.beginObject().name("name").value(c.instance()).name("bytes").value(c.bytes()).name("objects")
					.value(c.objects()).name("regionFillBytes").value(c.regionFillBytes());
			w.name("bytesByRegion").beginObject();
			new TreeMap<>(c.bytesByRegion()).forEach((k, v) -> w.name(k).value(v));
			w.endObject().name("bytesByKind").beginObject();
			new TreeMap<>(c.bytesByKind()).forEach((k, v) -> w.name(k.name()).value(v));
			w.endObject().name("objectsByKind").beginObject();
			new TreeMap<>(c.objectsByKind()).forEach((k, v) -> w.name(k.name()).value(v));
			w.endObject().endObject();
		}
		w.endArray().name("problems").beginArray();
		a.spaces().problems().forEach(w::value);
		return w.endArray().endObject().toString();
	}
}
