// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the real policy editor under Xvfb: typing, markers, content assist, format, comments, save. */
class PolicyEditorTest {

	private static final String POLICY = """
			policy demo for x86_64 paging 4 {
			  default sensitive
			  global nonsensitive {
			    symbol jiffies
			  }
			}
			asi class KVM per vm { maps global on enter l1d_flush }
			vm guest1 uses KVM
			""";

	private IFile file;
	private PolicyEditor editor;
	private final List<String> loggedErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
	private final org.eclipse.core.runtime.ILogListener logListener = (status, plugin) -> {
		// tycho-surefire's test runtime lacks SWT's SVG rasterizer for tab icons; the product has it
		boolean svgIcon = status.getException() != null && String.valueOf(status.getException().getMessage()).contains("No SVG rasterizer");
		if (status.getSeverity() == org.eclipse.core.runtime.IStatus.ERROR && !svgIcon) {
			loggedErrors.add(status.getMessage());
		}
	};

	@BeforeEach
	void open() throws Exception {
		org.eclipse.core.runtime.Platform.addLogListener(logListener);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("editor-test");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		file = project.getFile("demo.asi");
		if (file.exists()) {
			file.delete(true, null);
		}
		file.create(POLICY.getBytes(StandardCharsets.UTF_8), true, false, null);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart part = IDE.openEditor(page, file, true);
		editor = assertInstanceOf(PolicyEditor.class, part, "the .asi editor is the policy editor");
	}

	@AfterEach
	void close() {
		editor.getSite().getPage().closeEditor(editor, false);
		org.eclipse.core.runtime.Platform.removeLogListener(logListener);
		assertEquals(List.of(), loggedErrors, "errors logged while the editor was open");
	}

