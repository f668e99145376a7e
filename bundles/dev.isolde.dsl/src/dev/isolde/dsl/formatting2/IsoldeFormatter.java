// SPDX-License-Identifier: EPL-2.0
package dev.isolde.dsl.formatting2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;

import dev.isolde.dsl.isolde.AsiClassDecl;
import dev.isolde.dsl.isolde.Block;
import dev.isolde.dsl.isolde.ContextDecl;
import dev.isolde.dsl.isolde.Import;
import dev.isolde.dsl.isolde.IsoldePackage.Literals;
import dev.isolde.dsl.isolde.Policy;
import dev.isolde.dsl.isolde.PolicyFile;
import dev.isolde.dsl.isolde.Scenario;

/**
 * Lays policies out as DESIGN §7 writes them: one space between tokens, 2-space indentation inside braces, one
 * rule or member per line ({@code because} stays on its rule's line) and a blank line between top-level elements.
 */
public class IsoldeFormatter extends AbstractJavaFormatter {

	private static final String INDENTATION = "  ";

	@Override
	protected void initialize(FormatterRequest request) {
		// Xtext's default indentation is a tab; the samples and DESIGN §7 use two spaces. An explicit choice
		// (an editor's or LSP client's preference) still wins.
		String indentation = request.getPreferences().getPreference(FormatterPreferenceKeys.indentation);
		if (indentation.equals(FormatterPreferenceKeys.indentation.getDefaultValue())) {
			MapBasedPreferenceValues spaces = new MapBasedPreferenceValues(request.getPreferences(), new HashMap<>());
			spaces.put(FormatterPreferenceKeys.indentation, INDENTATION);
			request.setPreferences(spaces);
		}
		super.initialize(request);
	}

	protected void format(PolicyFile file, IFormattableDocument doc) {
		IEObjectRegion root = regionForEObject(file);
		if (root == null) {
			return;
		}
		IHiddenRegion start = root.getPreviousHiddenRegion();
		if (start != null && !start.containsComment()) {
			doc.set(start, this::noSpace);
		}
		// Everything not laid out below is separated by one space; lower priority lets the rules below override.
		for (ISemanticRegion region : root.getAllSemanticRegions()) {
			IHiddenRegion next = region.getNextHiddenRegion();
			if (next != null && next.getNextSemanticRegion() != null) {
				doc.set(next, it -> {
					it.oneSpace();
					it.lowPriority();
				});
			}
		}
		for (ISemanticRegion separator : allRegionsFor(file).keywords(",", ";")) {
			doc.prepend(separator, this::noSpace);
		}
		List<EObject> items = new ArrayList<>(file.getImports());
		if (file.getKernel() != null) {
			items.add(file.getKernel());
		}
		items.addAll(file.getElements());
		for (int i = 0; i < items.size(); i++) {
			EObject item = items.get(i);
			EObject next = i + 1 < items.size() ? items.get(i + 1) : null;
			// Runs of imports or of context declarations read as lists; everything else gets a blank line.
			boolean list = next != null && (item instanceof Import && next instanceof Import
					|| item instanceof ContextDecl && next instanceof ContextDecl);
			int newLines = next == null || list ? 1 : 2;
			doc.append(item, it -> it.setNewLines(newLines));
			doc.format(item);
		}
	}

	protected void format(Policy policy, IFormattableDocument doc) {
		List<ISemanticRegion> header = new ArrayList<>();
		for (var feature : List.of(Literals.POLICY__MODEL, Literals.POLICY__DEFAULT, Literals.POLICY__RFC_LIMITS,
				Literals.POLICY__VMALLOC_LOCAL_PERCENT)) {
			ISemanticRegion region = regionFor(policy).feature(feature);
			if (region != null) {
				header.add(region);
			}
		}
		ISemanticRegion open = regionFor(policy).keyword("{");
		ISemanticRegion close = regionFor(policy).keyword("}");
		if (header.isEmpty() && policy.getBlocks().isEmpty()) {
			return;
		}
		doc.interior(open, close, this::indent);
		doc.append(open, this::newLine);
		for (int i = 0; i < header.size(); i++) {
			boolean beforeBlocks = i == header.size() - 1 && !policy.getBlocks().isEmpty();
			doc.append(header.get(i), it -> it.setNewLines(beforeBlocks ? 2 : 1));
		}
		List<Block> blocks = policy.getBlocks();
		for (int i = 0; i < blocks.size(); i++) {
			boolean last = i == blocks.size() - 1;
			doc.append(blocks.get(i), it -> it.setNewLines(last ? 1 : 2));
			doc.format(blocks.get(i));
		}
	}

	protected void format(Block block, IFormattableDocument doc) {
		lines(block, block.getRules(), doc);
	}

	protected void format(AsiClassDecl asiClass, IFormattableDocument doc) {
		lines(asiClass, asiClass.getMembers(), doc);
	}

	protected void format(Scenario scenario, IFormattableDocument doc) {
		lines(scenario, scenario.getMembers(), doc);
	}

	/** Puts each of {@code lines} on its own indented line between the braces of {@code owner}. */
	private void lines(EObject owner, List<? extends EObject> lines, IFormattableDocument doc) {
		if (lines.isEmpty()) {
			return;
		}
		ISemanticRegion open = regionFor(owner).keyword("{");
		ISemanticRegion close = regionFor(owner).keyword("}");
		doc.interior(open, close, this::indent);
		doc.append(open, this::newLine);
		for (EObject line : lines) {
			doc.append(line, this::newLine);
		}
	}
}
