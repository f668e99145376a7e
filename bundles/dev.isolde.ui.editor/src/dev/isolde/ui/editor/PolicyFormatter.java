// SPDX-License-Identifier: EPL-2.0
package dev.isolde.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Injector;

/** Formats a policy with the language's formatter; a policy with syntax errors is left alone. */
public final class PolicyFormatter {

	private PolicyFormatter() {
	}

	/** The formatted text, or {@code null} when the text does not parse. */
	public static String format(String text, URI location) {
		XtextResource resource = PolicyLanguage.parse(text, location);
		if (!resource.getErrors().isEmpty()) {
			return null;
		}
		Injector injector = PolicyLanguage.injector();
		ITextRegionAccess access = injector.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create();
		FormatterRequest request = injector.getInstance(FormatterRequest.class);
		request.setTextRegionAccess(access);
		request.setAllowIdentityEdits(false);
		List<ITextReplacement> replacements = new ArrayList<>(injector.getInstance(IFormatter2.class).format(request));
		replacements.sort(Comparator.comparingInt(ITextReplacement::getOffset).reversed());
		StringBuilder b = new StringBuilder(text);
		for (ITextReplacement r : replacements) {
			b.replace(r.getOffset(), r.getEndOffset(), r.getReplacementText());
		}
		return b.toString();
	}
}