	private static void waitUntil(BooleanSupplier condition, long millis) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				display.sleep();
				display.timerExec(20, () -> { });
			}
		}
	}

	private IMarker[] markers() {
		try {
			return file.findMarkers(PolicyProblems.MARKER, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void typingASyntaxErrorCreatesAMarkerAndFixingItRemovesIt() throws Exception {
		IDocument doc = editor.document();
		int at = doc.get().indexOf("jiffies") + "jiffies".length();
		doc.replace(at, 0, ", ,");
		waitUntil(() -> markers().length > 0, 10_000);
		IMarker[] markers = markers();
		assertTrue(markers.length > 0, "a marker after typing an error");
		assertEquals(IMarker.SEVERITY_ERROR, markers[0].getAttribute(IMarker.SEVERITY, -1));
		assertEquals(4, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
		doc.replace(at, 3, "");
		waitUntil(() -> markers().length == 0, 10_000);
		assertEquals(0, markers().length, () -> Arrays.toString(markers()));
	}

	/** Markers are updated by difference; after any edits they must be exactly those of a fresh full validation. */
	@Test
	void markersAfterASequenceOfEditsAreThoseOfAFreshFullValidation() throws Exception {
		IDocument doc = editor.document();
		String[][] edits = { { "symbol jiffies\n", "symbol jiffies\n    symbol jiffies\n" }, // shadowed rule
				{ "uses KVM", "uses KVMx" }, // unresolved class
				{ "policy demo", "// moved a line down\npolicy demo" }, // every marker moves
				{ "uses KVMx", "uses KVM" }, { "    symbol jiffies\n    symbol jiffies\n", "    symbol jiffies\n" } };
		for (String[] edit : edits) {
			int at = doc.get().indexOf(edit[0]);
			assertTrue(at >= 0, edit[0]);
			doc.replace(at, edit[0].length(), edit[1]);
			List<String> expected = freshlyValidated(doc.get());
			waitUntil(() -> markerAttributes().equals(expected), 10_000);
			assertEquals(expected, markerAttributes(), "after replacing " + edit[0]);
		}
		assertEquals(List.of(), markerAttributes(), "the edits end on a policy without problems");
	}

	/** The markers a full validation of {@code text} with a new injector gives, as sorted attribute maps. */
	private List<String> freshlyValidated(String text) {
		// not registered with EMF: the registration is global and belongs to the editor's injector
		var injector = new dev.isolde.dsl.ide.IsoldeIdeSetup().createInjector();
		var resource = injector.getInstance(org.eclipse.xtext.resource.XtextResource.class);
		resource.setURI(editor.emfLocation());
		injector.getInstance(org.eclipse.xtext.resource.XtextResourceSet.class).getResources().add(resource);
		try {
			resource.load(new org.eclipse.xtext.util.StringInputStream(text), null);
		} catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		return injector.getInstance(org.eclipse.xtext.validation.IResourceValidator.class)
				.validate(resource, org.eclipse.xtext.validation.CheckMode.ALL, null).stream()
				.map(i -> new java.util.TreeMap<>(PolicyProblems.attributes(i)).toString()).sorted().toList();
	}

	private List<String> markerAttributes() {
		return Arrays.stream(markers()).map(m -> {
			try {
				return new java.util.TreeMap<>(m.getAttributes()).toString();
			} catch (CoreException e) {
				return "deleted " + m;
			}
		}).sorted().toList();
	}

	/** Edits re-style only what they change; the widget's colours must then be those of styling the text afresh. */
	@Test
	void highlightingAfterEditsEqualsAFullRestyle() throws Exception {
		IDocument doc = editor.document();
		var widget = editor.viewer().getTextWidget();
		String[][] edits = { { "policy demo", "/* opened\npolicy demo" }, { "jiffies\n", "jiffies */ \"a\n" },
				{ "uses KVM", "uses \"KVM" }, { "/* opened\n", "" }, { "jiffies */ \"a\n", "jiffies // x\n" },
				{ "uses \"KVM", "uses KVM" }, { "symbol jiffies", "symbol /^jiff/" } };
		PolicyColors colors = new PolicyColors(Display.getCurrent(), () -> { });
		try {
			for (String[] edit : edits) {
				int at = doc.get().indexOf(edit[0]);
				assertTrue(at >= 0, edit[0]);
				doc.replace(at, edit[0].length(), edit[1]);
				PolicyHighlighter full = new PolicyHighlighter(colors);
				full.setDocument(new org.eclipse.jface.text.Document(doc.get()));
				var presentation = new org.eclipse.jface.text.TextPresentation(
						new org.eclipse.jface.text.Region(0, doc.getLength()), 100);
				full.createPresentation(presentation,
						new org.eclipse.jface.text.TypedRegion(0, doc.getLength(), IDocument.DEFAULT_CONTENT_TYPE));
				List<org.eclipse.swt.custom.StyleRange> expected = new java.util.ArrayList<>();
				presentation.getAllStyleRangeIterator().forEachRemaining(expected::add);
				assertEquals(styleRuns(doc.getLength(), expected), styleRuns(doc.getLength(), List.of(widget.getStyleRanges())),
						"after replacing " + edit[0]);
			}
		} finally {
			colors.dispose();
		}
	}

	/** Runs of characters with the same colour and font style, as "start-end colour style". */
	private static List<String> styleRuns(int length, List<org.eclipse.swt.custom.StyleRange> ranges) {
		String[] style = new String[length];
		Arrays.fill(style, "plain");
		for (var r : ranges) {
			for (int i = r.start; i < r.start + r.length; i++) {
				style[i] = r.foreground == null && r.fontStyle == 0 ? "plain"
						: (r.foreground == null ? null : r.foreground.getRGB()) + " " + r.fontStyle;
			}
		}
		List<String> runs = new java.util.ArrayList<>();
		for (int from = 0, i = 1; i <= length; i++) {
			if (i == length || !style[i].equals(style[from])) {
				runs.add(from + "-" + i + " " + style[from]);
				from = i;
			}
		}
		return runs;
	}

	@Test
	void contentAssistProposesKeywordsAtABlockStart() throws Exception {
		IDocument doc = editor.document();
		int offset = doc.get().indexOf("    symbol jiffies");
		PolicyContentAssistProcessor processor = new PolicyContentAssistProcessor(editor::emfLocation);
		List<String> proposals = processor.entries(doc.get(), offset).stream().map(e -> e.getProposal()).toList();
		assertTrue(proposals.containsAll(List.of("symbol", "slab", "percpu", "region")), proposals::toString);
		ICompletionProposal[] shown = processor.computeCompletionProposals(editor.viewer(), offset);
		assertTrue(shown.length >= 4);
	}

	@Test
	void theContentAssistCommandOpensTheProposalPopup() throws Exception {
		IDocument doc = editor.document();
		editor.selectAndReveal(doc.get().indexOf("    symbol jiffies"), 0);
		editor.setFocus();
		var shells = Display.getCurrent().getShells().length;
		var handlers = editor.getSite().getService(org.eclipse.ui.handlers.IHandlerService.class);
		handlers.executeCommand(org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS, null);
		waitUntil(() -> Display.getCurrent().getShells().length > shells, 5_000);
		org.eclipse.swt.widgets.Table table = null;
		for (var shell : Display.getCurrent().getShells()) {
			for (var child : shell.getChildren()) {
				if (child instanceof org.eclipse.swt.widgets.Table t && shell.isVisible()) {
					table = t;
				}
			}
		}
		assertNotNull(table, "a proposal popup with a table");
		List<String> items = new java.util.ArrayList<>();
		for (var item : table.getItems()) {
			items.add(item.getText());
		}
		assertTrue(items.stream().anyMatch(i -> i.startsWith("symbol")), items::toString);
	}

	@Test
	void toggleCommentCommentsAndUncommentsTheSelectedLine() {
		IDocument doc = editor.document();
		int line = 3;
		editor.selectAndReveal(doc.get().indexOf("symbol jiffies"), 0);
		editor.toggleComment();
		assertTrue(doc.get().contains("//     symbol jiffies"), doc.get());
		editor.toggleComment();
		assertEquals(POLICY, doc.get());
		assertNotNull(Integer.valueOf(line));
	}

	@Test
	void openDeclarationJumpsFromAContextToItsClass() {
		IDocument doc = editor.document();
		editor.selectAndReveal(doc.get().indexOf("uses KVM") + "uses ".length() + 1, 0);
		editor.openDeclaration();
		var sel = (org.eclipse.jface.text.ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(doc.get().indexOf("asi class KVM"), sel.getOffset());
	}

	@Test
	void saveWritesTheFileAndClearsDirtyState() throws Exception {
		IDocument doc = editor.document();
		doc.replace(0, 0, "// edited\n");
		assertTrue(editor.isDirty());
		editor.doSave(null);
		assertFalse(editor.isDirty());
		String onDisk = new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(onDisk.startsWith("// edited\n"), onDisk);
	}

	@Test
	void outlineShowsPolicyClassAndContext() {
		var page = editor.getAdapter(org.eclipse.ui.views.contentoutline.IContentOutlinePage.class);
		assertNotNull(page);
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().activate(editor);
		waitUntil(() -> editor.outlinePage() != null && editor.outlinePage().topLevel().length == 3, 10_000);
		assertEquals(3, editor.outlinePage().topLevel().length);
	}

	/**
	 * The outline tree is kept while its lines stay the same; choosing a line must still select where the element is
	 * now, and a structural edit must show up.
	 */
	@Test
	void outlineFollowsStructuralEditsAndSelectsWhereElementsAreNow() throws Exception {
		var page = editor.getAdapter(org.eclipse.ui.views.contentoutline.IContentOutlinePage.class);
		assertNotNull(page);
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().activate(editor);
		waitUntil(() -> editor.outlinePage() != null && editor.outlinePage().topLevel().length == 3, 10_000);
		IDocument doc = editor.document();
		doc.replace(doc.get().indexOf("vm guest1"), 0, "vm guest2 uses KVM\n");
		waitUntil(() -> editor.outlinePage().topLevel().length == 4, 10_000);
		assertEquals(4, editor.outlinePage().topLevel().length, "a new context shows up");
		doc.replace(0, 0, "// every element moves down a line\n");
		waitUntil(() -> editor.reconcilingStrategy().parsed(doc.get()) != null
				&& ((org.eclipse.emf.ecore.EObject) editor.outlinePage().topLevel()[0]).eResource() == editor
						.reconcilingStrategy().latest(), 10_000);
		var tree = (org.eclipse.swt.widgets.Tree) editor.outlinePage().getControl();
		var item = Arrays.stream(tree.getItems()).filter(i -> i.getText().equals("vm guest2")).findFirst().orElseThrow();
		editor.outlinePage().setSelection(new org.eclipse.jface.viewers.StructuredSelection(item.getData()));
		var sel = (org.eclipse.jface.text.ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(doc.get().indexOf("vm guest2"), sel.getOffset());
	}
}
