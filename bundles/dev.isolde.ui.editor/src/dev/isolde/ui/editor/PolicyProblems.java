// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.List;

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

	/** Replaces the markers of {@code file} by {@code issues}, in a workspace job (never on the UI thread). */
	public static void publish(IFile file, List<Issue> issues) {
		WorkspaceJob job = new WorkspaceJob("Updating problems of " + file.getName()) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				if (!file.exists()) {
					return Status.OK_STATUS;
				}
				file.deleteMarkers(MARKER, false, IResource.DEPTH_ZERO);
				for (Issue issue : issues) {
					IMarker m = file.createMarker(MARKER);
					m.setAttribute(IMarker.MESSAGE, issue.getMessage());
					m.setAttribute(IMarker.SEVERITY, severity(issue.getSeverity()));
					m.setAttribute(IMarker.LINE_NUMBER, issue.getLineNumber() == null ? 1 : issue.getLineNumber());
					if (issue.getOffset() != null && issue.getLength() != null) {
						m.setAttribute(IMarker.CHAR_START, issue.getOffset().intValue());
						m.setAttribute(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
					}
					m.setAttribute(IMarker.LOCATION, "line " + issue.getLineNumber());
					if (issue.getCode() != null) {
						m.setAttribute(CODE, issue.getCode());
					}
					if (issue.getData() != null && issue.getData().length > 0) {
						m.setAttribute(DATA, String.join("\u0000", issue.getData()));
					}
				}
				return Status.OK_STATUS;
			}
		};
		job.setRule(file);
		job.setSystem(true);
		job.schedule();
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
