// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.views;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;

/**
 * The selection of a canvas-based view, published to the workbench (Properties view, other views). A click is a
 * deliberate choice, so post-selection listeners (the Properties view, the page-table view) hear it at once too.
 */
public final class SelectionSource implements IPostSelectionProvider {

	private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
	private final ListenerList<ISelectionChangedListener> postListeners = new ListenerList<>();
	private ISelection selection = StructuredSelection.EMPTY;

	@Override
	public void addSelectionChangedListener(ISelectionChangedListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeSelectionChangedListener(ISelectionChangedListener listener) {
		listeners.remove(listener);
	}

	@Override
	public void addPostSelectionChangedListener(ISelectionChangedListener listener) {
		postListeners.add(listener);
	}

	@Override
	public void removePostSelectionChangedListener(ISelectionChangedListener listener) {
		postListeners.remove(listener);
	}

	@Override
	public ISelection getSelection() {
		return selection;
	}

	@Override
	public void setSelection(ISelection s) {
		selection = s == null ? StructuredSelection.EMPTY : s;
		SelectionChangedEvent event = new SelectionChangedEvent(this, selection);
		for (ISelectionChangedListener l : listeners) {
			l.selectionChanged(event);
		}
		for (ISelectionChangedListener l : postListeners) {
			l.selectionChanged(event);
		}
	}

	/** Selects one element, or nothing for null. */
	public void select(Object element) {
		setSelection(element == null ? StructuredSelection.EMPTY : new StructuredSelection(element));
	}
}
