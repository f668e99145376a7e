// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import static dev.isolde.ui.editor.EditorDriver.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.junit.jupiter.api.Test;

import dev.isolde.dsl.isolde.AsiModel;
import dev.isolde.ui.SampleProject;

/** The New Policy wizard's starter policies check clean; colour preferences repaint open editors. */
class WizardAndPreferencesTest {

	@Test
	void starterPoliciesOfBothModelsCheckCleanAgainstTheSampleKernel() {
		URI location = URI.createFileURI(Path.of(System.getProperty("isolde.samples"), "new.asi").toAbsolutePath().toString());
		for (AsiModel model : AsiModel.values()) {
			String text = StarterPolicy.text("starter", model, "machine.isolde");
			assertTrue(text.contains("model " + model.getLiteral()), text);
			var issues = PolicyLanguage.injector().getInstance(IResourceValidator.class)
					.validate(PolicyLanguage.parse(text, location), CheckMode.ALL, null);
			assertEquals(List.of(), issues, text);
		}
		assertEquals("kvm_host", StarterPolicy.nameOf("kvm-host.asi"));
		assertEquals("_2025", StarterPolicy.nameOf("2025.asi"));
	}

	@Test
	void theNewPolicyWizardCreatesAndOpensAPolicyThatChecksClean() throws Exception {
		SampleProject.openOnFirstStart();
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(SampleProject.NAME);
		IFile created = project.getFile("wizard-made.asi");
		if (created.exists()) {
			created.delete(true, null);
		}
		NewPolicyWizard wizard = new NewPolicyWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			wizard.page().setFileName("wizard-made.asi");
			assertTrue(wizard.canFinish(), wizard.page().getErrorMessage());
			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}
		assertTrue(created.exists());
		String text = new String(created.getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(text.contains("kernel \"machine.isolde\"") && text.contains("policy wizard_made for"), text);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart editor = page.getActiveEditor();
		PolicyEditor policyEditor = assertInstanceOf(PolicyEditor.class, editor);
		try {
			assertTrue(waitUntil(() -> policyEditor.reconcilingStrategy().latest() != null, 20_000));
			waitUntil(() -> false, 500); // let the marker job run
			assertEquals(0, created.findMarkers(PolicyProblems.MARKER, false, IResource.DEPTH_ZERO).length,
					() -> markers(created));
		} finally {
			page.closeEditor(editor, false);
			created.delete(true, null);
		}
	}

	private static String markers(IFile file) {
		try {
			StringBuilder b = new StringBuilder();
			for (IMarker m : file.findMarkers(PolicyProblems.MARKER, false, IResource.DEPTH_ZERO)) {
				b.append(m.getAttribute(IMarker.MESSAGE, "")).append('\n');
			}
			return b.toString();
		} catch (org.eclipse.core.runtime.CoreException e) {
			return e.toString();
		}
	}

	@Test
	void changingAColourPreferenceRecoloursTheOpenEditor() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("colour-test");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IFile file = project.getFile("colours.asi");
		if (!file.exists()) {
			file.create("policy colours for x86_64 paging 4 { default sensitive }\n".getBytes(StandardCharsets.UTF_8),
					true, false, null);
		}
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		PolicyEditor editor = assertInstanceOf(PolicyEditor.class, IDE.openEditor(page, file, true));
		var store = PolicyColors.store();
		String key = PolicyColors.Category.KEYWORD.key();
		try {
			assertEquals(PolicyColors.DEFAULTS.get(PolicyColors.Category.KEYWORD), keywordColour(editor));
			RGB red = new RGB(230, 20, 20);
			PreferenceConverter.setValue(store, key, red);
			assertTrue(waitUntil(() -> red.equals(keywordColour(editor)), 5_000), () -> "now " + keywordColour(editor));
		} finally {
			store.setToDefault(key);
			page.closeEditor(editor, false);
		}
	}

	/** The foreground of the widget at the {@code policy} keyword. */
	private static RGB keywordColour(PolicyEditor editor) {
		StyleRange style = editor.viewer().getTextWidget().getStyleRangeAtOffset(0);
		return style == null || style.foreground == null ? null : style.foreground.getRGB();
	}
}
