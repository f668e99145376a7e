// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** Mirrors a policy's validation issues as workspace markers: Problems view, rulers and annotations at once. */
public final class PolicyProblems {

	/** Marker type of policy problems (a problem marker and a text marker). */
	public static final String MARKER = "dev.isolde.ui.editor.problem";
	/** Marker attribute holding the validator's issue code, for quick fixes. */
	public static final String CODE = "issueCode";
	/** Marker attribute holding the issue's data (e.g. the names of both conflicting rules). */
	public static final String DATA = "issueData";

	private PolicyProblems() {
	}

	/**
	 * Makes the markers of {@code file} those of {@code issues}, in a workspace job (never on the UI thread). Only
	 * markers that changed are deleted or created: a keystroke in a large policy changes one or two problems, and
	 * re-creating all of them made the Problems view and the rulers redraw every one.
	 */
	public static void publish(IFile file, List<Issue> issues) {
		WorkspaceJob job = new WorkspaceJob("Updating problems of " + file.getName()) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				if (!file.exists()) {
					return Status.OK_STATUS;
				}
				// how many markers with these attributes are wanted (two issues may be alike)
				Map<Map<String, Object>, Integer> wanted = new HashMap<>();
				for (Issue issue : issues) {
					wanted.merge(attributes(issue), 1, Integer::sum);
				}
				List<IMarker> stale = new ArrayList<>();
				for (IMarker m : file.findMarkers(MARKER, false, IResource.DEPTH_ZERO)) {
					Map<String, Object> existing = m.getAttributes();
					Integer count = existing == null ? null : wanted.get(existing);
					if (count == null) {
						stale.add(m);
					} else if (count == 1) {
						wanted.remove(existing);
					} else {
						wanted.put(existing, count - 1);
					}
				}
				if (!stale.isEmpty()) {
					file.getWorkspace().deleteMarkers(stale.toArray(IMarker[]::new));
				}
				for (Map.Entry<Map<String, Object>, Integer> e : wanted.entrySet()) {
					for (int i = 0; i < e.getValue(); i++) {
						file.createMarker(MARKER, e.getKey());
					}
				}
				return Status.OK_STATUS;
			}
		};
		job.setRule(file);
		job.setSystem(true);
		job.schedule();
	}

	/** The marker attributes of {@code issue}, with the value types that markers store and return. */
	static Map<String, Object> attributes(Issue issue) {
		Map<String, Object> a = new HashMap<>();
		a.put(IMarker.MESSAGE, issue.getMessage());
		a.put(IMarker.SEVERITY, severity(issue.getSeverity()));
		a.put(IMarker.LINE_NUMBER, issue.getLineNumber() == null ? 1 : issue.getLineNumber());
		if (issue.getOffset() != null && issue.getLength() != null) {
			a.put(IMarker.CHAR_START, issue.getOffset().intValue());
			a.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
		}
		a.put(IMarker.LOCATION, "line " + issue.getLineNumber());
		if (issue.getCode() != null) {
			a.put(CODE, issue.getCode());
		}
		if (issue.getData() != null && issue.getData().length > 0) {
			a.put(DATA, String.join("\u0000", issue.getData()));
		}
		return a;
	}

	private static int severity(Severity s) {
		if (s == null) {
			return IMarker.SEVERITY_ERROR;
		}
		return switch (s) {
		case ERROR -> IMarker.SEVERITY_ERROR;
		case WARNING -> IMarker.SEVERITY_WARNING;
		default -> IMarker.SEVERITY_INFO;
		};
	}
}
