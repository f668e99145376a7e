// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import static dev.isolde.ui.editor.EditorDriver.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.isolde.ui.SampleProject;

/**
 * The sample policy as a user meets it: typing an error shows it in the Problems view, Ctrl+1 fixes it, and content
 * assist at a selector offers the names of the sample kernel model.
 */
class SamplePolicyTest {

	private static final String CLASS_REFERENCE = "vm guest1 uses KVM";

	private IFile file;
	private PolicyEditor editor;
	private final List<String> loggedErrors = new CopyOnWriteArrayList<>();
	private final ILogListener logListener = (status, plugin) -> {
		boolean svgIcon = status.getException() != null
				&& String.valueOf(status.getException().getMessage()).contains("No SVG rasterizer");
		if (status.getSeverity() == IStatus.ERROR && !svgIcon) {
			loggedErrors.add(status.getMessage());
		}
	};

	@BeforeEach
	void openTheSamplePolicy() throws Exception {
		Platform.addLogListener(logListener);
		SampleProject.openOnFirstStart();
		file = ResourcesPlugin.getWorkspace().getRoot().getProject(SampleProject.NAME).getFile(SampleProject.FIRST_POLICY);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		editor = assertInstanceOf(PolicyEditor.class, IDE.openEditor(page, file, true));
		assertTrue(waitUntil(() -> editor.reconcilingStrategy().latest() != null, 20_000), "first validation");
	}

	@AfterEach
	void closeWithoutSaving() {
		editor.getSite().getPage().closeEditor(editor, false);
		Platform.removeLogListener(logListener);
		assertEquals(List.of(), loggedErrors, "errors logged while the editor was open");
	}

	private IMarker[] errors() {
		try {
			return Arrays.stream(file.findMarkers(PolicyProblems.MARKER, false, IResource.DEPTH_ZERO))
					.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).toArray(IMarker[]::new);
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	private void runCommand(String id) throws Exception {
		editor.setFocus();
		editor.getSite().getService(IHandlerService.class).executeCommand(id, null);
	}

	@Test
	void typingAMisspeltClassShowsAnErrorInTheProblemsViewAndQuickFixRepairsIt() throws Exception {
		IDocument doc = editor.document();
		int end = doc.get().indexOf(CLASS_REFERENCE) + CLASS_REFERENCE.length();
		assertEquals(0, errors().length, "the sample policy has no errors");
		editor.selectAndReveal(end, 0);
		editor.setFocus();
		EditorDriver.type(editor.viewer().getTextWidget(), "x");
		assertTrue(doc.get().contains(CLASS_REFERENCE + "x\n"), "typed into the document");

		assertTrue(waitUntil(() -> errors().length == 1, 15_000), "an error marker after typing");
		String message = errors()[0].getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.contains("KVMx"), message);
		IViewPart problems = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
				.showView(IPageLayout.ID_PROBLEM_VIEW);
		assertTrue(waitUntil(() -> EditorDriver.treeTexts(problemsControl(problems)).contains(message), 15_000),
				() -> "Problems view shows the error: " + EditorDriver.treeTexts(problemsControl(problems)));

		editor.getSite().getPage().activate(editor);
		editor.selectAndReveal(end + 1, 0);
		runCommand(ITextEditorActionDefinitionIds.QUICK_ASSIST);
		assertTrue(waitUntil(() -> EditorDriver.popupTable() != null, 5_000), "quick fix popup");
		Table table = EditorDriver.popupTable();
		List<String> fixes = EditorDriver.rows(table);
		int change = fixes.indexOf("Change to 'KVM'");
		assertTrue(change >= 0, fixes::toString);
		assertTrue(fixes.contains("Declare asi class KVMx per vm"), fixes::toString);
		table.setSelection(change);
		Event apply = new Event();
		apply.item = table.getItem(change);
		table.notifyListeners(SWT.DefaultSelection, apply);

		assertTrue(doc.get().contains(CLASS_REFERENCE + "\n"), doc.get());
		assertTrue(waitUntil(() -> errors().length == 0, 15_000), () -> "fixed: " + Arrays.toString(errors()));
		runCommand(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_UNDO);
		assertTrue(doc.get().contains(CLASS_REFERENCE + "x\n"), "one undo takes the fix back");
	}

	@Test
	void theProblemsViewsQuickFixEditsTheEditorsDocument() throws Exception {
		IDocument doc = editor.document();
		int end = doc.get().indexOf(CLASS_REFERENCE) + CLASS_REFERENCE.length();
		doc.replace(end - "KVM".length(), "KVM".length(), "KMV");
		assertTrue(waitUntil(() -> errors().length == 1, 15_000), "an error marker for KMV");
		IMarker marker = errors()[0];
		assertTrue(IDE.getMarkerHelpRegistry().hasResolutions(marker));
		List<String> labels = Arrays.stream(IDE.getMarkerHelpRegistry().getResolutions(marker))
				.map(r -> r.getLabel()).toList();
		assertEquals(List.of("Change to 'KVM'", "Declare asi class KMV per vm"), labels);
		IDE.getMarkerHelpRegistry().getResolutions(marker)[0].run(marker);
		assertTrue(doc.get().contains(CLASS_REFERENCE + "\n"), doc.get());
		assertTrue(editor.isDirty(), "fixed in the editor, saved when the user saves");
		assertTrue(waitUntil(() -> errors().length == 0, 15_000), () -> "fixed: " + Arrays.toString(errors()));
	}

	/** The Problems view's tree is the window's only tree that lists marker messages. */
	private static org.eclipse.swt.widgets.Control problemsControl(IViewPart view) {
		return view.getSite().getShell();
	}

	@Test
	void contentAssistAtASymbolProposesTheKernelModelsNames() throws Exception {
		IDocument doc = editor.document();
		int at = doc.get().indexOf("  global nonsensitive {\n") + "  global nonsensitive {\n".length();
		doc.replace(at, 0, "    symbol \n");
		editor.selectAndReveal(at + "    symbol ".length(), 0);
		editor.setFocus();
		EditorDriver.type(editor.viewer().getTextWidget(), "kvm_set_c");
		runCommand(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		assertTrue(waitUntil(() -> EditorDriver.popupTable() != null && EditorDriver.popupTable().getItemCount() > 0,
				5_000), "content assist popup");
		List<String> proposals = EditorDriver.rows(EditorDriver.popupTable());
		assertTrue(proposals.contains("kvm_set_cr0 — symbol in machine.isolde"), proposals::toString);
		assertTrue(proposals.stream().allMatch(p -> p.startsWith("kvm_set_c")), proposals::toString);
		assertNotNull(editor.viewer());
	}
}
