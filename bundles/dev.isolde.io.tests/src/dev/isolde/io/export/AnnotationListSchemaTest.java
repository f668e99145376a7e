// SPDX-License-Identifier: EPL-2.0
package dev.isolde.io.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.isolde.engine.classify.Classification;
import dev.isolde.engine.classify.Classifier;
import dev.isolde.engine.kernel.ContextKind;
import dev.isolde.engine.kernel.KernelImage;
import dev.isolde.engine.kernel.ObjectKind;
import dev.isolde.engine.policy.AsiModel;
import dev.isolde.engine.policy.MemoryClass;
import dev.isolde.engine.policy.PolicySpec;
import dev.isolde.engine.policy.RuleSpec;
import dev.isolde.engine.policy.SelectorKind;
import dev.isolde.engine.policy.SourceLocation;

/** The JSON annotation list against docs/annotation-list.schema.json, with a checker for the schema subset it uses. */
class AnnotationListSchemaTest {

	private static Map<String, Object> schema() throws Exception {
		Path samples = Path.of(System.getProperty("isolde.samples", "../../samples"));
		return object(Json.parse(Files.readString(samples.resolveSibling("docs").resolve("annotation-list.schema.json"))));
	}

	/** Every site and both classes: static data, per-cpu, slab, kmalloc, alloc, vmalloc, region, section, user. */
	private static Classification everySite() {
		KernelImage.Builder b = KernelImage.builder();
		int p1 = b.addContext("p1", ContextKind.PROCESS);
		long data = 0xffffffff82000000L;
		b.addRegion("kernel_text", 0xffffffff81000000L, 0xffffffff81200000L);
		b.addObject("_stext", ObjectKind.TEXT, 0xffffffff81000000L, 0x1000, ".text", null, -1, -1);
		b.addObject("jiffies", ObjectKind.STATIC_DATA, data, 8, ".data", null, -1, -1);
		b.addObject("__warned", ObjectKind.BSS, data + 0x40, 1, ".data..once", null, -1, -1);
		b.addObject("cpu_number", ObjectKind.PERCPU, data + 0x1000, 4, ".data..percpu", null, -1, -1);
		b.addObject("kmalloc-64", ObjectKind.SLAB_CACHE, 0xffff888000100000L, 0x1000);
		b.addObject("task_struct", ObjectKind.SLAB_CACHE, 0xffff888000200000L, 0x1000);
		b.addObject("alloc_vmcs_page", ObjectKind.PAGE_ALLOC, 0xffff888000300000L, 0x1000);
		b.addObject("bpf_prog_alloc", ObjectKind.VMALLOC, 0xffffc90000010000L, 0x2000);
		b.addOwnedObject("user_stack", ObjectKind.USER, 0x7ffffffde000L, 0x21000, p1);
		MemoryClass g = MemoryClass.GLOBAL_NONSENSITIVE;
		List<RuleSpec> rules = List.of(rule("text", 2, g, null, SelectorKind.REGION, "kernel_text"),
				rule("jiffies", 3, g, null, SelectorKind.SYMBOL, "jiffies"),
				rule("once", 4, g, null, SelectorKind.SECTION, ".data..once"),
				rule("percpu", 5, g, null, SelectorKind.PERCPU, "cpu_number"),
				rule("slab", 6, g, null, SelectorKind.SLAB, "kmalloc-64", "task_struct"),
				rule("pages", 7, g, null, SelectorKind.ALLOC, "alloc_vmcs_page"),
				rule("bpf", 8, g, null, SelectorKind.VMALLOC, "bpf_prog_alloc"),
				rule("user", 9, MemoryClass.LOCAL_NONSENSITIVE, ContextKind.PROCESS, SelectorKind.MEMORY, "user"));
		return new Classifier(b.build()).classify(new PolicySpec("p", "p.asi", AsiModel.RFC2022, 4,
				MemoryClass.SENSITIVE, rules, List.of(), List.of()));
	}

