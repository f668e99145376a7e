// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import static dev.isolde.ui.editor.EditorDriver.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.junit.jupiter.api.Test;

import dev.isolde.model.IsoldeFactory;
import dev.isolde.model.Machine;
import dev.isolde.model.MemoryObject;
import dev.isolde.model.SlabCache;
import dev.isolde.model.Symbol;
import dev.isolde.model.persist.ModelStore;

/**
 * Latency benchmark, not a test (it asserts no time): in the real editor on a 5,000-rule policy whose every rule
 * matches a kernel model of real-kernel size, how long from a keystroke to the changed markers, and from the content
 * assist command to the popup. Run it with (see README):
 * {@code xvfb-run -a ./mvnw -B -o verify -Dtest=EditorLatencyBench -DfailIfNoTests=false}
 */
class EditorLatencyBench {

	private static final int RULES = 5_000;
	private static final int KERNEL_SYMBOLS = 120_000;
	private static final int ROUNDS = 20;
	private static final String REFERENCE = "vm guest1 uses KVM";

	@Test
	void keystrokeToMarkersAndContentAssistOnA5000RulePolicy() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("latency-bench");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		ModelStore.save(kernel(), Path.of(project.getLocation().toOSString(), "bench.isolde"));
		project.refreshLocal(IResource.DEPTH_ONE, null);
		IFile file = project.getFile("bench.asi");
		String policy = policy();
		if (file.exists()) {
			file.delete(true, null);
		}
		file.create(policy.getBytes(StandardCharsets.UTF_8), true, false, null);

		long[][] validate = validateOnly(policy, file);

		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		PolicyEditor editor = (PolicyEditor) IDE.openEditor(page, file, true);
		AtomicLong markersChanged = new AtomicLong();
		IResourceChangeListener listener = event -> {
			IResourceDelta delta = event.getDelta() == null ? null : event.getDelta().findMember(file.getFullPath());
			if (delta != null && delta.getMarkerDeltas().length > 0) {
				IMarkerDelta[] m = delta.getMarkerDeltas();
				if (m.length > 0) {
					markersChanged.set(System.nanoTime());
				}
			}
		};
		ResourcesPlugin.getWorkspace().addResourceChangeListener(listener, IResourceChangeEvent.POST_CHANGE);
		try {
			assertTrue(waitUntil(() -> editor.reconcilingStrategy().latest() != null, 60_000), "first validation");
			waitUntil(() -> false, 1_000);
			IDocument doc = editor.document();
			StyledText widget = editor.viewer().getTextWidget();
			int end = doc.get().indexOf(REFERENCE) + REFERENCE.length();

			List<Long> keystroke = new ArrayList<>(), keystrokeCpu = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				editor.selectAndReveal(round % 2 == 0 ? end : end + 1, 0);
				markersChanged.set(0);
				long cpu = allThreadsCpuTime();
				long start = System.nanoTime();
				if (round % 2 == 0) {
					EditorDriver.type(widget, "x"); // KVMx: an unresolved class, an error marker appears
				} else {
					EditorDriver.key(widget, SWT.BS, '\b'); // back to KVM: the error goes
				}
				assertTrue(waitUntil(() -> markersChanged.get() != 0, 30_000), "markers changed in round " + round);
				keystroke.add(markersChanged.get() - start);
				keystrokeCpu.add(allThreadsCpuTime() - cpu);
			}

			List<Long> assist = new ArrayList<>(), assistCpu = new ArrayList<>();
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			int symbol = doc.get().indexOf("    symbol gen0_sym_5,") + "    symbol ".length();
			IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
			for (int round = 0; round < ROUNDS; round++) {
				editor.selectAndReveal(symbol, 0);
				editor.setFocus();
				long cpu = threads.getCurrentThreadCpuTime();
				long start = System.nanoTime();
				handlers.executeCommand(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS, null);
				assertTrue(waitUntil(() -> EditorDriver.popupTable() != null && EditorDriver.popupTable().getItemCount() > 0,
						10_000), "popup in round " + round);
				assist.add(System.nanoTime() - start);
				assistCpu.add(threads.getCurrentThreadCpuTime() - cpu);
				EditorDriver.key(widget, SWT.ESC, (char) 27);
				waitUntil(() -> EditorDriver.popupTable() == null, 2_000);
			}

