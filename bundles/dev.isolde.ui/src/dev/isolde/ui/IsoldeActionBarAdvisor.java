// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/** The menu bar every Eclipse user expects: File, Edit, Navigate, Window, Help, with the standard actions. */
final class IsoldeActionBarAdvisor extends ActionBarAdvisor {

	IsoldeActionBarAdvisor(IActionBarConfigurer configurer) {
		super(configurer);
	}

	private ActionFactory.IWorkbenchAction register(ActionFactory factory) {
		ActionFactory.IWorkbenchAction action = factory.create(getActionBarConfigurer().getWindowConfigurer().getWindow());
		register(action);
		return action;
	}

	@Override
	protected void fillMenuBar(IMenuManager menuBar) {
		IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();
		MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
		MenuManager newMenu = new MenuManager("&New", ActionFactory.NEW.getId());
		newMenu.add(ContributionItemFactory.NEW_WIZARD_SHORTLIST.create(window));
		file.add(newMenu);
		file.add(new GroupMarker(IWorkbenchActionConstants.NEW_EXT));
		file.add(new Separator());
		file.add(register(ActionFactory.SAVE));
		file.add(register(ActionFactory.SAVE_ALL));
		file.add(register(ActionFactory.CLOSE));
		file.add(register(ActionFactory.CLOSE_ALL));
		file.add(new Separator());
		file.add(register(ActionFactory.IMPORT));
		file.add(register(ActionFactory.EXPORT));
		file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		file.add(new Separator());
		file.add(register(ActionFactory.QUIT));
		menuBar.add(file);

		// the group markers are where text editors contribute (Find/Replace, Go to Line, Quick Fix...)
		MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
		edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
		edit.add(register(ActionFactory.UNDO));
		edit.add(register(ActionFactory.REDO));
		edit.add(new GroupMarker(IWorkbenchActionConstants.UNDO_EXT));
		edit.add(new Separator());
		edit.add(register(ActionFactory.CUT));
		edit.add(register(ActionFactory.COPY));
		edit.add(register(ActionFactory.PASTE));
		edit.add(register(ActionFactory.DELETE));
		edit.add(register(ActionFactory.SELECT_ALL));
		edit.add(new GroupMarker(IWorkbenchActionConstants.CUT_EXT));
		edit.add(new Separator());
		edit.add(register(ActionFactory.FIND));
		edit.add(new GroupMarker(IWorkbenchActionConstants.FIND_EXT));
		edit.add(new GroupMarker(IWorkbenchActionConstants.ADD_EXT));
		edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));
		edit.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		menuBar.add(edit);

		MenuManager navigate = new MenuManager("&Navigate", IWorkbenchActionConstants.M_NAVIGATE);
		navigate.add(new GroupMarker(IWorkbenchActionConstants.NAV_START));
		navigate.add(new GroupMarker(IWorkbenchActionConstants.OPEN_EXT));
		navigate.add(new GroupMarker(IWorkbenchActionConstants.SHOW_EXT));
		MenuManager goTo = new MenuManager("&Go To", IWorkbenchActionConstants.GO_TO);
		goTo.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		navigate.add(goTo);
		navigate.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		navigate.add(new GroupMarker(IWorkbenchActionConstants.NAV_END));
		menuBar.add(navigate);
		menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));

		MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
		MenuManager showView = new MenuManager("Show &View");
		showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
		windowMenu.add(showView);
		windowMenu.add(register(ActionFactory.RESET_PERSPECTIVE));
		windowMenu.add(new Separator());
		windowMenu.add(register(ActionFactory.PREFERENCES));
		menuBar.add(windowMenu);

		MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
		help.add(register(ActionFactory.ABOUT));
		menuBar.add(help);
	}
}
