// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

import dev.isolde.dsl.isolde.AsiClassDecl;
import dev.isolde.dsl.isolde.Block;
import dev.isolde.dsl.isolde.ContextDecl;
import dev.isolde.dsl.isolde.GlobalBlock;
import dev.isolde.dsl.isolde.LocalBlock;
import dev.isolde.dsl.isolde.Policy;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Scenario;
import dev.isolde.dsl.isolde.SensitiveBlock;

/** Outline of a policy file: policies with their blocks and rules, classes, contexts and scenarios. */
final class PolicyOutlinePage extends ContentOutlinePage {

	private final PolicyEditor editor;
	private PolicyFile input;
	/** The lines of the tree last given to the UI thread. */
	private String shown;

	PolicyOutlinePage(PolicyEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new Content());
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return PolicyLabels.label((EObject) element);
			}
		});
		viewer.addSelectionChangedListener(e -> {
			if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof EObject o) {
				ICompositeNode node = NodeModelUtils.findActualNodeFor(current(o));
				if (node != null) {
					editor.selectAndReveal(node.getOffset(), node.getLength());
				}
			}
		});
		editor.reconcilingStrategy().addListener(this::update);
		update(editor.reconcilingStrategy().latest());
	}

	/**
	 * Shows the AST of {@code resource}; called from the reconciler thread. The tree is rebuilt only when its lines
	 * changed: most keystrokes leave them as they were, and rebuilding the lines of 5,000 rules kept the UI thread
	 * busy after every reconcile.
	 */
	synchronized void update(XtextResource resource) {
		if (resource == null || resource.getContents().isEmpty() || getTreeViewer() == null) {
			return;
		}
		PolicyFile file = (PolicyFile) resource.getContents().get(0);
		var control = getTreeViewer().getControl();
		if (control.isDisposed()) {
			return;
		}
		String lines = lines(file);
		boolean same = lines.equals(shown);
		shown = lines;
		control.getDisplay().asyncExec(() -> {
			if (!control.isDisposed()) {
				input = file;
				if (!same || getTreeViewer().getInput() == null) {
					getTreeViewer().setInput(input);
					getTreeViewer().expandToLevel(3);
				}
			}
		});
	}

	/** The outline's lines as text, one per element with its depth, to tell whether the tree would change. */
	private static String lines(PolicyFile file) {
		StringBuilder b = new StringBuilder();
		Content content = new Content();
		for (Object top : content.getElements(file)) {
			b.append(PolicyLabels.label((EObject) top)).append('\n');
			for (Object block : content.getChildren(top)) {
				b.append(' ').append(PolicyLabels.label((EObject) block)).append('\n');
				for (Object rule : content.getChildren(block)) {
					b.append("  ").append(PolicyLabels.label((EObject) rule)).append('\n');
				}
			}
		}
		return b.toString();
	}

	/**
	 * The element of the current AST at the place of {@code shownElement}, which may come from an older AST whose
	 * outline looked the same (the tree was kept), so that its text offsets are today's.
	 */
	private EObject current(EObject shownElement) {
		EObject root = EcoreUtil.getRootContainer(shownElement);
		if (input == null || root == input) {
			return shownElement;
		}
		EObject now = EcoreUtil.getEObject(input, EcoreUtil.getRelativeURIFragmentPath(root, shownElement));
		return now != null ? now : shownElement;
	}

	/** The top-level items currently shown (for tests). */
	Object[] topLevel() {
		return input == null ? new Object[0] : new Content().getElements(input);
	}

	private static final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			// error recovery can leave elements without a name: they are not worth an outline line
			return input instanceof PolicyFile f ? f.getElements().stream().filter(PolicyOutlinePage::named).toArray()
					: new Object[0];
		}

		@Override
		public Object[] getChildren(Object element) {
			List<Object> children = new ArrayList<>();
			if (element instanceof Policy p) {
				children.addAll(p.getBlocks());
			} else if (element instanceof GlobalBlock b) {
				children.addAll(b.getRules());
			} else if (element instanceof LocalBlock b) {
				children.addAll(b.getRules());
			} else if (element instanceof SensitiveBlock b) {
				children.addAll(b.getRules());
			}
			return children.toArray();
		}

		@Override
		public Object getParent(Object element) {
			return element instanceof EObject o ? o.eContainer() : null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return element instanceof Policy || element instanceof Block;
		}
	}

	static boolean named(EObject o) {
		return o instanceof Policy p ? p.getName() != null
				: o instanceof AsiClassDecl c ? c.getName() != null
						: o instanceof ContextDecl c ? c.getName() != null : !(o instanceof Scenario s) || s.getName() != null;
	}
}