	private static RuleSpec rule(String id, int line, MemoryClass target, ContextKind per, SelectorKind kind,
			String... names) {
		return new RuleSpec(id, new SourceLocation("p.asi", line, 3), target, per, kind,
				Arrays.stream(names).map(dev.isolde.engine.policy.Pattern::exact).toList(), List.of(),
				"why \"" + id + "\"");
	}

	@Test
	void exportedListValidatesAndCoversEverySite() throws Exception {
		Classification c = everySite();
		List<Object> rows = list(Json.parse(new AnnotationListExporter().render(c, AnnotationListExporter.Format.JSON)));
		new SchemaChecker().check(schema(), rows, "$");
		Set<Object> sites = new HashSet<>();
		rows.forEach(r -> sites.add(object(r).get("site")));
		assertEquals(Set.of("definition", "section", "percpu-definition", "kmalloc-call-sites", "kmem-cache-create",
				"call-site", "vmalloc-call-site", "region", "none"), sites);
		Map<String, Object> jiffies = object(rows.stream().filter(r -> "jiffies".equals(object(r).get("name")))
				.findFirst().orElseThrow());
		assertEquals("p.asi:3", jiffies.get("rule"));
		assertEquals("why \"jiffies\"", jiffies.get("rationale"));
		assertEquals("__asi_not_sensitive", jiffies.get("annotation"));
	}

	@Test
	void schemaEnumsAreTheEngineEnums() throws Exception {
		Map<String, Object> items = object(schema().get("items"));
		Map<String, Object> props = object(items.get("properties"));
		assertEquals(Arrays.stream(ObjectKind.values()).map(Enum::name).toList(), list(object(props.get("kind")).get("enum")));
		assertEquals(Arrays.stream(Annotation.Site.values()).map(Annotation.Site::label).toList(),
				list(object(props.get("site")).get("enum")));
		List<Object> owners = new ArrayList<>(Arrays.stream(ContextKind.values()).map(Enum::name).toList());
		owners.add(null);
		assertEquals(owners, list(object(props.get("owner")).get("enum")));
		assertEquals(List.of(AnnotationListExporter.COLUMNS), list(items.get("required")));
	}

