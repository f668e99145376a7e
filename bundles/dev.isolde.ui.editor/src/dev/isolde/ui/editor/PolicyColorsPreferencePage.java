// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import org.eclipse.jface.preference.ColorFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Window > Preferences > Isolde > Policy Editor Colours: one colour per syntax class, applied to open editors. */
public final class PolicyColorsPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** Page id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.editor.colors";

	public PolicyColorsPreferencePage() {
		super(GRID);
		setDescription("Colours of the policy editor's syntax classes; open editors repaint when you apply.");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(PolicyColors.store());
	}

	@Override
	protected void createFieldEditors() {
		for (PolicyColors.Category c : PolicyColors.Category.values()) {
			if (PolicyColors.DEFAULTS.containsKey(c)) {
				addField(new ColorFieldEditor(c.key(), c.label(), getFieldEditorParent()));
			}
		}
	}
}
