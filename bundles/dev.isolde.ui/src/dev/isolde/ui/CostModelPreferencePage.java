// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui;

import java.lang.reflect.RecordComponent;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Window > Preferences > Isolde: the simulator's default cycle costs. */
public final class CostModelPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** Page id, as declared in plugin.xml. */
	public static final String ID = "dev.isolde.ui.preferences";

	/** A cycle count: a whole number from 0 to Long.MAX_VALUE. */
	private static final class CyclesFieldEditor extends StringFieldEditor {

		CyclesFieldEditor(String name, String label, org.eclipse.swt.widgets.Composite parent) {
			super(name, label, 12, parent);
			setEmptyStringAllowed(false);
			setErrorMessage(label + ": cycles must be a whole number, 0 or more");
		}

		@Override
		protected boolean doCheckState() {
			try {
				return Long.parseLong(getStringValue().strip()) >= 0;
			} catch (NumberFormatException e) {
				return false;
			}
		}
	}

	public CostModelPreferencePage() {
		super(GRID);
		setDescription("Simulator cost model: the cycles each mitigation primitive costs when a simulation "
				+ "starts from the workbench (a scenario's 'cost' items and class overrides still win).");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(IsoldePreferences.store());
	}

	@Override
	protected void createFieldEditors() {
		for (RecordComponent c : IsoldePreferences.costItems()) {
			String name = IsoldePreferences.label(c);
			if (c.getType() == boolean.class) {
				addField(new BooleanFieldEditor(IsoldePreferences.key(c),
						name + " (the CPU has PCID: a page-table switch costs pt_switch_pcid)", getFieldEditorParent()));
			} else {
				addField(new CyclesFieldEditor(IsoldePreferences.key(c), name + " (cycles)", getFieldEditorParent()));
			}
		}
	}
}