	@Test
	void checkerRejectsAMissingFieldAnUnknownSiteAndAnExtraField() throws Exception {
		Map<String, Object> schema = schema();
		String good = "{\"name\": \"x\", \"kind\": \"BSS\", \"class\": \"GLOBAL_NONSENSITIVE\", \"owner\": null, "
				+ "\"rule\": \"a.asi:1\", \"rationale\": null, \"annotation\": null, \"site\": \"none\"}";
		new SchemaChecker().check(schema, Json.parse("[" + good + "]"), "$");
		for (String bad : new String[] { good.replace("\"owner\": null, ", ""), good.replace("\"none\"", "\"elsewhere\""),
				good.replace("}", ", \"extra\": 1}"), good.replace("\"a.asi:1\"", "\"a.asi\""),
				good.replace("\"x\"", "7") }) {
			assertThrows(AssertionError.class, () -> new SchemaChecker().check(schema, Json.parse("[" + bad + "]"), "$"),
					bad);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(Object o) {
		assertTrue(o instanceof Map, "an object: " + o);
		return (Map<String, Object>) o;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object o) {
		assertTrue(o instanceof List, "an array: " + o);
		return (List<Object>) o;
	}

	/** JSON Schema keywords this schema uses: type, enum, required, properties, additionalProperties, items, pattern. */
	static final class SchemaChecker {
		void check(Map<String, Object> schema, Object value, String path) {
			if (schema.containsKey("type")) {
				Object t = schema.get("type");
				List<Object> types = t instanceof List ? list(t) : List.of(t);
				assertTrue(types.contains(typeOf(value)), path + ": " + typeOf(value) + " is not " + types);
			}
			if (schema.containsKey("enum")) {
				assertTrue(list(schema.get("enum")).contains(value), path + ": " + value + " is not in the enum");
			}
			if (value instanceof String s && schema.containsKey("pattern")) {
				assertTrue(Pattern.compile((String) schema.get("pattern")).matcher(s).find(), path + ": " + s);
			}
			if (value instanceof List<?> l && schema.containsKey("items")) {
				for (int i = 0; i < l.size(); i++) {
					check(object(schema.get("items")), l.get(i), path + "[" + i + "]");
				}
			}
			if (value instanceof Map<?, ?> m) {
				Map<String, Object> props = schema.containsKey("properties") ? object(schema.get("properties")) : Map.of();
				for (Object r : schema.containsKey("required") ? list(schema.get("required")) : List.of()) {
					assertTrue(m.containsKey(r), path + ": " + r + " is required");
				}
				for (Map.Entry<?, ?> e : m.entrySet()) {
					if (props.containsKey(e.getKey())) {
						check(object(props.get(e.getKey())), e.getValue(), path + "." + e.getKey());
					} else {
						assertTrue(!Boolean.FALSE.equals(schema.get("additionalProperties")),
								path + ": " + e.getKey() + " is not allowed");
					}
				}
			}
		}

		private static String typeOf(Object v) {
			return v == null ? "null" : v instanceof String ? "string" : v instanceof List ? "array"
					: v instanceof Map ? "object" : v instanceof Boolean ? "boolean"
							: v instanceof Long ? "integer" : "number";
		}
	}

	/** A strict RFC 8259 reader: objects keep their member order; numbers are Long or Double. */
	static final class Json {
		private final String s;
		private int i;

		private Json(String s) {
			this.s = s;
		}

		static Object parse(String text) {
			Json j = new Json(text);
			Object v = j.value();
			j.space();
			assertEquals(text.length(), j.i, "trailing text");
			return v;
		}

		private void space() {
			while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
				i++;
			}
		}

		private Object value() {
			space();
			char c = s.charAt(i);
			if (c == '{') {
				i++;
				Map<String, Object> m = new LinkedHashMap<>();
				space();
				if (s.charAt(i) == '}') {
					i++;
					return m;
				}
				do {
					space();
					String k = string();
					space();
					expect(':');
					m.put(k, value());
					space();
				} while (s.charAt(i++) == ',');
				assertEquals('}', s.charAt(i - 1), "at " + i);
				return m;
			}
			if (c == '[') {
				i++;
				List<Object> l = new ArrayList<>();
				space();
				if (s.charAt(i) == ']') {
					i++;
					return l;
				}
				do {
					l.add(value());
					space();
				} while (s.charAt(i++) == ',');
				assertEquals(']', s.charAt(i - 1), "at " + i);
				return l;
			}
			if (c == '"') {
				return string();
			}
			for (String word : new String[] { "null", "true", "false" }) {
				if (s.startsWith(word, i)) {
					i += word.length();
					return word.equals("null") ? null : Boolean.valueOf(word);
				}
			}
			int start = i;
			while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
				i++;
			}
			String n = s.substring(start, i);
			assertTrue(!n.isEmpty(), "a value at " + start);
			return n.matches("-?\\d+") ? (Object) Long.valueOf(n) : (Object) Double.valueOf(n);
		}

		private void expect(char c) {
			assertEquals(c, s.charAt(i), "at " + i);
			i++;
		}

		private String string() {
			expect('"');
			StringBuilder b = new StringBuilder();
			while (s.charAt(i) != '"') {
				char c = s.charAt(i++);
				assertTrue(c >= 0x20, "control character in a string at " + i);
				if (c == '\\') {
					char e = s.charAt(i++);
					switch (e) {
					case 'n' -> b.append('\n');
					case 'r' -> b.append('\r');
					case 't' -> b.append('\t');
					case 'b' -> b.append('\b');
					case 'f' -> b.append('\f');
					case 'u' -> {
						b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
						i += 4;
					}
					default -> b.append(e);
					}
				} else {
					b.append(c);
				}
			}
			i++;
			return b.toString();
		}
	}
}