			System.out.println();
			System.out.printf(Locale.ROOT, "EditorLatencyBench: %,d rules (%,d chars), kernel model of %,d symbols; %d rounds each%n",
					RULES, policy.length(), KERNEL_SYMBOLS, ROUNDS);
			System.out.printf(Locale.ROOT, "  machine: %d CPUs, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			System.out.printf(Locale.ROOT, "  parse, wall clock: %s%n  parse, CPU time: %s%n", figures(validate[0]),
					figures(validate[1]));
			System.out.printf(Locale.ROOT, "  validate, wall clock: %s%n  validate, CPU time: %s%n", figures(validate[2]),
					figures(validate[3]));
			System.out.printf(Locale.ROOT, "  keystroke -> markers changed (debounce %d ms included): %s%n",
					PolicySourceViewerConfiguration.RECONCILE_DELAY_MS, figures(toArray(keystroke)));
			System.out.printf(Locale.ROOT, "  keystroke -> markers changed, CPU time of all Java threads: %s%n",
					figures(toArray(keystrokeCpu)));
			System.out.printf(Locale.ROOT, "  content assist command -> popup shown: %s%n", figures(toArray(assist)));
			System.out.printf(Locale.ROOT, "  content assist command -> popup shown, UI thread CPU time: %s%n",
					figures(toArray(assistCpu)));
			editor.getSite().getPage().closeEditor(editor, false);
		} finally {
			ResourcesPlugin.getWorkspace().removeResourceChangeListener(listener);
		}
	}

	/** Wall-clock and this thread's CPU time of parse and of validate, per run (CPU time shows the work on a busy machine). */
	private static long[][] validateOnly(String policy, IFile file) {
		var location = org.eclipse.emf.common.util.URI.createFileURI(file.getLocation().toOSString());
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[][] times = new long[4][10];
		for (int i = 0; i < times[0].length; i++) {
			long wall = System.nanoTime();
			long cpu = threads.getCurrentThreadCpuTime();
			var resource = PolicyLanguage.parse(policy, location);
			times[0][i] = System.nanoTime() - wall;
			times[1][i] = threads.getCurrentThreadCpuTime() - cpu;
			wall = System.nanoTime();
			cpu = threads.getCurrentThreadCpuTime();
			PolicyLanguage.injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, null);
			times[2][i] = System.nanoTime() - wall;
			times[3][i] = threads.getCurrentThreadCpuTime() - cpu;
		}
		return times;
	}

	/**
	 * CPU time of the live Java threads (UI, reconciler, jobs): unlike wall-clock time it hardly depends on how busy
	 * the machine is. Time of threads that ended meanwhile is missed.
	 */
	private static long allThreadsCpuTime() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long sum = 0;
		for (long id : threads.getAllThreadIds()) {
			sum += Math.max(0, threads.getThreadCpuTime(id));
		}
		return sum;
	}

	private static long[] toArray(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).toArray();
	}

	private static String figures(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double median = sorted[sorted.length / 2] / 1e6;
		double p90 = sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1e6;
		return String.format(Locale.ROOT, "median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms", median, p90,
				sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
	}

	/** 5,000 rules of every selector form in the three classes, as the CLI's bench generator writes them. */
	private static String policy() {
		StringBuilder b = new StringBuilder("kernel \"bench.isolde\"\npolicy generated for x86_64 paging 4 {\n  default sensitive\n");
		String[] blocks = { "global nonsensitive", "local nonsensitive per vm", "sensitive" };
		int perBlock = RULES / 3;
		int written = 0;
		for (int blk = 0; blk < blocks.length; blk++) {
			b.append("  ").append(blocks[blk]).append(" {\n");
			int inBlock = blk == blocks.length - 1 ? RULES - written : perBlock;
			for (int i = 0; i < inBlock; i++, written++) {
				b.append("    ").append(rule(blk, written)).append(" because \"generated rule ").append(written).append("\"\n");
			}
			b.append("  }\n");
		}
		b.append("}\nasi class KVM per vm {\n  maps global, local\n  on enter l1d_flush, mds_clear\n  on exit sibling_stun\n}\n");
		return b.append(REFERENCE).append('\n').toString();
	}

	private static String rule(int block, int i) {
		return switch (i % 20) {
		case 0 -> "symbol \"gen" + block + "_" + i + "_*\"";
		case 1 -> "symbol /^gen" + block + "_" + i + "_[a-z]+$/";
		case 2 -> "percpu gen_pcpu_" + i;
		case 3 -> "slab \"gen-cache-" + i + "-*\" except \"gen-cache-" + i + "-cg-*\"";
		case 4 -> "section \".data..gen" + i + "\"";
		default -> "symbol gen" + block + "_sym_" + i + ", gen" + block + "_alt_" + i;
		};
	}

	/** A kernel model in which every rule of {@link #policy()} matches, padded to a real kernel's symbol count. */
	private static Machine kernel() {
		IsoldeFactory f = IsoldeFactory.eINSTANCE;
		Machine m = f.createMachine();
		m.setName("bench");
		List<String> names = new ArrayList<>();
		int perBlock = RULES / 3;
		for (int i = 0; i < RULES; i++) {
			int blk = Math.min(2, i / perBlock);
			switch (i % 20) {
			case 0 -> names.add("gen" + blk + "_" + i + "_a");
			case 1 -> names.add("gen" + blk + "_" + i + "_b");
			case 2 -> names.add("gen_pcpu_" + i);
			case 3 -> {
				SlabCache s = f.createSlabCache();
				s.setName("gen-cache-" + i + "-a");
				m.getSlabCaches().add(s);
			}
			case 4 -> {
				MemoryObject o = f.createMemoryObject();
				o.setName("gen_obj_" + i);
				o.setSection(".data..gen" + i);
				m.getMemoryObjects().add(o);
			}
			default -> {
				names.add("gen" + blk + "_sym_" + i);
				names.add("gen" + blk + "_alt_" + i);
			}
			}
		}
		for (int i = names.size(); i < KERNEL_SYMBOLS; i++) {
			names.add("kernel_fn_" + i);
		}
		for (String n : names) {
			Symbol s = f.createSymbol();
			s.setName(n);
			s.setType('T');
			m.getSymbols().add(s);
		}
		return m;
	}
}
